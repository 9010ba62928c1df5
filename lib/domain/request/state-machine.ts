import { actsForWmde, actsForWmf, type TRole } from "@/lib/domain/roles";
import type { TMessageKey } from "@/lib/i18n/translator";

import { APPEAL_EVENTS, APPEAL_NOT_NOW_KEYS, APPEAL_NOT_YOURS_KEYS, APPEAL_TRANSITIONS, APPEALABLE_STATUSES } from "./appeal-transitions";
import { REQUEST_STATUSES, type TRequestStatus, type TShownStatus } from "./lifecycle";

/**
 * Who moves a request. `requester` is the request's own requester (ownership is checked by the
 * caller), `wmf` a WMF reviewer or an admin, `wmde` a WMDE reviewer (joint visibility is checked by
 * the caller), `system` a scheduled job.
 */
export const ACTOR_KINDS = ["requester", "wmf", "wmde", "system"] as const;
export type TActorKind = (typeof ACTOR_KINDS)[number];

type TTransition = { readonly from: readonly TRequestStatus[]; readonly to: TRequestStatus; readonly by: readonly TActorKind[] };

export const REQUEST_EVENTS = [
  "submit",
  "start_review",
  "ask_requester",
  "requester_answered",
  "grant",
  "decline",
  "cancel",
  "lapse",
  "expire",
  "withdraw",
  "give_up",
  "extend",
  ...APPEAL_EVENTS,
] as const;
export type TRequestEvent = (typeof REQUEST_EVENTS)[number];

/**
 * Every move a request can make, by event. A decision (grant, decline) is taken only from
 * IN_REVIEW: a new request is taken for review first, so someone owns it, and a request waiting
 * for the requester's answer is not decided behind the requester's back. A question may be asked
 * of a new request straight away, as well as during review. Decisions are WMF's alone, also on
 * joint requests, where WMDE only recommends.
 */
export const TRANSITIONS = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", by: ["requester"] },
  start_review: { from: ["SUBMITTED"], to: "IN_REVIEW", by: ["wmf", "wmde"] },
  ask_requester: { from: ["SUBMITTED", "IN_REVIEW"], to: "AWAITING_REQUESTER", by: ["wmf", "wmde"] },
  requester_answered: { from: ["AWAITING_REQUESTER"], to: "IN_REVIEW", by: ["requester"] },
  grant: { from: ["IN_REVIEW"], to: "GRANTED", by: ["wmf"] },
  decline: { from: ["IN_REVIEW"], to: "DECLINED", by: ["wmf"] },
  cancel: { from: ["SUBMITTED", "IN_REVIEW", "AWAITING_REQUESTER"], to: "CANCELLED", by: ["requester"] },
  lapse: { from: ["AWAITING_REQUESTER"], to: "LAPSED", by: ["system"] },
  expire: { from: ["GRANTED"], to: "EXPIRED", by: ["system"] },
  withdraw: { from: ["GRANTED"], to: "WITHDRAWN", by: ["wmf"] },
  give_up: { from: ["GRANTED"], to: "WITHDRAWN", by: ["requester"] },
  extend: { from: ["GRANTED"], to: "GRANTED", by: ["wmf"] },
  ...APPEAL_TRANSITIONS,
} as const satisfies Record<TRequestEvent, TTransition>;

function ruleOf(event: TRequestEvent): TTransition {
  return TRANSITIONS[event];
}

/** Why a move is refused: about the request as a whole, or the event's own "not now" and "not yours" messages. */
export type TTransitionErrorKey =
  | "transition-error-unknown-event"
  | "transition-error-still-draft"
  | "transition-error-closed"
  | (typeof NOT_NOW_KEYS)[TRequestEvent]
  | (typeof NOT_YOURS_KEYS)[TRequestEvent];

export type TTransitionResult =
  | { ok: true; to: TRequestStatus }
  | { ok: false; reason: "unknown_event" | "not_allowed_from_status" | "not_allowed_for_actor"; messageKey: TTransitionErrorKey };

