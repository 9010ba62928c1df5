import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { refusalOf } from "@/lib/domain/permissions";

import {
  APPEAL_WINDOW_DAYS,
  appealDeadline,
  appealDecisionEvent,
  appealEventRefusal,
  appealRefusal,
  involvedIn,
  tookPart,
  ZAppealDecisionInput,
  ZAppealInput,
  appealAdditions,
  storedAdditions,
} from "./appeals";

const declinedAt = new Date("2026-03-01T10:00:00Z");
const appealable = { decidedAt: declinedAt, ownWithdrawal: false, appealed: false };

describe("the 30-day window", () => {
  it("closes 30 days to the millisecond after the decision", () => {
    assert.equal(APPEAL_WINDOW_DAYS, 30);
    assert.equal(appealDeadline(declinedAt).toISOString(), "2026-03-31T10:00:00.000Z");
  });

  it("lets the requester appeal from the moment of the decision until the deadline, and not after", () => {
    assert.equal(appealRefusal(appealable, declinedAt), undefined);
    assert.equal(appealRefusal(appealable, new Date("2026-03-31T10:00:00.000Z")), undefined);
    assert.equal(appealRefusal(appealable, new Date("2026-03-31T10:00:00.001Z")), "appeal-error-too-late");
    assert.equal(appealRefusal(appealable, new Date("2026-06-01T00:00:00Z")), "appeal-error-too-late");
  });
});

describe("once only", () => {
  it("refuses a second appeal, inside the window or not", () => {
    assert.equal(appealRefusal({ ...appealable, appealed: true }, declinedAt), "appeal-error-once");
    assert.equal(appealRefusal({ ...appealable, appealed: true }, new Date("2026-05-01T00:00:00Z")), "appeal-error-once");
  });

  it("refuses an appeal against the requester's own give-up: nobody decided against them", () => {
    assert.equal(appealRefusal({ ...appealable, ownWithdrawal: true }, declinedAt), "appeal-error-own-withdrawal");
  });
});

describe("took no part", () => {
  const parties = {
    deciderId: "decider",
    confirmerId: "confirmer",
    proposerIds: ["proposer", "decider"],
    assessorIds: ["assessor-1", "assessor-2", "assessor-1"],
    withdrawerId: "withdrawer",
  };

  it("names the decider, confirmer, proposers, assessors and withdrawer, each once", () => {
    assert.deepEqual(involvedIn(parties), ["decider", "confirmer", "proposer", "assessor-1", "assessor-2", "withdrawer"]);
    assert.deepEqual(involvedIn({ deciderId: "decider", confirmerId: null, withdrawerId: null }), ["decider"]);
    assert.deepEqual(involvedIn({ assessorIds: [""] }), []);
  });

  it("counts everyone involved as having taken part, and nobody else", () => {
    const involved = involvedIn(parties);
    for (const id of ["decider", "confirmer", "proposer", "assessor-1", "assessor-2", "withdrawer"]) assert.equal(tookPart(id, involved), true, id);
    assert.equal(tookPart("newcomer", involved), false);
  });

  it("refuses an involved reviewer every outcome, and lets an uninvolved one decide", () => {
    const appeal = { involvedIds: involvedIn(parties) };
    for (const event of ["uphold_decline", "overturn_decline", "uphold_withdrawal", "overturn_withdrawal"] as const) {
      for (const id of appeal.involvedIds) assert.equal(appealEventRefusal(id, appeal, event), "appeal-error-involved", `${id} ${event}`);
      assert.equal(appealEventRefusal("newcomer", appeal, event), undefined, event);
    }
  });

  it("refuses everything when the appeal's facts were not read", () => {
    assert.equal(appealEventRefusal("newcomer", undefined, "uphold_decline"), "appeal-error-unknown");
    assert.equal(appealEventRefusal("requester", undefined, "appeal_decline"), "appeal-error-unknown");
  });
});

