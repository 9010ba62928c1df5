import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import type { RequestStatus } from "@/lib/generated/prisma/client";
import { withDataLayerDatabase } from "@/test-support/database";
import { DAY_MS as DAY } from "@/lib/domain/time";

const database = withDataLayerDatabase();
const figures = database.module(() => import("./figures"));

let counter = 0;

/** A request submitted at `submittedAt`, decided `days` (and a few hours) later when it has a decision. */
async function request(submittedAt: string, status: RequestStatus, options: { joint?: boolean; days?: number; expiresAt?: Date; imported?: boolean } = {}) {
  counter += 1;
  const requester = await database.db.user.create({ data: { email: `figures-${counter}@example.org` } });
  const submitted = new Date(submittedAt);
  const decided = options.days === undefined ? undefined : new Date(submitted.getTime() + options.days * DAY + 3 * 3_600_000);
  await database.db.request.create({
    data: {
      requesterId: requester.id,
      status,
      submittedAt: submitted,
      joint: options.joint ?? false,
      expiresAt: options.expiresAt,
      importedAt: options.imported ? new Date() : null,
      decision: decided
        ? {
            create: {
              outcome: status === "DECLINED" ? "DECLINED" : "GRANTED",
              decidedById: requester.id,
              decidedAt: decided,
              message: "M",
              // A grant starts on the day it was made, in these figures.
              startsAt: status === "DECLINED" ? null : decided,
            },
          }
        : undefined,
    },
  });
}

describe("publicFigures", () => {
  before(async () => {
    // 2011 Q1: five decisions taking 1, 2, 3, 4 and 10 days; a cancelled joint request.
    await request("2011-01-05T10:00:00Z", "GRANTED", { days: 1, expiresAt: new Date(Date.now() + 30 * DAY) });
    await request("2011-01-20T10:00:00Z", "EXPIRED", { days: 2, joint: true });
    await request("2011-02-10T10:00:00Z", "WITHDRAWN", { days: 3 });
    // Decided by email before the app, and imported since: counted as any other, and told apart.
    await request("2011-03-01T10:00:00Z", "DECLINED", { days: 4, imported: true });
    await request("2011-03-31T23:59:59Z", "DECLINED", { days: 10 });
    await request("2011-02-14T10:00:00Z", "CANCELLED", { joint: true });
    // 2011 Q2: one lapsed, two waiting; a draft and a request outside the period count nowhere.
    await request("2011-04-01T00:00:00Z", "LAPSED");
    await request("2011-05-01T00:00:00Z", "IN_REVIEW", { joint: true });
    await request("2011-06-30T23:59:59Z", "SUBMITTED");
    await request("2011-07-01T00:00:00Z", "SUBMITTED");
    await database.db.request.create({ data: { requesterId: (await database.db.user.create({ data: {} })).id, status: "DRAFT" } });
  });

  it("counts each quarter's requests by what became of them, and the days decisions took", async () => {
    const result = await figures.publicFigures({ from: "2011-01-01", to: "2011-06-30" });
    assert.deepEqual(
      result.quarters.map(({ bucket, figures: quarter }) => [bucket.key, quarter]),
      [
        [
          "2011-Q1",
          {
            received: 6,
            granted: 3,
            declined: 2,
            cancelled: 1,
            lapsed: 0,
            open: 0,
            joint: 2,
            imported: 1,
            jointShare: 2 / 6,
            decisions: 5,
            medianDays: 3,
            p90Days: 7.6,
          },
        ],
        ["2011-Q2", { received: 3, granted: 0, declined: 0, cancelled: 0, lapsed: 1, open: 2, joint: 1, imported: 0, jointShare: 1 / 3, decisions: 0 }],
      ],
    );
    assert.deepEqual(result.total, {
      received: 9,
      granted: 3,
      declined: 2,
      cancelled: 1,
      lapsed: 1,
      open: 2,
      joint: 3,
      imported: 1,
      jointShare: 3 / 9,
      decisions: 5,
      medianDays: 3,
      p90Days: 7.6,
    });
    assert.equal(result.activeGrants, 1);
  });

  it("counts a request on the days of the period only, both ends included", async () => {
    const march = await figures.publicFigures({ from: "2011-03-01", to: "2011-03-31" });
    assert.equal(march.total.received, 2);
    assert.equal(march.quarters[0]!.bucket.partial, true);
    const lastDay = await figures.publicFigures({ from: "2011-06-30", to: "2011-06-30" });
    assert.equal(lastDay.total.received, 1);
  });
});
