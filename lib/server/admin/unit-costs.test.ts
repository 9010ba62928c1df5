// Unit costs against a real database: added by admins only, one per kind and day, audited, and
// never changed, so each price keeps its history.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { FieldRuleError, NotFoundError } from "@/lib/domain/errors";
import { createViewer, withDataLayerDatabase } from "@/test-support/database";

const database = withDataLayerDatabase();
const costs = database.module(() => import("./unit-costs"));

describe("unit costs", () => {
  it("are added by an admin, audited, and listed per kind newest first", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const first = await costs.addUnitCost(admin, { kind: "snapshot_download", amountCents: 250, validFrom: "2026-01-01" });
    await costs.addUnitCost(admin, { kind: "snapshot_download", amountCents: 300, validFrom: "2026-07-01" });

    const listed = await costs.listUnitCosts(admin);
    assert.deepEqual(
      listed.snapshot_download.map((row) => [row.validFrom, row.amountCents, row.createdBy]),
      [
        ["2026-07-01", 300, admin.name],
        ["2026-01-01", 250, admin.name],
      ],
    );
    assert.deepEqual(listed.realtime_month, []);

    const trail = await database.db.auditEntry.findMany({ where: { subjectType: "unit_cost", subjectId: first.id } });
    assert.deepEqual(
      trail.map((entry) => [entry.action, entry.actorId, entry.after]),
      [["unit_cost.added", admin.id, { kind: "snapshot_download", amountCents: 250, validFrom: "2026-01-01" }]],
    );
    assert.ok((await costs.unitCosts()).some((cost) => cost.kind === "snapshot_download" && cost.amountCents === 300 && cost.validFrom === "2026-07-01"));
  });

  it("refuse a second price for the same kind and day, and change nothing", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    await costs.addUnitCost(admin, { kind: "development_day", amountCents: 80_000, validFrom: "2026-03-01" });
    const before = await database.db.auditEntry.count({ where: { subjectType: "unit_cost" } });
    await assert.rejects(
      costs.addUnitCost(admin, { kind: "development_day", amountCents: 90_000, validFrom: "2026-03-01" }),
      (error) => error instanceof FieldRuleError && error.fieldErrors.validFrom?.key === "error-unit-cost-same-day",
    );
    assert.equal(await database.db.unitCost.count({ where: { kind: "development_day" } }), 1);
    assert.equal(await database.db.auditEntry.count({ where: { subjectType: "unit_cost" } }), before);
    // Another kind on the same day is another price.
    await costs.addUnitCost(admin, { kind: "realtime_month", amountCents: 100_000, validFrom: "2026-03-01" });
  });

  it("of two admins adding the same kind and day at once, keep one", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const other = await createViewer(database.db, "ADMIN");
    const input = { kind: "on_demand_million", amountCents: 4_000, validFrom: "2026-05-05" } as const;
    const outcomes = await Promise.allSettled([costs.addUnitCost(admin, input), costs.addUnitCost(other, input)]);
    assert.deepEqual(outcomes.map((outcome) => outcome.status).sort(), ["fulfilled", "rejected"]);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    assert.ok(refused?.status === "rejected" && refused.reason instanceof FieldRuleError);
    assert.equal(await database.db.unitCost.count({ where: { kind: "on_demand_million", validFrom: new Date("2026-05-05T00:00:00Z") } }), 1);
  });

  it("are neither added nor listed by anyone but an admin", async () => {
    for (const role of ["REQUESTER", "WMF_REVIEWER", "WMDE_REVIEWER"] as const) {
      const someone = await createViewer(database.db, role);
      await assert.rejects(costs.addUnitCost(someone, { kind: "realtime_month", amountCents: 1, validFrom: "2030-01-01" }), NotFoundError);
      await assert.rejects(costs.listUnitCosts(someone), NotFoundError);
    }
    assert.equal(await database.db.unitCost.count({ where: { validFrom: new Date("2030-01-01T00:00:00Z") } }), 0);
  });

  it("are refused below zero by the database itself", async () => {
    await assert.rejects(database.db.unitCost.create({ data: { kind: "realtime_month", amountCents: -1, validFrom: new Date("2031-01-01T00:00:00Z") } }));
  });
});
