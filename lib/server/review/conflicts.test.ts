// Conflicts of interest in the data layer: a reviewer declares before judging a request; with a
// conflict they can do nothing on it and read none of its internal work; only another admin lifts it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { ZConflictLift, ZInterestDeclaration } from "@/lib/domain/review/conflicts";
import { ZDeclineInput, ZGrantInput } from "@/lib/domain/review/decisions";
import { ZQueueParams } from "@/lib/domain/review/queue";
import { createRequest, createViewer, declareNoConflict, withDataLayerDatabase } from "@/test-support/database";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";

import type { TViewer } from "../session";

const database = withDataLayerDatabase();
const conflicts = database.module(() => import("./conflicts"));
const review = database.module(() => import("./request"));
const decisions = database.module(() => import("./decisions"));
const queue = database.module(() => import("./queue"));
const events = database.module(() => import("../events"));

const person = (role: TViewer["role"]) => createViewer(database.db, role);

/** A joint request in review, held by nobody, with a reviewer's internal comment and assessment on it. */
async function requestWithInternalWork() {
  const colleague = await person("WMF_REVIEWER");
  const request = await createRequest(database.db, await person("REQUESTER"), { status: "IN_REVIEW", joint: true });
  await declareNoConflict(database.db, request.id, colleague.id);
  await review.addComment(colleague, { requestId: request.id, kind: "INTERNAL", body: "Internal: I know this lab well." }, BASE_URL);
  await review.addComment(colleague, { requestId: request.id, kind: "MESSAGE", body: "Which editions do you need?" }, BASE_URL);
  await review.saveAssessment(colleague, { requestId: request.id, criterion: "need", rating: "MET", note: "Clear need." });
  return database.db.request.findUniqueOrThrow({ where: { id: request.id } });
}

const declaration = (requestId: string, conflict: "yes" | "no", reason = "") => ZInterestDeclaration.parse({ requestId, conflict, reason });

const grantInput = (request: { id: string; version: number }) =>
  ZGrantInput.parse({
    requestId: request.id,
    version: String(request.version),
    apis: ["snapshot"],
    snapshotFrequency: "weekly",
    startsOn: day(0),
    expiresOn: day(365),
    criteria: ["need"],
    rationale: "Meets the need.",
    message: "Welcome.",
    jointOverride: "WMDE agreed by phone.",
  });

/** What a refused action could have written on the request. */
async function footprint(requestId: string) {
  const [request, assessments, comments, audit, decision, recommendation] = await Promise.all([
    database.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, version: true, assigneeId: true } }),
    database.db.assessment.count({ where: { requestId } }),
    database.db.comment.count({ where: { requestId } }),
    database.db.auditEntry.count({ where: { subjectId: requestId } }),
    database.db.decision.count({ where: { requestId } }),
    database.db.wmdeRecommendation.count({ where: { requestId } }),
  ]);
  return { request, assessments, comments, audit, decision, recommendation };
}

async function assertRefused(requestId: string, messageKey: string, what: string, run: () => Promise<unknown>) {
  const before = await footprint(requestId);
  await assert.rejects(run, (error: unknown) => error instanceof DomainError && error.messageKey === messageKey, what);
  assert.deepEqual(await footprint(requestId), before, `${what} changed the request`);
}

describe("declaring an interest", () => {
  it("asks a reviewer to declare before their first assessment, recommendation or decision", async () => {
    const request = await requestWithInternalWork();
    const wmf = await person("WMF_REVIEWER");
    const wmde = await person("WMDE_REVIEWER");
    await assertRefused(request.id, "conflict-error-declare-first", "assessing", () =>
      review.saveAssessment(wmf, { requestId: request.id, criterion: "who", rating: "MET", note: "" }),
    );
    await assertRefused(request.id, "conflict-error-declare-first", "granting", () => decisions.grantRequest(wmf, grantInput(request), BASE_URL));
    await assertRefused(request.id, "conflict-error-declare-first", "recommending", () =>
      decisions.recordRecommendation(wmde, { requestId: request.id, recommendation: "GRANT", note: "Fine." }),
    );

    await conflicts.declareInterest(wmf, declaration(request.id, "no"));
    assert.equal((await review.getReviewRequest(wmf, request.id)).interest, "none");
    await decisions.grantRequest(wmf, grantInput(await database.db.request.findUniqueOrThrow({ where: { id: request.id } })), BASE_URL);
    const history = await database.db.auditEntry.findMany({ where: { subjectId: request.id, actorId: wmf.id }, select: { action: true } });
    assert.deepEqual(
      history.map((entry) => entry.action),
      ["request.no_conflict_declared", "request.granted"],
    );
  });

  it("takes a declaration once, except that no conflict may become one, and a conflict needs its reason", async () => {
    const request = await requestWithInternalWork();
    const wmf = await person("WMF_REVIEWER");
    await conflicts.declareInterest(wmf, declaration(request.id, "no"));
    await assertRefused(request.id, "review-error-no-change", "declaring no conflict twice", () =>
      conflicts.declareInterest(wmf, declaration(request.id, "no")),
    );
    await conflicts.declareInterest(wmf, declaration(request.id, "yes", "My former student applied."));
    await assertRefused(request.id, "conflict-error-declared", "declaring again", () => conflicts.declareInterest(wmf, declaration(request.id, "no")));
    assert.equal(ZInterestDeclaration.safeParse({ requestId: request.id, conflict: "yes", reason: "  " }).success, false);
    assert.equal(ZInterestDeclaration.safeParse({ requestId: request.id, conflict: "maybe" }).success, false);
    assert.equal(ZConflictLift.safeParse({ declarationId: "x", reason: "" }).success, false);
  });
});

