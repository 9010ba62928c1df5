import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { ZAppealDecisionInput, ZAppealInput } from "@/lib/domain/review/appeals";
import { ZDeclineInput, ZWithdrawInput } from "@/lib/domain/review/decisions";
import { DAY_MS } from "@/lib/domain/time";
import { createRequest, createViewer, declareNoConflict, withDataLayerDatabase } from "@/test-support/database";
import { TEST_BASE_URL as BASE_URL } from "@/test-support/days";
import { grantedRequest } from "@/test-support/grants";

import type { TViewer } from "./session";

const database = withDataLayerDatabase();
const appeals = database.module(() => import("./appeals"));
const decisions = database.module(() => import("./review/decisions"));
const reviewing = database.module(() => import("./review/request"));
const followUps = database.module(() => import("./follow-ups"));

const person = (role: TViewer["role"]) => createViewer(database.db, role);
/** Reviewers say they have no conflict of interest before they judge a request, as on its page. */
const declared = (requestId: string, ...reviewers: TViewer[]) =>
  Promise.all(reviewers.map((reviewer) => declareNoConflict(database.db, requestId, reviewer.id)));
const version = async (id: string) => (await database.db.request.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

const appealInput = (requestId: string, at: number, extra: Record<string, string> = {}) =>
  ZAppealInput.parse({ requestId, version: String(at), statement: "The free account cannot carry our nightly volume.", ...extra });
const outcomeInput = (requestId: string, at: number, outcome: "uphold" | "overturn") =>
  ZAppealDecisionInput.parse({ requestId, version: String(at), outcome, reasons: "The volume figures were misread." });

async function refusedWith(promise: Promise<unknown>, key: string) {
  await assert.rejects(promise, (error: unknown) => error instanceof DomainError && error.messageKey === key);
}

/** A request assessed by one WMF reviewer and declined by another, as the requester's appeal finds it. */
async function declined() {
  const requester = await person("REQUESTER");
  const decider = await person("WMF_REVIEWER");
  const assessor = await person("WMF_REVIEWER");
  const request = await createRequest(database.db, requester, { status: "IN_REVIEW", assigneeId: decider.id });
  await declared(request.id, assessor);
  await reviewing.saveAssessment(assessor, { requestId: request.id, criterion: "need", rating: "NOT_MET", note: "" });
  await decisions.declineRequest(
    decider,
    ZDeclineInput.parse({
      requestId: request.id,
      version: String(await version(request.id)),
      criteria: ["need"],
      message: "The free account covers this.",
      rationale: "",
    }),
    BASE_URL,
  );
  return { requester, decider, assessor, request };
}

describe("appealing a decision", () => {
  it("records the appeal, the people who took part, its audit entry and the requester's confirmation", async () => {
    const { requester, decider, assessor, request } = await declined();
    await appeals.appealDecision(
      requester,
      appealInput(request.id, await version(request.id), { additionalInformation: "We now have a sponsor.", "addition-need": "Our volume doubled." }),
      BASE_URL,
    );

    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id }, include: { appeal: true } });
    assert.equal(stored.status, "DECLINE_APPEALED");
    assert.equal(stored.appeal?.fromStatus, "DECLINED");
    assert.equal(stored.appeal?.additionalInformation, "We now have a sponsor.");
    assert.deepEqual(stored.appeal?.additions, { need: "Our volume doubled." });
    // The database keeps additions to the six sections, as text, whatever writes them.
    for (const additions of [{ budget: "x" }, { need: 3 }, ["need"]])
      await assert.rejects(database.db.appeal.update({ where: { requestId: request.id }, data: { additions } }), /Appeal_additions_check/);
    assert.deepEqual(new Set(stored.appeal?.involvedIds), new Set([decider.id, assessor.id]));
    assert.equal(await database.db.auditEntry.count({ where: { subjectId: request.id, action: "request.appealed", actorId: requester.id } }), 1);
    const emails = await database.db.outboxEmail.findMany({ where: { requestId: request.id, to: requester.email ?? "" }, orderBy: { createdAt: "asc" } });
    assert.match(emails.at(-1)?.subject ?? "", /received your appeal/);
  });

  it("lets a requester appeal only once", async () => {
    const { requester, request } = await declined();
    const uninvolved = await person("WMF_REVIEWER");
    await appeals.appealDecision(requester, appealInput(request.id, await version(request.id)), BASE_URL);
    await declared(request.id, uninvolved);
    await appeals.decideAppeal(uninvolved, outcomeInput(request.id, await version(request.id), "uphold"), BASE_URL);
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "DECLINED");
    await refusedWith(appeals.appealDecision(requester, appealInput(request.id, await version(request.id)), BASE_URL), "appeal-error-once");
  });

  it("refuses an appeal more than 30 days after the decline", async () => {
    const { requester, request } = await declined();
    await database.db.decision.update({ where: { requestId: request.id }, data: { decidedAt: new Date(Date.now() - 31 * DAY_MS) } });
    await refusedWith(appeals.appealDecision(requester, appealInput(request.id, await version(request.id)), BASE_URL), "appeal-error-too-late");
    assert.equal(await database.db.appeal.count({ where: { requestId: request.id } }), 0);
  });

  it("refuses an appeal of the requester's own give-up, and of someone else's request", async () => {
    const { requester, request } = await grantedRequest(database.db, decisions.grantRequest, { baseUrl: BASE_URL });
    await followUps.giveUpGrant(requester, { requestId: request.id, version: await version(request.id), note: "" }, BASE_URL);
    await refusedWith(appeals.appealDecision(requester, appealInput(request.id, await version(request.id)), BASE_URL), "appeal-error-own-withdrawal");

    const other = await declined();
    await assert.rejects(appeals.appealDecision(requester, appealInput(other.request.id, await version(other.request.id)), BASE_URL), NotFoundError);
  });
});

