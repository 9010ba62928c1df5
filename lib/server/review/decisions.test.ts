import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DomainError, FieldRuleError } from "@/lib/domain/errors";
import { ZDeclineInput, ZGrantInput } from "@/lib/domain/review/decisions";
import { createRequest, createViewer, declareNoConflict, withDataLayerDatabase } from "@/test-support/database";

import type { TViewer } from "../session";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";
import { DAY_MS as DAY } from "@/lib/domain/time";

const database = withDataLayerDatabase();
const decisions = database.module(() => import("./decisions"));
const followUps = database.module(() => import("../follow-ups"));
const expiry = database.module(() => import("@/lib/jobs/expiry"));

const person = (role: TViewer["role"]) => createViewer(database.db, role);

/** A submitted request, in review by `assignee`, as the queue would hold it. */
async function inReview(options: { joint?: boolean; kind?: string; assignee?: TViewer } = {}) {
  const requester = await person("REQUESTER");
  const request = await createRequest(database.db, requester, {
    status: "IN_REVIEW",
    joint: options.joint ?? false,
    requesterKind: options.kind ?? "nonprofit",
    assigneeId: options.assignee?.id,
  });
  return { requester, request };
}

function grantInput(requestId: string, version: number, extra: Record<string, string | string[]> = {}) {
  return ZGrantInput.parse({
    requestId,
    version: String(version),
    apis: ["snapshot", "on_demand"],
    onDemandPerMonth: "50000",
    snapshotFrequency: "weekly",
    startsOn: day(0),
    expiresOn: day(365),
    criteria: ["need", "mission"],
    rationale: "Meets the need and mission criteria.",
    message: "Welcome aboard.",
    ...extra,
  });
}

const declineInput = (requestId: string, version: number) =>
  ZDeclineInput.parse({ requestId, version: String(version), criteria: ["need"], message: "The free account covers this volume.", rationale: "" });

