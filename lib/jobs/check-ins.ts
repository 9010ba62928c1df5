// Check-ins on running grants: opened on the grant's schedule (lib/domain/check-ins), reminded
// once a week before they are due, and recorded as missed once the due date has passed. A missed
// check-in only flags the grant for reviewers; nothing here ends a grant. Every step is a lifecycle
// activity, so its audit entry and email commit with it, and each is keyed so that two workers
// sweeping at once do it once. No Next.js here: the worker and tests use it.
import { CHECK_IN_ANSWER_DAYS, CHECK_IN_REMINDER_DAYS, checkInDueAt, dueCheckIn } from "@/lib/domain/check-ins";
import { addDays, dayOf, startOfDay } from "@/lib/domain/time";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { applyEvent, EventRefused } from "@/lib/lifecycle/apply";
import type { TActor } from "@/lib/lifecycle/types";

const BATCH = 100;
const SYSTEM: TActor = { kind: "system", userId: null };

type TContext = { now: Date; baseUrl: string };

/** Runs a step in its own transaction; a refusal (the grant changed meanwhile) counts as not done. */
async function attempt(db: PrismaClient, step: (tx: Prisma.TransactionClient) => Promise<boolean>) {
  try {
    return await db.$transaction(step);
  } catch (error) {
    if (error instanceof EventRefused) return false;
    throw error;
  }
}

/** Opens the check-in each running grant's schedule has due now, with its email, once per grant and day. */
export async function openCheckIns(db: PrismaClient, { now, baseUrl }: TContext) {
  let opened = 0;
  let cursor: string | undefined;
  for (;;) {
    const grants = await db.request.findMany({
      where: { status: "GRANTED", startsAt: { lte: now }, expiresAt: { gt: now }, decision: { isNot: null } },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        startsAt: true,
        expiresAt: true,
        importedAt: true,
        decision: { select: { checkInMonths: true } },
        // Only a check-in whose answer is not yet due can be the one to open: the older ones stay unread.
        checkIns: { where: { scheduledFor: { gt: addDays(now, -CHECK_IN_ANSWER_DAYS - 1) } }, select: { scheduledFor: true } },
      },
    });
    for (const grant of grants) {
      if (!grant.startsAt || !grant.expiresAt) continue;
      const day = dueCheckIn({ startsAt: grant.startsAt, expiresAt: grant.expiresAt, checkInMonths: grant.decision?.checkInMonths ?? null }, now);
      if (day === undefined) continue;
      const scheduledFor = startOfDay(day);
      // A grant recorded from the email era: a check-in whose day came before it was recorded is past.
      if (grant.importedAt && scheduledFor.getTime() <= grant.importedAt.getTime()) continue;
      if (grant.checkIns.some((checkIn) => checkIn.scheduledFor.getTime() === scheduledFor.getTime())) continue;
      const expiresAt = grant.expiresAt;
      const done = await attempt(db, async (tx) => {
        const dueAt = checkInDueAt(day);
        // The key (request, day) lets one worker in; the other finds the row and stops here.
        const created = await tx.checkIn.createManyAndReturn({
          data: [{ requestId: grant.id, scheduledFor, openedAt: now, dueAt }],
          skipDuplicates: true,
          select: { id: true },
        });
        const [checkIn] = created;
        if (!checkIn) return false;
        await applyEvent(
          tx,
          { now, baseUrl },
          {
            event: "open_check_in",
            actor: SYSTEM,
            requestId: grant.id,
            touch: false,
            // Extended or ended meanwhile: the schedule this day came from no longer holds.
            guard: (request) => {
              if (request.expiresAt?.getTime() !== expiresAt.getTime()) throw new EventRefused("conflict", "review-error-closed");
            },
            details: { checkInId: checkIn.id, dueOn: dayOf(dueAt) },
            audit: { after: { checkInId: checkIn.id, scheduledFor: day, dueAt: dueAt.toISOString() } },
          },
        );
        return true;
      });
      if (done) opened += 1;
    }
    const last = grants.at(-1);
    if (grants.length < BATCH || !last) return opened;
    cursor = last.id;
  }
}

type TWaitingCheckIn = { id: string; requestId: string; dueAt: Date };

/**
 * One step on open check-ins, each at most once: the first worker to set `stamp` on a check-in
 * still waiting (answered and closed ones are left alone) records `event`; another finds it set
 * and changes nothing.
 */
async function stampWaiting(
  db: PrismaClient,
  { now, baseUrl }: TContext,
  step: {
    stamp: "reminderSentAt" | "missedAt";
    dueAt: Prisma.DateTimeFilter;
    apply: (tx: Prisma.TransactionClient, checkIn: TWaitingCheckIn, context: TContext) => Promise<unknown>;
  },
) {
  const waiting = { answeredAt: null, cancelledAt: null, [step.stamp]: null };
  const due = await db.checkIn.findMany({
    where: { ...waiting, dueAt: step.dueAt },
    orderBy: { dueAt: "asc" },
    take: BATCH,
    select: { id: true, requestId: true, dueAt: true },
  });
  let done = 0;
  for (const checkIn of due) {
    const stamped = await attempt(db, async (tx) => {
      const claimed = await tx.checkIn.updateMany({ where: { id: checkIn.id, ...waiting }, data: { [step.stamp]: now } });
      if (claimed.count === 0) return false;
      await step.apply(tx, checkIn, { now, baseUrl });
      return true;
    });
    if (stamped) done += 1;
  }
  return done;
}

/** Sends the one reminder of each open check-in due within a week. */
export function remindCheckIns(db: PrismaClient, context: TContext) {
  return stampWaiting(db, context, {
    stamp: "reminderSentAt",
    dueAt: { gt: context.now, lte: addDays(context.now, CHECK_IN_REMINDER_DAYS) },
    apply: (tx, checkIn, at) =>
      applyEvent(tx, at, {
        event: "remind_check_in",
        actor: SYSTEM,
        requestId: checkIn.requestId,
        touch: false,
        details: { checkInId: checkIn.id, dueOn: dayOf(checkIn.dueAt) },
        audit: { after: { checkInId: checkIn.id, dueAt: checkIn.dueAt.toISOString() } },
      }),
  });
}

/** Records each unanswered check-in past its due date as missed, once; the grant stays as it is. */
export function recordMissedCheckIns(db: PrismaClient, context: TContext) {
  return stampWaiting(db, context, {
    stamp: "missedAt",
    dueAt: { lte: context.now },
    apply: (tx, checkIn, at) =>
      applyEvent(tx, at, {
        event: "miss_check_in",
        actor: SYSTEM,
        requestId: checkIn.requestId,
        touch: false,
        details: { checkInId: checkIn.id },
        audit: { after: { checkInId: checkIn.id, dueAt: checkIn.dueAt.toISOString() } },
      }),
  });
}
