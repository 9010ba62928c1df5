import type { TMessageKey } from "@/lib/i18n/translator";

import type { TRequestActivity, TRequestEvent } from "./request/state-machine";

/** Every entry a request's history can hold; adding one here is what makes it writable (lib/audit.ts). */
export const REQUEST_AUDIT_ACTIONS = [
  "request.created",
  "request.submitted",
  "request.cancelled",
  "request.draft_deleted",
  "request.assigned",
  "request.released",
  "request.joint_added",
  "request.joint_removed",
  "request.assessed",
  "request.comment",
  "request.message",
  "request.information_requested",
  "request.information_answered",
  "request.lapsed",
  "request.recommended",
  "request.human_rights_assessed",
  "request.granted",
  "request.declined",
  "request.extended",
  "request.withdrawn",
  "request.given_up",
  "request.expiry_reminded",
  "request.check_in_opened",
  "request.check_in_reminded",
  "request.check_in_missed",
  "request.checked_in",
  "request.check_in_acknowledged",
  "request.expired",
  "request.anonymised",
  "request.development_estimated",
  "request.grant_proposed",
  "request.grant_proposal_returned",
  "request.no_conflict_declared",
  "request.conflict_declared",
  "request.conflict_lifted",
  "request.appealed",
  "request.appeal_upheld",
  "request.appeal_overturned",
  "request.imported",
] as const;
export type TRequestAuditAction = (typeof REQUEST_AUDIT_ACTIONS)[number];

/** How the reviewers' history names each entry; a deleted draft has no page to show it on. */
export const HISTORY_LABEL = {
  "request.created": "history-request-created",
  "request.submitted": "history-request-submitted",
  "request.cancelled": "history-request-cancelled",
  "request.draft_deleted": null,
  "request.assigned": "history-request-assigned",
  "request.released": "history-request-released",
  "request.joint_added": "history-request-joint-added",
  "request.joint_removed": "history-request-joint-removed",
  "request.assessed": "history-request-assessed",
  "request.comment": "history-request-comment",
  "request.message": "history-request-message",
  "request.information_requested": "history-request-information-requested",
  "request.information_answered": "history-request-information-answered",
  "request.lapsed": "history-request-lapsed",
  "request.recommended": "history-request-recommended",
  "request.human_rights_assessed": "history-request-human-rights-assessed",
  "request.granted": "history-request-granted",
  "request.declined": "history-request-declined",
  "request.extended": "history-request-extended",
  "request.withdrawn": "history-request-withdrawn",
  "request.given_up": "history-request-given-up",
  "request.expiry_reminded": "history-request-expiry-reminded",
  "request.check_in_opened": "history-request-check-in-opened",
  "request.check_in_reminded": "history-request-check-in-reminded",
  "request.check_in_missed": "history-request-check-in-missed",
  "request.checked_in": "history-request-checked-in",
  "request.check_in_acknowledged": "history-request-check-in-acknowledged",
  "request.expired": "history-request-expired",
  "request.anonymised": "history-request-anonymised",
  "request.development_estimated": "history-request-development-estimated",
  "request.grant_proposed": "history-request-grant-proposed",
  "request.grant_proposal_returned": "history-request-grant-proposal-returned",
  "request.no_conflict_declared": "history-request-no-conflict-declared",
  "request.conflict_declared": "history-request-conflict-declared",
  "request.conflict_lifted": "history-request-conflict-lifted",
  "request.appealed": "history-request-appealed",
  "request.appeal_upheld": "history-request-appeal-upheld",
  "request.appeal_overturned": "history-request-appeal-overturned",
  "request.imported": "history-request-imported",
} as const satisfies Record<TRequestAuditAction, TMessageKey | null>;

/**
 * The entries the requester sees on their request's timeline (and in their data export), with
 * its words for each: their own steps and what was decided, never reviewers' internal work.
 */
export const TIMELINE_LABEL = {
  "request.created": "timeline-created",
  "request.submitted": "timeline-submitted",
  "request.cancelled": "timeline-cancelled",
  "request.information_requested": "timeline-information-requested",
  "request.information_answered": "timeline-information-answered",
  "request.lapsed": "timeline-lapsed",
  "request.granted": "timeline-granted",
  "request.declined": "timeline-declined",
  "request.extended": "timeline-extended",
  "request.withdrawn": "timeline-withdrawn",
  "request.given_up": "timeline-given-up",
  "request.expiry_reminded": "timeline-expiry-reminded",
  "request.check_in_opened": "timeline-check-in-opened",
  "request.check_in_reminded": "timeline-check-in-reminded",
  "request.check_in_missed": "timeline-check-in-missed",
  "request.checked_in": "timeline-checked-in",
  "request.expired": "timeline-expired",
  "request.appealed": "timeline-appealed",
  "request.appeal_upheld": "timeline-appeal-upheld",
  "request.appeal_overturned": "timeline-appeal-overturned",
  "request.imported": "timeline-imported",
} as const satisfies Partial<Record<TRequestAuditAction, TMessageKey>>;

export type TRequesterVisibleAction = keyof typeof TIMELINE_LABEL;
export const REQUESTER_VISIBLE_ACTIONS = Object.keys(TIMELINE_LABEL) as TRequesterVisibleAction[];

/** The reviewers' label of a stored entry, when it has one (an entry of an older version may not). */
export function historyLabel(stored: string): TMessageKey | undefined {
  return Object.hasOwn(HISTORY_LABEL, stored) ? (HISTORY_LABEL[stored as TRequestAuditAction] ?? undefined) : undefined;
}

/** The requester's label of an entry they see. */
export function timelineLabel(action: TRequesterVisibleAction): TMessageKey {
  return TIMELINE_LABEL[action];
}

/** The entry each request event writes (moving a request in or out of the joint queue names its direction instead). */
export const EVENT_AUDIT_ACTION = {
  submit: "request.submitted",
  start_review: "request.assigned",
  take: "request.assigned",
  release: "request.released",
  move_joint: "request.joint_added",
  assess: "request.assessed",
  comment: "request.comment",
  message: "request.message",
  recommend: "request.recommended",
  assess_human_rights: "request.human_rights_assessed",
  ask_requester: "request.information_requested",
  requester_answered: "request.information_answered",
  cancel: "request.cancelled",
  grant: "request.granted",
  decline: "request.declined",
  withdraw: "request.withdrawn",
  give_up: "request.given_up",
  extend: "request.extended",
  lapse: "request.lapsed",
  expire: "request.expired",
  remind_expiry: "request.expiry_reminded",
  estimate_development: "request.development_estimated",
  open_check_in: "request.check_in_opened",
  remind_check_in: "request.check_in_reminded",
  miss_check_in: "request.check_in_missed",
  check_in: "request.checked_in",
  acknowledge_check_in: "request.check_in_acknowledged",
  propose_grant: "request.grant_proposed",
  return_grant_proposal: "request.grant_proposal_returned",
  declare_interest: "request.conflict_declared",
  lift_conflict: "request.conflict_lifted",
  appeal_decline: "request.appealed",
  appeal_withdrawal: "request.appealed",
  uphold_decline: "request.appeal_upheld",
  uphold_withdrawal: "request.appeal_upheld",
  overturn_decline: "request.appeal_overturned",
  overturn_withdrawal: "request.appeal_overturned",
} as const satisfies Record<TRequestEvent | TRequestActivity, TRequestAuditAction>;
