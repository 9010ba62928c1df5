// Which messages each client component needs in the browser (docs/decisions/017-client-messages.md).
// Server components translate on the server and send text; a client component is given only the
// messages of its set, by <ClientMessages set={…}> around it. A server action's answer comes in
// words already (lib/server/action.ts), so error messages are sent only where the browser itself
// checks a form. lib/i18n/client-messages.test.ts checks every key a client component names is in
// its set; a key that is missing all the same is reported on the console, and e2e tests fail on it.
import { APPROVAL_REASON_LABEL } from "@/lib/domain/review/approval";
import { UNIT_COST_LABEL } from "@/lib/domain/in-kind-value";
import type { TSectionContext, TSectionId } from "@/lib/domain/request/sections";
import { messageKeysOf, sectionFields } from "@/components/request/section-spec";
import { WEBHOOK_TYPE_HINT } from "@/components/admin/webhook-labels";

import { CONTRIBUTION_FATE_LABEL, USAGE_LABEL, USE_CASE_LABEL } from "./check-in-labels";
import { ROLE_LABEL, SECTION_TITLE } from "./labels";
import type { TMessageSet } from "./messages";
import type { TMessageKey } from "./translator";

const labels = (table: Record<string, TMessageKey>) => Object.values(table);

/** For every page: the error summary, the page title after an error, the error page and printing. */
export const BASE_MESSAGES: TMessageSet = [
  "app-name",
  "error-title-prefix",
  "error-summary-title",
  "error-page-title",
  "error-page-body",
  "error-page-retry",
  "print-button",
];

/** A date typed in three boxes (components/ui/fields.tsx DateField). */
const DATE: TMessageSet = ["date-day", "date-month", "date-year", "date-example"];

export const SIGN_IN_MESSAGES: TMessageSet = ["signin-title", "signin-email-label", "signin-email-hint", "signin-email-submit"];

/** Every message the request's schemas (lib/domain/request/) can give a field, for the section form's checks in the browser. */
export const ANSWER_ERRORS: TMessageSet = [
  "error-ai-ethics",
  "error-apis",
  "error-commitment",
  "error-contact-name",
  "error-contribution-date",
  "error-contribution-date-past",
  "error-contribution-description",
  "error-contribution-kind",
  "error-contribution-link",
  "error-contribution-too-long",
  "error-contributions-none",
  "error-contributions-required",
  "error-contributions-too-many",
  "error-country",
  "error-current-apis",
  "error-current-apis-detail",
  "error-custom-development",
  "error-custom-development-detail",
  "error-date",
  "error-email-invalid",
  "error-email-one-address",
  "error-email-required",
  "error-end-date-order",
  "error-enterprise-username",
  "error-exception-other",
  "error-exception-type",
  "error-generative-ai",
  "error-invalid",
  "error-jeopardy",
  "error-link",
  "error-links-too-many",
  "error-method-shortfall-*",
  "error-method-use-*",
  "error-mission-explanation",
  "error-need-explanation",
  "error-no-harms",
  "error-no-silos",
  "error-number",
  "error-number-max",
  "error-organisation",
  "error-other-projects",
  "error-projects",
  "error-purpose",
  "error-reason-other",
  "error-reasons",
  "error-recommendations",
  "error-requester-kind",
  "error-special-detail",
  "error-start-date",
  "error-start-date-past",
  "error-too-long",
  "error-volume-*",
  "error-whole-number",
  "error-wikidata-central",
  "error-wikidata-share",
  "error-wikipedia-languages",
];

const CONTRIBUTION_ROWS: TMessageSet = [
  "field-contribution-legend",
  "field-contribution-kind",
  "field-contribution-description",
  "field-contribution-link",
  "field-contribution-link-hint",
  "field-contribution-by",
  "field-contribution-by-hint",
  "contribution-remove",
  "contribution-add",
  "field-no-contributions",
  "field-no-contributions-hint",
];

const SECTION_SETS = new Map<string, TMessageSet>();

/**
 * A question page's form: its questions' labels, hints and choices, the messages its checks can
 * give, and its buttons. One set a section and context, built once.
 */
export function sectionFormMessages(section: TSectionId, context: TSectionContext): TMessageSet {
  const id = `${section}|${JSON.stringify(context)}`;
  let set = SECTION_SETS.get(id);
  if (!set) {
    set = [
      SECTION_TITLE[section],
      "apply-continue",
      "apply-save-later",
      "field-select-placeholder",
      ...DATE,
      ...CONTRIBUTION_ROWS,
      ...messageKeysOf(sectionFields(section, context)),
      ...ANSWER_ERRORS,
    ];
    SECTION_SETS.set(id, set);
  }
  return set;
}

export const ANSWER_FORM_MESSAGES: TMessageSet = ["request-reopened", "request-answer-label", "request-answer-send", ...labels(SECTION_TITLE)];

export const APPEAL_FORM_MESSAGES: TMessageSet = ["appeal-*", ...labels(SECTION_TITLE)];

export const CHECK_IN_FORM_MESSAGES: TMessageSet = [
  "check-in-use-case",
  "check-in-usage",
  "check-in-usage-hint",
  "check-in-contributions",
  "check-in-contribution-link",
  "check-in-contribution-link-hint",
  "check-in-contribution-note",
  "check-in-contribution-note-hint",
  "check-in-message",
  "check-in-message-hint",
  "check-in-send",
  ...labels(USE_CASE_LABEL),
  ...labels(USAGE_LABEL),
  ...labels(CONTRIBUTION_FATE_LABEL),
];

export const CONFIRM_CONTACT_MESSAGES: TMessageSet = ["contact-confirm-submit"];

export const ACCOUNT_MESSAGES: TMessageSet = ["account-name-*", "account-digest-*"];

export const ERASE_MESSAGES: TMessageSet = ["erase-confirm-label", "erase-confirm-hint", "erase-confirm"];

/** A reviewer's request page and decision page: every form a reviewer may be offered there. */
export const REVIEW_MESSAGES: TMessageSet = [
  ...DATE,
  "review-assess-*",
  "review-comment-*",
  "review-comments-title",
  "review-info-*",
  "review-routing-*",
  "review-appeal-*",
  "rating-*",
  "conflict-*",
  "proposal-*",
  "development-*",
  "check-in-acknowledge",
  "decide-*",
  "recommend-*",
  "human-rights-*",
  "extend-*",
  "withdraw-*",
  "scope-api-*",
  "snapshot-frequency-*",
  "recommendation-*",
  "in-kind-*",
  "check-in-cadence-*",
  "field-contribution-legend",
  "contribution-expected-by",
  "contribution-ongoing",
  ...labels(SECTION_TITLE),
  ...labels(APPROVAL_REASON_LABEL),
  ...labels(UNIT_COST_LABEL),
];

export const ADMIN_MESSAGES = {
  approvals: ["admin-approvals-*", ...labels(APPROVAL_REASON_LABEL)],
  conflicts: ["admin-conflicts-lift-reason", "admin-conflicts-lift"],
  costs: [...DATE, "admin-costs-*", ...labels(UNIT_COST_LABEL)],
  emails: ["admin-emails-resend"],
  imports: [...DATE, "admin-imports-*", "option-requester-kind-*", "scope-api-*", "snapshot-frequency-*", ...labels(SECTION_TITLE)],
  targets: ["admin-targets-*"],
  tokens: ["admin-tokens-*"],
  users: ["admin-users-role-for", "admin-users-save", ...labels(ROLE_LABEL)],
  webhooks: ["admin-webhooks-*", ...labels(WEBHOOK_TYPE_HINT)],
} satisfies Record<string, TMessageSet>;