describe("deciding a request", () => {
  it("lets exactly one of two simultaneous decisions land, and tells the other reviewer what happened", async () => {
    const first = await person("WMF_REVIEWER");
    const second = await person("WMF_REVIEWER");
    const { request } = await inReview({ assignee: first });

    const outcomes = await Promise.allSettled([
      decisions.grantRequest(first, grantInput(request.id, request.version), BASE_URL),
      decisions.declineRequest(second, declineInput(request.id, request.version), BASE_URL),
    ]);

    const landed = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    assert.equal(landed.length, 1);
    assert.equal(refused.length, 1);
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id }, include: { decision: true } });
    assert.ok(stored.status === "GRANTED" || stored.status === "DECLINED");
    const error = refused[0]!.reason as DomainError;
    assert.ok(error instanceof DomainError);
    // The loser learns the request's new state, not just that something changed.
    assert.equal(error.messageKey, stored.status === "GRANTED" ? "decision-conflict-now-granted" : "decision-conflict-now-declined");
    assert.deepEqual(error.params, [request.reference]);
    assert.equal(stored.decision?.outcome, stored.status);
    assert.equal(await database.db.outboxEmail.count({ where: { requestId: request.id } }), 1);
    assert.equal(await database.db.auditEntry.count({ where: { subjectId: request.id, action: { in: ["request.granted", "request.declined"] } } }), 1);
  });

  it("records a grant with its scope, dates, audit entry and email in one go", async () => {
    const reviewer = await person("WMF_REVIEWER");
    const { request, requester } = await inReview({ assignee: reviewer });
    await decisions.grantRequest(reviewer, grantInput(request.id, request.version), BASE_URL);

    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id }, include: { decision: true } });
    assert.equal(stored.status, "GRANTED");
    assert.equal(stored.expiresAt?.toISOString(), `${day(365)}T23:59:59.999Z`);
    assert.equal(stored.decision?.onDemandPerMonth, 50000);
    assert.equal(stored.decision?.snapshotFrequency, "weekly");
    assert.equal(stored.decision?.realtime, false);
    assert.deepEqual(stored.decision?.criteria, ["need", "mission"]);
    const [email] = await database.db.outboxEmail.findMany({ where: { requestId: request.id } });
    assert.equal(email?.to, requester.email);
    assert.equal(email?.kind, "granted");
    assert.match(email?.text ?? "", new RegExp(request.reference!));
    assert.match(email?.text ?? "", /On-demand API, up to 50,000 requests a month/);
    assert.match(email?.text ?? "", /Welcome aboard\./);
    assert.doesNotMatch(email?.text ?? "", /Meets the need/, "the internal rationale stays out of the email");
    const [audit] = await database.db.auditEntry.findMany({ where: { subjectId: request.id, action: "request.granted" } });
    assert.equal(audit?.actorId, reviewer.id);
    assert.equal(audit?.note, "Meets the need and mission criteria.");
  });

  it("needs WMDE's recommendation, or a written WMF reason, before granting a joint request", async () => {
    const reviewer = await person("WMF_REVIEWER");
    const wmde = await person("WMDE_REVIEWER");
    const { request } = await inReview({ joint: true, assignee: reviewer });

    await assert.rejects(decisions.grantRequest(reviewer, grantInput(request.id, request.version), BASE_URL), (error: unknown) => {
      assert.ok(error instanceof FieldRuleError);
      assert.equal(error.fieldErrors.jointOverride?.key, "error-grant-joint-needs-recommendation");
      return true;
    });
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "IN_REVIEW");

    await assert.rejects(decisions.recordRecommendation(reviewer, { requestId: request.id, recommendation: "GRANT", note: "Fine" }), (error: unknown) => {
      return error instanceof DomainError && error.messageKey === "decision-error-wmde-only";
    });
    await declareNoConflict(database.db, request.id, wmde.id);
    await decisions.recordRecommendation(wmde, { requestId: request.id, recommendation: "GRANT", note: "Good use of Wikidata." });
    await decisions.grantRequest(reviewer, grantInput(request.id, request.version), BASE_URL);
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "GRANTED");
  });

  it("lets WMF go ahead on a joint request without WMDE when it writes why", async () => {
    const reviewer = await person("WMF_REVIEWER");
    const { request } = await inReview({ joint: true, assignee: reviewer });
    await decisions.grantRequest(reviewer, grantInput(request.id, request.version, { jointOverride: "WMDE asked us to proceed." }), BASE_URL);
    const stored = await database.db.decision.findUniqueOrThrow({ where: { requestId: request.id } });
    assert.equal(stored.jointOverride, "WMDE asked us to proceed.");
  });

  it("needs the human-rights outcome before granting to a commercial organisation", async () => {
    const reviewer = await person("WMF_REVIEWER");
    const { request } = await inReview({ kind: "commercial", assignee: reviewer });
    await assert.rejects(decisions.grantRequest(reviewer, grantInput(request.id, request.version), BASE_URL), (error: unknown) => {
      return error instanceof FieldRuleError && error.fieldErrors.humanRights?.key === "error-grant-needs-human-rights";
    });
    await decisions.recordHumanRights(reviewer, { requestId: request.id, outcome: "NO_CONCERNS", note: "Checked against the policy." });
    await decisions.grantRequest(reviewer, grantInput(request.id, request.version), BASE_URL);
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "GRANTED");
  });

  it("refuses a grant from a WMDE reviewer and a grant longer than 24 months from a reviewer", async () => {
    const wmf = await person("WMF_REVIEWER");
    const wmde = await person("WMDE_REVIEWER");
    const { request } = await inReview({ joint: true, assignee: wmf });
    await assert.rejects(decisions.grantRequest(wmde, grantInput(request.id, request.version, { jointOverride: "x" }), BASE_URL), (error: unknown) => {
      return error instanceof DomainError && error.messageKey === "transition-error-wmf-only";
    });
    await assert.rejects(
      decisions.grantRequest(wmf, grantInput(request.id, request.version, { jointOverride: "x", expiresOn: day(800) }), BASE_URL),
      (error: unknown) => error instanceof FieldRuleError && error.fieldErrors.expiresOn?.key === "error-grant-too-long",
    );
    const admin = await person("ADMIN");
    await declareNoConflict(database.db, request.id, admin.id);
    await decisions.grantRequest(
      admin,
      grantInput(request.id, request.version, { jointOverride: "x", expiresOn: day(800), lengthOverride: "Multi-year research grant." }),
      BASE_URL,
    );
    assert.equal((await database.db.decision.findUniqueOrThrow({ where: { requestId: request.id } })).lengthOverride, "Multi-year research grant.");
  });
});

