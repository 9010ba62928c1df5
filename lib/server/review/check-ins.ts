import "server-only";

import { db } from "@/lib/db";
import type { TCheckInTarget, TContributionAnswer } from "@/lib/domain/check-in-answer";
import type { TExportFollowUp } from "@/lib/domain/review/export";
import { DomainError, NotFoundError } from "@/lib/domain/errors";

import { actorFor, runEvent } from "../events";
import { CHECK_IN_RECORD_FIELDS } from "../check-ins";
import { now } from "../clock";
import type { TViewer } from "../session";
import { getReviewRequest } from "./request";

/** A grant's check-ins as reviewers read them, newest first, with the grant's contributions to name what each answer is about. */
export async function reviewCheckIns(request: { id: string }) {
  const [checkIns, contributions] = await Promise.all([
    db().checkIn.findMany({
      where: { requestId: request.id },
      orderBy: { scheduledFor: "desc" },
      select: { id: true, ...CHECK_IN_RECORD_FIELDS, acknowledgedBy: { select: { name: true, email: true } } },
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

/** Unanswered check-ins past their due date on grants still running: the "check-in overdue" flag. */
function overdueWhere(at: Date) {
  return { answeredAt: null, cancelledAt: null, dueAt: { lte: at }, request: { status: "GRANTED" as const, expiresAt: { gt: at } } };
}

/** Which of these requests (one page of the queue) have a check-in overdue: one indexed lookup for the page's ids only. */
export async function overdueCheckIns(requestIds: string[], at: Date): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows = await db().checkIn.findMany({
    where: { requestId: { in: requestIds }, ...overdueWhere(at) },
    distinct: ["requestId"],
    select: { requestId: true },
  });
  return new Set(rows.map((row) => row.requestId));
}

/** The grants whose check-in is overdue, longest overdue first, as far as `visible` lets the viewer see, and how many there are. */
export async function overdueCheckInList(visible: { requesterId: { not: string }; joint?: boolean }, at: Date, limit: number) {
  const where = { ...overdueWhere(at), request: { ...overdueWhere(at).request, ...visible } };
  const [rows, count] = await Promise.all([
    db().checkIn.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, dueAt: true, request: { select: { id: true, reference: true, organisation: true, contactName: true } } },
    }),
    db().checkIn.count({ where }),
  ]);
  return { rows, count };
}

/** For a batch of grants (an export batch, a page of the dashboard): each one's latest answered check-in and its contributions by status, in two grouped queries. */
export async function grantFollowUps(requestIds: string[]): Promise<Map<string, TExportFollowUp>> {
  const followUps = new Map<string, TExportFollowUp>();
  if (requestIds.length === 0) return followUps;
  const [answered, counts] = await Promise.all([
    db().checkIn.findMany({
      where: { requestId: { in: requestIds }, answeredAt: { not: null } },
      orderBy: [{ requestId: "asc" }, { answeredAt: "desc" }],
      distinct: ["requestId"],
      select: { requestId: true, answeredAt: true, useCase: true },
    }),
    db().contribution.groupBy({ by: ["requestId", "status"], where: { requestId: { in: requestIds } }, _count: { _all: true } }),
  ]);
  const of = (requestId: string) => {
    const found = followUps.get(requestId) ?? { lastCheckIn: null, contributions: { promised: 0, delivered: 0, dropped: 0 } };
    followUps.set(requestId, found);
    return found;
  };
  for (const checkIn of answered) if (checkIn.answeredAt) of(checkIn.requestId).lastCheckIn = { answeredAt: checkIn.answeredAt, useCase: checkIn.useCase };
  for (const group of counts) {
    const { contributions } = of(group.requestId);
    contributions.promised += group._count._all;
    if (group.status === "DELIVERED") contributions.delivered += group._count._all;
    if (group.status === "DROPPED") contributions.dropped += group._count._all;
  }
  return followUps;
}
