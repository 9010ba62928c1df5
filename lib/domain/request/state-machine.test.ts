import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { REQUEST_STATUSES, type TRequestStatus } from "./lifecycle";
import {
  ACTOR_KINDS,
  actorKindOf,
  allowedEvents,
  effectiveStatus,
  isDecided,
  isFinal,
  isOpen,
  REQUEST_EVENTS,
  shownStatus,
  stateDiagram,
  transition,
  type TActorKind,
  type TRequestEvent,
} from "./state-machine";

// Written by hand, not read from the machine: a change to the machine that is not made here too fails.
const EVENTS: TRequestEvent[] = [
  "submit",
  "start_review",
  "ask_requester",
  "requester_answered",
  "grant",
  "decline",
  "cancel",
  "lapse",
  "expire",
  "withdraw",
  "give_up",
  "extend",
  "appeal_decline",
  "appeal_withdrawal",
  "uphold_decline",
  "overturn_decline",
  "uphold_withdrawal",
  "overturn_withdrawal",
];
const ACTORS: TActorKind[] = ["requester", "wmf", "wmde", "system"];

const ALLOWED: [TRequestStatus, TRequestEvent, TActorKind, TRequestStatus][] = [
  ["DRAFT", "submit", "requester", "SUBMITTED"],
  ["SUBMITTED", "start_review", "wmf", "IN_REVIEW"],
  ["SUBMITTED", "start_review", "wmde", "IN_REVIEW"],
  ["SUBMITTED", "ask_requester", "wmf", "AWAITING_REQUESTER"],
  ["SUBMITTED", "ask_requester", "wmde", "AWAITING_REQUESTER"],
  ["IN_REVIEW", "ask_requester", "wmf", "AWAITING_REQUESTER"],
  ["IN_REVIEW", "ask_requester", "wmde", "AWAITING_REQUESTER"],
  ["AWAITING_REQUESTER", "requester_answered", "requester", "IN_REVIEW"],
  ["IN_REVIEW", "grant", "wmf", "GRANTED"],
  ["IN_REVIEW", "decline", "wmf", "DECLINED"],
  ["SUBMITTED", "cancel", "requester", "CANCELLED"],
  ["IN_REVIEW", "cancel", "requester", "CANCELLED"],
  ["AWAITING_REQUESTER", "cancel", "requester", "CANCELLED"],
  ["AWAITING_REQUESTER", "lapse", "system", "LAPSED"],
  ["GRANTED", "expire", "system", "EXPIRED"],
  ["GRANTED", "withdraw", "wmf", "WITHDRAWN"],
  ["GRANTED", "give_up", "requester", "WITHDRAWN"],
  ["GRANTED", "extend", "wmf", "GRANTED"],
  ["DECLINED", "appeal_decline", "requester", "DECLINE_APPEALED"],
  ["WITHDRAWN", "appeal_withdrawal", "requester", "WITHDRAWAL_APPEALED"],
  ["DECLINE_APPEALED", "uphold_decline", "wmf", "DECLINED"],
  ["DECLINE_APPEALED", "overturn_decline", "wmf", "IN_REVIEW"],
  ["WITHDRAWAL_APPEALED", "uphold_withdrawal", "wmf", "WITHDRAWN"],
  ["WITHDRAWAL_APPEALED", "overturn_withdrawal", "wmf", "GRANTED"],
];

function expectedTarget(from: TRequestStatus, event: TRequestEvent, actor: TActorKind) {
  return ALLOWED.find(([f, e, a]) => f === from && e === event && a === actor)?.[3];
}

function everMayDo(event: TRequestEvent, actor: TActorKind) {
  return ALLOWED.some(([, e, a]) => e === event && a === actor);
}

const DECISIONS: TRequestEvent[] = ["grant", "decline", "withdraw", "extend"];
const DECIDED: TRequestStatus[] = ["GRANTED", "DECLINED", "EXPIRED", "WITHDRAWN"];

