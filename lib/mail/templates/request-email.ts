import { DEFAULT_LOCALE, directionOf, formatsOf, type TLanguageCode } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import type { TMessageKey } from "@/lib/i18n/translator";

import { markNotIn, renderEmail } from "../layout";

type TTemplate = { subject: TMessageKey; heading: TMessageKey; paragraphs: TMessageKey[]; action: TMessageKey };

/** Every email about a request: which messages make it up. Each message gets ($1 reference, $2 detail, $3… more). */
const TEMPLATES = {
  submitted: {
    subject: "email-submitted-subject",
    heading: "email-submitted-heading",
    paragraphs: ["email-submitted-body", "email-submitted-next", "email-submitted-questions"],
    action: "email-submitted-action",
  },
  information_requested: {
    subject: "email-info-subject",
    heading: "email-info-heading",
    paragraphs: ["email-info-body", "email-info-question", "email-info-reply-by"],
    action: "email-info-action",
  },
  message: {
    subject: "email-message-subject",
    heading: "email-message-heading",
    paragraphs: ["email-message-body", "email-message-text"],
    action: "email-submitted-action",
  },
  lapsed: {
    subject: "email-lapsed-subject",
    heading: "email-lapsed-heading",
    paragraphs: ["email-lapsed-body", "email-lapsed-next"],
    action: "email-submitted-action",
  },
  joint_entered: {
    subject: "email-joint-subject",
    heading: "email-joint-heading",
    paragraphs: ["email-joint-body", "email-joint-reason"],
    action: "email-review-action",
  },
  information_answered: {
    subject: "email-answered-subject",
    heading: "email-answered-heading",
    paragraphs: ["email-answered-body"],
    action: "email-review-action",
  },
  proposal_returned: {
    subject: "email-proposal-returned-subject",
    heading: "email-proposal-returned-heading",
    paragraphs: ["email-proposal-returned-body", "email-proposal-returned-note"],
    action: "email-review-action",
  },
  granted: {
    subject: "email-granted-subject",
    heading: "email-granted-heading",
    paragraphs: [
      "email-granted-body",
      "email-granted-scope",
      "email-granted-dates",
      "email-decision-message",
      "email-granted-contributions",
      "email-granted-renewal",
    ],
    action: "email-submitted-action",
  },
  declined: {
    subject: "email-declined-subject",
    heading: "email-declined-heading",
    paragraphs: ["email-declined-body", "email-declined-criteria", "email-decision-message", "email-declined-next"],
    action: "email-submitted-action",
  },
  withdrawn: {
    subject: "email-withdrawn-subject",
    heading: "email-withdrawn-heading",
    paragraphs: ["email-withdrawn-body", "email-withdrawn-reason", "email-decision-message"],
    action: "email-submitted-action",
  },
  given_up: {
    subject: "email-given-up-subject",
    heading: "email-given-up-heading",
    paragraphs: ["email-given-up-body", "email-given-up-next"],
    action: "email-submitted-action",
  },
  extended: {
    subject: "email-extended-subject",
    heading: "email-extended-heading",
    paragraphs: ["email-extended-body", "email-decision-message"],
    action: "email-submitted-action",
  },
  expiry_reminder: {
    subject: "email-reminder-subject",
    heading: "email-reminder-heading",
    paragraphs: ["email-reminder-body", "email-reminder-renew"],
    action: "email-renew-action",
  },
  check_in_opened: {
    subject: "email-check-in-subject",
    heading: "email-check-in-heading",
    paragraphs: ["email-check-in-body", "email-check-in-questions", "email-check-in-due"],
    action: "email-check-in-action",
  },
  check_in_reminder: {
    subject: "email-check-in-reminder-subject",
    heading: "email-check-in-heading",
    paragraphs: ["email-check-in-reminder-body", "email-check-in-questions"],
    action: "email-check-in-action",
  },
  expired: {
    subject: "email-expired-subject",
    heading: "email-expired-heading",
    paragraphs: ["email-expired-body", "email-reminder-renew"],
    action: "email-renew-action",
  },
  appeal_received: {
    subject: "email-appeal-received-subject",
    heading: "email-appeal-received-heading",
    paragraphs: ["email-appeal-received-body", "email-appeal-received-next"],
    action: "email-submitted-action",
  },
  appeal_upheld: {
    subject: "email-appeal-decided-subject",
    heading: "email-appeal-upheld-heading",
    paragraphs: ["email-appeal-upheld-body", "email-appeal-reasons"],
    action: "email-submitted-action",
  },
  appeal_overturned_decline: {
    subject: "email-appeal-decided-subject",
    heading: "email-appeal-overturned-decline-heading",
    paragraphs: ["email-appeal-overturned-decline-body", "email-appeal-reasons"],
    action: "email-submitted-action",
  },
  appeal_overturned_withdrawal: {
    subject: "email-appeal-decided-subject",
    heading: "email-appeal-overturned-withdrawal-heading",
    paragraphs: ["email-appeal-overturned-withdrawal-body", "email-appeal-reasons"],
    action: "email-submitted-action",
  },
} satisfies Record<string, TTemplate>;

export type TRequestEmailKind = keyof typeof TEMPLATES;
export const REQUEST_EMAIL_KINDS = Object.keys(TEMPLATES) as TRequestEmailKind[];

export function requestEmail(
  kind: TRequestEmailKind,
  {
    reference,
    url,
    detail = "",
    more = [],
    notes = [],
    replies = false,
  }: {
    reference: string;
    url: string;
    detail?: string;
    more?: string[];
    /** Paragraphs the caller worded in the reader's language, after the template's own. */
    notes?: string[];
    /** Whether replies reach someone (REPLY_TO is set): the footer invites them, or asks for none. */
    replies?: boolean;
  },
  locale: TLanguageCode = DEFAULT_LOCALE,
) {
  const t = translatorFor(locale);
  const template: TTemplate = TEMPLATES[kind];
  const params = [reference, detail, ...more];
  // The reference goes in by a mark of its own, so the HTML part can keep it on one line without touching the people's words.
  const mark = markNotIn([detail, ...more]);
  const marked = [mark, detail, ...more];
  const { text, html } = renderEmail({
    lang: locale,
    dir: directionOf(locale),
    heading: t(template.heading, ...marked),
    paragraphs: [...template.paragraphs.map((key) => t(key, ...marked)), ...notes],
    action: { label: t(template.action), url },
    footer: t(replies ? "email-footer" : "email-footer-no-reply", mark),
    unbroken: { mark, word: reference },
  });
  // A subject is one header line, whatever the text put into it.
  return { kind, subject: t(template.subject, ...params).replace(/[\r\n]+/g, " "), text, html };
}

/** For the parts of an email the caller words itself: the email's language, a translator and the date and number formats. */
export function emailWording(locale: TLanguageCode = DEFAULT_LOCALE) {
  return { locale, t: translatorFor(locale), formats: formatsOf(locale) };
}
