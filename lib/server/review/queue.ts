import "server-only";

import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/domain/errors";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import { isOpen, shownStatus } from "@/lib/domain/request/state-machine";
import { isAppealed } from "@/lib/domain/review/appeals";
import { CLOSED_STATUSES, decodeCursor, encodeCursor, viewScope, type TQueueParams, type TQueueRow, type TQueueView } from "@/lib/domain/review/queue";
import { pastTarget, type TClock, waitedDays } from "@/lib/domain/review/targets";
import { actsForWmde, actsForWmf, canReview } from "@/lib/domain/roles";
import { Prisma } from "@/lib/generated/prisma/client";

import { now } from "../clock";
import { reviewPolicy } from "../review-policy";
import { overdueCheckIns } from "./check-ins";
import type { TViewer } from "../session";

export const QUEUE_PAGE_SIZE = 25;

/** Rows fetched per query when a whole view is exported: a few hundred kilobytes in memory at most. */
export const EXPORT_BATCH_SIZE = 500;

type TRawRow = Omit<TQueueRow, "flags" | "status" | "checkInOverdue" | "waitedDays" | "pastTarget"> &
  Omit<TClock, "submittedAt"> & { status: TRequestStatus; flags: unknown };

function assertReviewer(viewer: TViewer) {
  if (!canReview(viewer.role)) throw new NotFoundError();
}

/**
 * What the viewer may see at all (canSee, as SQL): submitted requests but their own; for
 * WMDE reviewers only the joint ones.
 */
function visibility(viewer: TViewer): Prisma.Sql {
  const seen = Prisma.sql`r.status <> 'DRAFT' AND r."requesterId" <> ${viewer.id}`;
  return actsForWmde(viewer.role) ? Prisma.sql`${seen} AND r.joint` : seen;
}

/** One status as an equality, several as a list: either way the planner sees which view's index applies. */
function statusIn(statuses: TRequestStatus[]): Prisma.Sql {
  return Prisma.sql`r.status IN (${Prisma.join(statuses.map((status) => Prisma.sql`${status}::"RequestStatus"`))})`;
}

/**
 * One page of a queue view, by keyset on the sort column and id: the cost of a page does not
 * grow with how far into the queue it is. Every view is one ordered index range per sort column
 * (the (status, …) indexes for one status, the queue_search migration's partial indexes for the
 * joint and decided views), so a page walks its range in order and stops. With a search term the
 * planner weighs that walk, filtering as it goes, against the GIN index on "searchVector" followed
 * by sorting the matches: the walk wins for common words, the GIN index for rare ones.
 */
export async function listQueue(viewer: TViewer, params: TQueueParams): Promise<{ rows: TQueueRow[]; next?: string }> {
  assertReviewer(viewer);
  return queuePage(viewer, params, QUEUE_PAGE_SIZE, now());
}

/**
 * Every request of a queue view, with the page's filters, search and sort, from its first row
 * whatever page the viewer was on: batch after batch by the same keyset as the pages, so memory
 * stays at one batch however large the view. Each batch is its own query, so a row whose sort
 * value changes during a long export may be missed or listed twice, as when paging by hand.
 */
