import { directionOf } from "@/lib/i18n/locales";
import type { TTranslate } from "@/lib/i18n/translator";

import { renderEmail } from "../layout";

export function signInEmail(t: TTranslate, locale: string, url: string, host: string) {
  const { text, html } = renderEmail({
    lang: locale,
    dir: directionOf(locale),
    heading: t("email-signin-heading"),
    paragraphs: [t("email-signin-body", host), t("email-signin-expiry", 60)],
    action: { label: t("email-signin-action"), url },
    footer: t("email-signin-ignore"),
  });
  return { subject: t("email-signin-subject"), text, html };
}