describe("the permission rules", () => {
  const appeal = { involvedIds: ["decider"], requesterRefusal: undefined };
  const reviewer = (id: string) => ({ id, role: "WMF_REVIEWER" as const });

  it("let the requester appeal a decline or a withdrawal, and nobody else", () => {
    assert.equal(refusalOf({ id: "r", role: "REQUESTER" }, { status: "DECLINED", requesterId: "r", appeal }, "appeal_decline"), undefined);
    assert.equal(refusalOf({ id: "r", role: "REQUESTER" }, { status: "WITHDRAWN", requesterId: "r", appeal }, "appeal_withdrawal"), undefined);
    assert.equal(refusalOf(reviewer("x"), { status: "DECLINED", requesterId: "r", appeal }, "appeal_decline"), "transition-error-requester-only");
    assert.equal(
      refusalOf(
        { id: "r", role: "REQUESTER" },
        { status: "DECLINED", requesterId: "r", appeal: { ...appeal, requesterRefusal: "appeal-error-too-late" } },
        "appeal_decline",
      ),
      "appeal-error-too-late",
    );
  });

  it("let an uninvolved WMF reviewer or admin decide, never the decider, nor WMDE, nor the requester", () => {
    const request = { status: "DECLINE_APPEALED" as const, requesterId: "r", appeal };
    assert.equal(refusalOf(reviewer("newcomer"), request, "overturn_decline"), undefined);
    assert.equal(refusalOf({ id: "admin", role: "ADMIN" }, request, "uphold_decline"), undefined);
    assert.equal(refusalOf(reviewer("decider"), request, "overturn_decline"), "appeal-error-involved");
    assert.equal(refusalOf({ id: "decider", role: "ADMIN" }, request, "uphold_decline"), "appeal-error-involved");
    assert.equal(refusalOf({ id: "w", role: "WMDE_REVIEWER" }, { ...request, joint: true }, "uphold_decline"), "transition-error-wmf-only");
    assert.equal(refusalOf({ id: "r", role: "REQUESTER" }, request, "uphold_decline"), "transition-error-wmf-only");
  });
});

describe("the forms", () => {
  it("need a statement, and keep the additions to sections and anything else optional", () => {
    assert.equal(ZAppealInput.safeParse({ requestId: "req", version: "3", statement: "  " }).success, false);
    const parsed = ZAppealInput.parse({ requestId: "req", version: "3", statement: " We have a new sponsor. ", "addition-need": " More volume. " });
    assert.equal(parsed.statement, "We have a new sponsor.");
    assert.equal(parsed.additionalInformation, "");
    assert.deepEqual(appealAdditions(parsed), { need: "More volume." });
    const tooLong = ZAppealInput.safeParse({ requestId: "req", version: "3", statement: "Why", "addition-who": "x".repeat(20_000) });
    assert.deepEqual(
      tooLong.error?.issues.map((issue) => issue.path.join(".")),
      ["addition-who"],
    );
  });

  it("read stored additions back as section texts only", () => {
    assert.deepEqual(storedAdditions({ need: "More volume.", mission: "", notASection: "x", who: 3 }), { need: "More volume." });
    assert.deepEqual(storedAdditions(null), {});
    assert.deepEqual(storedAdditions(["need"]), {});
  });

  it("need an outcome and reasons, and map each outcome to its event", () => {
    assert.equal(ZAppealDecisionInput.safeParse({ requestId: "req", version: "1", outcome: "annul", reasons: "x" }).success, false);
    assert.equal(ZAppealDecisionInput.safeParse({ requestId: "req", version: "1", outcome: "uphold", reasons: "" }).success, false);
    assert.equal(appealDecisionEvent("DECLINED", "uphold"), "uphold_decline");
    assert.equal(appealDecisionEvent("DECLINED", "overturn"), "overturn_decline");
    assert.equal(appealDecisionEvent("WITHDRAWN", "uphold"), "uphold_withdrawal");
    assert.equal(appealDecisionEvent("WITHDRAWN", "overturn"), "overturn_withdrawal");
  });
});
