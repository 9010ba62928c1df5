import "server-only";

import { parseEntitlementQuery } from "@/lib/api/query";
import { db as appDb, type TDb } from "@/lib/db";
import { entitlementsAt, type TEntitlementJson, type TEntitlementRecord } from "@/lib/domain/entitlements";
import { Prisma } from "@/lib/generated/prisma/client";

import { now } from "../clock";
import { apiJson } from "./guard";

/** Longer than any account name: anything longer names no account. */
const USERNAME_MAX = 255;

export type TEntitlementRead = { at: Date; changedSince?: Date; username?: string };

/**
 * The entitlements as they stood at `at` (in force, or with `changedSince` those that changed
 * after it), optionally of one Enterprise account. The database gives per grant only its last
 * record up to `at`, narrowed to those that can qualify; the pure rules in lib/domain/entitlements
 * decide, so a grant past its expiry is not in force whether or not its expiry is recorded yet.
 */
export async function readEntitlements(db: TDb, { at, changedSince, username }: TEntitlementRead): Promise<TEntitlementJson[]> {
  // An account's grants: every grant ever recorded under the username (by its index), then only
  // those whose latest record still names it (an anonymised grant's username is blanked).
  const ofAccount =
    username === undefined
      ? Prisma.empty
      : Prisma.sql`AND "requestId" IN (SELECT "requestId" FROM "EntitlementChange" WHERE "username" = ${username} AND "recordedAt" <= ${at})`;
  const sameAccount = username === undefined ? Prisma.empty : Prisma.sql`AND "username" = ${username}`;
  const qualifies =
    changedSince === undefined
      ? Prisma.sql`"startsAt" <= ${at} AND "expiresAt" > ${at} AND ("endedAt" IS NULL OR "endedAt" > ${at})`
      : Prisma.sql`("recordedAt" > ${changedSince} OR ("startsAt" <= ${at} AND "startsAt" > ${changedSince})
           OR ("endedAt" <= ${at} AND "endedAt" > ${changedSince}) OR ("expiresAt" <= ${at} AND "expiresAt" > ${changedSince}))`;
  const records = await db.$queryRaw<TEntitlementRecord[]>`
    SELECT * FROM (
      SELECT DISTINCT ON ("requestId") "requestId", "reference", "username", "apis", "onDemandPerMonth", "snapshotFrequency", "realtime",
             "startsAt", "expiresAt", "endedAt", "endReason", "recordedAt", "sequence"
      FROM "EntitlementChange"
      WHERE "recordedAt" <= ${at} ${ofAccount}
      ORDER BY "requestId", "sequence" DESC
    ) AS latest
    WHERE ${qualifies} ${sameAccount}`;
  return entitlementsAt(records, at, { changedSince });
}

/**
 * The answer of GET /api/v1/entitlements (`username` undefined) and of
 * GET /api/v1/entitlements/{username}: 400 with a problem for a query it cannot read. An account
 * with no entitlement gets an empty list, as an unknown one does, so that names cannot be probed.
 */
export async function entitlementsAnswer(url: URL, username?: string): Promise<Response> {
  const parsed = parseEntitlementQuery(url.searchParams);
  if (!parsed.ok) return apiJson(parsed.problem, 400);
  if (username !== undefined && (username.length === 0 || username.length > USERNAME_MAX)) {
    return apiJson({ error: "invalid_username", detail: `A username has 1 to ${USERNAME_MAX} characters.` }, 400);
  }
  const at = parsed.query.at ?? now();
  const entitlements = await readEntitlements(appDb(), { at, changedSince: parsed.query.changedSince, username });
  return apiJson(username === undefined ? { at: at.toISOString(), entitlements } : { username, at: at.toISOString(), entitlements });
}
