import "server-only";

import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { refusalOf } from "@/lib/domain/permissions";
import { isRecordId } from "@/lib/domain/request/fields";
import type { TConflictLift, TInterestDeclaration } from "@/lib/domain/review/conflicts";
import { canAdminister } from "@/lib/domain/roles";

import { now } from "../clock";
import { actorFor, runEvent } from "../events";
import type { TViewer } from "../session";
import { getReviewRequest } from "./request";

/**
 * The viewer says where they stand on a request: no conflict of interest, or a conflict with its
 * reason. A conflict takes them off the request: if they hold it, it goes back to the pool.
 */
export async function declareInterest(viewer: TViewer, input: TInterestDeclaration) {
  const request = await getReviewRequest(viewer, input.requestId);
  const refusal = refusalOf(viewer, { ...request, assigneeId: request.assignee?.id }, "declare_interest");
  if (refusal) throw new DomainError(refusal);
  const key = { requestId_reviewerId: { requestId: request.id, reviewerId: viewer.id } };
  await runEvent({
    event: "declare_interest",
    actor: actorFor(viewer, request.requesterId),
    requestId: request.id,
    write: async (tx, locked) => {
      // The pipeline has checked the stored declaration under the lock: none yet, or "no conflict" becoming one.
      const before = await tx.conflictDeclaration.findUnique({ where: key, select: { hasConflict: true } });
      if (before && !input.hasConflict) throw new DomainError("review-error-no-change");
      const data = { hasConflict: input.hasConflict, reason: input.reason };
      await tx.conflictDeclaration.upsert({ where: key, create: { ...key.requestId_reviewerId, ...data }, update: { ...data, declaredAt: now() } });
      if (input.hasConflict && locked.assigneeId === viewer.id) await tx.request.update({ where: { id: request.id }, data: { assigneeId: null } });
      return {
        details: {},
        audit: {
          action: input.hasConflict ? "request.conflict_declared" : "request.no_conflict_declared",
          before: before ? { hasConflict: before.hasConflict } : null,
          after: { hasConflict: input.hasConflict, ...(input.hasConflict && locked.assigneeId === viewer.id ? { assigneeId: null } : {}) },
        },
      };
    },
  });
}

/** An admin lifts a reviewer's declared conflict, with a reason that stays in the request's history. */
export async function liftConflict(viewer: TViewer, input: TConflictLift) {
  if (!canAdminister(viewer.role) || !isRecordId(input.declarationId)) throw new NotFoundError();
  const declaration = await db().conflictDeclaration.findUnique({
    where: { id: input.declarationId },
    select: { id: true, requestId: true, reviewerId: true, hasConflict: true, liftedAt: true },
  });
  if (!declaration) throw new NotFoundError();
  // Nobody lifts their own conflict: that would be no declaration at all.
  if (declaration.reviewerId === viewer.id) throw new DomainError("conflict-error-own");
  const request = await getReviewRequest(viewer, declaration.requestId);
  const refusal = refusalOf(viewer, { ...request, assigneeId: request.assignee?.id }, "lift_conflict");
  if (refusal) throw new DomainError(refusal);
  await runEvent({
    event: "lift_conflict",
    actor: actorFor(viewer, request.requesterId),
    requestId: request.id,
    write: async (tx) => {
      const lifted = await tx.conflictDeclaration.updateMany({
        where: { id: declaration.id, hasConflict: true, liftedAt: null },
        data: { liftedAt: now(), liftedById: viewer.id, liftReason: input.reason },
      });
      if (lifted.count === 0) throw new DomainError("conflict-error-not-conflicted");
      return {
        details: {},
        audit: {
          before: { reviewerId: declaration.reviewerId, lifted: false },
          after: { reviewerId: declaration.reviewerId, lifted: true },
          note: input.reason,
        },
      };
    },
  });
}

export const CONFLICTS_PAGE_SIZE = 100;

/** Every declaration, newest first (those still in force before lifted ones and "no conflict"), a page at a time for admins. */
export async function listDeclarations(viewer: TViewer, page = 1) {
  if (!canAdminister(viewer.role)) throw new NotFoundError();
  const [rows, total] = await Promise.all([
    db().conflictDeclaration.findMany({
      orderBy: [{ hasConflict: "desc" }, { declaredAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * CONFLICTS_PAGE_SIZE,
      take: CONFLICTS_PAGE_SIZE,
      select: {
        id: true,
        hasConflict: true,
        reason: true,
        declaredAt: true,
        liftedAt: true,
        liftReason: true,
        request: { select: { id: true, reference: true } },
        reviewer: { select: { id: true, name: true, email: true } },
        liftedBy: { select: { name: true, email: true } },
      },
    }),
    db().conflictDeclaration.count(),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / CONFLICTS_PAGE_SIZE)) };
}
export type TDeclarationRow = Awaited<ReturnType<typeof listDeclarations>>["rows"][number];
