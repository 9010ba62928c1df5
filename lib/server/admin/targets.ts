import "server-only";

import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/domain/errors";
import type { TTargets, TTargetsInput } from "@/lib/domain/review/targets";
import { DEFAULT_REVIEW_POLICY } from "@/lib/domain/review-policy";
import { canAdminister } from "@/lib/domain/roles";
import { log } from "@/lib/log";

import { now } from "../clock";
import type { TViewer } from "../session";

function assertAdmin(viewer: TViewer) {
  if (!canAdminister(viewer.role)) throw new NotFoundError();
}

export type TTargetsSettings = TTargets & { version: number; updatedAt: Date | null; updatedBy: string | null };

/** The targets in force, with the policy version the form sends back and who last changed the policy. */
export async function targetSettings(viewer: TViewer): Promise<TTargetsSettings> {
  assertAdmin(viewer);
  const row = await db().reviewPolicy.findUnique({
    where: { id: 1 },
    select: {
      firstActionDays: true,
      decisionDays: true,
      version: true,
      updatedAt: true,
      updatedById: true,
      updatedBy: { select: { name: true, email: true } },
    },
  });
  if (!row)
    return {
      firstActionDays: DEFAULT_REVIEW_POLICY.firstActionDays,
      decisionDays: DEFAULT_REVIEW_POLICY.decisionDays,
      version: 0,
      updatedAt: null,
      updatedBy: null,
    };
  const { updatedBy, updatedById, ...settings } = row;
  return { ...settings, updatedAt: updatedById ? row.updatedAt : null, updatedBy: updatedBy ? (updatedBy.name ?? updatedBy.email) : null };
}

/**
 * Sets the two response-time targets, only those columns of the policy, against the version the
 * admin saw: a policy changed meanwhile (its targets or its approvals) is refused, never overwritten.
 * Audited with the targets before and after.
 */
export async function updateTargets(viewer: TViewer, input: TTargetsInput): Promise<void> {
  assertAdmin(viewer);
  await db().$transaction(async (tx) => {
    const before = await tx.reviewPolicy.findUnique({ where: { id: 1 }, select: { firstActionDays: true, decisionDays: true, version: true } });
    if (!before || before.version !== input.version) throw new DomainError("admin-targets-error-conflict");
    const updated = await tx.reviewPolicy.updateMany({
      where: { id: 1, version: input.version },
      data: { firstActionDays: input.firstActionDays, decisionDays: input.decisionDays, version: { increment: 1 }, updatedAt: now(), updatedById: viewer.id },
    });
    if (updated.count === 0) throw new DomainError("admin-targets-error-conflict");
    await audit(tx, {
      subject: "review_policy",
      id: "1",
      actorId: viewer.id,
      action: "review_policy.targets_changed",
      before: { firstActionDays: before.firstActionDays, decisionDays: before.decisionDays },
      after: { firstActionDays: input.firstActionDays, decisionDays: input.decisionDays },
    });
  });
  log.info("review_policy.targets_changed", { by: viewer.id, firstActionDays: input.firstActionDays, decisionDays: input.decisionDays });
}
