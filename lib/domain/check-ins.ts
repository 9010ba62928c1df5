// When a grant asks its requester to check in, and what an open check-in's dates mean. Pure: the
// worker, the pages and the tests read the same rules, with the application's clock passed in.
//
// The schedule is computed from the grant as it stands (its start, its current expiry, its
// cadence), so an extension moves it and a check-in already opened stays as it was:
// - A cadence of m months opens a check-in m, 2m, 3m… months after the start, as long as its
//   answer would be due no later than the expiry: nobody is asked about a grant that has ended.
// - A grant of 6 months or less, a grant without a cadence (null), or a grant whose cadence
//   gives no check-in before its expiry, gets one check-in 30 days before the expiry instead.
// - A grant shorter than 30 days gets none: there is nothing to ask before it ends.
import { z } from "zod";

import { choice } from "./request/fields";
import { addDays, addMonths, DAY_MS, dayOf, endOfDay, startOfDay } from "./time";

export const CHECK_IN_CADENCES = [3, 6, 12] as const;
export type TCheckInCadence = (typeof CHECK_IN_CADENCES)[number];
export const DEFAULT_CHECK_IN_MONTHS: TCheckInCadence = 6;
/** The decision form's cadence choices: every 3, 6 or 12 months, or only once before expiry. */
export const CADENCE_CHOICES = ["3", "6", "12", "expiry"] as const;
export type TCadenceChoice = (typeof CADENCE_CHOICES)[number];

/** The decision form's cadence, as stored: months, or null for once before expiry; the default when none was sent. */
export const ZCheckInCadence = z.preprocess(
  (value) => value ?? String(DEFAULT_CHECK_IN_MONTHS),
  choice(CADENCE_CHOICES, "error-grant-check-in").transform((value) => (value === "expiry" ? null : Number(value))),
);

/** The form's choice for a stored cadence. */
export function cadenceChoice(checkInMonths: number | null): TCadenceChoice {
  return checkInMonths === null
    ? "expiry"
    : (CADENCE_CHOICES as readonly string[]).includes(String(checkInMonths))
      ? (String(checkInMonths) as TCadenceChoice)
      : "expiry";
}

/** A grant this many months long or shorter gets no cadence: one check-in before its expiry. */
export const SHORT_GRANT_MONTHS = 6;
/** Days to answer a check-in, counted from the day it opens. */
export const CHECK_IN_ANSWER_DAYS = 30;
/** Days before expiry of the one check-in of a grant without a cadence. */
export const CHECK_IN_BEFORE_EXPIRY_DAYS = 30;
/** Days before a check-in is due that its one reminder is sent. */
export const CHECK_IN_REMINDER_DAYS = 7;

export const CHECK_IN_USE_CASES = ["active", "winding_down", "ended"] as const;
export type TCheckInUseCase = (typeof CHECK_IN_USE_CASES)[number];
export const CHECK_IN_USAGES = ["under_quarter", "quarter_to_half", "half_to_most", "about_all", "more_than_granted", "unknown"] as const;
export type TCheckInUsage = (typeof CHECK_IN_USAGES)[number];
/** What a requester says became of a promised contribution (the Contribution statuses they may set). */
export const CHECK_IN_CONTRIBUTION_STATUSES = ["DELIVERED", "IN_PROGRESS", "DROPPED"] as const;
export type TCheckInContributionStatus = (typeof CHECK_IN_CONTRIBUTION_STATUSES)[number];

export type TGrantSchedule = {
  /** The grant's first day (its start instant). */
  startsAt: Date;
  /** The grant's current expiry, after any extension. */
  expiresAt: Date;
  /** The cadence stored with the decision; null: once, before expiry. */
  checkInMonths: number | null;
  /** When the grant was withdrawn or given up, if it was: nothing opens after. */
  endedAt?: Date | null;
};

/** Whether a grant is too short for a cadence: it ends no later than SHORT_GRANT_MONTHS after it starts. */
export function isShortGrant(startsOn: string, expiresOn: string) {
  return expiresOn <= addMonths(startsOn, SHORT_GRANT_MONTHS);
}

