// The public share of requests decided within the decision target, against a real database: the
// days spent waiting for the requester left out, open requests already past it counted as late.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DAY_MS } from "@/lib/domain/time";
import type { RequestStatus } from "@/lib/generated/prisma/client";
import { createViewer, withDataLayerDatabase } from "@/test-support/database";

const database = withDataLayerDatabase();
const figures = database.module(() => import("./figures"));

async function request(submittedAt: string, status: RequestStatus, clock: { days?: number; pausedDays?: number; pausedSince?: string } = {}) {
  const requester = await createViewer(database.db, "REQUESTER");
  const submitted = new Date(submittedAt);
  const decidedAt = clock.days === undefined ? undefined : new Date(submitted.getTime() + clock.days * DAY_MS);
  await database.db.request.create({
    data: {
      requesterId: requester.id,
      status,
      submittedAt: submitted,
      pausedSeconds: (clock.pausedDays ?? 0) * 86_400,
      pausedSince: clock.pausedSince ? new Date(clock.pausedSince) : null,
      decision: decidedAt
        ? { create: { outcome: status === "DECLINED" ? "DECLINED" : "GRANTED", decidedById: requester.id, decidedAt, message: "M" } }
        : undefined,
    },
  });
}

describe("publicTargetFigures", () => {
  it("counts per quarter the requests decided within the decision target, without the waits for the requester", async () => {
    // Q1 2013: decided in 10, 60 and 59.5 days; in 80 days of which 30 waiting for the requester (50
    // counted); in 61 days; one cancelled (never counted).
    await request("2013-01-05T10:00:00Z", "GRANTED", { days: 10 });
    await request("2013-01-06T10:00:00Z", "DECLINED", { days: 60 });
    await request("2013-02-01T10:00:00Z", "GRANTED", { days: 59.5 });
    await request("2013-02-02T10:00:00Z", "DECLINED", { days: 80, pausedDays: 30 });
    await request("2013-03-01T10:00:00Z", "GRANTED", { days: 61 });
    await request("2013-03-02T10:00:00Z", "CANCELLED");
    // Q2 2013: open for years (late already); open, but waiting for its requester since 20 days in (not late).
    await request("2013-04-02T10:00:00Z", "IN_REVIEW");
    await request("2013-05-02T10:00:00Z", "AWAITING_REQUESTER", { pausedSince: "2013-05-22T10:00:00Z" });

    const result = await figures.publicTargetFigures({ from: "2013-01-01", to: "2013-06-30" });
    assert.equal(result.decisionDays, 60);
    assert.deepEqual(
      result.quarters.map(({ bucket, figures: shares }) => [bucket.key, shares]),
      [
        ["2013-Q1", { within: 4, counted: 5, share: 0.8 }],
        ["2013-Q2", { within: 0, counted: 1 }],
      ],
    );
    assert.deepEqual(result.total, { within: 4, counted: 6, share: 4 / 6 });

    // The target in force today applies to every quarter.
    await database.db.reviewPolicy.update({ where: { id: 1 }, data: { decisionDays: 30 } });
    const tighter = await figures.publicTargetFigures({ from: "2013-01-01", to: "2013-03-31" });
    assert.deepEqual(tighter.total, { within: 1, counted: 5, share: 0.2 });
  });
});