describe("a reviewer with a declared conflict", () => {
  it("gives the request back, and is refused every action on it, by the data layer and by the pipeline", async () => {
    const request = await requestWithInternalWork();
    const wmf = await person("WMF_REVIEWER");
    await declareNoConflict(database.db, request.id, wmf.id);
    await review.takeRequest(wmf, { requestId: request.id, version: request.version });
    await conflicts.declareInterest(wmf, declaration(request.id, "yes", "I co-authored with the requester."));
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    assert.equal(stored.assigneeId, null, "a conflicted reviewer still holds the request");

    const refused = (what: string, run: () => Promise<unknown>) => assertRefused(request.id, "conflict-error-declared", what, run);
    await refused("assessing", () => review.saveAssessment(wmf, { requestId: request.id, criterion: "who", rating: "MET", note: "" }));
    await refused("granting", () => decisions.grantRequest(wmf, grantInput(stored), BASE_URL));
    await refused("declining", () =>
      decisions.declineRequest(
        wmf,
        ZDeclineInput.parse({
          requestId: request.id,
          version: String(stored.version),
          criteria: ["need"],
          message: "The free account covers this.",
          rationale: "",
        }),
        BASE_URL,
      ),
    );
    await refused("an internal comment", () => review.addComment(wmf, { requestId: request.id, kind: "INTERNAL", body: "Hi" }, BASE_URL));
    await refused("taking it", () => review.takeRequest(wmf, { requestId: request.id, version: stored.version }));
    // Past the data layer's own check, the pipeline refuses under the request's lock.
    await refused("an assessment straight to the pipeline", () =>
      events.runEvent({ event: "assess", actor: { kind: "wmf", userId: wmf.id }, requestId: request.id, details: {} }),
    );
  });

  it("reads none of the request's internal work, and the queue marks it", async () => {
    const request = await requestWithInternalWork();
    const wmf = await person("WMF_REVIEWER");
    await conflicts.declareInterest(wmf, declaration(request.id, "yes", "Same department."));
    const seen = await review.getReviewRequest(wmf, request.id);
    assert.equal(seen.interest, "conflict");
    assert.deepEqual(
      seen.comments.map((comment) => comment.kind),
      ["MESSAGE"],
    );
    assert.deepEqual(seen.assessments, []);
    const colleague = await person("WMF_REVIEWER");
    assert.equal((await review.getReviewRequest(colleague, request.id)).comments.length, 2, "a colleague without a conflict reads every comment");

    const rows = async (viewer: TViewer) => (await queue.listQueue(viewer, ZQueueParams.parse({ view: "in_review", q: request.reference ?? "" }))).rows;
    assert.deepEqual(
      (await rows(wmf)).map((row) => [row.id, row.conflicted]),
      [[request.id, true]],
    );
    assert.equal((await rows(colleague))[0]?.conflicted, false);
  });
});

describe("lifting a conflict", () => {
  it("is for another admin only, with a reason kept in the history; then the reviewer may act again", async () => {
    const request = await requestWithInternalWork();
    const admin = await person("ADMIN");
    await conflicts.declareInterest(admin, declaration(request.id, "yes", "A friend of the applicant."));
    const declared = await database.db.conflictDeclaration.findUniqueOrThrow({
      where: { requestId_reviewerId: { requestId: request.id, reviewerId: admin.id } },
    });
    const lift = { declarationId: declared.id, reason: "The friendship ended years ago; checked with legal." };

    await assert.rejects(conflicts.liftConflict(await person("WMF_REVIEWER"), lift), NotFoundError);
    await assertRefused(request.id, "conflict-error-own", "lifting one's own", () => conflicts.liftConflict(admin, lift));
    const other = await person("ADMIN");
    await declareNoConflict(database.db, request.id, other.id);
    await conflicts.liftConflict(other, lift);
    await assertRefused(request.id, "conflict-error-not-conflicted", "lifting twice", () => conflicts.liftConflict(other, lift));

    const entry = await database.db.auditEntry.findFirstOrThrow({ where: { subjectId: request.id, action: "request.conflict_lifted" } });
    assert.equal(entry.actorId, other.id);
    assert.equal(entry.note, lift.reason);
    assert.equal((await review.getReviewRequest(admin, request.id)).interest, "lifted");
    await review.addComment(admin, { requestId: request.id, kind: "INTERNAL", body: "Back on it." }, BASE_URL);
    const listed = await conflicts.listDeclarations(other);
    assert.ok(listed.rows.some((row) => row.id === declared.id && row.liftReason === lift.reason));
    await assert.rejects(conflicts.listDeclarations(await person("WMF_REVIEWER")), NotFoundError);
  });
});
