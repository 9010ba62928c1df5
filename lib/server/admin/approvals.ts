import "server-only";

import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/domain/errors";
import type { TApprovalPolicy, TApprovalPolicyInput } from "@/lib/domain/review/approval";
import { canAdminister } from "@/lib/domain/roles";
import { log } from "@/lib/log";

import { now } from "../clock";
import type { TViewer } from "../session";

const APPROVAL_FIELDS = { approvalAll: true, approvalAboveCents: true, approvalCommercial: true, approvalLongerThanYear: true } as const;

function assertAdmin(viewer: TViewer) {
  if (!canAdminister(viewer.role)) throw new NotFoundError();
}

export type TApprovalPolicyView = TApprovalPolicy & { version: number; updatedAt: Date | null; updatedBy: string | null };
export type TApprovalChange = { id: string; at: Date; by: string | null; after: TApprovalPolicy | null };

/** The approval rules in force and who last changed them, with the latest changes from the audit trail: /admin/approvals. */
export async function approvalPolicyPage(viewer: TViewer): Promise<{ policy: TApprovalPolicyView; changes: TApprovalChange[] }> {
  assertAdmin(viewer);
  const [row, entries] = await Promise.all([
    db().reviewPolicy.findUniqueOrThrow({
      where: { id: 1 },
      select: { ...APPROVAL_FIELDS, approvalsVersion: true, approvalsChangedAt: true, approvalsChangedBy: { select: { name: true, email: true } } },
    }),
    db().auditEntry.findMany({
      where: { subjectType: "review_policy", action: "review_policy.approvals_changed" },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: 20,
      select: { id: true, at: true, after: true, actor: { select: { name: true, email: true } } },
    }),
  ]);
  const { approvalsVersion, approvalsChangedAt, approvalsChangedBy: by, ...rules } = row;
  return {
    policy: { ...rules, version: approvalsVersion, updatedAt: approvalsChangedAt, updatedBy: by ? (by.name ?? by.email) : null },
    changes: entries.map((entry) => ({
      id: entry.id,
      at: entry.at,
      by: entry.actor ? (entry.actor.name ?? entry.actor.email) : null,
      after: approvalsOf(entry.after),
    })),
  };
}

/** The four rules as an audit entry stored them, or null for an entry of another shape. */
function approvalsOf(stored: unknown): TApprovalPolicy | null {
  if (!stored || typeof stored !== "object") return null;
  const value = stored as Record<string, unknown>;
  const above = value.approvalAboveCents;
  return {
    approvalAll: value.approvalAll === true,
    approvalAboveCents: typeof above === "number" ? above : null,
    approvalCommercial: value.approvalCommercial === true,
    approvalLongerThanYear: value.approvalLongerThanYear === true,
  };
}

/**
 * Saves the approval rules (only these four columns: the targets are another page's), audited,
 * if nobody changed the rules since the admin's page; otherwise refused, never overwritten.
 */
export async function saveApprovalPolicy(viewer: TViewer, input: TApprovalPolicyInput) {
  assertAdmin(viewer);
  const { version, ...rules } = input;
  await db().$transaction(async (tx) => {
    const before = await tx.reviewPolicy.findUnique({ where: { id: 1 }, select: APPROVAL_FIELDS });
    const updated = await tx.reviewPolicy.updateMany({
      where: { id: 1, approvalsVersion: version },
      data: { ...rules, approvalsVersion: { increment: 1 }, approvalsChangedAt: now(), approvalsChangedById: viewer.id },
    });
    if (updated.count === 0) throw new DomainError("admin-approvals-conflict");
    await audit(tx, { subject: "review_policy", id: "1", actorId: viewer.id, action: "review_policy.approvals_changed", before, after: rules });
  });
  log.info("review_policy.approvals_changed", { by: viewer.id });
}
