import { z } from "zod";

import { CONFIRMED_CONTRIBUTION_FIELDS } from "./confirmed-contributions";

import { ZCheckInCadence } from "@/lib/domain/check-ins";
import { addMonths, DAY_MS } from "@/lib/domain/time";

import { PUBLIC_NAME_MAX, PUBLIC_SUMMARY_MAX, publicTextProblems } from "@/lib/domain/register/register";
import { choice, choices, isoDate, LIMITS, paragraph, recordId, requiredText, text, wholeNumber } from "@/lib/domain/request/fields";
import { APIS, PROJECTS } from "@/lib/domain/request/options";
import { SECTION_IDS, volumeField, type TDraftAnswers } from "@/lib/domain/request/sections";
import type { TFieldError, TFormValues } from "@/lib/form-state";

import { ZRequestVersion } from "./actions";

// What a decision needs, and the rules that hold whatever the form sent. Dates arrive as
// YYYY-MM-DD; a grant runs from the start of its start day to the end of its expiry day (UTC).

/** The longest grant without an admin's written reason. */
export const MAX_GRANT_MONTHS = 24;
/** Reminders of a coming expiry go this many days before it, each once. */
export const REMINDER_DAYS = [30, 7] as const;

export const SNAPSHOT_FREQUENCIES = ["daily", "weekly", "twice_monthly", "monthly"] as const;
export const WITHDRAWAL_REASONS = ["USE_CASE_ENDED", "MISUSE", "POLICY", "REQUESTER_WISH"] as const;
export type TWithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];
export const RECOMMENDATIONS = ["GRANT", "DECLINE"] as const;
export const HUMAN_RIGHTS_OUTCOMES = ["NO_CONCERNS", "CONCERNS_MITIGATED", "SERIOUS_CONCERNS"] as const;

/** A month-on-month cap far above any plan, so a typo cannot store an absurd number. */
const MAX_ON_DEMAND_PER_MONTH = 1_000_000_000;

const requiredDate = (key: "error-grant-start" | "error-grant-expiry") => isoDate.refine((value) => value !== "", key);

/** The message a decision sends the requester: always written, never a bare status. */
const DECISION_MESSAGE = requiredText(LIMITS.long, "error-decision-message");

export const ZGrantInput = ZRequestVersion.extend({
  apis: choices(APIS).refine((value) => value.length > 0, "error-grant-apis"),
  onDemandPerMonth: wholeNumber(MAX_ON_DEMAND_PER_MONTH),
  snapshotFrequency: z.preprocess((value) => value || undefined, z.enum(SNAPSHOT_FREQUENCIES, { error: "error-grant-snapshot" }).optional()),
  startsOn: requiredDate("error-grant-start"),
  expiresOn: requiredDate("error-grant-expiry"),
  lengthOverride: text(LIMITS.medium),
  jointOverride: text(LIMITS.medium),
  criteria: choices(SECTION_IDS).refine((value) => value.length > 0, "error-grant-criteria"),
  rationale: requiredText(LIMITS.long, "error-grant-rationale"),
  message: DECISION_MESSAGE,
  // The register entry: asked for, and checked, only when the requester consented (grantProblems).
  publicName: paragraph(PUBLIC_NAME_MAX),
  publicSummary: paragraph(PUBLIC_SUMMARY_MAX),
  ...CONFIRMED_CONTRIBUTION_FIELDS,
  checkInMonths: ZCheckInCadence,
})
  .superRefine((input, context) => {
    // Limits belong to the APIs granted: asked for when chosen, dropped when not.
    if (input.apis.includes("on_demand") && !input.onDemandPerMonth) {
      context.addIssue({ code: "custom", path: ["onDemandPerMonth"], message: "error-grant-on-demand" });
    }
    if (input.apis.includes("snapshot") && !input.snapshotFrequency) {
      context.addIssue({ code: "custom", path: ["snapshotFrequency"], message: "error-grant-snapshot" });
    }
  })
  .transform((input) => ({
    ...input,
    onDemandPerMonth: input.apis.includes("on_demand") ? input.onDemandPerMonth : undefined,
    snapshotFrequency: input.apis.includes("snapshot") ? input.snapshotFrequency : undefined,
    realtime: input.apis.includes("realtime"),
  }));
