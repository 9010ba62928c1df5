// The in-kind value summed in SQL against a real database, with prices changing over time: each
// grant priced as on its decision day, the same cents as the domain's formula, and the totals of
// the public figures and the dashboard.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { decidedValue, type TUnitCost } from "@/lib/domain/in-kind-value";
import { DAY_MS } from "@/lib/domain/time";
import { createViewer, withDataLayerDatabase } from "@/test-support/database";

const database = withDataLayerDatabase();
const figures = database.module(() => import("./figures"));
const values = database.module(() => import("./review/grant-values"));

const PRICES: TUnitCost[] = [
  { kind: "on_demand_million", amountCents: 4_000, validFrom: "2012-01-01" },
  { kind: "on_demand_million", amountCents: 5_000, validFrom: "2012-04-01" },
  { kind: "snapshot_download", amountCents: 333, validFrom: "2012-01-01" },
  { kind: "realtime_month", amountCents: 150_000, validFrom: "2012-03-15" },
  { kind: "development_day", amountCents: 80_000, validFrom: "2012-01-01" },
];

let counter = 0;
type TGrant = {
  decidedAt: string;
  apis: string[];
  onDemandPerMonth?: number;
  snapshotFrequency?: string;
  realtime?: boolean;
  days?: number;
  expiresAt: Date;
  startsAt?: Date;
};

async function grant(scope: TGrant) {
  counter += 1;
  const requester = await database.db.user.create({ data: { email: `value-${counter}@example.org` } });
  const decidedAt = new Date(scope.decidedAt);
  const startsAt = scope.startsAt ?? decidedAt;
  const request = await database.db.request.create({
    data: {
      requesterId: requester.id,
      status: "GRANTED",
      reference: `EA-2012-${String(counter).padStart(5, "0")}`,
      submittedAt: decidedAt,
      customDevelopmentDays: scope.days ?? null,
      decision: {
        create: {
          outcome: "GRANTED",
          decidedById: requester.id,
          decidedAt,
          message: "M",
          apis: scope.apis,
          onDemandPerMonth: scope.onDemandPerMonth ?? null,
          snapshotFrequency: scope.snapshotFrequency ?? null,
          realtime: scope.realtime ?? false,
          startsAt,
          expiresAt: scope.expiresAt,
        },
      },
    },
    include: { decision: true },
  });
  // The trigger copies the decision's dates; the grant's current expiry may differ after an extension.
  await database.db.request.update({ where: { id: request.id }, data: { startsAt, expiresAt: scope.expiresAt } });
  const decision = request.decision;
  assert.ok(decision);
  return decidedValue(decision, scope.expiresAt, scope.days ?? null, PRICES);
}

const endOf = (day: string) => new Date(`${day}T23:59:59.999Z`);
const inDays = (days: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + days * DAY_MS - 1);

