import "server-only";

import { db } from "@/lib/db";
import { quarterBuckets, summariseFigures, type TCountRow, type TDaysRow, type TFiguresRange } from "@/lib/domain/figures/figures";
import { deliveredShare, valueByQuarter } from "@/lib/domain/figures/in-kind";
import { targetShares, type TTargetRow } from "@/lib/domain/figures/targets";
import { DAY_MS, startOfDay } from "@/lib/domain/time";
import { Prisma } from "@/lib/generated/prisma/client";

import { now } from "./clock";
import { valuedGrants } from "./in-kind-sql";
import { reviewPolicy } from "./review-policy";

/**
 * The public figures for a period: two grouped counts over the requests submitted in it, each an
 * index-only walk of the (submittedAt, status, joint, decidedAt, importedAt) range, and the grants active now
 * from (status, expiresAt), counting only those already started. Only totals leave the database; nothing names or singles out a request.
 */
export async function publicFigures(range: TFiguresRange) {
  const from = startOfDay(range.from);
  const until = new Date(startOfDay(range.to).getTime() + DAY_MS);
  const at = now();
  const [counts, days, activeGrants] = await Promise.all([
    // Grouped by the quarter as a timestamp, and labelled after: formatting each row first costs more than the count.
    db().$queryRaw<TCountRow[]>`
      SELECT to_char(c.quarter, 'YYYY-"Q"Q') AS quarter, c.status::text AS status, c.joint, c.imported, c.n
      FROM (
        SELECT date_trunc('quarter', r."submittedAt") AS quarter, r.status, r.joint, r."importedAt" IS NOT NULL AS imported, count(*)::int AS n
        FROM "Request" r
        WHERE r."submittedAt" >= ${from} AND r."submittedAt" < ${until}
        GROUP BY 1, 2, 3, 4
      ) c`,
    // Whole days from submission to decision, counted per quarter: the percentiles are worked out
    // from these counts, for each quarter and for the whole period alike.
    db().$queryRaw<TDaysRow[]>`
      SELECT to_char(c.quarter, 'YYYY-"Q"Q') AS quarter, c.days, c.n
      FROM (
        SELECT date_trunc('quarter', r."submittedAt") AS quarter,
               greatest(0, floor(extract(epoch FROM r."decidedAt" - r."submittedAt") / 86400))::int AS days, count(*)::int AS n
        FROM "Request" r
        WHERE r."submittedAt" >= ${from} AND r."submittedAt" < ${until} AND r."decidedAt" IS NOT NULL
        GROUP BY 1, 2
      ) c`,
    // Active today: started and not yet expired; a grant whose first day is still to come is not.
    db().request.count({ where: { status: "GRANTED", startsAt: { lte: at }, expiresAt: { gt: at } } }),
  ]);
  return { ...summariseFigures(quarterBuckets(range.from, range.to), counts, days), activeGrants, at };
}

/**
 * The in-kind value in the public figures: the grants decided in each quarter of the period with
 * their whole-term value (from the (decidedAt, id) index of decisions), the grants active today
 * with theirs, each priced as on its decision day, and the share of promised contributions
 * delivered. Totals only: no grant's own value leaves the database.
 */
export async function publicValueFigures(range: TFiguresRange) {
  const from = startOfDay(range.from);
  const until = new Date(startOfDay(range.to).getTime() + DAY_MS);
  const at = now();
  const [perQuarter, active, contributions] = await Promise.all([
    db().$queryRaw<{ quarter: string; grants: number; term: bigint; incomplete: number }[]>`
      SELECT to_char(date_trunc('quarter', g."decidedAt"), 'YYYY-"Q"Q') AS quarter, count(*)::int AS grants,
             sum(g.term)::bigint AS term, (count(*) FILTER (WHERE g.incomplete))::int AS incomplete
      FROM (${valuedGrants(Prisma.sql`d."decidedAt" >= ${from} AND d."decidedAt" < ${until}`)}) g
      GROUP BY 1`,
    db().$queryRaw<{ grants: number; monthly: bigint | null; term: bigint | null; incomplete: number }[]>`
      SELECT count(*)::int AS grants, sum(g.monthly)::bigint AS monthly, sum(g.term)::bigint AS term, (count(*) FILTER (WHERE g.incomplete))::int AS incomplete
      FROM (${valuedGrants(Prisma.sql`r.status = 'GRANTED' AND r."startsAt" <= ${at} AND r."expiresAt" > ${at}`)}) g`,
    db().$queryRaw<{ delivered: number; promised: number }[]>`
      SELECT (count(*) FILTER (WHERE status = 'DELIVERED'))::int AS delivered, count(*)::int AS promised FROM "Contribution"`,
  ]);
  const today = active[0];
  return {
    ...valueByQuarter(
      quarterBuckets(range.from, range.to),
      perQuarter.map((row) => ({ quarter: row.quarter, grants: row.grants, termCents: Number(row.term), incomplete: row.incomplete })),
    ),
    active: {
      grants: today?.grants ?? 0,
      monthlyCents: Number(today?.monthly ?? 0),
      termCents: Number(today?.term ?? 0),
      incomplete: today?.incomplete ?? 0,
    },
    contributions: { ...(contributions[0] ?? { delivered: 0, promised: 0 }), share: deliveredShare(contributions[0] ?? { delivered: 0, promised: 0 }) },
  };
}

/**
 * The share of requests decided within the decision target, per quarter of submission, at the
 * target in force today. A request counts once decided, or once it has waited longer than the
 * target while still open (it can no longer be decided within it); the days it waited for its
 * requester are left out (lib/domain/review/targets). One grouped count over the submission-date
 * range, reading the clock's columns beside the figures' index. Totals only.
 */
export async function publicTargetFigures(range: TFiguresRange) {
  const from = startOfDay(range.from);
  const until = new Date(startOfDay(range.to).getTime() + DAY_MS);
  const at = now();
  const { decisionDays } = await reviewPolicy();
  const seconds = decisionDays * 86_400;
  const rows = await db().$queryRaw<TTargetRow[]>`
    SELECT to_char(c.quarter, 'YYYY-"Q"Q') AS quarter, c.within, c.counted
    FROM (
      SELECT date_trunc('quarter', w."submittedAt") AS quarter,
             (count(*) FILTER (WHERE w."decidedAt" IS NOT NULL AND w.waited <= ${seconds}))::int AS within,
             (count(*) FILTER (WHERE w."decidedAt" IS NOT NULL OR (w.open AND w.waited > ${seconds})))::int AS counted
      FROM (
        SELECT r."submittedAt", r."decidedAt", r.status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER') AS open,
               extract(epoch FROM coalesce(r."decidedAt", r."pausedSince", ${at.toISOString()}::timestamptz AT TIME ZONE 'UTC') - r."submittedAt") - r."pausedSeconds" AS waited
        FROM "Request" r
        WHERE r."submittedAt" >= ${from} AND r."submittedAt" < ${until}
      ) w
      GROUP BY 1
    ) c`;
  return { decisionDays, ...targetShares(quarterBuckets(range.from, range.to), rows) };
}
