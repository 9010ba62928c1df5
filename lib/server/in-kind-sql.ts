import "server-only";

import { SNAPSHOT_DOWNLOADS_PER_YEAR } from "@/lib/domain/in-kind-value";
import { Prisma } from "@/lib/generated/prisma/client";

// The in-kind value of many grants at once, in SQL, for totals that must not load every request:
// the same arithmetic as lib/domain/in-kind-value.ts estimateValue (each line rounded to the cent,
// the term in tenths of a month, development once), with each kind's price the one in force on the
// grant's decision day, found by a LATERAL look-up on UnitCost's (kind, validFrom) index.

/** The price of `kind` in force on the decision's day, joined as `alias`.cents (null when there is none). */
const priceOn = (kind: string, alias: string) =>
  Prisma.sql`LEFT JOIN LATERAL (
    SELECT u."amountCents"::numeric AS cents FROM "UnitCost" u
    WHERE u.kind = ${kind} AND u."validFrom" <= d."decidedAt"
    ORDER BY u."validFrom" DESC LIMIT 1
  ) ${Prisma.raw(alias)} ON true`;

const downloadsPerYear = Prisma.raw(
  `CASE d."snapshotFrequency" ${Object.entries(SNAPSHOT_DOWNLOADS_PER_YEAR)
    .map(([frequency, perYear]) => `WHEN '${frequency}' THEN ${perYear}`)
    .join(" ")} END`,
);

/**
 * Every grant matching `where` (on Request r and Decision d) with its value: `monthly` and `term`
 * in cents (bigint), and `incomplete` when part of its scope has no price on its decision day (the totals
 * then leave that part out). The term runs from the grant's first day to its current expiry.
 */
export function valuedGrants(where: Prisma.Sql) {
  return Prisma.sql`
    SELECT r.id, r.reference, r.organisation, r."contactName", r."expiresAt", d."decidedAt", v.monthly::bigint AS monthly, v.incomplete,
           (round(v.monthly * t.tenths / 10.0) + v.once)::bigint AS term
    FROM "Request" r
    JOIN "Decision" d ON d."requestId" = r.id AND d.outcome = 'GRANTED'
    ${priceOn("on_demand_million", "od")}
    ${priceOn("snapshot_download", "sd")}
    ${priceOn("realtime_month", "rt")}
    ${priceOn("development_day", "dv")}
    CROSS JOIN LATERAL (
      SELECT 'on_demand' = ANY(d.apis) AND coalesce(d."onDemandPerMonth", 0) > 0 AS on_demand,
             'snapshot' = ANY(d.apis) AND ${downloadsPerYear} IS NOT NULL AS snapshot,
             coalesce(r."customDevelopmentDays", 0) > 0 AS development
    ) n
    CROSS JOIN LATERAL (
      SELECT (CASE WHEN n.on_demand THEN coalesce(round(d."onDemandPerMonth" * od.cents / 1000000), 0) ELSE 0 END
            + CASE WHEN n.snapshot THEN coalesce(round(${downloadsPerYear} * sd.cents / 12), 0) ELSE 0 END
            + CASE WHEN d.realtime THEN coalesce(rt.cents, 0) ELSE 0 END) AS monthly,
             CASE WHEN n.development THEN coalesce(r."customDevelopmentDays" * dv.cents, 0) ELSE 0 END AS once,
             (n.on_demand AND od.cents IS NULL) OR (n.snapshot AND sd.cents IS NULL) OR (d.realtime AND rt.cents IS NULL)
               OR (n.development AND dv.cents IS NULL) AS incomplete
    ) v
    CROSS JOIN LATERAL (
      SELECT greatest(0, round(((coalesce(r."expiresAt", d."expiresAt", d."decidedAt")::date - coalesce(d."startsAt", d."decidedAt")::date) + 1) * 120 / 365.25)) AS tenths
    ) t
    WHERE ${where}`;
}
