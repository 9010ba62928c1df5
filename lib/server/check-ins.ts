import "server-only";

import { db } from "@/lib/db";
import { readCheckInAnswer, type TCheckInTarget } from "@/lib/domain/check-in-answer";
import { isWaiting } from "@/lib/domain/check-ins";
import { DomainError, FieldRuleError, NotFoundError } from "@/lib/domain/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

import { now } from "./clock";
import { runEvent } from "./events";
import { getOwnRequest } from "./requests";
import type { TViewer } from "./session";

const CHECK_IN_FIELDS = {
  id: true,
  scheduledFor: true,
  openedAt: true,
  dueAt: true,
  answeredAt: true,
  cancelledAt: true,
  useCase: true,
} as const;

/** A check-in as its record reads, for the reviewers and in the requester's data export: never who acknowledged it. */
export const CHECK_IN_RECORD_FIELDS = {
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
} as const;

const CONTRIBUTION_FIELDS = { id: true, position: true, kind: true, description: true, link: true, status: true } as const;

/** The grant's promised contributions, in the grant's order. */
export function grantContributions(requestId: string) {
  return db().contribution.findMany({ where: { requestId }, orderBy: { position: "asc" }, select: CONTRIBUTION_FIELDS });
}

/**
 * The check-in the requester is asked about now on one of their requests: the newest one not
 * closed with its grant, answered or not (an answered one shows as received).
 */
export async function ownCurrentCheckIn(viewer: TViewer, requestId: string) {
  return currentCheckIn(await getOwnRequest(viewer, requestId));
}

/** The same for a request the caller already checked is the viewer's own (loadOwnRequest). */
export async function currentCheckIn(request: { id: string }) {
  const checkIn = await db().checkIn.findFirst({
    where: { requestId: request.id, cancelledAt: null },
    orderBy: { scheduledFor: "desc" },
    select: CHECK_IN_FIELDS,
  });
  return checkIn ? { ...checkIn, waiting: isWaiting(checkIn) } : null;
}

/**
 * Records the requester's answer to a check-in, once, with what became of each promised
 * contribution applied to the grant's record, in one transaction with its audit entry. A second
 * answer is refused as already received; nothing is overwritten.
 */
export async function answerCheckIn(viewer: TViewer, target: TCheckInTarget, values: Record<string, string | string[] | undefined>, baseUrl: string) {
  const request = await getOwnRequest(viewer, target.requestId);
  const checkIn = await db().checkIn.findFirst({ where: { id: target.checkInId, requestId: request.id }, select: CHECK_IN_FIELDS });
  if (!checkIn) throw new NotFoundError();
  if (checkIn.answeredAt) throw new DomainError("check-in-error-received");
  // A grant past its expiry is over even before the worker records it (and closes its check-ins).
  if (checkIn.cancelledAt || request.status !== "GRANTED") throw new DomainError("check-in-error-closed");
  const contributions = await grantContributions(request.id);
  const read = readCheckInAnswer(values, contributions);
  if (!read.ok) throw new FieldRuleError(read.problems);
  const { answer: input, contributions: answers } = read;
  const at = now();
  await runEvent(
    {
      event: "check_in",
      actor: { kind: "requester", userId: viewer.id },
      requestId: request.id,
      write: async (tx) => {
        // Only the first answer lands, however many are sent at once.
        const answered = await tx.checkIn.updateMany({
          where: { id: checkIn.id, answeredAt: null, cancelledAt: null },
          data: {
            answeredAt: at,
            answeredById: viewer.id,
            useCase: input.useCase,
            usage: input.usage,
            message: input.message || null,
            contributions: answers as unknown as Prisma.InputJsonValue,
          },
        });
        if (answered.count === 0) throw new DomainError("check-in-error-received");
        for (const answer of answers) {
          // A contribution delivered before keeps the day it was first reported delivered.
          const before = contributions.find((contribution) => contribution.id === answer.contributionId);
          const deliveredAt = answer.status !== "DELIVERED" ? null : before?.status === "DELIVERED" ? undefined : at;
          await tx.contribution.updateMany({
            where: { id: answer.contributionId, requestId: request.id },
            data: { status: answer.status, note: answer.note, deliveredLink: answer.link, deliveredAt },
          });
        }
        return {
          details: { checkInId: checkIn.id, useCase: input.useCase },
          audit: { after: { checkInId: checkIn.id, useCase: input.useCase, usage: input.usage, contributions: answers.length } },
        };
      },
    },
    baseUrl,
  );
}
