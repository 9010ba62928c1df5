import "server-only";

import { db } from "@/lib/db";
import type { TRole } from "@/lib/domain/roles";

/** A session lasts 30 days (lib/auth.ts gives Auth.js the same), and is pushed back at most once a day, as Auth.js does by default. */
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const SESSION_UPDATE_AGE_MS = 24 * 60 * 60 * 1000;

type TSessionRow = { id: string; email: string | null; name: string | null; role: TRole; locale: string | null; lastLocale: string | null; expires: Date };

/**
 * The person a session token belongs to while it lasts, and their session, in one query: what
 * Auth.js's auth() reads for a database session, without its second query for the person. As
 * Auth.js does, a session used more than a day after it was last pushed back is pushed back again.
 */
export async function sessionOf(token: string, now: Date) {
  const [row] = await db().$queryRaw<TSessionRow[]>`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.locale, u."lastLocale", s.expires
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s."sessionToken" = ${token} AND s.expires > ${now}`;
  if (!row) return null;
  if (row.expires.getTime() - SESSION_MAX_AGE_MS + SESSION_UPDATE_AGE_MS <= now.getTime()) {
    await db().session.update({ where: { sessionToken: token }, data: { expires: new Date(now.getTime() + SESSION_MAX_AGE_MS) } });
  }
  const { expires: _expires, ...user } = row;
  return user;
}
