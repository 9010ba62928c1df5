// The approvals policy against a real database: saved by admins only, audited, and never over a
// change made since the admin's page.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { createViewer, withDataLayerDatabase } from "@/test-support/database";

const database = withDataLayerDatabase();
const approvals = database.module(() => import("./approvals"));

const RULES = { approvalAll: false, approvalAboveCents: 2_500_000, approvalCommercial: true, approvalLongerThanYear: false };

describe("the approvals policy", () => {
  it("is saved by an admin, audited, and listed with who changed it", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const { policy } = await approvals.approvalPolicyPage(admin);
    await approvals.saveApprovalPolicy(admin, { version: policy.version, ...RULES });

    const page = await approvals.approvalPolicyPage(admin);
    assert.deepEqual({ ...page.policy, updatedAt: undefined }, { ...RULES, version: policy.version + 1, updatedAt: undefined, updatedBy: admin.name });
    assert.deepEqual(
      page.changes.map((change) => [change.by, change.after]),
      [[admin.name, RULES]],
    );
    // The targets are another page's: untouched.
    const row = await database.db.reviewPolicy.findUniqueOrThrow({ where: { id: 1 } });
    assert.deepEqual([row.firstActionDays, row.decisionDays], [10, 60]);
  });

  it("refuses an admin who saw older rules, and changes nothing, but not one who saw older targets", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const { policy } = await approvals.approvalPolicyPage(admin);
    // A change to the targets meanwhile is another part of the policy: the rules still save.
    await database.db.reviewPolicy.update({ where: { id: 1 }, data: { decisionDays: 45, targetsVersion: { increment: 1 } } });
    await approvals.saveApprovalPolicy(admin, { ...RULES, version: policy.version });
    assert.equal((await database.db.reviewPolicy.findUniqueOrThrow({ where: { id: 1 } })).decisionDays, 45);
    const before = await database.db.auditEntry.count({ where: { subjectType: "review_policy" } });
    await assert.rejects(
      approvals.saveApprovalPolicy(admin, { ...RULES, approvalAll: true, version: policy.version }),
      (error) => error instanceof DomainError && error.messageKey === "admin-approvals-conflict",
    );
    assert.equal((await database.db.reviewPolicy.findUniqueOrThrow({ where: { id: 1 } })).approvalAll, false);
    assert.equal(await database.db.auditEntry.count({ where: { subjectType: "review_policy" } }), before);
  });

  it("is neither read nor saved by anyone but an admin", async () => {
    for (const role of ["REQUESTER", "WMF_REVIEWER", "WMDE_REVIEWER"] as const) {
      const someone = await createViewer(database.db, role);
      await assert.rejects(approvals.saveApprovalPolicy(someone, { ...RULES, approvalAll: true, version: 0 }), NotFoundError);
      await assert.rejects(approvals.approvalPolicyPage(someone), NotFoundError);
    }
    assert.equal((await database.db.reviewPolicy.findUniqueOrThrow({ where: { id: 1 } })).approvalAll, false);
  });
});