describe("contributions confirmed at grant time", () => {
  const PROMISES = {
    contributionKind: ["reports", "tools", "content_data"],
    contributionDescription: ["A yearly report", "Our offline packager", "Photos for Commons"],
    contributionLink: ["", "https://example.org/packager", ""],
    contributionBy: [day(200), "", ""],
  };

  async function promising() {
    const reviewer = await person("WMF_REVIEWER");
    const requester = await person("REQUESTER");
    const request = await createRequest(database.db, requester, { status: "IN_REVIEW", assigneeId: reviewer.id }, (answers) => ({
      ...answers,
      obligation: { ...answers.obligation, ...PROMISES },
    }));
    return { reviewer, request };
  }

  it("creates exactly the confirmed ones, numbered 1..n, in the reviewer's words, and names them in the audit entry and the email", async () => {
    const { reviewer, request } = await promising();
    const input = grantInput(request.id, request.version, {
      confirmContribution: ["2", "1"],
      "contributionWording-1": "  A yearly report on reader use, published on Meta-Wiki  ",
      "contributionWording-2": "Our offline packager",
      "contributionWording-3": "Unticked, so never a condition",
    });
    await decisions.grantRequest(reviewer, input, BASE_URL);

    const rows = await database.db.contribution.findMany({ where: { requestId: request.id }, orderBy: { position: "asc" } });
    assert.deepEqual(
      rows.map(({ position, kind, description, link, expectedBy, status }) => ({
        position,
        kind,
        description,
        link,
        expectedBy: expectedBy?.toISOString(),
        status,
      })),
      [
        {
          position: 1,
          kind: "reports",
          description: "A yearly report on reader use, published on Meta-Wiki",
          link: null,
          expectedBy: `${day(200)}T00:00:00.000Z`,
          status: "PROMISED",
        },
        { position: 2, kind: "tools", description: "Our offline packager", link: "https://example.org/packager", expectedBy: undefined, status: "PROMISED" },
      ],
    );
    const [audit] = await database.db.auditEntry.findMany({ where: { subjectId: request.id, action: "request.granted" } });
    const after = audit?.after as { contributions?: { description: string }[] };
    assert.deepEqual(
      after.contributions?.map((row) => row.description),
      ["A yearly report on reader use, published on Meta-Wiki", "Our offline packager"],
    );
    const [email] = await database.db.outboxEmail.findMany({ where: { requestId: request.id } });
    assert.match(
      email?.text ?? "",
      /you promised to give back: Reports or research findings: A yearly report on reader use, published on Meta-Wiki; Tools or software: Our offline packager\./,
    );
  });

  it("refuses a position the request never promised, and a confirmed promise without wording, writing nothing", async () => {
    const { reviewer, request } = await promising();
    const forged = grantInput(request.id, request.version, { confirmContribution: ["4"], "contributionWording-4": "Something never promised" });
    await assert.rejects(decisions.checkGrant(reviewer, forged), (error: unknown) => {
      return error instanceof FieldRuleError && error.fieldErrors.confirmContribution?.key === "error-confirm-contribution-unknown";
    });
    await assert.rejects(decisions.grantRequest(reviewer, forged, BASE_URL), (error: unknown) => error instanceof FieldRuleError);
    const unworded = grantInput(request.id, request.version, { confirmContribution: ["3"], "contributionWording-3": "  " });
    await assert.rejects(decisions.grantRequest(reviewer, unworded, BASE_URL), (error: unknown) => {
      return error instanceof FieldRuleError && error.fieldErrors["contributionWording-3"]?.key === "error-confirm-wording";
    });
    assert.equal(await database.db.contribution.count({ where: { requestId: request.id } }), 0);
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "IN_REVIEW");
    assert.equal(ZGrantInput.safeParse({ ...forged, confirmContribution: ["../1"] }).success, false);
  });
});

