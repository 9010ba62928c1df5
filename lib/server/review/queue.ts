import "server-only";

import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/domain/errors";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import { CLOSED_STATUSES, decodeCursor, encodeCursor, OPEN_STATUSES, viewScope, type TQueueParams, type TQueueView } from "@/lib/domain/review/queue";
import { canReview } from "@/lib/domain/roles";
import { Prisma } from "@/lib/generated/prisma/client";

import type { TViewer } from "../session";

export const QUEUE_PAGE_SIZE = 25;

export type TQueueRow = {
  id: string;
  reference: string | null;
  status: TRequestStatus;
  contactName: string | null;
  organisation: string | null;
  requesterKind: string | null;
  joint: boolean;
  flags: { id: string; severity: string }[];
  submittedAt: Date;
  lastActivityAt: Date;
  assigneeName: string | null;
};

type TRawRow = Omit<TQueueRow, "flags"> & { flags: unknown };

function assertReviewer(viewer: TViewer) {
  if (!canReview(viewer.role)) throw new NotFoundError();
}

/** What the viewer may see at all: submitted requests; for WMDE reviewers only the joint ones. */
function visibility(viewer: TViewer): Prisma.Sql {
  return viewer.role === "WMDE_REVIEWER" ? Prisma.sql`r.status <> 'DRAFT' AND r.joint` : Prisma.sql`r.status <> 'DRAFT'`;
}

/**
 * One page of a queue view, by keyset on the sort column and id: the cost of a page does not
 * grow with how far into the queue it is.
 */
export async function listQueue(viewer: TViewer, params: TQueueParams): Promise<{ rows: TQueueRow[]; next?: string }> {
  assertReviewer(viewer);
  const { statuses, jointOnly } = viewScope(params.view);
  const conditions: Prisma.Sql[] = [visibility(viewer), Prisma.sql`r.status = ANY(${statuses}::"RequestStatus"[])`];
  if (jointOnly) conditions.push(Prisma.sql`r.joint`);
  if (params.kind) conditions.push(Prisma.sql`r."requesterKind" = ${params.kind}`);
  if (params.exception) conditions.push(Prisma.sql`r."exceptionType" = ${params.exception}`);
  if (params.api) conditions.push(Prisma.sql`${params.api} = ANY(r.apis)`);
  if (params.assignee === "me") conditions.push(Prisma.sql`r."assigneeId" = ${viewer.id}`);
  if (params.assignee === "none") conditions.push(Prisma.sql`r."assigneeId" IS NULL`);
  if (params.flagged) conditions.push(Prisma.sql`r.flagged`);
  if (params.q) {
    conditions.push(Prisma.sql`(r."searchVector" @@ websearch_to_tsquery('simple', ${params.q}) OR r.reference = ${params.q.toUpperCase()})`);
  }

  const column = params.sort === "activity" ? Prisma.sql`r."lastActivityAt"` : Prisma.sql`r."submittedAt"`;
  const ascending = params.sort === "oldest";
  const cursor = decodeCursor(params.after);
  if (cursor) {
    conditions.push(ascending ? Prisma.sql`(${column}, r.id) > (${cursor.at}, ${cursor.id})` : Prisma.sql`(${column}, r.id) < (${cursor.at}, ${cursor.id})`);
  }
  const order = ascending ? Prisma.sql`${column} ASC, r.id ASC` : Prisma.sql`${column} DESC, r.id DESC`;

  const raw = await db().$queryRaw<TRawRow[]>`
    SELECT r.id, r.reference, r.status::text AS status, r."contactName", r.organisation, r."requesterKind", r.joint,
           r.flags, r."submittedAt", r."lastActivityAt", coalesce(a.name, a.email) AS "assigneeName"
    FROM "Request" r LEFT JOIN "User" a ON a.id = r."assigneeId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${order}
    LIMIT ${QUEUE_PAGE_SIZE + 1}`;

  const rows = raw.slice(0, QUEUE_PAGE_SIZE).map((row) => ({ ...row, flags: flagSummary(row.flags) }));
  const last = rows.at(-1);
  const next = raw.length > QUEUE_PAGE_SIZE && last ? encodeCursor(params.sort === "activity" ? last.lastActivityAt : last.submittedAt, last.id) : undefined;
  return { rows, next };
}

/** How many requests each view holds for this viewer. */
export async function queueCounts(viewer: TViewer): Promise<Record<TQueueView, number>> {
  assertReviewer(viewer);
  const [counts] = await db().$queryRaw<Record<TQueueView, bigint>[]>`
    SELECT count(*) FILTER (WHERE r.status = 'SUBMITTED') AS new,
           count(*) FILTER (WHERE r.status = 'IN_REVIEW') AS in_review,
           count(*) FILTER (WHERE r.status = 'AWAITING_REQUESTER') AS awaiting,
           count(*) FILTER (WHERE r.joint AND r.status = ANY(${OPEN_STATUSES}::"RequestStatus"[])) AS joint,
           count(*) FILTER (WHERE r.status = ANY(${CLOSED_STATUSES}::"RequestStatus"[])) AS decided
    FROM "Request" r
    WHERE ${visibility(viewer)}`;
  return {
    new: Number(counts?.new ?? 0),
    in_review: Number(counts?.in_review ?? 0),
    awaiting: Number(counts?.awaiting ?? 0),
    joint: Number(counts?.joint ?? 0),
    decided: Number(counts?.decided ?? 0),
  };
}

function flagSummary(value: unknown): { id: string; severity: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((flag) =>
    flag && typeof flag === "object" && "id" in flag && "severity" in flag ? [{ id: String(flag.id), severity: String(flag.severity) }] : [],
  );
}