// Why an event cannot happen from this (open or granted) status; drafts and ended requests get a
// message about the request instead, which reads better than one about the event.
const NOT_NOW_KEYS = {
  submit: "transition-error-submit-not-now",
  start_review: "transition-error-start-review-not-now",
  ask_requester: "transition-error-ask-requester-not-now",
  requester_answered: "transition-error-requester-answered-not-now",
  grant: "transition-error-grant-not-now",
  decline: "transition-error-decline-not-now",
  cancel: "transition-error-cancel-not-now",
  lapse: "transition-error-lapse-not-now",
  expire: "transition-error-expire-not-now",
  withdraw: "transition-error-withdraw-not-now",
  give_up: "transition-error-give-up-not-now",
  extend: "transition-error-extend-not-now",
  ...APPEAL_NOT_NOW_KEYS,
} as const satisfies Record<TRequestEvent, TMessageKey>;

const NOT_YOURS_KEYS = {
  submit: "transition-error-requester-only",
  start_review: "transition-error-reviewer-only",
  ask_requester: "transition-error-reviewer-only",
  requester_answered: "transition-error-requester-only",
  grant: "transition-error-wmf-only",
  decline: "transition-error-wmf-only",
  cancel: "transition-error-requester-only",
  lapse: "transition-error-automatic-only",
  expire: "transition-error-automatic-only",
  withdraw: "transition-error-wmf-only",
  give_up: "transition-error-requester-only",
  extend: "transition-error-wmf-only",
  ...APPEAL_NOT_YOURS_KEYS,
} as const satisfies Record<TRequestEvent, TMessageKey>;

/**
 * The kinds a signed-in person acts as on one request. Nobody reviews their own request: on it, a
 * staff member is only its requester. Elsewhere, a REQUESTER has no kind at all.
 */
export function actorKindOf(role: TRole, isOwnRequester: boolean): TActorKind[] {
  if (isOwnRequester) return ["requester"];
  if (actsForWmf(role)) return ["wmf"];
  if (actsForWmde(role)) return ["wmde"];
  return [];
}

/**
 * Where `event` takes a request in `from`, if `actor` may do it. People's actions are checked
 * against `effectiveStatus`; the expiry job checks the stored status, since it records what
 * `effectiveStatus` already shows. An actor who may never do the event is told so before being
 * told it is the wrong moment.
 */
export function transition(from: TRequestStatus, event: TRequestEvent, actor: TActorKind): TTransitionResult {
  // The event may come from a form, whatever its type says.
  if (!Object.hasOwn(TRANSITIONS, event)) return { ok: false, reason: "unknown_event", messageKey: "transition-error-unknown-event" };
  const rule = ruleOf(event);
  if (!rule.by.includes(actor)) return { ok: false, reason: "not_allowed_for_actor", messageKey: NOT_YOURS_KEYS[event] };
  if (!rule.from.includes(from)) return { ok: false, reason: "not_allowed_from_status", messageKey: notNowKey(from, event) };
  return { ok: true, to: rule.to };
}

function notNowKey(from: TRequestStatus, event: TRequestEvent): TTransitionErrorKey {
  if (from === "DRAFT") return "transition-error-still-draft";
  if (isFinal(from) || (endedButForAppeal(from) && !(APPEAL_EVENTS as readonly string[]).includes(event))) return "transition-error-closed";
  return NOT_NOW_KEYS[event];
}

/**
 * What happens to a request without moving it: who may do it, and while the request is in which
 * status. With TRANSITIONS this is everything a request event can be; the lifecycle pipeline
 * (lib/lifecycle/) checks both before anything is written.
 */
/** Every status but a draft's: the request has been submitted, whatever became of it since. */
const SUBMITTED_STATUSES: readonly TRequestStatus[] = REQUEST_STATUSES.filter((status) => status !== "DRAFT");
export const OPEN_STATUSES = ["SUBMITTED", "IN_REVIEW", "AWAITING_REQUESTER"] as const;

