// The email outbox: a change writes its email in its own transaction; the worker sends it after
// commit, retries with backoff, and records delivery. No Next.js here: the worker and tests use it.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type TOutboxMail = { to: string; subject: string; text: string; html: string };
export type TSendMail = (mail: TOutboxMail) => Promise<void>;

export type TOutcome =
  | { status: "sent"; id: string; to: string; attempts: number }
  | { status: "retried"; id: string; to: string; attempts: number; error: string; nextAttemptAt: Date }
  | { status: "failed"; id: string; to: string; attempts: number; error: string };

/**
 * A claimed email belongs to its worker this long. Longer than one SMTP exchange can take
 * (nodemailer gives up on a silent socket after 10 minutes), so no other worker takes it mid-send.
 */
const LEASE_MS = 15 * 60_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;
const ERROR_LENGTH = 1_000;

/** Writes an email to send after the caller's transaction commits; a repeated key is a no-op. */
export async function enqueueEmail(
  tx: Prisma.TransactionClient,
  email: TOutboxMail & { idempotencyKey: string; requestId?: string },
) {
  await tx.outboxEmail.createMany({ data: [email], skipDuplicates: true });
}

type DeliverOptions = {
  now?: Date;
  batchSize?: number;
  maxAttempts?: number;
  onOutcome?: (outcome: TOutcome) => void;
};

/**
 * Sends the emails that are due, at most once each: the claim (attempt counted, lease taken) is
 * committed before anything is sent, so neither a second worker nor a later run takes the same
 * email while it is being sent.
 */
export async function deliverDueEmails(
  db: PrismaClient,
  send: TSendMail,
  { now = new Date(), batchSize = 20, maxAttempts = 8, onOutcome }: DeliverOptions = {},
) {
  const claimStarted = performance.now();
  const claimed = await claimDueEmails(db, now, batchSize);
  const counts = { sent: 0, retried: 0, failed: 0 };

  for (const email of claimed) {
    // Past half the lease, the rest of the batch could be taken by another worker mid-send:
    // leave those emails to be claimed again when their lease ends.
    if (performance.now() - claimStarted > LEASE_MS / 2) break;
    const outcome = await deliverOne(db, send, email, now, maxAttempts);
    counts[outcome.status] += 1;
    onOutcome?.(outcome);
  }
  return counts;
}

type TClaimed = TOutboxMail & { id: string; attempts: number };

async function claimDueEmails(db: PrismaClient, now: Date, batchSize: number): Promise<TClaimed[]> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return [];
    const ids = due.map(({ id }) => id);
    await tx.outboxEmail.updateMany({
      where: { id: { in: ids } },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    return tx.outboxEmail.findMany({
      where: { id: { in: ids } },
      orderBy: { createdAt: "asc" },
      select: { id: true, to: true, subject: true, text: true, html: true, attempts: true },
    });
  });
}

async function deliverOne(
  db: PrismaClient,
  send: TSendMail,
  { id, attempts, ...mail }: TClaimed,
  now: Date,
  maxAttempts: number,
): Promise<TOutcome> {
  try {
    await send(mail);
  } catch (cause) {
    const error = describeError(cause);
    if (attempts >= maxAttempts) {
      await db.outboxEmail.update({ where: { id }, data: { status: "FAILED", lastError: error } });
      return { status: "failed", id, to: mail.to, attempts, error };
    }
    const nextAttemptAt = new Date(now.getTime() + retryDelay(attempts));
    await db.outboxEmail.update({ where: { id }, data: { lastError: error, nextAttemptAt } });
    return { status: "retried", id, to: mail.to, attempts, error, nextAttemptAt };
  }
  await db.outboxEmail.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
  return { status: "sent", id, to: mail.to, attempts };
}

/** 30 s, 1 min, 2 min ... up to an hour, plus up to 10% so that a backlog does not retry in step. */
export function retryDelay(attempts: number) {
  const base = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
  return Math.round(base * (1 + Math.random() * 0.1));
}

function describeError(cause: unknown) {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.slice(0, ERROR_LENGTH);
}

/** Gives an email that ran out of attempts a fresh set, starting now. False if it had not failed. */
export async function resendEmail(db: PrismaClient, id: string, now = new Date()) {
  const { count } = await db.outboxEmail.updateMany({
    where: { id, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: now },
  });
  return count === 1;
}
