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

/** The targets in force, with the version of them the form sends back and who last changed them. */
export async function targetSettings(viewer: TViewer): Promise<TTargetsSettings> {
  assertAdmin(viewer);
  const row = await db().reviewPolicy.findUnique({
    where: { id: 1 },
    select: {
      firstActionDays: true,
      decisionDays: true,
      targetsVersion: true,
      targetsChangedAt: true,
      targetsChangedBy: { select: { name: true, email: true } },
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
  const by = row.targetsChangedBy;
  return {
    firstActionDays: row.firstActionDays,
    decisionDays: row.decisionDays,
    version: row.targetsVersion,
    updatedAt: row.targetsChangedAt,
    updatedBy: by ? (by.name ?? by.email) : null,
  };
}

/**
 * Sets the two response-time targets, only those columns of the policy, against the version of the
 * targets the admin saw: targets changed meanwhile are refused, never overwritten. A change to the
 * approval rules meanwhile is another part of the policy and stands beside this one.
 * Audited with the targets before and after.
 */
export async function updateTargets(viewer: TViewer, input: TTargetsInput): Promise<void> {
  assertAdmin(viewer);
  await db().$transaction(async (tx) => {
    const before = await tx.reviewPolicy.findUnique({ where: { id: 1 }, select: { firstActionDays: true, decisionDays: true, targetsVersion: true } });
    if (!before || before.targetsVersion !== input.version) throw new DomainError("admin-targets-error-conflict");
    const updated = await tx.reviewPolicy.updateMany({
      where: { id: 1, targetsVersion: input.version },
      data: {
        firstActionDays: input.firstActionDays,
        decisionDays: input.decisionDays,
        targetsVersion: { increment: 1 },
        targetsChangedAt: now(),
        targetsChangedById: viewer.id,
      },
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
