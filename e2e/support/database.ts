import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import type { TRole } from "../../lib/domain/roles";

import { E2E } from "./settings";

let pool: pg.Pool | undefined;

/** The test database, after checking it is the local one this run made; never anyone's real data. */
export function testDb(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: testDbUrl(), max: 4 });
  return pool;
}

function testDbUrl() {
  const url = readFileSync(path.join(E2E.dataDir, "database-url"), "utf8").trim();
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1"].includes(host)) throw new Error(`Refusing to run tests against ${host}`);
  return url;
}

/**
 * Runs `work` while no other test in any worker changes the review policy: the approval rules and
 * the targets are one setting for the whole app, so the journeys and matrix rows that change them
 * take turns. A session-level advisory lock on a connection of its own, released however `work` ends.
 */
export async function withReviewPolicy<T>(work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDbUrl() });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('e2e:review-policy'))`);
    return await work();
  } finally {
    await client.end();
  }
}

export type TTestUser = { id: string; email: string; name: string; role: TRole };

export function uniqueEmail(prefix: string) {
  return `${prefix}.${randomBytes(4).toString("hex")}@example.org`;
}

/**
 * A person with this role, as if they had signed in. They get no review digest (reviewers get a
 * weekly one unless they choose otherwise): the run's hundreds of reviewers would each be sent one;
 * the digest journey chooses its reader's.
 */
export async function createUser(role: TRole, prefix: string = role.toLowerCase()): Promise<TTestUser> {
  const user = { id: `test_${randomUUID()}`, email: uniqueEmail(prefix), name: `Test ${prefix}`, role };
  await testDb().query(
    `INSERT INTO "User" (id, email, name, role, digest, "emailVerified", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'NONE', now(), now(), now())`,
    [user.id, user.email, user.name, user.role],
  );
  return user;
}

/** The reviewer has declared no conflict of interest on the request, as on its page before judging it. */
export async function recordNoConflict(requestId: string, reviewerId: string) {
  await testDb().query(
    `INSERT INTO "ConflictDeclaration" (id, "requestId", "reviewerId", "hasConflict") VALUES ($1, $2, $3, false) ON CONFLICT ("requestId", "reviewerId") DO NOTHING`,
    [`${requestId}_${reviewerId}_declared`, requestId, reviewerId],
  );
}

/** A database session for the user, as if they had signed in; returns the cookie value. */
export async function createSession(userId: string): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await testDb().query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires, "createdAt", "updatedAt") VALUES ($1, $2, $3, now() + interval '1 day', now(), now())`,
    [randomUUID(), token, userId],
  );
  return token;
}

export async function roleOf(userId: string): Promise<TRole> {
  const result = await testDb().query<{ role: TRole }>(`SELECT role FROM "User" WHERE id = $1`, [userId]);
  return result.rows[0]!.role;
}

/**
 * Set-up: moves a request straight to `status` (and sets `extra`, SQL assignments with $3, $4...
 * as parameters), with the audit entry the database demands for a status change, in one transaction.
 */
export async function moveStatus(requestId: string, status: string, extra = "", values: unknown[] = []) {
  const client = await testDb().connect();
  try {
    await client.query("BEGIN");
    await client.query(`INSERT INTO "AuditEntry" (id, action, "subjectType", "subjectId", after, note) VALUES ($1, $2, 'request', $3, $4, 'test set-up')`, [
      randomUUID(),
      `request.${status === "IN_REVIEW" ? "assigned" : status.toLowerCase()}`,
      requestId,
      JSON.stringify({ status }),
    ]);
    await client.query(`UPDATE "Request" SET status = $2${extra ? `, ${extra}` : ""} WHERE id = $1`, [requestId, status, ...values]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/** An API token in use, as an admin would have made it; returns its id and the token itself. */
export async function createApiToken(name = "E2E token"): Promise<{ id: string; token: string }> {
  const token = `eat_${randomBytes(32).toString("base64url")}`;
  const id = `test_${randomUUID()}`;
  await testDb().query(`INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, scope, "createdAt") VALUES ($1, $2, $3, $4, 'entitlements:read', now())`, [
    id,
    name,
    createHash("sha256").update(token).digest("hex"),
    token.slice(0, 12),
  ]);
  return { id, token };
}
