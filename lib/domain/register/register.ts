import { z } from "zod";

import { oneParagraph, ticked } from "@/lib/domain/request/fields";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { shownStatus } from "@/lib/domain/request/state-machine";
import type { TFieldError } from "@/lib/form-state";

// The public register of grants: only grants whose requesters agreed to it, each with a name and
// a one-paragraph summary that a reviewer approved at grant time, never a person's details.

export const PUBLIC_NAME_MAX = 150;
export const PUBLIC_SUMMARY_MAX = 600;

/** The requester ticked "you may list it in the public register" in the Values section. */
export function registerConsented(answers: TDraftAnswers): boolean {
  return ticked.safeParse(answers.values?.registerConsent).data === true;
}

/** The first sentences of `text` that fit in `max` characters, or its words with an ellipsis. */
function shortened(text: string, max: number) {
  if (text.length <= max) return text;
  // A sentence ends at its mark when a space follows; the space may be the character after `max`.
  const window = text.slice(0, max + 1);
  const sentenceEnd = Math.max(window.lastIndexOf(". "), window.lastIndexOf("! "), window.lastIndexOf("? ")) + 1;
  if (sentenceEnd > max / 3) return text.slice(0, sentenceEnd);
  const head = text.slice(0, max);
  const wordEnd = head.lastIndexOf(" ");
  return `${(wordEnd > max / 3 ? head.slice(0, wordEnd) : head.slice(0, max - 1)).trim()}…`;
}

/**
 * Where the reviewer starts: the organisation as the requester gave it (none for an individual,
 * whose organisation may be their own name), and the purpose they described, as one paragraph
 * cut to length at a sentence where it can be.
 */
export function publicDraft(answers: TDraftAnswers): { name: string; summary: string } {
  const who = answers.who ?? {};
  const organisation = typeof who.organisation === "string" && who.requesterKind !== "individual" ? oneParagraph(who.organisation) : "";
  const purpose = typeof answers.what?.purpose === "string" ? oneParagraph(answers.what.purpose) : "";
  return { name: shortened(organisation, PUBLIC_NAME_MAX), summary: shortened(purpose, PUBLIC_SUMMARY_MAX) };
}

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
const normalised = (text: string) => oneParagraph(text).toLocaleLowerCase("en");

/**
 * What the register entry of a consented grant needs: a name and a summary, neither with an email
 * address nor the contact person's name in it. Reviewers approve the text; this catches the
 * obvious slips, such as a draft that quotes the requester's signature.
 */
export function publicTextProblems(input: { publicName: string; publicSummary: string }, contactName = ""): Record<string, TFieldError> {
  const problems: Record<string, TFieldError> = {};
  const person = normalised(contactName);
  for (const field of ["publicName", "publicSummary"] as const) {
    const value = input[field];
    if (!value) problems[field] = { key: field === "publicName" ? "error-public-name" : "error-public-summary" };
    else if (EMAIL.test(value)) problems[field] = { key: "error-public-email" };
    else if (person.length >= 4 && normalised(value).includes(person)) problems[field] = { key: "error-public-person", params: [oneParagraph(contactName)] };
  }
  return problems;
}

export const REGISTER_STATUSES = ["not_started", "active", "expired", "withdrawn", "given_up"] as const;
export type TRegisterStatus = (typeof REGISTER_STATUSES)[number];

/**
 * A grant as the register shows it: not started before its first day, active until its expiry,
 * then expired (both derived, as everywhere); ended early either by WMF (withdrawn) or by its
 * holder (given up). The reason for a withdrawal stays private. Anything else has no entry.
 */
export function registerStatus(
  status: TRequestStatus,
  dates: { startsAt: Date | null; expiresAt: Date | null },
  endReason: string | null,
  now: Date,
): TRegisterStatus | undefined {
  switch (shownStatus(status, dates, now)) {
    case "NOT_STARTED":
      return "not_started";
    case "GRANTED":
      return "active";
    case "EXPIRED":
      return "expired";
    case "WITHDRAWN":
      return endReason === "REQUESTER_WISH" ? "given_up" : "withdrawn";
    default:
      return undefined;
  }
}

/** When an entry last changed: its decision's last change, or its expiry once that has passed. */
export function entryUpdated(decisionUpdatedAt: Date, expiresAt: Date | null, status: TRegisterStatus): Date {
  if (status === "expired" && expiresAt && expiresAt > decisionUpdatedAt) return expiresAt;
  return decisionUpdatedAt;
}

/** The register's filters: every grant, those not started yet, the active ones, the expired ones, or those ended early. */
export const REGISTER_FILTERS = ["not_started", "active", "expired", "ended"] as const;
export type TRegisterFilter = (typeof REGISTER_FILTERS)[number];

const REFERENCE = /^EA-\d{4}-\d{4,6}$/;

/** The register's address bar: a filter, a page cursor and one reference; anything else is ignored. */
export const ZRegisterParams = z.object({
  status: z.enum(REGISTER_FILTERS).optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
  reference: z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.string().regex(REFERENCE))
    .optional()
    .catch(undefined),
});
export type TRegisterParams = z.infer<typeof ZRegisterParams>;