describe("every status, event and actor", () => {
  it("knows exactly the events and actor kinds this test expects", () => {
    assert.deepEqual([...REQUEST_EVENTS], EVENTS);
    assert.deepEqual([...ACTOR_KINDS], ACTORS);
  });

  for (const from of REQUEST_STATUSES) {
    for (const event of EVENTS) {
      const allowed = ACTORS.filter((actor) => expectedTarget(from, event, actor));
      const target = allowed.length > 0 ? `${allowed.join(", ")} → ${expectedTarget(from, event, allowed[0]!)}` : "nobody";
      it(`${from}, ${event}: allowed for ${target}`, () => {
        for (const actor of ACTORS) {
          const result = transition(from, event, actor);
          const to = expectedTarget(from, event, actor);
          if (to) {
            assert.deepEqual(result, { ok: true, to }, `${actor} may ${event} from ${from}`);
            continue;
          }
          assert.equal(result.ok, false, `${actor} may not ${event} from ${from}`);
          if (result.ok) continue;
          assert.equal(result.reason, everMayDo(event, actor) ? "not_allowed_from_status" : "not_allowed_for_actor", `${actor}, ${event}, ${from}`);
          assert.match(result.messageKey, /^transition-error-[a-z-]+$/);
        }
      });
    }
  }

  it("offers each actor exactly the events it may do from each status", () => {
    for (const from of REQUEST_STATUSES) {
      for (const actor of ACTORS) {
        const expected = EVENTS.filter((event) => expectedTarget(from, event, actor));
        assert.deepEqual(allowedEvents(from, actor), expected, `${actor} from ${from}`);
      }
    }
  });

  it("refuses with these message keys and no others", () => {
    const keys = new Set<string>();
    for (const from of REQUEST_STATUSES) {
      for (const event of EVENTS) {
        for (const actor of ACTORS) {
          const result = transition(from, event, actor);
          if (!result.ok) keys.add(result.messageKey);
        }
      }
    }
    const unknown = transition("IN_REVIEW", "approve" as TRequestEvent, "wmf");
    if (!unknown.ok) keys.add(unknown.messageKey);
    assert.deepEqual([...keys].sort(), [
      "transition-error-appeal-not-now",
      "transition-error-ask-requester-not-now",
      "transition-error-automatic-only",
      "transition-error-cancel-not-now",
      "transition-error-closed",
      "transition-error-decide-appeal-not-now",
      "transition-error-decline-not-now",
      "transition-error-expire-not-now",
      "transition-error-extend-not-now",
      "transition-error-give-up-not-now",
      "transition-error-grant-not-now",
      "transition-error-lapse-not-now",
      "transition-error-requester-answered-not-now",
      "transition-error-requester-only",
      "transition-error-reviewer-only",
      "transition-error-start-review-not-now",
      "transition-error-still-draft",
      "transition-error-submit-not-now",
      "transition-error-unknown-event",
      "transition-error-withdraw-not-now",
      "transition-error-wmf-only",
    ]);
  });
});

