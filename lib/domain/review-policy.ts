// The review policy admins set (ReviewPolicy, one row): which grants need a second WMF approver,
// and the response-time targets. The rules that read it live beside their features.

export type TReviewPolicy = {
  /** Every grant needs a second approver. */
  approvalAll: boolean;
  /** Grants whose in-kind value estimate is above this many cents need one; null: no such rule. */
  approvalAboveCents: number | null;
  /** Grants to commercial requesters need one. */
  approvalCommercial: boolean;
  /** Grants longer than 12 months need one. */
  approvalLongerThanYear: boolean;
  /** Days from submission to the first reviewer action, not counting waits for the requester. */
  firstActionDays: number;
  /** Days from submission to the decision, not counting waits for the requester. */
  decisionDays: number;
};

/** What a database without a policy row means: nobody needs a second approver; targets of 10 and 60 days. */
export const DEFAULT_REVIEW_POLICY: TReviewPolicy = {
  approvalAll: false,
  approvalAboveCents: null,
  approvalCommercial: false,
  approvalLongerThanYear: false,
  firstActionDays: 10,
  decisionDays: 60,
};
