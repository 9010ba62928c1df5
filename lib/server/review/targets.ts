import "server-only";

import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/domain/errors";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import { OPEN_STATUSES } from "@/lib/domain/request/state-machine";
import { pastTarget, type TPastTarget, type TTargets, waitedDays, waitedMs } from "@/lib/domain/review/targets";
import { actsForWmde, canReview } from "@/lib/domain/roles";
import { addDays } from "@/lib/domain/time";

import { now } from "../clock";
import { reviewPolicy } from "../review-policy";
import type { TViewer } from "../session";

/** Past-target requests the dashboard lists; the count says how many more there are. */
const PAST_TARGET_LIMIT = 50;
/** Requests read to find them: the oldest open ones that could be past a target, most of which are. */
const PAST_TARGET_CANDIDATES = 500;
/** Requests held by reviewers read for the workload table: far more than a team holds at once. */
const WORKLOAD_LIMIT = 1_000;

const ROW = {
  id: true,
  reference: true,
  status: true,
  organisation: true,
  contactName: true,
  submittedAt: true,
  decidedAt: true,
  firstActionAt: true,
  pausedSeconds: true,
  pausedSince: true,
  assignee: { select: { id: true, name: true, email: true } },
} as const;

export type TTimedRequest = {
  id: string;
  reference: string | null;
  status: TRequestStatus;
  organisation: string | null;
  contactName: string | null;
  assignee: { id: string; name: string | null; email: string | null } | null;
  waitedDays: number;
  pastTarget: TPastTarget | null;
};

/** As the dashboard's other lists (canSee): not the viewer's own requests; for WMDE reviewers only joint ones. */
function visibleTo(viewer: TViewer) {
  if (!canReview(viewer.role)) throw new NotFoundError();
  return { requesterId: { not: viewer.id }, ...(actsForWmde(viewer.role) ? { joint: true } : {}) };
}

type TRow = { submittedAt: Date | null; decidedAt: Date | null; firstActionAt: Date | null; pausedSeconds: number; pausedSince: Date | null };

function timed<T extends TRow>(row: T, targets: TTargets, at: Date) {
  const { submittedAt, decidedAt, firstActionAt, pausedSeconds, pausedSince, ...rest } = row;
  const clock = { submittedAt, decidedAt, firstActionAt, pausedSeconds, pausedSince };
  return { ...rest, waitedMs: waitedMs(clock, at), waitedDays: waitedDays(clock, at), pastTarget: pastTarget(clock, true, targets, at) };
}

/**
 * The open requests past a response-time target, the decision target first, then the longest
 * waits. Only requests submitted before the first-action target's span can be past either target
 * (a wait for reviewers is never longer than the calendar), so this reads the oldest part of the
 * (status, submittedAt, id) index ranges of the open statuses.
 */
export async function pastTargetRequests(viewer: TViewer): Promise<{ targets: TTargets; rows: TTimedRequest[]; more: number }> {
  const visible = visibleTo(viewer);
  const at = now();
  const targets = await reviewPolicy();
  const candidates = await db().request.findMany({
    where: {
      status: { in: [...OPEN_STATUSES] },
      submittedAt: { lt: addDays(at, -targets.firstActionDays) },
      OR: [{ firstActionAt: null }, { submittedAt: { lt: addDays(at, -targets.decisionDays) } }],
      ...visible,
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: PAST_TARGET_CANDIDATES,
    select: ROW,
  });
  const past = candidates
    .map((row) => timed(row, targets, at))
    .filter((row) => row.pastTarget !== null)
    .sort((a, b) => Number(b.pastTarget === "decision") - Number(a.pastTarget === "decision") || b.waitedMs - a.waitedMs);
  return { targets, rows: past.slice(0, PAST_TARGET_LIMIT).map(({ waitedMs: _, ...row }) => row), more: Math.max(0, past.length - PAST_TARGET_LIMIT) };
}

export type TWorkload = {
  reviewer: { id: string; name: string };
  byStatus: Record<(typeof OPEN_STATUSES)[number], TTimedRequest[]>;
};

/**
 * What each reviewer holds: the open requests assigned to them, by status, each with how long it
 * has waited for reviewers, longest first; reviewers by name. Read from the (assigneeId, status,
 * submittedAt, id) index.
 */
export async function workload(viewer: TViewer): Promise<{ reviewers: TWorkload[]; truncated: boolean }> {
  const visible = visibleTo(viewer);
  const at = now();
  const targets = await reviewPolicy();
  const rows = await db().request.findMany({
    where: { status: { in: [...OPEN_STATUSES] }, assigneeId: { not: null }, ...visible },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: WORKLOAD_LIMIT + 1,
    select: ROW,
  });
  const reviewers = new Map<string, TWorkload>();
  for (const row of rows.slice(0, WORKLOAD_LIMIT)) {
    const { assignee } = row;
    if (!assignee) continue;
    const entry = reviewers.get(assignee.id) ?? {
      reviewer: { id: assignee.id, name: assignee.name ?? assignee.email ?? "" },
      byStatus: { SUBMITTED: [], IN_REVIEW: [], AWAITING_REQUESTER: [] },
    };
    reviewers.set(assignee.id, entry);
    const { waitedMs: _, ...request } = timed(row, targets, at);
    entry.byStatus[row.status as (typeof OPEN_STATUSES)[number]].push(request);
  }
  for (const entry of reviewers.values()) for (const list of Object.values(entry.byStatus)) list.sort((a, b) => b.waitedDays - a.waitedDays);
  return {
    reviewers: [...reviewers.values()].sort((a, b) => a.reviewer.name.localeCompare(b.reviewer.name)),
    truncated: rows.length > WORKLOAD_LIMIT,
  };
}
