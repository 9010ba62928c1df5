// The response-time clock and its targets (the review policy's firstActionDays and decisionDays).
// The clock runs from submission and stops while the request waits for its requester: a question
// they have not answered yet is not the reviewers' time. Pure: the lifecycle pipeline keeps the
// clock's columns (Request.firstActionAt, pausedSeconds, pausedSince) with clockChange; the queue,
// the dashboard and the figures read them with the rest.

import { z } from "zod";

import { recordVersion } from "@/lib/domain/request/fields";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import type { TActorKind } from "@/lib/domain/request/state-machine";
import { asciiDigits } from "@/lib/domain/text";
import { DAY_MS } from "@/lib/domain/time";
import type { TMessageKey } from "@/lib/i18n/translator";

import type { TReviewPolicy } from "../review-policy";

export type TTargets = Pick<TReviewPolicy, "firstActionDays" | "decisionDays">;

/** The lowest and highest number of days an admin may set for either target. */
export const TARGET_DAYS_MIN = 1;
export const TARGET_DAYS_MAX = 365;

/** A number of days as typed (in any language's digits): a whole number within the bounds, or the field's error. */
const targetDays = (error: TMessageKey) =>
  z.preprocess(
    (value) => {
      const raw = asciiDigits(typeof value === "string" ? value : "").trim();
      return /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
    },
    z.number({ error }).int(error).min(TARGET_DAYS_MIN, error).max(TARGET_DAYS_MAX, error),
  );

/** The targets form on /admin/targets, against the policy version the admin saw. */
export const ZTargetsInput = z
  .object({
    firstActionDays: targetDays("error-targets-first-action"),
    decisionDays: targetDays("error-targets-decision"),
    version: recordVersion,
  })
  .refine((input) => input.decisionDays >= input.firstActionDays, { path: ["decisionDays"], message: "error-targets-order" });
export type TTargetsInput = z.infer<typeof ZTargetsInput>;

/** A request's clock as its columns hold it. */
export type TClock = {
  submittedAt: Date | null;
  /** When the decision was made: the clock stops there. */
  decidedAt: Date | null;
  firstActionAt: Date | null;
  /** Seconds already waited for the requester, not counting a wait still going on. */
  pausedSeconds: number;
  /** When the wait for the requester going on now began. */
  pausedSince: Date | null;
};

/** Which target an open request is past: the first reviewer action, or the decision (which wins when both are). */
export type TPastTarget = "first_action" | "decision";

export const PAST_TARGET_LABEL: Record<TPastTarget, TMessageKey> = {
  first_action: "target-past-first-action",
  decision: "target-past-decision",
};

/**
 * Milliseconds the request has waited for reviewers: from submission to its decision (or to `now`
 * while undecided), less every wait for the requester, finished or still going on. Zero before submission.
 */
export function waitedMs(clock: TClock, now: Date): number {
  if (!clock.submittedAt) return 0;
  const end = clock.decidedAt ?? now;
  const ongoing = clock.pausedSince && !clock.decidedAt ? Math.max(0, end.getTime() - clock.pausedSince.getTime()) : 0;
  return Math.max(0, end.getTime() - clock.submittedAt.getTime() - clock.pausedSeconds * 1000 - ongoing);
}

/** Whole days waited, rounded down (a request submitted this morning has waited 0 days). */
export function waitedDays(clock: TClock, now: Date): number {
  return Math.floor(waitedMs(clock, now) / DAY_MS);
}

/**
 * Whether the first reviewer action came within the target: null while none has happened (and
 * the target is not yet missed), false once it is missed either way. Nobody waits for the
 * requester before a reviewer has acted, so the time is simply from submission.
 */
export function firstActionMet(clock: TClock, targets: TTargets, now: Date): boolean | null {
  if (!clock.submittedAt) return null;
  const limit = clock.submittedAt.getTime() + targets.firstActionDays * DAY_MS;
  if (clock.firstActionAt) return clock.firstActionAt.getTime() <= limit;
  return now.getTime() <= limit ? null : false;
}

/** Whether a decided request was decided within the decision target, its waits for the requester left out. */
export function decidedWithinTarget(clock: TClock, targets: TTargets): boolean | null {
  if (!clock.submittedAt || !clock.decidedAt) return null;
  return waitedMs(clock, clock.decidedAt) <= targets.decisionDays * DAY_MS;
}

/**
 * The target an open request is past, if any: the decision target once it has waited longer than
 * that, else the first-action target while no reviewer has acted within it. A request waiting for
 * its requester is still marked when it went past a target before the question was asked.
 */
export function pastTarget(clock: TClock, open: boolean, targets: TTargets, now: Date): TPastTarget | null {
  if (!open || !clock.submittedAt) return null;
  if (waitedMs(clock, now) > targets.decisionDays * DAY_MS) return "decision";
  if (!clock.firstActionAt && firstActionMet(clock, targets, now) === false) return "first_action";
  return null;
}

/** The clock's columns an event changes; nothing when it changes none. */
export type TClockChange = { firstActionAt?: Date; pausedSince?: Date | null; addPausedSeconds?: number };

/**
 * How one event moves the clock: a move into AWAITING_REQUESTER starts a wait, a move out of it
 * adds the wait to the seconds already waited, and the first thing a reviewer (WMF or WMDE) does
 * after submission is the first action.
 */
export function clockChange(
  event: { from: TRequestStatus; to: TRequestStatus; actor: TActorKind; now: Date },
  clock: Pick<TClock, "submittedAt" | "firstActionAt" | "pausedSince">,
): TClockChange {
  const change: TClockChange = {};
  const reviewer = event.actor === "wmf" || event.actor === "wmde";
  if (reviewer && !clock.firstActionAt && clock.submittedAt && event.from !== "DRAFT") change.firstActionAt = event.now;
  const waiting = "AWAITING_REQUESTER";
  if (event.to === waiting && event.from !== waiting) change.pausedSince = event.now;
  if (event.from === waiting && event.to !== waiting) {
    change.pausedSince = null;
    if (clock.pausedSince) change.addPausedSeconds = Math.max(0, Math.round((event.now.getTime() - clock.pausedSince.getTime()) / 1000));
  }
  return change;
}