describe("the rules that matter most", () => {
  it("a WMDE reviewer can never decide", () => {
    for (const from of REQUEST_STATUSES) {
      for (const event of DECISIONS) {
        assert.deepEqual(transition(from, event, "wmde"), { ok: false, reason: "not_allowed_for_actor", messageKey: "transition-error-wmf-only" });
      }
    }
    assert.deepEqual(allowedEvents("SUBMITTED", "wmde"), ["start_review", "ask_requester"]);
    assert.deepEqual(allowedEvents("IN_REVIEW", "wmde"), ["ask_requester"]);
    assert.deepEqual(allowedEvents("GRANTED", "wmde"), []);
  });

  it("a decision is taken only in review, never on a new request or one waiting for an answer", () => {
    for (const from of ["SUBMITTED", "AWAITING_REQUESTER"] as const) {
      assert.deepEqual(transition(from, "grant", "wmf"), { ok: false, reason: "not_allowed_from_status", messageKey: "transition-error-grant-not-now" });
      assert.deepEqual(transition(from, "decline", "wmf"), { ok: false, reason: "not_allowed_from_status", messageKey: "transition-error-decline-not-now" });
    }
    assert.deepEqual(transition("IN_REVIEW", "grant", "wmf"), { ok: true, to: "GRANTED" });
  });

  it("a requester cannot cancel once decided", () => {
    for (const from of DECIDED) {
      const result = transition(from, "cancel", "requester");
      assert.equal(result.ok, false, from);
      if (!result.ok) assert.equal(result.reason, "not_allowed_from_status");
    }
    assert.deepEqual(transition("GRANTED", "cancel", "requester"), {
      ok: false,
      reason: "not_allowed_from_status",
      messageKey: "transition-error-cancel-not-now",
    });
    assert.deepEqual(transition("DECLINED", "cancel", "requester"), { ok: false, reason: "not_allowed_from_status", messageKey: "transition-error-closed" });
    for (const status of REQUEST_STATUSES)
      assert.equal(transition(status, "cancel", "requester").ok, isOpen(status), `a requester may cancel exactly while ${status} is open`);
  });

  it("a requester ends their own grant by giving it up, which withdraws it", () => {
    assert.deepEqual(transition("GRANTED", "give_up", "requester"), { ok: true, to: "WITHDRAWN" });
    assert.deepEqual(allowedEvents("GRANTED", "requester"), ["give_up"]);
  });

  it("expiry is derived even if no job ran", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    assert.equal(effectiveStatus("GRANTED", new Date("2026-05-31T12:00:00Z"), now), "EXPIRED");
    assert.equal(effectiveStatus("GRANTED", now, now), "EXPIRED");
    assert.equal(effectiveStatus("GRANTED", new Date("2026-06-01T12:00:01Z"), now), "GRANTED");
    assert.equal(effectiveStatus("GRANTED", null, now), "GRANTED");
    assert.equal(effectiveStatus("WITHDRAWN", new Date("2026-01-01T00:00:00Z"), now), "WITHDRAWN");
    assert.equal(effectiveStatus("IN_REVIEW", new Date("2026-01-01T00:00:00Z"), now), "IN_REVIEW");
    const lapsedGrant = effectiveStatus("GRANTED", new Date("2026-05-31T12:00:00Z"), now);
    assert.deepEqual(transition(lapsedGrant, "extend", "wmf"), { ok: false, reason: "not_allowed_from_status", messageKey: "transition-error-closed" });
    assert.deepEqual(transition("GRANTED", "expire", "system"), { ok: true, to: "EXPIRED" });
  });

  it("a grant before its first day shows as not started, and still acts as a grant", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const dates = (startsAt: string, expiresAt = "2027-06-01T23:59:59.999Z") => ({ startsAt: new Date(startsAt), expiresAt: new Date(expiresAt) });
    assert.equal(shownStatus("GRANTED", dates("2026-06-02T00:00:00Z"), now), "NOT_STARTED");
    assert.equal(shownStatus("GRANTED", dates("2026-06-01T00:00:00Z"), now), "GRANTED");
    assert.equal(shownStatus("GRANTED", dates("2026-06-01T12:00:00Z"), now), "GRANTED");
    assert.equal(shownStatus("GRANTED", { startsAt: null, expiresAt: null }, now), "GRANTED");
    assert.equal(shownStatus("GRANTED", dates("2026-01-01T00:00:00Z", "2026-05-31T23:59:59.999Z"), now), "EXPIRED");
    // Withdrawn or given up before it began: ended, whatever its dates said.
    assert.equal(shownStatus("WITHDRAWN", dates("2026-07-01T00:00:00Z"), now), "WITHDRAWN");
    assert.deepEqual(allowedEvents("GRANTED", "wmf"), ["withdraw", "extend"]);
  });

  it("the extension keeps a grant granted", () => {
    assert.deepEqual(transition("GRANTED", "extend", "wmf"), { ok: true, to: "GRANTED" });
    assert.deepEqual(allowedEvents("GRANTED", "wmf"), ["withdraw", "extend"]);
    assert.ok(stateDiagram().includes("GRANTED --> GRANTED: extend (wmf)"));
  });

  it("drafts can only be submitted", () => {
    assert.deepEqual(allowedEvents("DRAFT", "requester"), ["submit"]);
    for (const actor of ["wmf", "wmde", "system"] as const) assert.deepEqual(allowedEvents("DRAFT", actor), []);
    assert.deepEqual(transition("DRAFT", "cancel", "requester"), { ok: false, reason: "not_allowed_from_status", messageKey: "transition-error-still-draft" });
    assert.deepEqual(transition("SUBMITTED", "submit", "requester"), {
      ok: false,
      reason: "not_allowed_from_status",
      messageKey: "transition-error-submit-not-now",
    });
  });

  it("only the system lapses or expires a request", () => {
    assert.deepEqual(transition("AWAITING_REQUESTER", "lapse", "wmf"), {
      ok: false,
      reason: "not_allowed_for_actor",
      messageKey: "transition-error-automatic-only",
    });
    assert.deepEqual(transition("GRANTED", "expire", "requester"), {
      ok: false,
      reason: "not_allowed_for_actor",
      messageKey: "transition-error-automatic-only",
    });
  });

  it("refuses an event it does not know, even one named like a built-in property", () => {
    for (const event of ["approve", "toString", "constructor"]) {
      assert.deepEqual(transition("IN_REVIEW", event as TRequestEvent, "wmf"), {
        ok: false,
        reason: "unknown_event",
        messageKey: "transition-error-unknown-event",
      });
    }
  });
});