describe("after a grant", () => {
  async function granted() {
    const reviewer = await person("WMF_REVIEWER");
    const { request, requester } = await inReview({ assignee: reviewer });
    await decisions.grantRequest(reviewer, grantInput(request.id, request.version), BASE_URL);
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    return { reviewer, requester, request: stored };
  }

  it("withdraws an active grant with a reason, after which nothing more can happen to it", async () => {
    const { reviewer, request } = await granted();
    await decisions.withdrawGrant(
      reviewer,
      { requestId: request.id, version: request.version, reason: "USE_CASE_ENDED", message: "The project has finished." },
      BASE_URL,
    );
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id }, include: { decision: true } });
    assert.equal(stored.status, "WITHDRAWN");
    assert.equal(stored.decision?.endReason, "USE_CASE_ENDED");
    await assert.rejects(
      decisions.extendGrant(
        reviewer,
        { requestId: request.id, version: stored.version, expiresOn: day(400), lengthOverride: "", message: "More" },
        BASE_URL,
        "en-GB",
      ),
      (error: unknown) => error instanceof DomainError && error.messageKey === "transition-error-closed",
    );
  });

  it("extends a grant to a later date only", async () => {
    const { reviewer, request } = await granted();
    await assert.rejects(
      decisions.extendGrant(
        reviewer,
        { requestId: request.id, version: request.version, expiresOn: day(100), lengthOverride: "", message: "Shorter?" },
        BASE_URL,
        "en-GB",
      ),
      (error: unknown) => error instanceof FieldRuleError && error.fieldErrors.expiresOn?.key === "error-extend-not-later",
    );
    await decisions.extendGrant(
      reviewer,
      { requestId: request.id, version: request.version, expiresOn: day(500), lengthOverride: "", message: "More time." },
      BASE_URL,
      "en-GB",
    );
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    assert.equal(stored.expiresAt?.toISOString(), `${day(500)}T23:59:59.999Z`);
    assert.equal(stored.status, "GRANTED");
  });

  it("lets the requester give up their grant, and start a renewal linked to it, once", async () => {
    const { requester, request } = await granted();
    await followUps.giveUpGrant(requester, { requestId: request.id, version: request.version, note: "" }, BASE_URL);
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id }, include: { decision: true } });
    assert.equal(stored.status, "WITHDRAWN");
    assert.equal(stored.decision?.endReason, "REQUESTER_WISH");
    assert.equal(await database.db.outboxEmail.count({ where: { requestId: request.id, kind: "given_up" } }), 1);

    const [first, second] = await Promise.all([followUps.startFollowUp(requester, request.id), followUps.startFollowUp(requester, request.id)]);
    assert.equal(first, second, "a double click makes one draft");
    const draft = await database.db.request.findUniqueOrThrow({ where: { id: first } });
    assert.equal(draft.status, "DRAFT");
    assert.equal(draft.basedOnId, request.id);
    const answers = draft.answers as { who: { organisation: string }; values: Record<string, unknown> };
    assert.equal(answers.who.organisation, "Open Knowledge Lab");
    assert.equal(answers.values.noHarms, undefined, "declarations are confirmed afresh");
  });

  it("refuses a follow-up of someone else's request as if it did not exist", async () => {
    const { request } = await granted();
    const stranger = await person("REQUESTER");
    await assert.rejects(followUps.startFollowUp(stranger, request.id), (error: Error) => error.name === "NotFoundError");
  });
});