export type TGrantInput = z.infer<typeof ZGrantInput>;

export const ZDeclineInput = ZRequestVersion.extend({
  criteria: choices(SECTION_IDS).refine((value) => value.length > 0, "error-decline-criteria"),
  rationale: text(LIMITS.long),
  message: DECISION_MESSAGE,
});
export type TDeclineInput = z.infer<typeof ZDeclineInput>;

export const DECISION_OUTCOMES = ["grant", "decline"] as const;
export const DECISION_INTENTS = ["check", "record", "change"] as const;

/**
 * The decide page's one form: grant or decline, then first `check` (the reviewer sees the decision
 * to confirm), then `record` it, or `change` it again. Nothing is recorded or emailed before
 * `record`, and `record` checks everything afresh.
 */
export const ZDecisionStep = ZRequestVersion.extend({
  outcome: choice(DECISION_OUTCOMES, "error-decision-outcome"),
  intent: z.enum(DECISION_INTENTS).catch("check"),
});

/** On the decide page a decline's fields sit beside the grant's, so they carry names of their own. */
const DECLINE_ON_PAGE = { criteria: "declineCriteria", rationale: "declineRationale", message: "declineMessage" } as const;

/** The decline as ZDeclineInput reads it, from the decide page's fields. */
export function declineFromPage(values: TFormValues): TFormValues {
  const read = (name: string) => values[name] ?? "";
  return {
    requestId: read("requestId"),
    version: read("version"),
    criteria: read(DECLINE_ON_PAGE.criteria),
    rationale: read(DECLINE_ON_PAGE.rationale),
    message: read(DECLINE_ON_PAGE.message),
  };
}

/** A decline's problems under the decide page's field names. */
export function declineErrorsOnPage(errors: Record<string, TFieldError>): Record<string, TFieldError> {
  return Object.fromEntries(
    Object.entries(errors).map(([name, error]) => [name in DECLINE_ON_PAGE ? DECLINE_ON_PAGE[name as keyof typeof DECLINE_ON_PAGE] : name, error]),
  );
}

export const ZWithdrawInput = ZRequestVersion.extend({
  reason: choice(WITHDRAWAL_REASONS, "error-withdraw-reason"),
  message: DECISION_MESSAGE,
});
export type TWithdrawInput = z.infer<typeof ZWithdrawInput>;

export const ZExtendInput = ZRequestVersion.extend({
  expiresOn: requiredDate("error-grant-expiry"),
  lengthOverride: text(LIMITS.medium),
  message: DECISION_MESSAGE,
});
export type TExtendInput = z.infer<typeof ZExtendInput>;

export const ZGiveUpInput = ZRequestVersion.extend({
  note: text(LIMITS.medium),
});
export type TGiveUpInput = z.infer<typeof ZGiveUpInput>;

export const ZRecommendationInput = z.object({
  requestId: recordId,
  recommendation: choice(RECOMMENDATIONS, "error-recommendation"),
  note: requiredText(LIMITS.long, "error-recommendation-note"),
});
export type TRecommendationInput = z.infer<typeof ZRecommendationInput>;

export const ZHumanRightsInput = z.object({
  requestId: recordId,
  outcome: choice(HUMAN_RIGHTS_OUTCOMES, "error-human-rights-outcome"),
  note: requiredText(LIMITS.long, "error-human-rights-note"),
});
export type THumanRightsInput = z.infer<typeof ZHumanRightsInput>;

export type TLengthContext = { today: string; isAdmin: boolean };

/**
 * Rules on a grant's dates, field by field: neither date in the past, the expiry after the start,
 * and at most MAX_GRANT_MONTHS unless an admin gives a reason. Only admins may give that reason.
 */
