import { DEFAULT_LOCALE, directionOf } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translator";

import { renderEmail } from "../layout";

/** Confirms a submission: the reference, what happens next, and the link to follow the request. */
export function requestSubmittedEmail({ reference, url }: { reference: string; url: string }, locale = DEFAULT_LOCALE) {
  const t = createTranslator(locale, messagesFor(locale));
  const { text, html } = renderEmail({
    lang: locale,
    dir: directionOf(locale),
    heading: t("email-submitted-heading", reference),
    paragraphs: [t("email-submitted-body", reference), t("email-submitted-next"), t("email-submitted-questions")],
    action: { label: t("email-submitted-action"), url },
    footer: t("email-footer", reference),
  });
  return { subject: t("email-submitted-subject", reference), text, html };
}
