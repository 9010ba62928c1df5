// Nobody reviews their own request: on it, a staff member is only its requester. Every reviewer
// function refuses it as "not found", changes nothing, and no list a reviewer reads shows it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { NotFoundError } from "@/lib/domain/errors";
import { ZGrantInput } from "@/lib/domain/review/decisions";
import { QUEUE_VIEWS, ZQueueParams } from "@/lib/domain/review/queue";
import type { Prisma } from "@/lib/generated/prisma/client";
import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translator";
import { createRequest, createViewer, withDataLayerDatabase } from "@/test-support/database";

import type { TViewer } from "../session";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";
import { DAY_MS as DAY } from "@/lib/domain/time";

let counter = 0;

const database = withDataLayerDatabase();
const review = database.module(() => import("./request"));
const decisions = database.module(() => import("./decisions"));
const queue = database.module(() => import("./queue"));
const board = database.module(() => import("./dashboard"));
const queueExport = database.module(() => import("./export"));

async function ownRequest(requester: TViewer, data: Partial<Prisma.RequestUncheckedCreateInput>) {
  counter += 1;
  return createRequest(database.db, requester, {
    reference: `EA-2026-${String(counter).padStart(4, "0")}`,
    submittedAt: new Date(Date.now() - counter * 60_000),
    requesterKind: "nonprofit",
    ...data,
  });
}

/** Everything a reviewer's action could have touched on a request. */
async function footprint(requestId: string) {
  const [request, assessments, comments, questions, audit, emails, decision, recommendation, humanRights] = await Promise.all([
    database.db.request.findUniqueOrThrow({
      where: { id: requestId },
      select: { status: true, version: true, assigneeId: true, joint: true, expiresAt: true },
    }),
    database.db.assessment.count({ where: { requestId } }),
    database.db.comment.count({ where: { requestId } }),
    database.db.informationRequest.count({ where: { requestId } }),
    database.db.auditEntry.count({ where: { subjectId: requestId } }),
    database.db.outboxEmail.count({ where: { requestId } }),
    database.db.decision.findUnique({ where: { requestId }, select: { expiresAt: true, endedAt: true } }),
    database.db.wmdeRecommendation.count({ where: { requestId } }),
    database.db.humanRightsAssessment.count({ where: { requestId } }),
  ]);
  return { request, assessments, comments, questions, audit, emails, decision, recommendation, humanRights };
}

async function assertRefused(requestId: string, what: string, run: () => Promise<unknown>) {
  const before = await footprint(requestId);
  await assert.rejects(run, NotFoundError, `${what}: not refused as "not found"`);
  assert.deepEqual(await footprint(requestId), before, `${what} changed the request`);
}

