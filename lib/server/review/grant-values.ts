import "server-only";

import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/domain/errors";
import { isRecordId } from "@/lib/domain/request/fields";
import { actsForWmde, canReview } from "@/lib/domain/roles";
import { NO_FOLLOW_UP, type TExportFollowUp } from "@/lib/domain/review/export";
import { Prisma } from "@/lib/generated/prisma/client";

import { now } from "../clock";
import { valuedGrants } from "../in-kind-sql";
import type { TViewer } from "../session";
import { grantFollowUps, overdueCheckIns } from "./check-ins";

/** Active grants listed on the dashboard at a time, soonest expiry first. */
export const ACTIVE_GRANTS_PAGE = 20;

export type TActiveGrantValue = {
  id: string;
  reference: string | null;
  who: string;
  expiresAt: Date;
  monthlyCents: number;
  termCents: number;
  incomplete: boolean;
  /** Whether the grantee is late with a check-in: gone quiet. */
  overdue: boolean;
  /** The last check-in answered, and what became of the contributions promised. */
  followUp: TExportFollowUp;
};

export type TActiveGrantValues = {
  count: number;
  monthlyCents: number;
  /** Grants part of whose scope has no price: the total leaves that part out. */
  incomplete: number;
  grants: TActiveGrantValue[];
  /** The last grant listed, when more follow: the next page starts after it. */
  next?: string;
};

type TRow = {
  id: string;
  reference: string | null;
  organisation: string | null;
  contactName: string | null;
  expiresAt: Date;
  monthly: bigint;
  term: bigint;
  incomplete: boolean;
};

/**
 * The estimated value of the grants active today (started, not yet expired) that the viewer may
 * see: the monthly total of all of them, and one page of them with each one's value, its last
 * check-in and its contributions delivered, after the grant `after` when given. Both read the (status, expiresAt) range of active grants only.
 */
export async function activeGrantValues(viewer: TViewer, after?: string): Promise<TActiveGrantValues> {
  if (!canReview(viewer.role)) throw new NotFoundError();
  const at = now();
  const visible = actsForWmde(viewer.role) ? Prisma.sql`AND r.joint` : Prisma.empty;
  const active = Prisma.sql`r.status = 'GRANTED' AND r."expiresAt" > ${at} AND r."startsAt" <= ${at} AND r."requesterId" <> ${viewer.id} ${visible}`;
  const cursor = isRecordId(after) ? Prisma.sql`AND (r."expiresAt", r.id) > (SELECT c."expiresAt", c.id FROM "Request" c WHERE c.id = ${after})` : Prisma.empty;
  const [totals, rows] = await Promise.all([
    db().$queryRaw<{ n: number; monthly: bigint | null; incomplete: number }[]>`
      SELECT count(*)::int AS n, sum(g.monthly)::bigint AS monthly, (count(*) FILTER (WHERE g.incomplete))::int AS incomplete
      FROM (${valuedGrants(active)}) g`,
    db().$queryRaw<TRow[]>`
      SELECT g.* FROM (${valuedGrants(Prisma.sql`${active} ${cursor}`)}) g
      ORDER BY g."expiresAt", g.id LIMIT ${ACTIVE_GRANTS_PAGE + 1}`,
  ]);
  const total = totals[0];
  const page = rows.slice(0, ACTIVE_GRANTS_PAGE);
  const ids = page.map((row) => row.id);
  const [followUps, overdue] = await Promise.all([grantFollowUps(ids), overdueCheckIns(ids, at)]);
  return {
    count: total?.n ?? 0,
    monthlyCents: Number(total?.monthly ?? 0),
    incomplete: total?.incomplete ?? 0,
    grants: page.map((row) => ({
      id: row.id,
      reference: row.reference,
      who: row.organisation ?? row.contactName ?? "",
      expiresAt: row.expiresAt,
      monthlyCents: Number(row.monthly),
      termCents: Number(row.term),
      incomplete: row.incomplete,
      overdue: overdue.has(row.id),
      followUp: followUps.get(row.id) ?? NO_FOLLOW_UP,
    })),
    next: rows.length > ACTIVE_GRANTS_PAGE ? page.at(-1)?.id : undefined,
  };
}
