// Grants reaching their expiry: reminders 30 and 7 days before (each once per expiry date), and
// the recorded end once the date has passed. Pages already show a passed grant as expired
// (effectiveStatus); this records it and tells the requester. No Next.js here: the worker and
// tests use it.
import { REMINDER_DAYS, remindersDue } from "@/lib/domain/review/decisions";
import { addDays, DAY_MS, dayOf } from "@/lib/domain/time";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { longDate } from "@/lib/mail/decision-text";
import { requestRecipient } from "@/lib/mail/recipient";
import { emailLocaleOf } from "@/lib/i18n/messages";
import { emailWording, requestEmail } from "@/lib/mail/templates/request-email";

import { enqueueEmail } from "./outbox";

const BATCH = 100;

type TContext = { now: Date; baseUrl: string };

/** Records every grant whose expiry has passed as EXPIRED, with its audit entry and email. */
export async function expireGrants(db: PrismaClient, { now, baseUrl }: TContext) {
  const due = await db.request.findMany({
    where: { status: "GRANTED", expiresAt: { lte: now } },
    orderBy: { expiresAt: "asc" },
    take: BATCH,
    select: { id: true },
  });
  let expired = 0;
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      // The status and expiry are checked again under the write: an extension may have landed.
      const updated = await tx.request.updateMany({
        where: { id, status: "GRANTED", expiresAt: { lte: now } },
        data: { status: "EXPIRED", version: { increment: 1 }, lastActivityAt: now },
      });
      if (updated.count === 0) return;
      const request = await tx.request.findUniqueOrThrow({
        where: { id },
        select: { reference: true, requesterId: true, answers: true, expiresAt: true, requester: { select: { locale: true, lastLocale: true } } },
      });
      await tx.auditEntry.create({
        data: {
          action: "request.expired",
          subjectType: "request",
          subjectId: id,
          before: { status: "GRANTED" },
          after: { status: "EXPIRED", expiresAt: request.expiresAt?.toISOString() },
        },
      });
      const to = await requestRecipient(tx, request);
      const { locale, formats } = emailWording(emailLocaleOf(request.requester));
      if (to) {
        await enqueueEmail(tx, {
          idempotencyKey: `expired:${id}`,
          to,
          requestId: id,
          ...requestEmail(
            "expired",
            { reference: request.reference ?? "", url: `${baseUrl}/requests/${id}`, more: [longDate(dayOf(request.expiresAt ?? now), formats)] },
            locale,
          ),
        });
      }
      expired += 1;
    });
  }
  return expired;
}

/**
 * Sends the reminders that are due, nearest first, once per grant, expiry date and lead time: the
 * reminder row and the email commit together, and the row's key refuses a second one.
 */
export async function sendExpiryReminders(db: PrismaClient, { now, baseUrl }: TContext) {
  const longest = Math.max(...REMINDER_DAYS);
  const grants = await db.request.findMany({
    where: {
      status: "GRANTED",
      expiresAt: { gt: now, lte: addDays(now, longest) },
    },
    orderBy: { expiresAt: "asc" },
    take: BATCH,
    select: { id: true, expiresAt: true, reminders: { select: { expiresAt: true, daysAhead: true } } },
  });
  let sent = 0;
  for (const grant of grants) {
    if (!grant.expiresAt) continue;
    const expiresAt = grant.expiresAt;
    const done = new Set(grant.reminders.filter((reminder) => reminder.expiresAt.getTime() === expiresAt.getTime()).map((reminder) => reminder.daysAhead));
    const due = remindersDue(expiresAt, now);
    const [nearest] = due;
    if (nearest === undefined || due.every((days) => done.has(days))) continue;
    await db.$transaction(async (tx) => {
      const recorded = await tx.expiryReminder.createMany({
        data: due.map((daysAhead) => ({ requestId: grant.id, expiresAt, daysAhead, sentAt: now })),
        skipDuplicates: true,
      });
      // Another worker recorded them first, or the nearest one was already sent.
      if (recorded.count === 0 || done.has(nearest)) return;
      const request = await tx.request.findFirst({
        where: { id: grant.id, status: "GRANTED", expiresAt },
        select: { reference: true, requesterId: true, answers: true, requester: { select: { locale: true, lastLocale: true } } },
      });
      if (!request) return;
      await tx.auditEntry.create({
        data: {
          action: "request.expiry_reminded",
          subjectType: "request",
          subjectId: grant.id,
          after: { daysAhead: nearest, expiresAt: expiresAt.toISOString() },
        },
      });
      const to = await requestRecipient(tx, request);
      const { locale, formats } = emailWording(emailLocaleOf(request.requester));
      if (to) {
        await enqueueEmail(tx, {
          idempotencyKey: `expiry-reminder:${grant.id}:${dayOf(expiresAt)}:${nearest}`,
          to,
          requestId: grant.id,
          ...requestEmail(
            "expiry_reminder",
            {
              reference: request.reference ?? "",
              url: `${baseUrl}/requests/${grant.id}`,
              more: [longDate(dayOf(expiresAt), formats), String(Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS))],
            },
            locale,
          ),
        });
      }
      sent += 1;
    });
  }
  return sent;
}
