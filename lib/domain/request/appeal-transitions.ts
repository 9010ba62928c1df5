// The appeal's moves in the state machine (lib/domain/request/state-machine.ts spreads them into
// its tables). Within 30 days of a decline or of a withdrawal by WMF, the requester may appeal once
// (lib/domain/review/appeals.ts says when); a WMF reviewer who took no part in the decision upholds
// it (the decision stands) or overturns it (a decline goes back to review, a withdrawn grant is restored).

export const APPEAL_EVENTS = ["appeal_decline", "appeal_withdrawal", "uphold_decline", "overturn_decline", "uphold_withdrawal", "overturn_withdrawal"] as const;
export type TAppealEvent = (typeof APPEAL_EVENTS)[number];

/** Ended, but for an appeal: the decision may still be contested, and nothing else moves the request. */
export const APPEALABLE_STATUSES = ["DECLINED", "WITHDRAWN"] as const;

export const APPEAL_TRANSITIONS = {
  appeal_decline: { from: ["DECLINED"], to: "DECLINE_APPEALED", by: ["requester"] },
  appeal_withdrawal: { from: ["WITHDRAWN"], to: "WITHDRAWAL_APPEALED", by: ["requester"] },
  uphold_decline: { from: ["DECLINE_APPEALED"], to: "DECLINED", by: ["wmf"] },
  overturn_decline: { from: ["DECLINE_APPEALED"], to: "IN_REVIEW", by: ["wmf"] },
  uphold_withdrawal: { from: ["WITHDRAWAL_APPEALED"], to: "WITHDRAWN", by: ["wmf"] },
  overturn_withdrawal: { from: ["WITHDRAWAL_APPEALED"], to: "GRANTED", by: ["wmf"] },
} as const;

export const APPEAL_NOT_NOW_KEYS = {
  appeal_decline: "transition-error-appeal-not-now",
  appeal_withdrawal: "transition-error-appeal-not-now",
  uphold_decline: "transition-error-decide-appeal-not-now",
  overturn_decline: "transition-error-decide-appeal-not-now",
  uphold_withdrawal: "transition-error-decide-appeal-not-now",
  overturn_withdrawal: "transition-error-decide-appeal-not-now",
} as const;

export const APPEAL_NOT_YOURS_KEYS = {
  appeal_decline: "transition-error-requester-only",
  appeal_withdrawal: "transition-error-requester-only",
  uphold_decline: "transition-error-wmf-only",
  overturn_decline: "transition-error-wmf-only",
  uphold_withdrawal: "transition-error-wmf-only",
  overturn_withdrawal: "transition-error-wmf-only",
} as const;
