// The second approver against a real database: a grant the policy names is proposed, reaches
// nobody, holds the request, and is granted only when someone else confirms it; nobody confirms or
// sends back their own proposal, whoever they are and however they call.
import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";

import { DomainError } from "@/lib/domain/errors";
import { ZInformationInput } from "@/lib/domain/review/actions";
import { ZDeclineInput } from "@/lib/domain/review/decisions";
import { createRequest, createViewer, declareNoConflict, withDataLayerDatabase } from "@/test-support/database";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";
import { grantInput } from "@/test-support/grants";

import type { TViewer } from "../session";

const database = withDataLayerDatabase();
const approval = database.module(() => import("./approval"));
const decisions = database.module(() => import("./decisions"));
const review = database.module(() => import("./request"));
const requests = database.module(() => import("../requests"));

const person = (role: TViewer["role"]) => createViewer(database.db, role);
const refusedWith = (key: string) => (error: unknown) => error instanceof DomainError && error.messageKey === key;
const setPolicy = (data: { approvalAll?: boolean; approvalCommercial?: boolean; approvalLongerThanYear?: boolean; approvalAboveCents?: number | null }) =>
  database.db.reviewPolicy.update({ where: { id: 1 }, data });

afterEach(() => setPolicy({ approvalAll: false, approvalCommercial: false, approvalLongerThanYear: false, approvalAboveCents: null }));

/** A request in review, and a grant of it proposed by `proposer` under a policy that asks a second approver of every grant. */
async function proposed(proposer: TViewer, kind = "nonprofit") {
  await setPolicy({ approvalAll: true });
  const requester = await person("REQUESTER");
  const request = await createRequest(database.db, requester, { status: "IN_REVIEW", assigneeId: proposer.id, requesterKind: kind });
  assert.equal(await approval.grantOrPropose(proposer, grantInput(request), BASE_URL), "proposed");
  return { requester, request: await database.db.request.findUniqueOrThrow({ where: { id: request.id } }) };
}

const input = (request: { id: string; version: number }) => ({ requestId: request.id, version: request.version });