export const REQUEST_ACTIVITIES = [
  "take",
  "release",
  "move_joint",
  "assess",
  "comment",
  "message",
  "recommend",
  "assess_human_rights",
  "remind_expiry",
  "estimate_development",
  "open_check_in",
  "remind_check_in",
  "miss_check_in",
  "check_in",
  "acknowledge_check_in",
  "propose_grant",
  "return_grant_proposal",
  "declare_interest",
  "lift_conflict",
] as const;
export type TRequestActivity = (typeof REQUEST_ACTIVITIES)[number];

type TActivity = { readonly during: readonly TRequestStatus[]; readonly by: readonly TActorKind[] };

export const ACTIVITIES = {
  take: { during: OPEN_STATUSES, by: ["wmf", "wmde"] },
  release: { during: OPEN_STATUSES, by: ["wmf", "wmde"] },
  move_joint: { during: OPEN_STATUSES, by: ["wmf", "wmde"] },
  assess: { during: OPEN_STATUSES, by: ["wmf", "wmde"] },
  comment: { during: SUBMITTED_STATUSES, by: ["wmf", "wmde"] },
  message: { during: SUBMITTED_STATUSES, by: ["wmf", "wmde"] },
  recommend: { during: OPEN_STATUSES, by: ["wmde"] },
  assess_human_rights: { during: OPEN_STATUSES, by: ["wmf"] },
  remind_expiry: { during: ["GRANTED"], by: ["system"] },
  // What the grant is worth: estimated while it is decided, and corrected while it runs.
  estimate_development: { during: [...OPEN_STATUSES, "GRANTED"], by: ["wmf"] },
  open_check_in: { during: ["GRANTED"], by: ["system"] },
  remind_check_in: { during: ["GRANTED"], by: ["system"] },
  miss_check_in: { during: ["GRANTED"], by: ["system"] },
  check_in: { during: ["GRANTED"], by: ["requester"] },
  // A check-in answered just before its grant ended is still read and acknowledged afterwards.
  acknowledge_check_in: { during: ["GRANTED", "EXPIRED", "WITHDRAWN"], by: ["wmf", "wmde"] },
  // A grant the review policy gives a second approver waits as a proposal; confirming it is the grant itself.
  propose_grant: { during: ["IN_REVIEW"], by: ["wmf"] },
  return_grant_proposal: { during: ["IN_REVIEW"], by: ["wmf"] },
  // Conflicts of interest: a reviewer says where they stand on a request; an admin may lift a declared conflict.
  declare_interest: { during: SUBMITTED_STATUSES, by: ["wmf", "wmde"] },
  lift_conflict: { during: SUBMITTED_STATUSES, by: ["wmf"] },
} as const satisfies Record<TRequestActivity, TActivity>;

type TActivityErrorKey =
  | "review-error-closed"
  | "transition-error-reviewer-only"
  | "transition-error-wmf-only"
  | "decision-error-wmde-only"
  | "transition-error-automatic-only"
  | "transition-error-requester-only";

const ACTIVITY_NOT_YOURS: Record<TRequestActivity, TActivityErrorKey> = {
  take: "transition-error-reviewer-only",
  release: "transition-error-reviewer-only",
  move_joint: "transition-error-reviewer-only",
  assess: "transition-error-reviewer-only",
  comment: "transition-error-reviewer-only",
  message: "transition-error-reviewer-only",
  recommend: "decision-error-wmde-only",
  assess_human_rights: "transition-error-wmf-only",
  remind_expiry: "transition-error-automatic-only",
  estimate_development: "transition-error-wmf-only",
  open_check_in: "transition-error-automatic-only",
  remind_check_in: "transition-error-automatic-only",
  miss_check_in: "transition-error-automatic-only",
  check_in: "transition-error-requester-only",
  acknowledge_check_in: "transition-error-reviewer-only",
  propose_grant: "transition-error-wmf-only",
  return_grant_proposal: "transition-error-wmf-only",
  declare_interest: "transition-error-reviewer-only",
  lift_conflict: "transition-error-wmf-only",
};

export type TActivityResult = { ok: true } | { ok: false; reason: "not_allowed_from_status" | "not_allowed_for_actor"; messageKey: TActivityErrorKey };

