// For scripts/scan.ts: the people and requests the scanner signs in as, written straight into a
// local database as e2e/support does.
import { randomBytes, randomUUID } from "node:crypto";

import pg from "pg";

import type { TRole } from "@/lib/domain/roles";
import { addDays, dayOf } from "@/lib/domain/time";
import { completeAnswers } from "@/test-support/answers";
import { insertRequestRow, nextReference } from "@/test-support/request-rows";

const LOOPBACK = ["localhost", "127.0.0.1", "::1", "[::1]"];

async function connect(url: string) {
  if (!LOOPBACK.includes(new URL(url).hostname)) throw new Error("Refusing to write scan fixtures to a database that is not on this machine");
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  return db;
}

async function createUser(db: pg.Client, role: TRole, prefix: string) {
  const id = `scan_${randomUUID()}`;
  const email = `${prefix}.${randomBytes(4).toString("hex")}@example.org`;
  await db.query(`INSERT INTO "User" (id, email, name, role, "emailVerified", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, now(), now(), now())`, [
    id,
    email,
    `Scan ${prefix}`,
    role,
  ]);
  return { id, email };
}

async function createSession(db: pg.Client, userId: string) {
  const token = randomBytes(32).toString("hex");
  await db.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires, "createdAt", "updatedAt") VALUES ($1, $2, $3, now() + interval '1 day', now(), now())`,
    [randomUUID(), token, userId],
  );
  return token;
}

async function createDraft(db: pg.Client, requesterId: string) {
  const answers = completeAnswers(dayOf(addDays(new Date(), 7)));
  const id = `scan_${randomUUID()}`;
  await db.query(
    `INSERT INTO "Request" (id, "requesterId", status, answers, "createdAt", "updatedAt", "lastActivityAt") VALUES ($1, $2, 'DRAFT', $3, now(), now(), now())`,
    [id, requesterId, JSON.stringify({ who: answers.who, what: answers.what })],
  );
  return id;
}

async function createSubmitted(db: pg.Client, requester: { id: string; email: string }) {
  const answers = completeAnswers(dayOf(addDays(new Date(), 7)));
  answers.who.email = requester.email;
  const id = `scan_${randomUUID()}`;
  await insertRequestRow(db, { id, reference: await nextReference(db), requesterId: requester.id, status: "SUBMITTED", answers, submittedAt: new Date() });
  return id;
}

/** An applicant with a draft and a submitted request, and a WMF reviewer, each with a session. */
export async function createScanFixtures(url: string) {
  const db = await connect(url);
  try {
    const applicant = await createUser(db, "REQUESTER", "scan.applicant");
    const draftId = await createDraft(db, applicant.id);
    const submittedId = await createSubmitted(db, applicant);
    const reviewer = await createUser(db, "WMF_REVIEWER", "scan.reviewer");
    return {
      applicant: { token: await createSession(db, applicant.id), draftId, submittedId },
      reviewer: { token: await createSession(db, reviewer.id), submittedId },
    };
  } finally {
    await db.end();
  }
}

/**
 * wapiti's crawler submits every form it finds, the sign-out form on every page included, which
 * would end the session being scanned after its first page. Only for the scan's own throwaway
 * database: deleting a scan user's session there does nothing (Auth.js logs the failed sign-out).
 */
export async function keepScanSessions(url: string) {
  const db = await connect(url);
  try {
    await db.query(`CREATE OR REPLACE FUNCTION scan_keep_sessions() RETURNS trigger AS $$
      BEGIN IF OLD."userId" LIKE 'scan\\_%' THEN RETURN NULL; END IF; RETURN OLD; END $$ LANGUAGE plpgsql`);
    await db.query(`CREATE OR REPLACE TRIGGER scan_keep_sessions BEFORE DELETE ON "Session" FOR EACH ROW EXECUTE FUNCTION scan_keep_sessions()`);
  } finally {
    await db.end();
  }
}

/** Whether a session survived its scan (a scan that signed itself out tested the anonymous pages). */
export async function sessionExists(url: string, token: string) {
  const db = await connect(url);
  try {
    const { rowCount } = await db.query(`SELECT 1 FROM "Session" WHERE "sessionToken" = $1 AND expires > now()`, [token]);
    return Boolean(rowCount);
  } finally {
    await db.end();
  }
}