describe("deciding an appeal", () => {
  it("refuses the decider, an assessor, a confirmer and a proposer, by direct call, and the database refuses them too", async () => {
    const { requester, decider, assessor, request } = await declined();
    const confirmer = await person("ADMIN");
    const proposer = await person("WMF_REVIEWER");
    await database.db.decision.update({ where: { requestId: request.id }, data: { confirmedById: confirmer.id } });
    await database.db.grantProposal.create({
      data: {
        requestId: request.id,
        proposedById: proposer.id,
        grant: {},
        status: "RETURNED",
        resolvedById: decider.id,
        resolvedAt: new Date(),
        note: "Not this way.",
      },
    });
    await appeals.appealDecision(requester, appealInput(request.id, await version(request.id)), BASE_URL);

    await declared(request.id, decider, assessor, confirmer, proposer);
    for (const involved of [decider, assessor, confirmer, proposer]) {
      for (const outcome of ["uphold", "overturn"] as const)
        await refusedWith(appeals.decideAppeal(involved, outcomeInput(request.id, await version(request.id), outcome), BASE_URL), "appeal-error-involved");
    }
    await assert.rejects(
      database.db.appeal.update({
        where: { requestId: request.id },
        data: { outcome: "UPHELD", reasons: "x", decidedById: decider.id, decidedAt: new Date() },
      }),
    );
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id }, include: { appeal: true } });
    assert.equal(stored.status, "DECLINE_APPEALED");
    assert.equal(stored.appeal?.outcome, null);
  });

  it("refuses whoever withdrew a grant, and the requester themselves", async () => {
    const { requester, reviewer, request } = await grantedRequest(database.db, decisions.grantRequest, { baseUrl: BASE_URL });
    const withdrawer = await person("WMF_REVIEWER");
    await decisions.withdrawGrant(
      withdrawer,
      ZWithdrawInput.parse({ requestId: request.id, version: String(await version(request.id)), reason: "MISUSE", message: "Used beyond the scope." }),
      BASE_URL,
    );
    await appeals.appealDecision(requester, appealInput(request.id, await version(request.id)), BASE_URL);
    await declared(request.id, withdrawer, reviewer);
    for (const involved of [withdrawer, reviewer])
      await refusedWith(appeals.decideAppeal(involved, outcomeInput(request.id, await version(request.id), "overturn"), BASE_URL), "appeal-error-involved");
    await assert.rejects(appeals.decideAppeal(requester, outcomeInput(request.id, await version(request.id), "overturn"), BASE_URL), NotFoundError);
  });

  it("overturns a decline: back in review with the uninvolved reviewer, the decision removed, the outcome emailed in the requester's language", async () => {
    const { requester, request } = await declined();
    await database.db.user.update({ where: { id: requester.id }, data: { locale: "de" } });
    const uninvolved = await person("WMF_REVIEWER");
    await appeals.appealDecision(requester, appealInput(request.id, await version(request.id)), BASE_URL);
    await declared(request.id, uninvolved);
    await appeals.decideAppeal(uninvolved, outcomeInput(request.id, await version(request.id), "overturn"), BASE_URL);

    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id }, include: { appeal: true, decision: true } });
    assert.equal(stored.status, "IN_REVIEW");
    assert.equal(stored.assigneeId, uninvolved.id);
    assert.equal(stored.decision, null);
    assert.equal(stored.decidedAt, null);
    assert.equal(stored.appeal?.outcome, "OVERTURNED");
    assert.equal(stored.appeal?.decidedById, uninvolved.id);
    const email = await database.db.outboxEmail.findFirstOrThrow({ where: { requestId: request.id, idempotencyKey: `appeal-decided:${request.id}` } });
    assert.match(email.subject, /Ergebnis Ihres Widerspruchs/);
    assert.match(email.text, /The volume figures were misread\./);
    // A second outcome on the same appeal is refused.
    await refusedWith(
      appeals.decideAppeal(uninvolved, outcomeInput(request.id, await version(request.id), "uphold"), BASE_URL),
      "transition-error-decide-appeal-not-now",
    );
  });

  it("overturns a withdrawal: the grant, its entitlement and its check-ins still within their answer time are in force again", async () => {
    const { requester, request } = await grantedRequest(database.db, decisions.grantRequest, { baseUrl: BASE_URL });
    // One check-in open when the grant was withdrawn, one whose due date will have passed by the overturn.
    const at = Date.now();
    const checkIn = (scheduledDaysAgo: number, dueInDays: number) =>
      database.db.checkIn.create({
        data: {
          requestId: request.id,
          scheduledFor: new Date(at - scheduledDaysAgo * 86_400_000),
          openedAt: new Date(at),
          dueAt: new Date(at + dueInDays * 86_400_000),
        },
      });
    const open = await checkIn(10, 20);
    const lapsed = await checkIn(40, 2);
    const withdrawer = await person("WMF_REVIEWER");
    const uninvolved = await person("ADMIN");
    await decisions.withdrawGrant(
      withdrawer,
      ZWithdrawInput.parse({ requestId: request.id, version: String(await version(request.id)), reason: "POLICY", message: "Policy changed." }),
      BASE_URL,
    );
    assert.equal(await database.db.checkIn.count({ where: { requestId: request.id, cancelledAt: null } }), 0, "the withdrawal closed the check-ins");
    await appeals.appealDecision(requester, appealInput(request.id, await version(request.id)), BASE_URL);
    await declared(request.id, uninvolved);
    await database.db.checkIn.update({ where: { id: lapsed.id }, data: { dueAt: new Date(at - 86_400_000) } });
    await appeals.decideAppeal(uninvolved, outcomeInput(request.id, await version(request.id), "overturn"), BASE_URL);
    const checkIns = await database.db.checkIn.findMany({ where: { requestId: request.id }, select: { id: true, cancelledAt: true, missedAt: true } });
    assert.deepEqual(
      checkIns.map((checkIn) => [checkIn.id, checkIn.cancelledAt === null, checkIn.missedAt]).sort(),
      [
        [open.id, true, null],
        [lapsed.id, false, null],
      ].sort(),
    );

    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id }, include: { decision: true } });
    assert.equal(stored.status, "GRANTED");
    assert.equal(stored.decision?.endedAt, null);
    assert.equal(stored.decision?.endReason, null);
    const [latest, before] = await database.db.entitlementChange.findMany({ where: { requestId: request.id }, orderBy: { sequence: "desc" }, take: 2 });
    assert.equal(before?.endReason, "withdrawn");
    assert.equal(latest?.endedAt, null);
    assert.equal(await database.db.auditEntry.count({ where: { subjectId: request.id, action: "request.appeal_overturned", actorId: uninvolved.id } }), 1);
  });
});
