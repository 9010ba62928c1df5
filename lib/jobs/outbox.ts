// The email outbox: a change writes its email in its own transaction; the worker hands it to the
// job queue and sends it after commit (lib/jobs/job-queue.ts). Prisma only: the app imports this
// file, and a change must commit whether or not a worker is running.
import { createHash } from "node:crypto";

import { audit } from "@/lib/audit";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TArea } from "@/lib/i18n/locales";
import { emailLocaleOf } from "@/lib/i18n/messages";
import { assertOneAddress } from "@/lib/mail/recipient";

export type TOutboxMail = { to: string; subject: string; text: string; html: string };
/** What goes to SMTP: the email and a Message-ID that stays the same on every attempt. */
export type TOutgoingMail = TOutboxMail & { messageId: string };
export type TSendMail = (mail: TOutgoingMail) => Promise<void>;

export type TOutcome =
  | { status: "sent"; id: string; to: string; attempts: number }
  | { status: "retrying"; id: string; to: string; attempts: number; error: string }
  | { status: "failed"; id: string; to: string; attempts: number; error: string }
  | { status: "skipped"; id: string };

const ERROR_LENGTH = 1_000;

/**
 * Writes an email to send after the caller's transaction commits; a repeated key is a no-op.
 * Mail goes to exactly one address: anything else (a list, a header trick) is refused here, so a
 * slip upstream fails the change instead of mailing someone it should not.
 */
export async function enqueueEmail(tx: Prisma.TransactionClient, email: TOutboxMail & { idempotencyKey: string; requestId?: string; kind?: string }) {
  assertOneAddress(email.to);
  await tx.outboxEmail.createMany({ data: [email], skipDuplicates: true });
}

/** The language of an email to a user, from their saved choices (lib/i18n/locales.ts); English for nobody. */
export async function emailLocaleOfUser(tx: Prisma.TransactionClient, userId: string | null | undefined, area: TArea = "requester") {
  const person = userId ? await tx.user.findUnique({ where: { id: userId }, select: { locale: true, lastLocale: true } }) : null;
  return emailLocaleOf(person, area);
}

/**
 * The Message-ID of an email, from its idempotency key: every attempt and every resend carries
 * the same one, so a mail system that received it once can recognise a repeat.
 */
export function messageIdFor(idempotencyKey: string, domain: string) {
  const hash = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32);
  return `<${hash}@${domain}>`;
}

/** The domain of a sender such as `Name <no-reply@example.org>`, for Message-IDs. */
export function mailDomain(from: string) {
  return /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
}

type TAttempt = { attempt: number; lastAttempt: boolean; messageDomain: string };

/**
 * One attempt at sending one outbox email, as the job queue runs it: an email that is no longer
 * pending (sent already, or gone) is skipped, so running the same job twice sends nothing twice.
 * A failure is recorded; on the last attempt the email is marked failed and stays that way until
 * an admin sends it again.
 */
export async function deliverEmail(db: PrismaClient, send: TSendMail, id: string, { attempt, lastAttempt, messageDomain }: TAttempt): Promise<TOutcome> {
  const email = await db.outboxEmail.findUnique({
    where: { id },
    select: { idempotencyKey: true, to: true, subject: true, text: true, html: true, status: true },
  });
  if (email?.status !== "PENDING") return { status: "skipped", id };
  const { idempotencyKey, to, subject, text, html } = email;

  try {
    await send({ to, subject, text, html, messageId: messageIdFor(idempotencyKey, messageDomain) });
  } catch (cause) {
    const error = describeError(cause);
    await db.outboxEmail.updateMany({
      where: { id, status: "PENDING" },
      data: { status: lastAttempt ? "FAILED" : "PENDING", attempts: attempt, lastError: error },
    });
    return { status: lastAttempt ? "failed" : "retrying", id, to, attempts: attempt, error };
  }
  await db.outboxEmail.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "SENT", sentAt: new Date(), attempts: attempt, lastError: null },
  });
  return { status: "sent", id, to, attempts: attempt };
}

function describeError(cause: unknown) {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.slice(0, ERROR_LENGTH);
}

/**
 * Puts an email that ran out of attempts back in the outbox with a fresh set: the worker hands it
 * to the job queue again. Recorded in the audit log. False if the email had not failed.
 */
export async function resendEmail(db: PrismaClient, id: string, { actorId }: { actorId: string | null }) {
  return db.$transaction(async (tx) => {
    const email = await tx.outboxEmail.findUnique({ where: { id }, select: { status: true, attempts: true, lastError: true } });
    if (email?.status !== "FAILED") return false;
    const { count } = await tx.outboxEmail.updateMany({
      where: { id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, lastError: null, dispatchedAt: null, nextAttemptAt: new Date() },
    });
    if (count === 0) return false;
    await audit(tx, {
      subject: "email",
      id,
      actorId,
      action: "email.resent",
      before: { status: "FAILED", attempts: email.attempts, lastError: email.lastError },
      after: { status: "PENDING" },
    });
    return true;
  });
}
