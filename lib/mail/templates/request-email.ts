import { DEFAULT_LOCALE, directionOf } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator, type TMessageKey } from "@/lib/i18n/translator";

import { renderEmail } from "../layout";

type TTemplate = { subject: TMessageKey; heading: TMessageKey; paragraphs: TMessageKey[]; action: TMessageKey };

/** Every email about a request: which messages make it up. Each message gets ($1 reference, $2 detail). */
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
} satisfies Record<string, TTemplate>;

export type TRequestEmailKind = keyof typeof TEMPLATES;

export function requestEmail(kind: TRequestEmailKind, { reference, url, detail = "" }: { reference: string; url: string; detail?: string }, locale = DEFAULT_LOCALE) {
  const t = createTranslator(locale, messagesFor(locale));
  const template: TTemplate = TEMPLATES[kind];
  const { text, html } = renderEmail({
    lang: locale,
    dir: directionOf(locale),
    heading: t(template.heading, reference, detail),
    paragraphs: template.paragraphs.map((key) => t(key, reference, detail)),
    action: { label: t(template.action), url },
    footer: t("email-footer", reference),
  });
  return { subject: t(template.subject, reference, detail), text, html };
}
