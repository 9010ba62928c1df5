// A grantee's answer to a check-in: the fixed questions as a schema, and what became of each
// promised contribution, read from fields named after the contribution's position on the grant
// (the grant's own list decides which are asked, never the form).
import { z } from "zod";

import { CHECK_IN_CONTRIBUTION_STATUSES, CHECK_IN_USAGES, CHECK_IN_USE_CASES, type TCheckInContributionStatus } from "./check-ins";
import { fieldErrorsOf, type TFieldError } from "@/lib/form-state";

import { choice, isWebLink, LIMITS, recordId, text } from "./request/fields";

/** Which check-in an answer is for: what the action checks before anything else. */
export const ZCheckInTarget = z.object({ requestId: recordId, checkInId: recordId });
export type TCheckInTarget = z.infer<typeof ZCheckInTarget>;

export const ZCheckInAnswer = ZCheckInTarget.extend({
  useCase: choice(CHECK_IN_USE_CASES, "error-check-in-use-case"),
  usage: choice(CHECK_IN_USAGES, "error-check-in-usage"),
  message: text(LIMITS.long),
});
export type TCheckInAnswer = z.infer<typeof ZCheckInAnswer>;

type TValues = Record<string, string | string[] | undefined>;

/** A promise the check-in asks about: its place on the grant, and its words, which name it in errors. */
type TAskedContribution = { id: string; position: number; description: string };

/** What the grantee said of one contribution, as stored on the check-in and applied to the Contribution. */
export type TContributionAnswer = { contributionId: string; status: TCheckInContributionStatus; link: string | null; note: string | null };

/** The field names of the contribution at `position`: its status, and the link and note that go with it. */
export function contributionFields(position: number) {
  const status = `contribution-${position}`;
  return { status, link: `${status}-link`, note: `${status}-note` };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).trim();

/**
 * Each contribution's answer, or the problems by field: a status is required, a delivered one
 * needs the link where it can be seen, a dropped one a word on why.
 */
export function contributionAnswers(values: TValues, contributions: readonly TAskedContribution[]) {
  const answers: TContributionAnswer[] = [];
  const problems: Record<string, TFieldError> = {};
  for (const contribution of contributions) {
    const names = contributionFields(contribution.position);
    const status = first(values[names.status]);
    const link = first(values[names.link]);
    const note = first(values[names.note]);
    if (!(CHECK_IN_CONTRIBUTION_STATUSES as readonly string[]).includes(status)) {
      problems[names.status] = { key: "error-check-in-contribution-status", params: [contribution.description] };
      continue;
    }
    if (status === "DELIVERED" && !isWebLink(link)) problems[names.link] = { key: "error-check-in-contribution-link", params: [contribution.description] };
    if (status === "DROPPED" && !note) problems[names.note] = { key: "error-check-in-contribution-note", params: [contribution.description] };
    if (note.length > LIMITS.medium) problems[names.note] = { key: "error-too-long", params: [LIMITS.medium] };
    answers.push({
      contributionId: contribution.id,
      status: status as TCheckInContributionStatus,
      link: status === "DELIVERED" ? link : null,
      note: note || null,
    });
  }
  return { answers, problems };
}

/** The whole answer, or every problem with it in the form's order (the questions, each contribution, the message). */
export function readCheckInAnswer(values: TValues, contributions: readonly TAskedContribution[]) {
  const parsed = ZCheckInAnswer.safeParse(values);
  const { answers, problems } = contributionAnswers(values, contributions);
  const questions = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const { message, ...rest } = questions;
  const all: Record<string, TFieldError> = { ...rest, ...problems, ...(message ? { message } : {}) };
  if (!parsed.success || Object.keys(all).length > 0) return { ok: false as const, problems: all };
  return { ok: true as const, answer: parsed.data, contributions: answers };
}
