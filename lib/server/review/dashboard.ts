import "server-only";

import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/domain/errors";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import { shownStatus } from "@/lib/domain/request/state-machine";
import { actsForWmde, canReview } from "@/lib/domain/roles";
import { addDays } from "@/lib/domain/time";

import { now } from "../clock";
import { overdueCheckInList } from "./check-ins";
import type { TViewer } from "../session";

export const EXPIRING_WITHIN_DAYS = 30;
const EXPIRING_LIMIT = 50;
const WAITING_LIMIT = 10;
const OVERDUE_LIMIT = 50;
/** Waiting on reviewers, not on the requester. */
const WAITING_STATUSES: TRequestStatus[] = ["SUBMITTED", "IN_REVIEW"];

const ROW = {
  id: true,
  reference: true,
  status: true,
  organisation: true,
  contactName: true,
  joint: true,
  submittedAt: true,
  startsAt: true,
  expiresAt: true,
  assignee: { select: { name: true, email: true } },
} as const;

/**
 * What needs attention soon: grants expiring within 30 days, soonest first, and the requests that
 * have waited longest for a reviewer. WMDE reviewers see the joint ones only. Each list reads a
 * bounded range of an index ((status, expiresAt), (status, submittedAt, id)), at any size.
 */
export async function dashboard(viewer: TViewer) {
  if (!canReview(viewer.role)) throw new NotFoundError();
  const at = now();
  // As canSee: not the viewer's own requests; for WMDE reviewers only joint ones.
  const jointOnly = { requesterId: { not: viewer.id }, ...(actsForWmde(viewer.role) ? { joint: true } : {}) };
  const [overdue, expiring, ...waiting] = await Promise.all([
    overdueCheckInList(jointOnly, at, OVERDUE_LIMIT),
    db().request.findMany({
      where: { status: "GRANTED", expiresAt: { gt: at, lte: addDays(at, EXPIRING_WITHIN_DAYS) }, ...jointOnly },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take: EXPIRING_LIMIT,
      select: ROW,
    }),
    ...WAITING_STATUSES.map((status) =>
      db().request.findMany({ where: { status, ...jointOnly }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], take: WAITING_LIMIT, select: ROW }),
    ),
  ]);
  const longest = waiting
    .flat()
    .sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0))
    .slice(0, WAITING_LIMIT);
  // A short grant can near its expiry before it has started: its status says so.
  const shown = <T extends { status: TRequestStatus; startsAt: Date | null; expiresAt: Date | null }>(row: T) => ({
    ...row,
    status: shownStatus(row.status, row, at),
  });
  return { now: at, overdue, expiring: expiring.map(shown), waiting: longest.map(shown) };
}