/** Whether `actor` may do `activity` to a request in `status`; the actor is told first, as for transitions. */
export function activityAllowed(activity: TRequestActivity, status: TRequestStatus, actor: TActorKind): TActivityResult {
  const rule: TActivity = ACTIVITIES[activity];
  if (!rule.by.includes(actor)) return { ok: false, reason: "not_allowed_for_actor", messageKey: ACTIVITY_NOT_YOURS[activity] };
  if (!rule.during.includes(status)) return { ok: false, reason: "not_allowed_from_status", messageKey: "review-error-closed" };
  return { ok: true };
}

/** Every event and activity `actor` may take on a request in `status`, so a page offers exactly these. */
export function allowedActions(status: TRequestStatus, actor: TActorKind): (TRequestEvent | TRequestActivity)[] {
  return [...allowedEvents(status, actor), ...REQUEST_ACTIVITIES.filter((activity) => activityAllowed(activity, status, actor).ok)];
}

/** What `actor` may do to a request in `from`, in table order, so a page offers nothing that would be refused. */
export function allowedEvents(from: TRequestStatus, actor: TActorKind): TRequestEvent[] {
  return REQUEST_EVENTS.filter((event) => transition(from, event, actor).ok);
}

/** A decision was made: granted or declined, including a grant that has since ended, and a decision under appeal. */
export function isDecided(status: TRequestStatus) {
  return (
    status === "GRANTED" ||
    status === "DECLINED" ||
    status === "EXPIRED" ||
    status === "WITHDRAWN" ||
    status === "DECLINE_APPEALED" ||
    status === "WITHDRAWAL_APPEALED"
  );
}

function endedButForAppeal(status: TRequestStatus) {
  return (APPEALABLE_STATUSES as readonly TRequestStatus[]).includes(status);
}

/** Submitted and waiting for a decision. A draft is not open: nobody but its author sees it. */
export function isOpen(status: TRequestStatus) {
  return (OPEN_STATUSES as readonly TRequestStatus[]).includes(status);
}

/** Nothing can happen to the request any more; read from the table, so it cannot disagree with it. */
export function isFinal(status: TRequestStatus) {
  return !REQUEST_EVENTS.some((event) => ruleOf(event).from.includes(status));
}

/**
 * Expiry is derived: a grant whose expiry has come is EXPIRED everywhere, whether or not the expiry
 * job has run. `expiresAt` is the instant the grant ends, so at that very instant it has expired.
 */
export function effectiveStatus(status: TRequestStatus, expiresAt: Date | null, now: Date): TRequestStatus {
  if (status === "GRANTED" && expiresAt !== null && expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return status;
}

/**
 * What a request shows as, now: its effective status, except that a grant before its first day is
 * not started. Derived like expiry, so every page, list, feed and count says the same.
 */
export function shownStatus(status: TRequestStatus, dates: { startsAt: Date | null; expiresAt: Date | null }, now: Date): TShownStatus {
  const effective = effectiveStatus(status, dates.expiresAt, now);
  if (effective === "GRANTED" && dates.startsAt !== null && dates.startsAt.getTime() > now.getTime()) return "NOT_STARTED";
  return effective;
}

/**
 * The machine as Mermaid `stateDiagram-v2` text, generated from the table so the picture cannot
 * drift: it starts where nothing leads in, and ends where nothing leads out.
 */
export function stateDiagram(): string {
  const moves = REQUEST_EVENTS.flatMap((event) => {
    const rule = ruleOf(event);
    return rule.from.map((from) => ({ from, to: rule.to, label: `${event} (${rule.by.join(", ")})` }));
  });
  const starts = REQUEST_STATUSES.filter((status) => !moves.some((move) => move.to === status));
  const ends = REQUEST_STATUSES.filter((status) => !starts.includes(status) && isFinal(status));
  const lines = [
    "stateDiagram-v2",
    ...starts.map((status) => `    [*] --> ${status}`),
    ...moves.map((move) => `    ${move.from} --> ${move.to}: ${move.label}`),
    ...ends.map((status) => `    ${status} --> [*]`),
  ];
  return `${lines.join("\n")}\n`;
}