export async function* queueBatches(viewer: TViewer, params: TQueueParams, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<TQueueRow[]> {
  assertReviewer(viewer);
  const at = now();
  let after: string | undefined;
  do {
    const page = await queuePage(viewer, { ...params, after }, batchSize, at);
    yield page.rows;
    after = page.next;
  } while (after);
}

/** The query of one page of `size` rows (and one more, to know whether a next page exists); exported for the bench's query plans. */
export function queuePageSql(viewer: TViewer, params: TQueueParams, size: number): Prisma.Sql {
  const { statuses, jointOnly, awaitingConfirmation } = viewScope(params.view);
  const conditions: Prisma.Sql[] = [visibility(viewer), statusIn(statuses)];
  if (jointOnly) conditions.push(Prisma.sql`r.joint`);
  if (awaitingConfirmation) conditions.push(waitingForConfirmation(viewer));
  if (params.kind) conditions.push(Prisma.sql`r."requesterKind" = ${params.kind}`);
  if (params.exception) conditions.push(Prisma.sql`r."exceptionType" = ${params.exception}`);
  if (params.api) conditions.push(Prisma.sql`${params.api} = ANY(r.apis)`);
  if (params.assignee === "me") conditions.push(Prisma.sql`r."assigneeId" = ${viewer.id}`);
  if (params.assignee === "none") conditions.push(Prisma.sql`r."assigneeId" IS NULL`);
  if (params.flagged) conditions.push(Prisma.sql`r.flagged`);
  if (params.q) {
    conditions.push(Prisma.sql`(r."searchVector" @@ websearch_to_tsquery('simple', ${params.q}) OR r.reference = ${params.q.toUpperCase()})`);
  }

  const column = Prisma.raw(params.sort === "activity" ? `"lastActivityAt"` : `"submittedAt"`);
  const ascending = params.sort === "oldest";
  const direction = Prisma.raw(ascending ? "ASC" : "DESC");
  const cursor = decodeCursor(params.after);
  if (cursor) {
    conditions.push(
      ascending ? Prisma.sql`(r.${column}, r.id) > (${cursor.at}, ${cursor.id})` : Prisma.sql`(r.${column}, r.id) < (${cursor.at}, ${cursor.id})`,
    );
  }

  // The page first, then its assignees: only the rows shown are joined.
  return Prisma.sql`
    SELECT p.id, p.reference, p.status::text AS status, p."contactName", p.organisation, p."requesterKind", p."exceptionType", p.purpose, p.apis,
           p.joint, p.imported, p.flags, p."submittedAt", p."lastActivityAt", p."startsAt", p."expiresAt", coalesce(a.name, a.email) AS "assigneeName",
           p."decidedAt", p."firstActionAt", p."pausedSeconds", p."pausedSince"
    FROM (
      SELECT r.id, r.reference, r.status, r."contactName", r.organisation, r."requesterKind", r."exceptionType", r.apis, r.joint,
             r."importedAt" IS NOT NULL AS imported, r.flags,
             r."submittedAt", r."lastActivityAt", r."startsAt", r."expiresAt", r."assigneeId",
             r."decidedAt", r."firstActionAt", r."pausedSeconds", r."pausedSince",
             -- Enough of the purpose for one line of the queue; the whole answer is on the request's page.
             left(r.answers #>> '{what,purpose}', 200) AS purpose
      FROM "Request" r
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY r.${column} ${direction}, r.id ${direction}
      LIMIT ${size + 1}
    ) p
    LEFT JOIN "User" a ON a.id = p."assigneeId"
    ORDER BY p.${column} ${direction}, p.id ${direction}`;
}

/** A grant proposed by someone else waits on the request for the viewer to confirm it: only WMF reviewers and admins confirm. */
function waitingForConfirmation(viewer: TViewer): Prisma.Sql {
  if (!actsForWmf(viewer.role)) return Prisma.sql`FALSE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "GrantProposal" g WHERE g."requestId" = r.id AND g.status = 'PENDING' AND g."proposedById" <> ${viewer.id})`;
}

async function queuePage(viewer: TViewer, params: TQueueParams, size: number, at: Date): Promise<{ rows: TQueueRow[]; next?: string }> {
  const [raw, targets] = await Promise.all([db().$queryRaw<TRawRow[]>(queuePageSql(viewer, params, size)), reviewPolicy()]);

  // A grant past its expiry reads as expired here too, whether or not the expiry job has run; one before its start, as not started.
  const page = raw.slice(0, size);
  const overdue = await overdueCheckIns(
    page.filter((row) => row.status === "GRANTED").map((row) => row.id),
    at,
  );
  const conflicted = await conflictedAmong(
    viewer,
    page.map((row) => row.id),
  );
  const rows = page.map(({ decidedAt, firstActionAt, pausedSeconds, pausedSince, ...row }) => {
    // How long it has waited for reviewers (to its decision once decided), and which target it is past while open.
    const clock = { submittedAt: row.submittedAt, decidedAt, firstActionAt, pausedSeconds, pausedSince };
    const decidedOrOpen = decidedAt !== null || isOpen(row.status);
    return {
      ...row,
      status: shownStatus(row.status, row, at),
      flags: flagSummary(row.flags),
      checkInOverdue: overdue.has(row.id),
      conflicted: conflicted.has(row.id),
      waitedDays: decidedOrOpen ? waitedDays(clock, at) : null,
      pastTarget: pastTarget(clock, isOpen(row.status), targets, at),
    };
  });
  const last = rows.at(-1);
  const next = raw.length > size && last ? encodeCursor(params.sort === "activity" ? last.lastActivityAt : last.submittedAt, last.id) : undefined;
  return { rows, next };
}

/**
 * How many requests each view holds for this viewer, from the counts that triggers keep per
 * status and joint flag: the same few rows to read at any number of requests.
 */
export async function queueCounts(viewer: TViewer): Promise<Record<TQueueView, number>> {
  assertReviewer(viewer);
  const jointOnly = actsForWmde(viewer.role) ? { joint: true } : {};
  const [all, own, confirm] = await Promise.all([
    db().queueCount.findMany({ where: jointOnly, select: { status: true, joint: true, n: true } }),
    // The viewer's own requests are counted by the triggers but never shown to them as a reviewer.
    db().request.groupBy({ by: ["status", "joint"], where: { requesterId: viewer.id, status: { not: "DRAFT" }, ...jointOnly }, _count: { _all: true } }),
    actsForWmf(viewer.role)
      ? db().grantProposal.count({
          where: { status: "PENDING", proposedById: { not: viewer.id }, request: { status: "IN_REVIEW", requesterId: { not: viewer.id } } },
        })
      : 0,
  ]);
  const rows = [...all, ...own.map((row) => ({ status: row.status, joint: row.joint, n: -row._count._all }))];
  const count = (matches: (row: { status: TRequestStatus; joint: boolean }) => boolean) => rows.filter(matches).reduce((total, row) => total + row.n, 0);
  return {
    new: count((row) => row.status === "SUBMITTED"),
    in_review: count((row) => row.status === "IN_REVIEW"),
    awaiting: count((row) => row.status === "AWAITING_REQUESTER"),
    joint: count((row) => row.joint && isOpen(row.status)),
    appeals: count((row) => isAppealed(row.status)),
    decided: count((row) => CLOSED_STATUSES.includes(row.status)),
    confirm,
  };
}

/** Which of the requests the viewer declared a conflict of interest on (not lifted). */
async function conflictedAmong(viewer: TViewer, requestIds: string[]): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows = await db().conflictDeclaration.findMany({
    where: { reviewerId: viewer.id, requestId: { in: requestIds }, hasConflict: true, liftedAt: null },
    select: { requestId: true },
  });
  return new Set(rows.map((row) => row.requestId));
}

function flagSummary(value: unknown): { id: string; severity: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((flag) =>
    flag && typeof flag === "object" && "id" in flag && "severity" in flag ? [{ id: String(flag.id), severity: String(flag.severity) }] : [],
  );
}
