// Grants reaching their expiry: reminders 30 and 7 days before (each once per expiry date), and
// the recorded end once the date has passed. Pages already show a passed grant as expired
// (effectiveStatus); this records it and tells the requester. No Next.js here: the worker and
// tests use it.
import { REMINDER_DAYS, remindersDue } from "@/lib/domain/review/decisions";
import { addDays, DAY_MS, dayOf } from "@/lib/domain/time";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { applyEvent, EventRefused } from "@/lib/lifecycle/apply";
import type { TActor } from "@/lib/lifecycle/types";

const BATCH = 100;

type TContext = { now: Date; baseUrl: string };

const SYSTEM: TActor = { kind: "system", userId: null };

/** Records every grant whose expiry has passed as EXPIRED, with its audit entry and email, through the lifecycle pipeline. */
export async function expireGrants(db: PrismaClient, { now, baseUrl }: TContext) {
  const due = await db.request.findMany({
    where: { status: "GRANTED", expiresAt: { lte: now } },
    orderBy: { expiresAt: "asc" },
    take: BATCH,
    select: { id: true },
  });
  let expired = 0;
  for (const { id } of due) {
    const refused = await db
      .$transaction((tx) =>
        applyEvent(
          tx,
          { now, baseUrl },
          {
            event: "expire",
            actor: SYSTEM,
            requestId: id,
            // Checked again under the lock: an extension may have landed.
            guard: (request) => {
              if (!request.expiresAt || request.expiresAt.getTime() > now.getTime())
                throw new EventRefused("not_allowed_from_status", "transition-error-expire-not-now");
            },
            write: async (inner) => {
              const { expiresAt } = await inner.request.findUniqueOrThrow({ where: { id }, select: { expiresAt: true } });
              return { details: { expiresOn: dayOf(expiresAt ?? now) }, audit: { after: { expiresAt: expiresAt?.toISOString() ?? null } } };
            },
          },
        ),
      )
      .then(() => false)
      .catch((error: unknown) => {
        if (error instanceof EventRefused) return true;
        throw error;
      });
    if (!refused) expired += 1;
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
      try {
        await applyEvent(
          tx,
          { now, baseUrl },
          {
            event: "remind_expiry",
            actor: SYSTEM,
            requestId: grant.id,
            touch: false,
            // Extended meanwhile: this reminder is about an expiry that no longer holds.
            guard: (request) => {
              if (request.expiresAt?.getTime() !== expiresAt.getTime()) throw new EventRefused("not_allowed_from_status", "review-error-closed");
            },
            details: { daysAhead: nearest, expiresOn: dayOf(expiresAt), daysLeft: Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS) },
            audit: { after: { daysAhead: nearest, expiresAt: expiresAt.toISOString() } },
          },
        );
      } catch (error) {
        if (error instanceof EventRefused) return;
        throw error;
      }
      sent += 1;
    });
  }
  return sent;
}