export function grantLengthProblems(
  dates: { startsOn: string; expiresOn: string; lengthOverride: string },
  { today, isAdmin }: TLengthContext,
  checkStart = true,
): Record<string, TFieldError> {
  const problems: Record<string, TFieldError> = {};
  if (checkStart && dates.startsOn < today) problems.startsOn = { key: "error-grant-start-past" };
  if (dates.expiresOn < today) problems.expiresOn = { key: "error-grant-expiry-past" };
  else if (dates.expiresOn <= dates.startsOn) problems.expiresOn = { key: "error-grant-expiry-before-start" };
  const longest = addMonths(dates.startsOn, MAX_GRANT_MONTHS);
  if (dates.lengthOverride && !isAdmin) problems.lengthOverride = { key: "error-grant-override-admin-only" };
  if (!problems.expiresOn && dates.expiresOn > longest && !(isAdmin && dates.lengthOverride)) {
    problems.expiresOn = isAdmin
      ? { key: "error-grant-too-long-admin", params: [MAX_GRANT_MONTHS] }
      : { key: "error-grant-too-long", params: [MAX_GRANT_MONTHS] };
  }
  return problems;
}

export type TGrantContext = TLengthContext & {
  joint: boolean;
  hasWmdeRecommendation: boolean;
  commercial: boolean;
  hasHumanRightsAssessment: boolean;
  /** Set when the requester consented to the public register: the contact person, whose name the entry must not carry. */
  register?: { contactName: string };
};

/**
 * Everything a grant needs beyond its form: the dates' rules; on a joint request WMDE's
 * recommendation first, or WMF's written reason to go ahead without it; for a commercial
 * requester the outcome of the human-rights assessment first (no override: it is WMF policy);
 * with the requester's consent, the register entry's name and summary.
 */
export function grantProblems(
  input: Pick<TGrantInput, "startsOn" | "expiresOn" | "lengthOverride" | "jointOverride" | "publicName" | "publicSummary">,
  context: TGrantContext,
) {
  const problems = grantLengthProblems(input, context);
  if (context.register) Object.assign(problems, publicTextProblems(input, context.register.contactName));
  if (context.joint && !context.hasWmdeRecommendation && !input.jointOverride) problems.jointOverride = { key: "error-grant-joint-needs-recommendation" };
  if (context.commercial && !context.hasHumanRightsAssessment) problems.humanRights = { key: "error-grant-needs-human-rights" };
  return problems;
}

/**
 * The reminders due at `now` for a grant expiring at `expiresAt`, nearest first. Only the first is
 * sent; the others are recorded as passed, so a grant made 20 days before its expiry gets the
 * 7-day reminder in time but never a late 30-day one.
 */
export function remindersDue(expiresAt: Date, now: Date): number[] {
  const remainingMs = expiresAt.getTime() - now.getTime();
  if (remainingMs <= 0) return [];
  return [...REMINDER_DAYS].sort((a, b) => a - b).filter((days) => remainingMs <= days * DAY_MS);
}

/**
 * Where a grant form starts: the APIs and On-demand volume the requester asked for, from their
 * start date (or today, if that has passed) to their end date, or a year when they gave none or
 * asked for longer than the usual maximum.
 */
export function grantDefaults(answers: TDraftAnswers, today: string): { apis: string[]; startsOn: string; expiresOn: string; onDemandPerMonth: string } {
  const what = answers.what ?? {};
  const asList = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);
  const apis = asList(what.apis).filter((api) => (APIS as readonly string[]).includes(api));
  const projects = asList(what.projects).filter((project) => (PROJECTS as readonly string[]).includes(project));
  const requests = projects.reduce((total, project) => {
    const raw = what[volumeField(project, "RequestsPerMonth")];
    const value = Number(String(typeof raw === "string" ? raw : "").replace(/[\s,_]/g, ""));
    return Number.isFinite(value) ? total + value : total;
  }, 0);
  const wanted = (field: "startDate" | "endDate") => {
    const value = answers.obligation?.[field];
    return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  const asked = wanted("startDate");
  const startsOn = asked && asked >= today ? asked : today;
  const end = wanted("endDate");
  const expiresOn = end && end > startsOn && end <= addMonths(startsOn, MAX_GRANT_MONTHS) ? end : addMonths(startsOn, 12);
  return { apis, startsOn, expiresOn, onDemandPerMonth: apis.includes("on_demand") && requests > 0 ? String(requests) : "" };
}