describe("the in-kind value in SQL", () => {
  const expected: Awaited<ReturnType<typeof grant>>[] = [];
  let active: Awaited<ReturnType<typeof grant>>[] = [];

  before(async () => {
    for (const cost of PRICES) await database.db.unitCost.create({ data: { ...cost, validFrom: new Date(`${cost.validFrom}T00:00:00Z`) } });
    // 2012 Q1: the first On-demand price, Realtime without a price before 15 March, development once.
    expected.push(
      await grant({
        decidedAt: "2012-02-10T15:00:00Z",
        apis: ["on_demand", "snapshot"],
        onDemandPerMonth: 1_234_567,
        snapshotFrequency: "daily",
        expiresAt: endOf("2013-02-09"),
      }),
    );
    expected.push(await grant({ decidedAt: "2012-03-01T09:00:00Z", apis: ["realtime"], realtime: true, days: 3, expiresAt: endOf("2012-08-31") }));
    // 2012 Q2: the second On-demand price applies from its first day.
    expected.push(
      await grant({
        decidedAt: "2012-04-01T00:30:00Z",
        apis: ["on_demand", "realtime"],
        onDemandPerMonth: 2_000_000,
        realtime: true,
        expiresAt: endOf("2012-12-31"),
      }),
    );
    // Active today, decided long ago (priced as then), and extended past its original expiry.
    active = [
      await grant({
        decidedAt: "2012-05-05T10:00:00Z",
        apis: ["snapshot"],
        snapshotFrequency: "weekly",
        startsAt: new Date("2012-05-05T00:00:00Z"),
        expiresAt: inDays(40),
      }),
      await grant({
        decidedAt: "2012-06-06T10:00:00Z",
        apis: ["on_demand"],
        onDemandPerMonth: 10_000,
        days: 2,
        startsAt: new Date("2012-06-06T00:00:00Z"),
        expiresAt: inDays(400),
      }),
    ];
    expected.push(...active);
  });

  it("sums each quarter's grants at the prices of their decision days, as the formula does one by one", async () => {
    assert.equal(expected[1]?.missing.join(), "realtime_month", "no Realtime price before 15 March");
    const result = await figures.publicValueFigures({ from: "2012-01-01", to: "2012-06-30" });
    const sum = (list: typeof expected) => list.reduce((total, value) => total + value.termCents, 0);
    assert.deepEqual(
      result.quarters.map(({ bucket, value }) => [bucket.key, value]),
      [
        ["2012-Q1", { grants: 2, termCents: sum(expected.slice(0, 2)), incomplete: 1 }],
        ["2012-Q2", { grants: 3, termCents: sum(expected.slice(2)), incomplete: 0 }],
      ],
    );
    assert.equal(expected[2]?.lines[0]?.unitCents, 5_000);
  });

  it("keeps an earlier grant's value when a later price is added", async () => {
    const before = await figures.publicValueFigures({ from: "2012-01-01", to: "2012-03-31" });
    const admin = await createViewer(database.db, "ADMIN");
    await database.db.unitCost.create({
      data: { kind: "on_demand_million", amountCents: 9_999, validFrom: new Date("2012-07-01T00:00:00Z"), createdById: admin.id },
    });
    const after = await figures.publicValueFigures({ from: "2012-01-01", to: "2012-03-31" });
    assert.deepEqual(after.quarters, before.quarters);
    await database.db.unitCost.deleteMany({ where: { validFrom: new Date("2012-07-01T00:00:00Z") } });
  });

  it("totals the grants active today, for the public and for reviewers alike", async () => {
    const monthly = active.reduce((total, value) => total + value.monthlyCents, 0);
    const term = active.reduce((total, value) => total + value.termCents, 0);
    const result = await figures.publicValueFigures({ from: "2012-01-01", to: "2012-06-30" });
    assert.deepEqual(result.active, { grants: 2, monthlyCents: monthly, termCents: term, incomplete: 0 });

    const reviewer = await createViewer(database.db, "WMF_REVIEWER");
    const dashboard = await values.activeGrantValues(reviewer);
    assert.deepEqual([dashboard.count, dashboard.monthlyCents, dashboard.incomplete], [2, monthly, 0]);
    assert.deepEqual(
      dashboard.grants.map((row) => [row.monthlyCents, row.termCents]),
      active.map((value) => [value.monthlyCents, value.termCents]),
      "soonest expiry first",
    );
    const wmde = await values.activeGrantValues(await createViewer(database.db, "WMDE_REVIEWER"));
    assert.equal(wmde.count, 0, "WMDE sees joint grants only");
  });

  it("gives the share of promised contributions delivered", async () => {
    assert.equal((await figures.publicValueFigures({ from: "2012-01-01", to: "2012-06-30" })).contributions.share, undefined);
    const [first] = await database.db.request.findMany({ where: { status: "GRANTED" }, take: 1, select: { id: true } });
    assert.ok(first);
    const statuses = ["DELIVERED", "PROMISED", "IN_PROGRESS", "DROPPED"] as const;
    for (const [index, status] of statuses.entries()) {
      await database.db.contribution.create({ data: { requestId: first.id, position: index + 1, kind: "tools", description: "A tool", status } });
    }
    assert.deepEqual((await figures.publicValueFigures({ from: "2012-01-01", to: "2012-06-30" })).contributions, { delivered: 1, promised: 4, share: 0.25 });
  });
  it("lists beside each active grant its last check-in, or that one is overdue, and the contributions it delivered", async () => {
    const reviewer = await createViewer(database.db, "WMF_REVIEWER");
    const [answered, quiet] = (await values.activeGrantValues(reviewer)).grants;
    assert.ok(answered && quiet);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
    await database.db.checkIn.create({
      data: { requestId: answered.id, scheduledFor: day(-40), openedAt: day(-40), dueAt: day(-10), answeredAt: day(-20), useCase: "winding_down" },
    });
    await database.db.checkIn.create({ data: { requestId: quiet.id, scheduledFor: day(-35), openedAt: day(-35), dueAt: day(-5) } });
    await database.db.contribution.createMany({
      data: [
        { requestId: answered.id, position: 1, kind: "reports", description: "A yearly report", status: "DELIVERED" },
        { requestId: answered.id, position: 2, kind: "tools", description: "A viewer", status: "IN_PROGRESS" },
      ],
    });

    const [first, second] = (await values.activeGrantValues(reviewer)).grants;
    assert.equal(first?.overdue, false);
    assert.equal(first?.followUp.lastCheckIn?.useCase, "winding_down");
    assert.deepEqual(first?.followUp.contributions, { promised: 2, delivered: 1, dropped: 0 });
    assert.equal(second?.overdue, true, "gone quiet: the check-in is past its due date");
    assert.equal(second?.followUp.lastCheckIn, null);
  });
});
