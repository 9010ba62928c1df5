// The review digest: each reviewer who asked for one at /account gets, once a day or once a week,
// one email of what needs them (lib/domain/digest.ts has the rules of periods and windows). The
// email's key names the person and the period, so two workers never send it twice; a digest with
// nothing in it is not sent. No Next.js here: the worker and tests use it.
import { digestDue, digestPeriod, digestSince, isEmptyDigest, type TDigestContent, type TDigestItem } from "@/lib/domain/digest";
import { OPEN_STATUSES } from "@/lib/domain/request/state-machine";
import { actsForWmf, canReview, type TRole } from "@/lib/domain/roles";
import { addDays } from "@/lib/domain/time";
import { type PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { digestEmail } from "@/lib/mail/templates/digest";

import { emailLocaleOfUser, enqueueEmail } from "./outbox";

type TContext = { now: Date; baseUrl: string };

/** People with a digest read at a time; the sweep goes through them all. */
const BATCH = 200;
/** Requests named per section; the count says how many there are in all. */
const NAMED = 10;
/** Grants ending within this many days are "expiring soon". */
const EXPIRING_DAYS = 30;

type TReader = { id: string; email: string; role: TRole; digest: "DAILY" | "WEEKLY"; digestSentAt: Date | null };

/**
 * Sends every digest due now; returns how many were sent (an empty one is not sent, but counts as
 * done). Reads the reviewers and admins with a digest in batches by id, from the partial index
 * "User_digest_idx" (its predicate is written out here as there).
 */
export async function sendDigests(db: PrismaClient, { now, baseUrl }: TContext) {
  let sent = 0;
  for (let after = ""; ; ) {
    const readers = await db.$queryRaw<(Omit<TReader, "digest"> & { digest: TReader["digest"] | "NONE"; email: string | null })[]>`
      SELECT id, email, role, digest, "digestSentAt" FROM "User"
      WHERE digest <> 'NONE' AND role IN ('WMF_REVIEWER', 'WMDE_REVIEWER', 'ADMIN') AND id > ${after}
        AND "erasedAt" IS NULL AND email IS NOT NULL
      ORDER BY id LIMIT ${BATCH}`;
    for (const reader of readers) {
      if (!reader.email || reader.digest === "NONE" || !canReview(reader.role) || !digestDue(reader.digest, reader.digestSentAt, now)) continue;
      if (await sendDigest(db, { ...reader, email: reader.email, digest: reader.digest }, { now, baseUrl })) sent += 1;
    }
    const last = readers.at(-1);
    if (!last || readers.length < BATCH) return sent;
    after = last.id;
  }
}

async function sendDigest(db: PrismaClient, reader: TReader, { now, baseUrl }: TContext) {
  const since = digestSince(reader.digest, reader.digestSentAt, now);
  const period = digestPeriod(reader.digest, now);
  const content = await digestContent(db, reader, since, now);
  return db.$transaction(async (tx) => {
    // Taken under a lock, so a second worker on the same period finds it done and writes nothing.
    const [current] = await tx.$queryRaw<{ digestSentAt: Date | null }[]>`SELECT "digestSentAt" FROM "User" WHERE id = ${reader.id} FOR UPDATE`;
    if (!current || !digestDue(reader.digest, current.digestSentAt, now)) return false;
    await tx.user.update({ where: { id: reader.id }, data: { digestSentAt: now } });
    if (isEmptyDigest(content)) return false;
    const locale = await emailLocaleOfUser(tx, reader.id, "staff");
    const email = digestEmail({ content, frequency: reader.digest, periodStart: period.start, baseUrl }, locale);
    await enqueueEmail(tx, { ...email, to: reader.email, idempotencyKey: `digest:${reader.id}:${period.key}` });
    return true;
  });
}

type TRow = { id: string; reference: string | null; organisation: string | null; contactName: string | null; waitedDays?: number };

function item(row: TRow): TDigestItem {
  const named = { id: row.id, reference: row.reference ?? "", name: row.organisation || row.contactName || "" };
  return row.waitedDays === undefined ? named : { ...named, waitedDays: row.waitedDays };
}

/** Everything the reader's digest tells, as of `now`, for the window from `since`. */
export async function digestContent(db: PrismaClient, reader: Pick<TReader, "id" | "role">, since: Date, now: Date): Promise<TDigestContent> {
  const wmf = actsForWmf(reader.role);
  // What the reader may see as a reviewer: WMF every request, WMDE the joint ones; never their own,
  // nor one they declared a conflict on.
  const visible: Prisma.RequestWhereInput = {
    requesterId: { not: reader.id },
    ...(wmf ? {} : { joint: true }),
    conflicts: { none: { reviewerId: reader.id, hasConflict: true, liftedAt: null } },
  };
  const select = { id: true, reference: true, organisation: true, contactName: true } as const;
  const section = async (where: Prisma.RequestWhereInput, orderBy: Prisma.RequestOrderByWithRelationInput) => {
    const filter = { AND: [visible, where] };
    const [count, rows] = await Promise.all([db.request.count({ where: filter }), db.request.findMany({ where: filter, orderBy, take: NAMED, select })]);
    return { count, items: rows.map((row) => item(row)) };
  };

  const newRequests = await section({ status: "SUBMITTED", assigneeId: null, submittedAt: { gte: since } }, { submittedAt: "asc" });
  const answers = await section({ assigneeId: reader.id, infoRequests: { some: { answeredAt: { gte: since } } } }, { lastActivityAt: "desc" });
  const expiringSoon = wmf
    ? await section(
        {
          status: "GRANTED",
          expiresAt: { gt: now, lte: addDays(now, EXPIRING_DAYS) },
          OR: [{ assigneeId: reader.id }, { decision: { decidedById: reader.id } }],
        },
        { expiresAt: "asc" },
      )
    : { count: 0, items: [] };
  const confirmations = wmf
    ? await section({ status: "IN_REVIEW", proposals: { some: { status: "PENDING", proposedById: { not: reader.id } } } }, { lastActivityAt: "asc" })
    : { count: 0, items: [] };
  // Appeals a WMF reviewer may decide: they took no part in the decision appealed against.
  const appeals = wmf
    ? await section(
        { status: { in: ["DECLINE_APPEALED", "WITHDRAWAL_APPEALED"] }, appeal: { is: { decidedAt: null, NOT: { involvedIds: { has: reader.id } } } } },
        { lastActivityAt: "asc" },
      )
    : { count: 0, items: [] };
  const pastTarget = await pastTargets(db, reader, wmf, now);
  return { confirmations, appeals, answers, newRequests, pastTarget, expiringSoon };
}

/**
 * Open requests the reader holds, or nobody holds yet, that are past a response-time target, as
 * lib/domain/review/targets pastTarget has it: no reviewer has acted within the first-action
 * target from submission, or no decision within the decision target, counted without the waits
 * for the requester. Longest waiting first.
 */
async function pastTargets(db: PrismaClient, reader: Pick<TReader, "id">, wmf: boolean, now: Date) {
  const waited = Prisma.sql`(extract(epoch FROM (${now}::timestamp - r."submittedAt")) - r."pausedSeconds" - coalesce(extract(epoch FROM (${now}::timestamp - r."pausedSince")), 0))`;
  const where = Prisma.sql`
    r.status::text IN (${Prisma.join([...OPEN_STATUSES])}) AND r."submittedAt" IS NOT NULL
    AND (r."assigneeId" = ${reader.id} OR r."assigneeId" IS NULL) AND r."requesterId" <> ${reader.id}
    ${wmf ? Prisma.empty : Prisma.sql`AND r.joint`}
    AND NOT EXISTS (SELECT 1 FROM "ConflictDeclaration" c WHERE c."requestId" = r.id AND c."reviewerId" = ${reader.id} AND c."hasConflict" AND c."liftedAt" IS NULL)
    AND (
      (r."firstActionAt" IS NULL AND extract(epoch FROM (${now}::timestamp - r."submittedAt")) > p."firstActionDays" * 86400)
      OR ${waited} > p."decisionDays" * 86400
    )`;
  const [counted] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Request" r CROSS JOIN "ReviewPolicy" p WHERE p.id = 1 AND ${where}`;
  const rows = await db.$queryRaw<TRow[]>`
    SELECT r.id, r.reference, r.organisation, r."contactName", floor(${waited} / 86400)::int AS "waitedDays" FROM "Request" r CROSS JOIN "ReviewPolicy" p
    WHERE p.id = 1 AND ${where} ORDER BY r."submittedAt" ASC LIMIT ${NAMED}`;
  return { count: counted?.count ?? 0, items: rows.map((row) => item(row)) };
}
