import "server-only";

import { db } from "@/lib/db";
import { entryUpdated, registerConsented, registerStatus, type TRegisterParams, type TRegisterStatus } from "@/lib/domain/register/register";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import { dayOf } from "@/lib/domain/time";
import { decodeCursor, encodeCursor } from "@/lib/domain/review/queue";
import { Prisma } from "@/lib/generated/prisma/client";

import { now } from "./clock";

/** Entries on a page of the register and its feeds: a page a slow phone loads quickly, with a link to the next. */
export const REGISTER_PAGE_SIZE = 25;

/** One grant as anyone may see it: what the reviewer approved for the register, and its dates. No person. */
export type TRegisterEntry = {
  reference: string;
  name: string;
  summary: string;
  apis: string[];
  grantedAt: Date;
  startsOn: string;
  expiresOn: string | null;
  endedOn: string | null;
  status: TRegisterStatus;
  updated: Date;
  /** The contributions the grantee delivered: what and where, nothing about who. */
  delivered: TDeliveredContribution[];
  /** Granted by email before the app, and recorded here since. */
  imported: boolean;
};

export type TDeliveredContribution = { kind: string; description: string; link: string | null };

type TRow = {
  id: string;
  requestId: string;
  reference: string | null;
  name: string | null;
  summary: string;
  apis: string[];
  decidedAt: Date;
  startsAt: Date | null;
  updatedAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  status: TRequestStatus;
  grantStartsAt: Date | null;
  expiresAt: Date | null;
  consent: string | string[] | null;
  imported: boolean;
};

/**
 * The filter as a condition on the derived status (a grant before its first day has not started,
 * one past its expiry is expired, job or not). A grant ended early has its end on the decision, which the walk checks before any join.
 */
function statusCondition(filter: TRegisterParams["status"], at: Date): Prisma.Sql {
  switch (filter) {
    case "not_started":
      return Prisma.sql`d."endedAt" IS NULL AND r.status = 'GRANTED' AND r."startsAt" > ${at} AND r."expiresAt" > ${at}`;
    case "active":
      return Prisma.sql`d."endedAt" IS NULL AND r.status = 'GRANTED' AND r."startsAt" <= ${at} AND r."expiresAt" > ${at}`;
    case "expired":
      return Prisma.sql`d."endedAt" IS NULL AND (r.status = 'EXPIRED' OR (r.status = 'GRANTED' AND r."expiresAt" <= ${at}))`;
    // Only a withdrawal or a grant given up sets it; checking the request's status as well only
    // misleads the planner into sorting every ended grant.
    case "ended":
      return Prisma.sql`d."endedAt" IS NOT NULL`;
    default:
      return Prisma.sql`r.status IN ('GRANTED', 'EXPIRED', 'WITHDRAWN')`;
  }
}

/**
 * One page of the register, newest grant first, by keyset on (decidedAt, id): a walk down the
 * public_register migration's partial index of entries, which stops after a page. An entry needs
 * the reviewer's approved text (written only with consent), the consent itself still in the
 * answers, and a requester who has not had their data erased. The consent is checked again on
 * the page's rows only: as a condition in SQL it would throw the planner's estimates off.
 */
export async function listRegister(params: TRegisterParams): Promise<{ entries: TRegisterEntry[]; next?: string }> {
  const at = now();
  // An entry is only ever written on a grant; the walk follows the partial index of entries.
  const conditions: Prisma.Sql[] = [Prisma.sql`d."publicSummary" IS NOT NULL`, statusCondition(params.status, at), Prisma.sql`u."erasedAt" IS NULL`];
  if (params.reference) conditions.push(Prisma.sql`r.reference = ${params.reference}`);
  const cursor = decodeCursor(params.after);
  if (cursor) conditions.push(Prisma.sql`(d."decidedAt", d.id) < (${cursor.at}, ${cursor.id})`);

  const rows = await db().$queryRaw<TRow[]>`
    SELECT d.id, r.id AS "requestId", r.reference, d."publicName" AS name, d."publicSummary" AS summary, d.apis, d."decidedAt", d."startsAt", d."updatedAt",
           d."endedAt", d."endReason"::text AS "endReason", r.status::text AS status, r."startsAt" AS "grantStartsAt", r."expiresAt",
           r.answers -> 'values' -> 'registerConsent' AS consent, r."importedAt" IS NOT NULL AS imported
    FROM "Decision" d
    JOIN "Request" r ON r.id = d."requestId"
    JOIN "User" u ON u.id = r."requesterId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY d."decidedAt" DESC, d.id DESC
    LIMIT ${REGISTER_PAGE_SIZE + 1}`;

  const delivered = await deliveredContributions(rows.slice(0, REGISTER_PAGE_SIZE).map((row) => row.requestId));
  const entries = rows.slice(0, REGISTER_PAGE_SIZE).flatMap((row) => {
    const status = registerStatus(row.status, { startsAt: row.grantStartsAt, expiresAt: row.expiresAt }, row.endReason, at);
    if (!status || !row.reference || !row.name || !registerConsented({ values: { registerConsent: row.consent ?? "" } })) return [];
    return [
      {
        reference: row.reference,
        name: row.name,
        summary: row.summary,
        apis: row.apis,
        grantedAt: row.decidedAt,
        startsOn: dayOf(row.startsAt ?? row.decidedAt),
        expiresOn: row.expiresAt ? dayOf(row.expiresAt) : null,
        endedOn: status === "withdrawn" || status === "given_up" ? dayOf(row.endedAt ?? row.updatedAt) : null,
        status,
        updated: entryUpdated(row.updatedAt, row.expiresAt, status),
        delivered: delivered.get(row.requestId) ?? [],
        imported: row.imported,
      },
    ];
  });
  const last = rows[REGISTER_PAGE_SIZE - 1];
  return { entries, next: rows.length > REGISTER_PAGE_SIZE && last ? encodeCursor(last.decidedAt, last.id) : undefined };
}

/** The delivered contributions of a page's grants, by request, in the grant's order; the link is where it can be seen. */
async function deliveredContributions(requestIds: string[]): Promise<Map<string, TDeliveredContribution[]>> {
  const rows = await db().contribution.findMany({
    where: { requestId: { in: requestIds }, status: "DELIVERED" },
    orderBy: [{ requestId: "asc" }, { position: "asc" }],
    select: { requestId: true, kind: true, description: true, link: true, deliveredLink: true },
  });
  const byRequest = new Map<string, TDeliveredContribution[]>();
  for (const row of rows) {
    const list = byRequest.get(row.requestId) ?? [];
    list.push({ kind: row.kind, description: row.description, link: row.deliveredLink ?? row.link });
    byRequest.set(row.requestId, list);
  }
  return byRequest;
}
