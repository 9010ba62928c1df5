import "server-only";

import { db } from "@/lib/db";
import type { TCheckInTarget, TContributionAnswer } from "@/lib/domain/check-in-answer";
import { DomainError, NotFoundError } from "@/lib/domain/errors";

import { actorFor, runEvent } from "../events";
import { now } from "../clock";
import type { TViewer } from "../session";
import { getReviewRequest } from "./request";

/** A grant's check-ins as reviewers read them, newest first, with the grant's contributions to name what each answer is about. */
export async function reviewCheckIns(request: { id: string }) {
  const [checkIns, contributions] = await Promise.all([
    db().checkIn.findMany({
      where: { requestId: request.id },
      orderBy: { scheduledFor: "desc" },
      select: {
        id: true,
        openedAt: true,
        dueAt: true,
        reminderSentAt: true,
        missedAt: true,
        cancelledAt: true,
        answeredAt: true,
        useCase: true,
        usage: true,
        contributions: true,
        message: true,
        acknowledgedAt: true,
        acknowledgedBy: { select: { name: true, email: true } },
      },
    }),
    db().contribution.findMany({
      where: { requestId: request.id },
      orderBy: { position: "asc" },
      select: { id: true, position: true, description: true, status: true, deliveredLink: true, note: true },
    }),
  ]);
  const described = new Map(contributions.map((contribution) => [contribution.id, contribution.description]));
  return checkIns.map(({ contributions: answers, ...checkIn }) => ({
    ...checkIn,
    contributions: (Array.isArray(answers) ? (answers as TContributionAnswer[]) : []).map((answer) => ({
      ...answer,
      description: described.get(answer.contributionId) ?? "",
    })),
  }));
}

export type TReviewCheckIn = Awaited<ReturnType<typeof reviewCheckIns>>[number];

/** A reviewer notes that they read an answered check-in, once, with its audit entry. */
export async function acknowledgeCheckIn(viewer: TViewer, input: TCheckInTarget, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  const checkIn = await db().checkIn.findFirst({ where: { id: input.checkInId, requestId: request.id }, select: { id: true, answeredAt: true } });
  if (!checkIn?.answeredAt) throw new NotFoundError();
  await runEvent(
    {
      event: "acknowledge_check_in",
      actor: actorFor(viewer, request.requesterId),
      requestId: request.id,
      write: async (tx) => {
        const acknowledged = await tx.checkIn.updateMany({
          where: { id: checkIn.id, acknowledgedAt: null },
          data: { acknowledgedAt: now(), acknowledgedById: viewer.id },
        });
        if (acknowledged.count === 0) throw new DomainError("check-in-error-acknowledged");
        return { details: { checkInId: checkIn.id }, audit: { after: { checkInId: checkIn.id } } };
      },
    },
    baseUrl,
  );
}
