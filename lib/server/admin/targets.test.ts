// The response-time targets against a real database: set by admins only, against the version of
// the targets they saw, audited, and leaving the approval rules alone (and left alone by them).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { createViewer, withDataLayerDatabase } from "@/test-support/database";

const database = withDataLayerDatabase();
const targets = database.module(() => import("./targets"));

describe("response-time targets", () => {
  it("are changed by an admin, only the targets, and audited with the values before and after", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    await database.db.reviewPolicy.update({ where: { id: 1 }, data: { approvalCommercial: true } });
    const seen = await targets.targetSettings(admin);
    assert.deepEqual([seen.firstActionDays, seen.decisionDays, seen.updatedBy], [10, 60, null]);

    await targets.updateTargets(admin, { firstActionDays: 5, decisionDays: 30, version: seen.version });
    const after = await targets.targetSettings(admin);
    assert.deepEqual([after.firstActionDays, after.decisionDays, after.version, after.updatedBy], [5, 30, seen.version + 1, admin.name]);
    assert.equal((await database.db.reviewPolicy.findUniqueOrThrow({ where: { id: 1 } })).approvalCommercial, true);

    const trail = await database.db.auditEntry.findMany({ where: { subjectType: "review_policy" } });
    assert.deepEqual(
      trail.map((entry) => [entry.action, entry.actorId, entry.before, entry.after]),
      [["review_policy.targets_changed", admin.id, { firstActionDays: 10, decisionDays: 60 }, { firstActionDays: 5, decisionDays: 30 }]],
    );
  });

  it("refuse a change made against older targets, but not one made beside a change to the approval rules", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const { version } = await targets.targetSettings(admin);
    // Another admin changed the approval rules meanwhile: another part of the policy, so this stands.
    await database.db.reviewPolicy.update({ where: { id: 1 }, data: { approvalAll: true, approvalsVersion: { increment: 1 } } });
    await targets.updateTargets(admin, { firstActionDays: 4, decisionDays: 40, version });
    // Another admin changed the targets meanwhile: refused, nothing overwritten.
    await assert.rejects(targets.updateTargets(admin, { firstActionDays: 3, decisionDays: 20, version }), (error) => {
      assert.ok(error instanceof DomainError);
      assert.equal(error.messageKey, "admin-targets-error-conflict");
      return true;
    });
    const saved = await database.db.reviewPolicy.findUniqueOrThrow({ where: { id: 1 } });
    assert.deepEqual([saved.firstActionDays, saved.decisionDays, saved.approvalAll], [4, 40, true]);
    for (const role of ["WMF_REVIEWER", "WMDE_REVIEWER", "REQUESTER"] as const) {
      const viewer = await createViewer(database.db, role);
      await assert.rejects(targets.updateTargets(viewer, { firstActionDays: 3, decisionDays: 20, version: version + 1 }), NotFoundError);
      await assert.rejects(targets.targetSettings(viewer), NotFoundError);
    }
    const policy = await database.db.reviewPolicy.findUniqueOrThrow({ where: { id: 1 } });
    assert.notEqual(policy.firstActionDays, 3);
  });
});