describe("a reviewer who is also the requester", () => {
  for (const role of ["WMF_REVIEWER", "ADMIN"] as const) {
    it(`${role}: every reviewer action on their own request is refused and changes nothing`, async () => {
      const self = await createViewer(database.db, role);
      const open = await ownRequest(self, { status: "IN_REVIEW", joint: true });
      const granted = await ownRequest(self, { status: "GRANTED", expiresAt: new Date(Date.now() + 200 * DAY) });
      await database.db.decision.create({
        data: {
          requestId: granted.id,
          outcome: "GRANTED",
          decidedById: (await createViewer(database.db, "WMF_REVIEWER")).id,
          message: "Granted.",
          criteria: ["need"],
          apis: ["snapshot"],
          startsAt: new Date(),
          expiresAt: granted.expiresAt,
        },
      });
      const id = open.id;
      const version = open.version;

      await assertRefused(id, "reading the reviewer's view", () => review.getReviewRequest(self, id));
      await assertRefused(id, "take", () => review.takeRequest(self, { requestId: id, version }));
      await assertRefused(id, "release", () => review.releaseRequest(self, { requestId: id, version }));
      await assertRefused(id, "move out of the joint queue", () => review.moveJoint(self, { requestId: id, version, joint: false, reason: "Mine" }, BASE_URL));
      await assertRefused(id, "assess", () => review.saveAssessment(self, { requestId: id, criterion: "need", rating: "MET", note: "Looks fine to me" }));
      await assertRefused(id, "internal comment", () => review.addComment(self, { requestId: id, kind: "INTERNAL", body: "Please hurry" }, BASE_URL));
      await assertRefused(id, "message", () => review.addComment(self, { requestId: id, kind: "MESSAGE", body: "Hello me" }, BASE_URL));
      await assertRefused(id, "ask", () =>
        review.askForInformation(self, { requestId: id, version, question: "Why?", replyBy: day(14), sections: ["need"] }, BASE_URL),
      );
      await assertRefused(id, "history", () => review.getReviewRequest(self, id).then((request) => review.reviewHistory(request)));
      await assertRefused(id, "human rights", () => decisions.recordHumanRights(self, { requestId: id, outcome: "NO_CONCERNS", note: "" }));
      const grant = ZGrantInput.parse({
        requestId: id,
        version: String(version),
        apis: ["snapshot"],
        snapshotFrequency: "weekly",
        startsOn: day(0),
        expiresOn: day(180),
        jointOverride: "Going ahead",
        criteria: ["need"],
        rationale: "Mine",
        message: "Granted to myself",
      });
      await assertRefused(id, "grant", () => decisions.grantRequest(self, grant, BASE_URL));
      await assertRefused(id, "decline", () =>
        decisions.declineRequest(self, { requestId: id, version, criteria: ["need"], rationale: "", message: "No" }, BASE_URL),
      );
      await assertRefused(granted.id, "extend", () =>
        decisions.extendGrant(
          self,
          { requestId: granted.id, version: granted.version, expiresOn: day(400), lengthOverride: "", message: "More" },
          BASE_URL,
          "en-GB",
        ),
      );
      await assertRefused(granted.id, "withdraw", () =>
        decisions.withdrawGrant(self, { requestId: granted.id, version: granted.version, reason: "POLICY", message: "Ending it" }, BASE_URL),
      );
    });
  }

  it("a WMDE reviewer cannot recommend on their own joint request", async () => {
    const self = await createViewer(database.db, "WMDE_REVIEWER");
    const own = await ownRequest(self, { status: "SUBMITTED", joint: true });
    await assertRefused(own.id, "recommend", () => decisions.recordRecommendation(self, { requestId: own.id, recommendation: "GRANT", note: "Yes" }));
    await assertRefused(own.id, "assess", () => review.saveAssessment(self, { requestId: own.id, criterion: "who", rating: "MET", note: "" }));
  });

  it("never sees their own requests in the queue, its counts, the dashboard or an export; others do", async () => {
    const self = await createViewer(database.db, "WMF_REVIEWER");
    const colleague = await createViewer(database.db, "WMF_REVIEWER");
    const own = [
      await ownRequest(self, { status: "SUBMITTED" }),
      await ownRequest(self, { status: "IN_REVIEW", joint: true }),
      await ownRequest(self, { status: "AWAITING_REQUESTER" }),
      await ownRequest(self, { status: "DECLINED" }),
      await ownRequest(self, { status: "GRANTED", expiresAt: new Date(Date.now() + 10 * DAY) }),
    ];
    const ownIds = new Set(own.map((request) => request.id));
    const listed = async (viewer: TViewer) => {
      const ids: string[] = [];
      for (const view of QUEUE_VIEWS)
        for await (const batch of queue.queueBatches(viewer, ZQueueParams.parse({ view }))) ids.push(...batch.map((row) => row.id));
      return ids;
    };
    assert.deepEqual(
      (await listed(self)).filter((id) => ownIds.has(id)),
      [],
      "own requests in the queue",
    );
    assert.equal(new Set((await listed(colleague)).filter((id) => ownIds.has(id))).size, own.length, "a colleague sees them all");

    const [mine, theirs] = await Promise.all([queue.queueCounts(self), queue.queueCounts(colleague)]);
    assert.deepEqual(mine, {
      new: theirs.new - 1,
      in_review: theirs.in_review - 1,
      awaiting: theirs.awaiting - 1,
      joint: theirs.joint - 1,
      appeals: theirs.appeals,
      decided: theirs.decided - 2,
      confirm: theirs.confirm,
    });

    const [selfBoard, colleagueBoard] = await Promise.all([board.dashboard(self), board.dashboard(colleague)]);
    const onBoard = (result: Awaited<ReturnType<typeof board.dashboard>>) => [...result.expiring, ...result.waiting].filter((row) => ownIds.has(row.id)).length;
    assert.equal(onBoard(selfBoard), 0, "own requests on the dashboard");
    assert.ok(onBoard(colleagueBoard) > 0, "a colleague's dashboard shows them");

    const t = createTranslator("en", messagesFor("en"));
    for (const view of QUEUE_VIEWS) {
      const { body } = await queueExport.exportQueue(self, ZQueueParams.parse({ view }), t, BASE_URL);
      const text = await new Response(body).text();
      for (const id of ownIds) assert.ok(!text.includes(id), `own request in the ${view} export`);
    }
  });
});
