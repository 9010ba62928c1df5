import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ZQueueParams } from "@/lib/domain/review/queue";
import { addDays } from "@/lib/domain/time";
import { createRequest, createViewer, withDataLayerDatabase } from "@/test-support/database";
import { moveStatus } from "@/test-support/status";

const database = withDataLayerDatabase();
const queue = database.module(() => import("./queue"));
const dashboards = database.module(() => import("./dashboard"));

/** A running grant with one check-in opened `openedDaysAgo` days ago, due 30 days after it opened. */
async function grantWithCheckIn(openedDaysAgo: number, answered = false) {
  const requester = await createViewer(database.db, "REQUESTER");
  const request = await createRequest(database.db, requester, { status: "IN_REVIEW" });
  await moveStatus(database.db, { id: request.id }, "GRANTED", { startsAt: addDays(new Date(), -200), expiresAt: addDays(new Date(), 165) });
  const openedAt = addDays(new Date(), -openedDaysAgo);
  await database.db.checkIn.create({
    data: { requestId: request.id, scheduledFor: openedAt, openedAt, dueAt: addDays(openedAt, 30), answeredAt: answered ? addDays(openedAt, 2) : null },
  });
  return request;
}

describe("check-ins overdue, for reviewers", () => {
  it("flags the queue rows and lists the grants on the dashboard, never an answered or a waiting one", async () => {
    const overdue = await grantWithCheckIn(40);
    const waiting = await grantWithCheckIn(10);
    const answered = await grantWithCheckIn(40, true);
    const reviewer = await createViewer(database.db, "WMF_REVIEWER");

    const { rows } = await queue.listQueue(reviewer, ZQueueParams.parse({ view: "decided" }));
    const flag = (id: string) => rows.find((row) => row.id === id)?.checkInOverdue;
    assert.equal(flag(overdue.id), true);
    assert.equal(flag(waiting.id), false);
    assert.equal(flag(answered.id), false);

    const { overdue: list } = await dashboards.dashboard(reviewer);
    assert.equal(list.count, 1);
    assert.deepEqual(
      list.rows.map((row) => row.request.id),
      [overdue.id],
    );

    // Nobody sees their own request as a reviewer: not on the dashboard either.
    const own = await database.db.request.findUniqueOrThrow({ where: { id: overdue.id }, select: { requesterId: true } });
    const self = { ...reviewer, id: own.requesterId };
    assert.equal((await dashboards.dashboard(self)).overdue.count, 0);
  });
});
