import "server-only";

import { db } from "@/lib/db";
import { quarterBuckets, summariseFigures, type TCountRow, type TDaysRow, type TFiguresRange } from "@/lib/domain/figures/figures";
import { DAY_MS, startOfDay } from "@/lib/domain/time";

import { now } from "./clock";

/**
 * The public figures for a period: two grouped counts over the requests submitted in it, each an
 * index-only walk of the (submittedAt, status, joint, decidedAt) range, and the grants active now
 * from (status, expiresAt), counting only those already started. Only totals leave the database; nothing names or singles out a request.
 */
export async function publicFigures(range: TFiguresRange) {
  const from = startOfDay(range.from);
  const until = new Date(startOfDay(range.to).getTime() + DAY_MS);
  const at = now();
  const [counts, days, activeGrants] = await Promise.all([
    // Grouped by the quarter as a timestamp, and labelled after: formatting each row first costs more than the count.
    db().$queryRaw<TCountRow[]>`
      SELECT to_char(c.quarter, 'YYYY-"Q"Q') AS quarter, c.status::text AS status, c.joint, c.n
      FROM (
        SELECT date_trunc('quarter', r."submittedAt") AS quarter, r.status, r.joint, count(*)::int AS n
        FROM "Request" r
        WHERE r."submittedAt" >= ${from} AND r."submittedAt" < ${until}
        GROUP BY 1, 2, 3
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
