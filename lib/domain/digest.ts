// The review digest: a reviewer's daily or weekly email of what needs them. The rules of its
// periods and its window are here; lib/jobs/digests.ts gathers what goes in and sends it.
import { addDays, dayOf, startOfDay } from "./time";

export const DIGEST_FREQUENCIES = ["NONE", "DAILY", "WEEKLY"] as const;
export type TDigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** How far back a first digest looks: one period. */
const PERIOD_DAYS = { DAILY: 1, WEEKLY: 7 } as const;

/**
 * The period `now` falls in: a UTC day, or a week from Monday (UTC). At most one digest is sent
 * per period, at the first sweep of the period that finds something to tell; its key names the
 * email, so two workers never send it twice.
 */
export function digestPeriod(frequency: Exclude<TDigestFrequency, "NONE">, now: Date) {
  const today = startOfDay(dayOf(now));
  // getUTCDay: Sunday 0 … Saturday 6; a week starts on Monday.
  const start = frequency === "DAILY" ? today : addDays(today, -((today.getUTCDay() + 6) % 7));
  return { start, key: `${frequency.toLowerCase()}:${dayOf(start)}` };
}

/**
 * Whether a digest is due now: one was asked for, and none was written in this period yet.
 * `sentAt` is when the last one was written.
 */
export function digestDue(frequency: TDigestFrequency, sentAt: Date | null, now: Date) {
  if (frequency === "NONE") return false;
  return sentAt === null || sentAt.getTime() < digestPeriod(frequency, now).start.getTime();
}

/** What a digest covers: since the last one, and never more than one period back. */
export function digestSince(frequency: Exclude<TDigestFrequency, "NONE">, sentAt: Date | null, now: Date) {
  const onePeriod = addDays(now, -PERIOD_DAYS[frequency]);
  return sentAt && sentAt.getTime() > onePeriod.getTime() ? sentAt : onePeriod;
}

/** One request a digest names: its reference, who it is for, and how many days it has waited where that matters. */
export type TDigestItem = { id: string; reference: string; name: string; waitedDays?: number };

/** A digest's sections, in the order the email gives them. */
export const DIGEST_SECTIONS = ["confirmations", "appeals", "answers", "newRequests", "pastTarget", "expiringSoon"] as const;
export type TDigestSection = (typeof DIGEST_SECTIONS)[number];

/** Each section's requests (at most a few named, the count in full). */
export type TDigestContent = Record<TDigestSection, { count: number; items: TDigestItem[] }>;

/** A digest with nothing in it is not sent. */
export function isEmptyDigest(content: TDigestContent) {
  return DIGEST_SECTIONS.every((section) => content[section].count === 0);
}