/** The cadence to store for a grant: null for a short grant, whatever was asked for. */
export function storedCadence(startsOn: string, expiresOn: string, asked: number | null): number | null {
  return isShortGrant(startsOn, expiresOn) ? null : asked;
}

/** The moment a check-in opened on `day` is due: the end of the day CHECK_IN_ANSWER_DAYS later. */
export function checkInDueAt(day: string) {
  return endOfDay(dayOf(addDays(startOfDay(day), CHECK_IN_ANSWER_DAYS)));
}

/** The days (YYYY-MM-DD, UTC) a grant's check-ins open, in order. */
export function checkInDays({ startsAt, expiresAt, checkInMonths }: TGrantSchedule): string[] {
  const startsOn = dayOf(startsAt);
  const beforeExpiry = dayOf(addDays(expiresAt, -CHECK_IN_BEFORE_EXPIRY_DAYS));
  const once = beforeExpiry >= startsOn ? [beforeExpiry] : [];
  if (checkInMonths === null || checkInMonths <= 0 || isShortGrant(startsOn, dayOf(expiresAt))) return once;
  const days: string[] = [];
  for (let step = 1; ; step += 1) {
    const day = addMonths(startsOn, step * checkInMonths);
    if (checkInDueAt(day).getTime() > expiresAt.getTime()) break;
    days.push(day);
  }
  return days.length > 0 ? days : once;
}

/** The first check-in of a grant, for the decision and its email; undefined when it gets none. */
export function firstCheckInDay(schedule: TGrantSchedule): string | undefined {
  return checkInDays(schedule)[0];
}

/**
 * The check-in to open now, if any: the latest scheduled day that has come, while its answer is
 * not yet due and the grant has not ended. A day whose whole answer period passed while nothing
 * ran is not opened late, already overdue.
 */
export function dueCheckIn(schedule: TGrantSchedule, now: Date): string | undefined {
  if (now.getTime() >= schedule.expiresAt.getTime()) return undefined;
  if (schedule.endedAt && schedule.endedAt.getTime() <= now.getTime()) return undefined;
  const opened = checkInDays(schedule).filter((day) => startOfDay(day).getTime() <= now.getTime());
  const latest = opened.at(-1);
  return latest !== undefined && checkInDueAt(latest).getTime() > now.getTime() ? latest : undefined;
}

/** What the worker and pages need to know of a stored check-in. */
export type TCheckInState = {
  dueAt: Date;
  reminderSentAt: Date | null;
  answeredAt: Date | null;
  cancelledAt: Date | null;
};

/** Still waiting for the requester: neither answered nor ended with its grant. */
export function isWaiting(checkIn: Pick<TCheckInState, "answeredAt" | "cancelledAt">) {
  return checkIn.answeredAt === null && checkIn.cancelledAt === null;
}

/** Whether the one reminder is due now: within CHECK_IN_REMINDER_DAYS of the due date, before it, and not sent yet. */
export function reminderDue(checkIn: TCheckInState, now: Date) {
  const left = checkIn.dueAt.getTime() - now.getTime();
  return isWaiting(checkIn) && checkIn.reminderSentAt === null && left > 0 && left <= CHECK_IN_REMINDER_DAYS * DAY_MS;
}

/** Unanswered past its due date, and its grant still running: the reviewers' "check-in overdue". */
export function isOverdue(checkIn: Pick<TCheckInState, "dueAt" | "answeredAt" | "cancelledAt">, now: Date) {
  return isWaiting(checkIn) && checkIn.dueAt.getTime() <= now.getTime();
}

/** What a grant decided on the form records of its check-ins: the cadence it keeps, and the first day it asks. */
export function grantCheckIns(input: { startsOn: string; expiresOn: string; checkInMonths: number | null }) {
  const checkInMonths = storedCadence(input.startsOn, input.expiresOn, input.checkInMonths);
  const firstCheckInOn = firstCheckInDay({ startsAt: startOfDay(input.startsOn), expiresAt: endOfDay(input.expiresOn), checkInMonths });
  return { checkInMonths, firstCheckInOn };
}