describe("who acts as what", () => {
  it("makes WMF reviewers and admins act for WMF, WMDE reviewers for WMDE, and requesters for nobody else", () => {
    assert.deepEqual(actorKindOf("WMF_REVIEWER", false), ["wmf"]);
    assert.deepEqual(actorKindOf("ADMIN", false), ["wmf"]);
    assert.deepEqual(actorKindOf("WMDE_REVIEWER", false), ["wmde"]);
    assert.deepEqual(actorKindOf("REQUESTER", false), []);
  });

  it("makes anyone, staff included, only the requester on their own request", () => {
    for (const role of ["REQUESTER", "WMF_REVIEWER", "WMDE_REVIEWER", "ADMIN"] as const) assert.deepEqual(actorKindOf(role, true), ["requester"]);
  });
});

describe("status groups", () => {
  it("sorts each status into open, decided and final", () => {
    const groups = (status: TRequestStatus) => [isOpen(status), isDecided(status), isFinal(status)];
    assert.deepEqual(Object.fromEntries(REQUEST_STATUSES.map((status) => [status, groups(status)])), {
      DRAFT: [false, false, false],
      SUBMITTED: [true, false, false],
      IN_REVIEW: [true, false, false],
      AWAITING_REQUESTER: [true, false, false],
      GRANTED: [false, true, false],
      // Ended, but open to an appeal: only the requester's appeal leads out.
      DECLINED: [false, true, false],
      CANCELLED: [false, false, true],
      LAPSED: [false, false, true],
      EXPIRED: [false, true, true],
      WITHDRAWN: [false, true, false],
      DECLINE_APPEALED: [false, true, false],
      WITHDRAWAL_APPEALED: [false, true, false],
    });
  });
});

describe("the diagram", () => {
  it("is Mermaid and mentions every status and every event", () => {
    const diagram = stateDiagram();
    assert.ok(diagram.startsWith("stateDiagram-v2\n"));
    assert.ok(diagram.includes("[*] --> DRAFT\n"));
    for (const status of REQUEST_STATUSES) assert.match(diagram, new RegExp(`\\b${status}\\b`), status);
    for (const event of EVENTS) assert.match(diagram, new RegExp(`: ${event} \\(`), event);
  });

  it("is pasted, current, into docs/state-machine.md", () => {
    const doc = readFileSync(new URL("../../../docs/state-machine.md", import.meta.url), "utf8");
    assert.ok(doc.includes(`\`\`\`mermaid\n${stateDiagram()}\`\`\``), "docs/state-machine.md holds an old diagram: paste the output of stateDiagram() into it");
  });
});
