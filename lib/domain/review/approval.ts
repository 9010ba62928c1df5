// The second approver: which grants the review policy says need one, and the forms that propose,
// confirm or send back such a grant, and that set the policy (/admin/approvals).

import { z } from "zod";

import { centsOf, estimateValue, type TCostsOn, type TInKindEstimate, type TValuedScope } from "@/lib/domain/in-kind-value";
import { refusalOf, type TPermissionRequest, type TPermissionViewer } from "@/lib/domain/permissions";
import { choices, LIMITS, recordVersion, requiredText } from "@/lib/domain/request/fields";
import type { TReviewPolicy } from "@/lib/domain/review-policy";
import { addMonths } from "@/lib/domain/time";
import type { TFormValues } from "@/lib/form-state";
import type { TMessageKey } from "@/lib/i18n/translator";

import { ZRequestVersion } from "./actions";
import type { TGrantInput } from "./decisions";

/** Why a grant needs a second approver: one reason per rule of the policy that applies. */
export const APPROVAL_REASONS = ["all", "above_value", "commercial", "longer_than_year"] as const;
export type TApprovalReason = (typeof APPROVAL_REASONS)[number];

export const APPROVAL_REASON_LABEL = {
  all: "approval-reason-all",
  above_value: "approval-reason-above-value",
  commercial: "approval-reason-commercial",
  longer_than_year: "approval-reason-longer-than-year",
} as const satisfies Record<TApprovalReason, TMessageKey>;

export type TApprovalPolicy = Pick<TReviewPolicy, "approvalAll" | "approvalAboveCents" | "approvalCommercial" | "approvalLongerThanYear">;

/** What the rules read of a grant: its dates, whether its requester is commercial, and its in-kind value when there is an estimate. */
export type TApprovalGrant = { startsOn: string; expiresOn: string; commercial: boolean; valueCents: number | null };

/**
 * The in-kind value a rule compares, or null when there is no estimate to compare: nothing of the
 * scope has a price. An estimate missing some prices counts what it has, so it never says more
 * than the grant is worth: a grant it puts above the limit is above it.
 */
export function estimatedCents(estimate: Pick<TInKindEstimate, "lines" | "termCents">): number | null {
  return estimate.lines.length > 0 ? estimate.termCents : null;
}

/** A grant is longer than a year when it ends after the day twelve months from its start (a year from the 1st ends on the 1st). */
export function longerThanYear(startsOn: string, expiresOn: string) {
  return expiresOn > addMonths(startsOn, 12);
}

/** Every rule of the policy that applies to the grant, in the policy's order; none means one reviewer decides. */
export function approvalReasons(policy: TApprovalPolicy, grant: TApprovalGrant): TApprovalReason[] {
  const applies: Record<TApprovalReason, boolean> = {
    all: policy.approvalAll,
    above_value: policy.approvalAboveCents !== null && grant.valueCents !== null && grant.valueCents > policy.approvalAboveCents,
    commercial: policy.approvalCommercial && grant.commercial,
    longer_than_year: policy.approvalLongerThanYear && longerThanYear(grant.startsOn, grant.expiresOn),
  };
  return APPROVAL_REASONS.filter((reason) => applies[reason]);
}

/** The rules that apply to a grant of this scope and term, valued at `costs` (today's prices for a grant not yet made). */
export function grantApprovalReasons(policy: TApprovalPolicy, grant: TValuedScope, context: { commercial: boolean; costs: TCostsOn }): TApprovalReason[] {
  const valueCents = estimatedCents(estimateValue(grant, context.costs));
  return approvalReasons(policy, { startsOn: grant.startsOn, expiresOn: grant.expiresOn, commercial: context.commercial, valueCents });
}

/** The highest value limit the policy stores: twenty million dollars, far above any grant. */
export const MAX_APPROVAL_ABOVE_CENTS = 2_000_000_000;

/** The rules an admin sets at /admin/approvals; `aboveAmount` in dollars, asked for only with the value rule. */
export const ZApprovalPolicyInput = z
  .object({
    version: recordVersion,
    rules: choices(APPROVAL_REASONS),
    aboveAmount: z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().max(40, "error-approval-amount-number")),
  })
  .superRefine((input, context) => {
    if (!input.rules.includes("above_value")) return;
    const cents = centsOf(input.aboveAmount);
    const problem: TMessageKey | undefined =
      input.aboveAmount === ""
        ? "error-approval-amount"
        : Number.isNaN(cents)
          ? "error-approval-amount-number"
          : cents < 0 || cents > MAX_APPROVAL_ABOVE_CENTS
            ? "error-approval-amount-range"
            : undefined;
    if (problem) context.addIssue({ code: "custom", path: ["aboveAmount"], message: problem });
  })
  .transform((input): TApprovalPolicy & { version: number } => ({
    version: input.version,
    approvalAll: input.rules.includes("all"),
    approvalAboveCents: input.rules.includes("above_value") ? centsOf(input.aboveAmount) : null,
    approvalCommercial: input.rules.includes("commercial"),
    approvalLongerThanYear: input.rules.includes("longer_than_year"),
  }));
export type TApprovalPolicyInput = z.infer<typeof ZApprovalPolicyInput>;

/** The rules of a policy as the admin form's choices. */
export function policyRules(policy: TApprovalPolicy): TApprovalReason[] {
  return approvalReasons(policy, { startsOn: "2000-01-01", expiresOn: "2100-01-01", commercial: true, valueCents: Number.MAX_SAFE_INTEGER });
}

/** Confirming a proposed grant: the request as the confirmer saw it. */
export const ZConfirmProposalInput = ZRequestVersion;
export type TConfirmProposalInput = z.infer<typeof ZConfirmProposalInput>;

/** Sending a proposed grant back to its proposer, with what should change. */
export const ZReturnProposalInput = ZRequestVersion.extend({ note: requiredText(LIMITS.long, "error-proposal-return-note") });
export type TReturnProposalInput = z.infer<typeof ZReturnProposalInput>;

/**
 * A checked grant as the decision form would post it, to keep with its proposal: confirming reads
 * it back through the form's own schema, so the grant confirmed meets every rule of a grant then.
 */
export function grantFormValues(input: TGrantInput): TFormValues {
  const values: TFormValues = {};
  for (const [name, value] of Object.entries(input)) {
    if (name === "requestId" || name === "version" || name === "realtime" || value === undefined) continue;
    if (name === "checkInMonths") values[name] = value === null ? "expiry" : String(value);
    else values[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return values;
}

/** The stored form of a proposal, read back as the decision form's values (anything else stored is left out). */
export function storedGrantValues(stored: unknown): TFormValues {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored).flatMap(([name, value]): [string, string | string[]][] =>
      typeof value === "string" ? [[name, value]] : Array.isArray(value) ? [[name, value.filter((item) => typeof item === "string")]] : [],
    ),
  );
}

/** Why the viewer may not confirm, or send back, the proposal waiting on the request; undefined when they may. */
export function proposalRefusal(
  viewer: TPermissionViewer,
  request: TPermissionRequest & { proposal: { proposedBy: { id: string } } | null },
): TMessageKey | undefined {
  const refusal = refusalOf(viewer, { ...request, proposalPending: false }, "return_grant_proposal");
  if (refusal) return refusal;
  if (!request.proposal) return "proposal-error-none";
  return request.proposal.proposedBy.id === viewer.id ? "proposal-error-own" : undefined;
}