describe("expiry", () => {
  async function grantExpiringAt(expiresAt: Date) {
    const reviewer = await person("WMF_REVIEWER");
    const { request } = await inReview({ assignee: reviewer });
    await decisions.grantRequest(reviewer, grantInput(request.id, request.version), BASE_URL);
    // Move the expiry to the moment the test needs; the grant form refuses past dates, rightly.
    await database.db.request.update({ where: { id: request.id }, data: { expiresAt } });
    return request;
  }

  it("sends the 30-day and the 7-day reminder once each, then records the expiry once", async () => {
    const expiresAt = new Date("2027-03-01T23:59:59.999Z");
    const request = await grantExpiringAt(expiresAt);
    const at = (daysBefore: number) => new Date(expiresAt.getTime() - daysBefore * DAY);
    const reminders = () => database.db.outboxEmail.findMany({ where: { requestId: request.id, kind: "expiry_reminder" }, orderBy: { createdAt: "asc" } });

    await expiry.sendExpiryReminders(database.db, { now: at(31), baseUrl: BASE_URL });
    assert.equal((await reminders()).length, 0);
    await expiry.sendExpiryReminders(database.db, { now: at(29), baseUrl: BASE_URL });
    await expiry.sendExpiryReminders(database.db, { now: at(28), baseUrl: BASE_URL });
    assert.equal((await reminders()).length, 1);
    await Promise.all([
      expiry.sendExpiryReminders(database.db, { now: at(6), baseUrl: BASE_URL }),
      expiry.sendExpiryReminders(database.db, { now: at(6), baseUrl: BASE_URL }),
    ]);
    const sent = await reminders();
    assert.equal(sent.length, 2);
    assert.match(sent[1]!.text, /in 6 days/);

    assert.equal(await expiry.expireGrants(database.db, { now: at(1), baseUrl: BASE_URL }), 0);
    const after = new Date(expiresAt.getTime() + 1000);
    assert.equal(await expiry.expireGrants(database.db, { now: after, baseUrl: BASE_URL }), 1);
    assert.equal(await expiry.expireGrants(database.db, { now: after, baseUrl: BASE_URL }), 0);
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "EXPIRED");
    assert.equal(await database.db.outboxEmail.count({ where: { requestId: request.id, kind: "expired" } }), 1);
    assert.equal(await database.db.auditEntry.count({ where: { subjectId: request.id, action: "request.expired", actorId: null } }), 1);
  });

  it("sends only the 7-day reminder to a grant first seen inside a week of its expiry", async () => {
    const expiresAt = new Date("2027-04-01T23:59:59.999Z");
    const request = await grantExpiringAt(expiresAt);
    await expiry.sendExpiryReminders(database.db, { now: new Date(expiresAt.getTime() - 5 * DAY), baseUrl: BASE_URL });
    await expiry.sendExpiryReminders(database.db, { now: new Date(expiresAt.getTime() - 4 * DAY), baseUrl: BASE_URL });
    assert.equal(await database.db.outboxEmail.count({ where: { requestId: request.id, kind: "expiry_reminder" } }), 1);
  });

  it("shows a grant past its expiry as expired to reviewers before any job has run", async () => {
    const request = await grantExpiringAt(new Date(Date.now() - 1000));
    const reviewer = await person("WMF_REVIEWER");
    const { getReviewRequest } = await import("./request");
    const seen = await getReviewRequest(reviewer, request.id);
    assert.equal(seen.status, "EXPIRED");
    assert.equal(seen.storedStatus, "GRANTED");
    await assert.rejects(
      decisions.withdrawGrant(reviewer, { requestId: request.id, version: seen.version, reason: "POLICY", message: "x" }, BASE_URL),
      (error: unknown) => error instanceof DomainError && error.messageKey === "transition-error-closed",
    );
  });
});

describe("the audit trail", () => {
  it("refuses to change or delete what it recorded", async () => {
    const entry = await database.db.auditEntry.findFirstOrThrow();
    await assert.rejects(database.db.auditEntry.update({ where: { id: entry.id }, data: { note: "rewritten" } }));
    await assert.rejects(database.db.auditEntry.delete({ where: { id: entry.id } }));
    assert.equal((await database.db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).note, entry.note);
  });
});
