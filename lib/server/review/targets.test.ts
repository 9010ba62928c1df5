// Response-time targets where reviewers meet them, against a real database: the queue's waited
// days and marks, the dashboard's past-target list (first the decision target, then the longest
// waits) and the workload of each reviewer, all following the admin's targets.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { NotFoundError } from "@/lib/domain/errors";
import { ZQueueParams } from "@/lib/domain/review/queue";
import { addDays } from "@/lib/domain/time";
import { createRequest, createViewer, withDataLayerDatabase } from "@/test-support/database";

const database = withDataLayerDatabase();
const queue = database.module(() => import("./queue"));
const targets = database.module(() => import("./targets"));

const ago = (days: number) => addDays(new Date(), -days);

describe("response-time targets for reviewers", () => {
  it("show each request's wait and mark those past a target, in the queue, on the dashboard and in each reviewer's workload", async () => {
    const requester = await createViewer(database.db, "REQUESTER");
    const reviewer = await createViewer(database.db, "WMF_REVIEWER");
    const viewer = await createViewer(database.db, "WMF_REVIEWER");
    const make = (data: Parameters<typeof createRequest>[2]) => createRequest(database.db, requester, data);
    // Untouched for 12 days: past the first-action target of 10.
    const untouched = await make({ status: "SUBMITTED", submittedAt: ago(12) });
    // Acted on at once, 70 days ago, 20 of them waiting for the requester: 50 days waited, within 60.
    const paused = await make({ status: "IN_REVIEW", submittedAt: ago(70), firstActionAt: ago(69), pausedSeconds: 20 * 86_400, assigneeId: reviewer.id });
    // 65 days without a pause, held by the reviewer: past the decision target.
    const late = await make({ status: "IN_REVIEW", submittedAt: ago(65), firstActionAt: ago(64), assigneeId: reviewer.id });
    // Waiting for its requester since day 30 of 100: 30 days counted, the clock stopped.
    const waiting = await make({ status: "AWAITING_REQUESTER", submittedAt: ago(100), firstActionAt: ago(99), pausedSince: ago(70), assigneeId: reviewer.id });
    const fresh = await make({ status: "SUBMITTED", submittedAt: ago(2) });

    const page = async (view: "new" | "in_review" | "awaiting") => (await queue.listQueue(viewer, ZQueueParams.parse({ view }))).rows;
    const marks = (rows: Awaited<ReturnType<typeof page>>) => Object.fromEntries(rows.map((row) => [row.id, [row.waitedDays, row.pastTarget]]));
    assert.deepEqual(marks(await page("new")), { [untouched.id]: [12, "first_action"], [fresh.id]: [2, null] });
    assert.deepEqual(marks(await page("in_review")), { [paused.id]: [50, null], [late.id]: [65, "decision"] });
    assert.deepEqual(marks(await page("awaiting")), { [waiting.id]: [30, null] });

    const past = await targets.pastTargetRequests(viewer);
    assert.deepEqual(
      past.rows.map((row) => [row.id, row.waitedDays, row.pastTarget]),
      [
        [late.id, 65, "decision"],
        [untouched.id, 12, "first_action"],
      ],
    );

    const held = await targets.workload(viewer);
    const mine = held.reviewers.find((entry) => entry.reviewer.id === reviewer.id);
    assert.ok(mine);
    assert.deepEqual(
      Object.fromEntries(Object.entries(mine.byStatus).map(([status, rows]) => [status, rows.map((row) => [row.id, row.waitedDays, row.pastTarget])])),
      {
        SUBMITTED: [],
        IN_REVIEW: [
          [late.id, 65, "decision"],
          [paused.id, 50, null],
        ],
        AWAITING_REQUESTER: [[waiting.id, 30, null]],
      },
    );

    // Tighter targets mark more: 40 days to a decision puts the paused request past it too.
    await database.db.reviewPolicy.update({ where: { id: 1 }, data: { firstActionDays: 1, decisionDays: 40 } });
    assert.deepEqual(marks(await page("new")), { [untouched.id]: [12, "first_action"], [fresh.id]: [2, "first_action"] });
    assert.deepEqual(
      (await targets.pastTargetRequests(viewer)).rows.map((row) => row.id),
      [late.id, paused.id, untouched.id, fresh.id],
    );
  });

  it("are for reviewers only, who never see their own requests there", async () => {
    const requester = await createViewer(database.db, "REQUESTER");
    await assert.rejects(targets.pastTargetRequests(requester), NotFoundError);
    await assert.rejects(targets.workload(requester), NotFoundError);
    const selfReviewer = await createViewer(database.db, "WMF_REVIEWER");
    const own = await createRequest(database.db, selfReviewer, { status: "SUBMITTED", submittedAt: ago(90) });
    assert.ok(!(await targets.pastTargetRequests(selfReviewer)).rows.some((row) => row.id === own.id));
  });
});
