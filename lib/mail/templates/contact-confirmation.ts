import { DEFAULT_LOCALE, directionOf, type TLanguageCode } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";

import { renderEmail } from "../layout";

/**
 * The link that confirms a contact address, sent to that address. It names the account's holder
 * when known, so the reader can tell whose requests these are, and says what ignoring it does.
 */
export function contactConfirmationEmail({ url, name, days }: { url: string; name: string | null; days: number }, locale: TLanguageCode = DEFAULT_LOCALE) {
  const t = translatorFor(locale);
  const { text, html } = renderEmail({
    lang: locale,
    dir: directionOf(locale),
    heading: t("email-contact-heading"),
    paragraphs: [name ? t("email-contact-body-named", name.replace(/[\r\n]+/g, " ")) : t("email-contact-body"), t("email-contact-expiry", days)],
    action: { label: t("email-contact-action"), url },
    footer: t("email-contact-ignore"),
  });
  return { kind: "contact_confirmation", subject: t("email-contact-subject"), text, html };
}