describe("a grant the policy gives a second approver", () => {
  it("is granted at once when the policy asks for none", async () => {
    const reviewer = await person("WMF_REVIEWER");
    const request = await createRequest(database.db, await person("REQUESTER"), { status: "IN_REVIEW", assigneeId: reviewer.id });
    assert.equal(await approval.grantOrPropose(reviewer, grantInput(request), BASE_URL), "granted");
    const decision = await database.db.decision.findUniqueOrThrow({ where: { requestId: request.id } });
    assert.deepEqual([decision.decidedById, decision.confirmedById], [reviewer.id, null]);
  });

  it("is only proposed: audited, with its reasons, and nothing reaches the requester, the register, an entitlement or a webhook", async () => {
    const proposer = await person("WMF_REVIEWER");
    await setPolicy({ approvalCommercial: true, approvalLongerThanYear: true });
    const requester = await person("REQUESTER");
    const request = await createRequest(database.db, requester, { status: "IN_REVIEW", assigneeId: proposer.id, requesterKind: "commercial" });
    await database.db.humanRightsAssessment.create({ data: { requestId: request.id, assessedById: proposer.id, outcome: "NO_CONCERNS", note: "Checked." } });
    assert.equal(await approval.grantOrPropose(proposer, grantInput(request, { expiresOn: day(500) }), BASE_URL), "proposed");

    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    assert.equal(stored.status, "IN_REVIEW");
    assert.equal(stored.version, request.version + 1, "a confirmer who saw the request before the proposal is refused");
    const [proposal] = await database.db.grantProposal.findMany({ where: { requestId: request.id } });
    assert.deepEqual([proposal?.status, proposal?.proposedById, proposal?.reasons], ["PENDING", proposer.id, ["commercial", "longer_than_year"]]);
    assert.equal(await database.db.decision.count({ where: { requestId: request.id } }), 0);
    assert.equal(await database.db.outboxEmail.count({ where: { requestId: request.id } }), 0);
    assert.equal(await database.db.entitlementChange.count({ where: { requestId: request.id } }), 0);
    assert.equal(await database.db.webhookEvent.count({ where: { requestId: request.id } }), 0);
    const trail = await database.db.auditEntry.findMany({ where: { subjectType: "request", subjectId: request.id } });
    assert.deepEqual(
      trail.map((entry) => [entry.action, entry.actorId]),
      [["request.grant_proposed", proposer.id]],
    );
  });

  it("is refused when posted as a grant, so it cannot skip its proposal", async () => {
    await setPolicy({ approvalAll: true });
    const reviewer = await person("ADMIN");
    const request = await createRequest(database.db, await person("REQUESTER"), { status: "IN_REVIEW", assigneeId: reviewer.id });
    await assert.rejects(decisions.grantRequest(reviewer, grantInput(request), BASE_URL), refusedWith("approval-error-needed"));
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "IN_REVIEW");
  });

  it("holds the request: no grant, decline, question or second proposal while it waits", async () => {
    const proposer = await person("WMF_REVIEWER");
    const other = await person("ADMIN");
    const { request } = await proposed(proposer);
    await declareNoConflict(database.db, request.id, other.id);
    await setPolicy({ approvalAll: false });
    await assert.rejects(decisions.grantRequest(other, grantInput(request), BASE_URL), refusedWith("proposal-error-pending"));
    const decline = ZDeclineInput.parse({ ...input(request), version: String(request.version), criteria: ["need"], message: "No.", rationale: "" });
    await assert.rejects(decisions.declineRequest(other, decline, BASE_URL), refusedWith("proposal-error-pending"));
    const question = ZInformationInput.parse({ requestId: request.id, version: String(request.version), question: "Why?", replyBy: day(14), sections: [] });
    await assert.rejects(review.askForInformation(other, question, BASE_URL), refusedWith("proposal-error-pending"));
    await setPolicy({ approvalAll: true });
    await assert.rejects(approval.proposeGrant(other, grantInput(request), BASE_URL), refusedWith("proposal-error-pending"));
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    assert.deepEqual([stored.status, stored.version], ["IN_REVIEW", request.version]);
  });

  it("is granted when a different reviewer confirms it: decided by its proposer, confirmed by them, and only now emailed", async () => {
    const proposer = await person("WMF_REVIEWER");
    const confirmer = await person("WMF_REVIEWER");
    const { request } = await proposed(proposer);
    await declareNoConflict(database.db, request.id, confirmer.id);
    await approval.confirmProposal(confirmer, input(request), BASE_URL);

    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    assert.equal(stored.status, "GRANTED");
    const decision = await database.db.decision.findUniqueOrThrow({ where: { requestId: request.id } });
    assert.deepEqual([decision.decidedById, decision.confirmedById], [proposer.id, confirmer.id]);
    assert.ok(decision.confirmedAt);
    const proposal = await database.db.grantProposal.findFirstOrThrow({ where: { requestId: request.id } });
    assert.deepEqual([proposal.status, proposal.resolvedById], ["CONFIRMED", confirmer.id]);
    assert.deepEqual(
      (await database.db.outboxEmail.findMany({ where: { requestId: request.id } })).map((email) => email.kind),
      ["granted"],
    );
    assert.ok((await database.db.entitlementChange.count({ where: { requestId: request.id } })) > 0);
    const granted = await database.db.auditEntry.findFirstOrThrow({ where: { subjectId: request.id, action: "request.granted" } });
    assert.equal(granted.actorId, confirmer.id);
    assert.equal((granted.after as { proposedById?: string }).proposedById, proposer.id);
  });

  it("is never confirmed or sent back by its own proposer, even an admin calling the data layer directly", async () => {
    const proposer = await person("ADMIN");
    const { request } = await proposed(proposer);
    await assert.rejects(approval.confirmProposal(proposer, input(request), BASE_URL), refusedWith("proposal-error-own"));
    await assert.rejects(approval.returnProposal(proposer, { ...input(request), note: "Mine." }, BASE_URL), refusedWith("proposal-error-own"));
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    assert.deepEqual([stored.status, stored.version], ["IN_REVIEW", request.version]);
    assert.equal(await database.db.decision.count({ where: { requestId: request.id } }), 0);
    assert.equal((await database.db.grantProposal.findFirstOrThrow({ where: { requestId: request.id } })).status, "PENDING");
  });

  it("whose start date passed while it waited is not confirmed with other dates: the confirmer is told why, and sends it back", async () => {
    const proposer = await person("WMF_REVIEWER");
    const confirmer = await person("WMF_REVIEWER");
    const { request } = await proposed(proposer);
    const pending = await database.db.grantProposal.findFirstOrThrow({ where: { requestId: request.id } });
    await database.db.grantProposal.update({ where: { id: pending.id }, data: { grant: { ...(pending.grant as object), startsOn: day(-1) } } });
    await declareNoConflict(database.db, request.id, confirmer.id);

    const seen = await review.getReviewRequest(confirmer, request.id);
    assert.ok(seen.proposal);
    const { grant, problem } = approval.proposedGrant(seen, seen.proposal);
    assert.equal(grant?.startsOn, day(-1), "the panel still shows the grant as proposed");
    assert.equal(problem?.key, "error-grant-start-past");
    await assert.rejects(approval.confirmProposal(confirmer, input(request), BASE_URL), refusedWith("proposal-error-no-longer-valid"));
    assert.equal(await database.db.decision.count({ where: { requestId: request.id } }), 0);
    await approval.returnProposal(confirmer, { ...input(request), note: "The start date has passed: please choose new dates." }, BASE_URL);
    assert.equal((await database.db.grantProposal.findFirstOrThrow({ where: { requestId: request.id } })).status, "RETURNED");
  });

  it("is refused to a WMDE reviewer, and to a confirmer who saw the request before it changed", async () => {
    const proposer = await person("WMF_REVIEWER");
    const { request } = await proposed(proposer);
    await database.db.request.update({ where: { id: request.id }, data: { joint: true } });
    await assert.rejects(approval.confirmProposal(await person("WMDE_REVIEWER"), input(request), BASE_URL), refusedWith("transition-error-wmf-only"));
    const late = await person("WMF_REVIEWER");
    await declareNoConflict(database.db, request.id, late.id);
    await assert.rejects(approval.confirmProposal(late, { ...input(request), version: request.version - 1 }, BASE_URL), refusedWith("review-error-conflict"));
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "IN_REVIEW");
  });

  it("is sent back with a note emailed to its proposer; the request stays in review, to be proposed again", async () => {
    const proposer = await person("WMF_REVIEWER");
    const second = await person("ADMIN");
    const { request } = await proposed(proposer);
    await declareNoConflict(database.db, request.id, second.id);
    await approval.returnProposal(second, { ...input(request), note: "Six months first, please." }, BASE_URL);

    const proposal = await database.db.grantProposal.findFirstOrThrow({ where: { requestId: request.id } });
    assert.deepEqual([proposal.status, proposal.resolvedById, proposal.note], ["RETURNED", second.id, "Six months first, please."]);
    const emails = await database.db.outboxEmail.findMany({ where: { requestId: request.id } });
    assert.deepEqual(
      emails.map((email) => [email.kind, email.to]),
      [["proposal_returned", proposer.email]],
    );
    assert.match(emails[0]?.text ?? "", /Six months first, please\./);
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    assert.equal(stored.status, "IN_REVIEW");
    assert.equal(await approval.grantOrPropose(proposer, grantInput(stored), BASE_URL), "proposed");
  });

  it("is dropped when the requester cancels the request", async () => {
    const { requester, request } = await proposed(await person("WMF_REVIEWER"));
    await requests.cancelRequest(requester, { requestId: request.id, version: request.version });
    assert.equal((await database.db.grantProposal.findFirstOrThrow({ where: { requestId: request.id } })).status, "CANCELLED");
  });
});

describe("the database keeps two people two", () => {
  it("refuses a proposal resolved by its proposer, and a grant confirmed by its decider", async () => {
    const proposer = await person("WMF_REVIEWER");
    const { request } = await proposed(proposer);
    await assert.rejects(
      database.db.grantProposal.updateMany({
        where: { requestId: request.id },
        data: { status: "CONFIRMED", resolvedById: proposer.id, resolvedAt: new Date() },
      }),
    );
    await assert.rejects(
      database.db.decision.create({
        data: {
          requestId: request.id,
          outcome: "GRANTED",
          decidedById: proposer.id,
          confirmedById: proposer.id,
          message: "x",
          rationale: "x",
          criteria: ["need"],
        },
      }),
    );
  });
});
