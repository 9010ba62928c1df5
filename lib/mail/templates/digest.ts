import { DIGEST_SECTIONS, type TDigestContent, type TDigestSection } from "@/lib/domain/digest";
import { dayOf } from "@/lib/domain/time";
import { longDate } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, directionOf, formatsOf, type TLanguageCode } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import type { TMessageKey } from "@/lib/i18n/translator";

import { renderEmail } from "../layout";

const SECTION_HEADING = {
  confirmations: "email-digest-confirmations",
  appeals: "email-digest-appeals",
  answers: "email-digest-answers",
  newRequests: "email-digest-new-requests",
  pastTarget: "email-digest-past-target",
  expiringSoon: "email-digest-expiring",
} as const satisfies Record<TDigestSection, TMessageKey>;

/**
 * A reviewer's digest: each section that has something, with its count and the first requests it
 * names, each with a link to its review page; the rest are in the queue.
 */
export function digestEmail(
  { content, frequency, periodStart, baseUrl }: { content: TDigestContent; frequency: "DAILY" | "WEEKLY"; periodStart: Date; baseUrl: string },
  locale: TLanguageCode = DEFAULT_LOCALE,
) {
  const t = translatorFor(locale);
  const day = longDate(dayOf(periodStart), formatsOf(locale));
  const paragraphs = DIGEST_SECTIONS.flatMap((section) => {
    const { count, items } = content[section];
    if (count === 0) return [];
    const lines = items.map((item) => {
      const url = `${baseUrl}/review/${item.id}`;
      const name = item.name.replace(/[\r\n]+/g, " ") || item.reference;
      return item.waitedDays === undefined
        ? t("email-digest-item", item.reference, name, url)
        : t("email-digest-item-waited", item.reference, name, item.waitedDays, url);
    });
    const more = count > items.length ? [t("email-digest-more", count - items.length)] : [];
    return [t(SECTION_HEADING[section], count), ...lines, ...more];
  });
  const { text, html } = renderEmail({
    lang: locale,
    dir: directionOf(locale),
    heading: t(frequency === "DAILY" ? "email-digest-heading-daily" : "email-digest-heading-weekly", day),
    paragraphs,
    action: { label: t("email-digest-action"), url: `${baseUrl}/review` },
    footer: t("email-digest-footer", `${baseUrl}/account`),
  });
  const subject = t(frequency === "DAILY" ? "email-digest-subject-daily" : "email-digest-subject-weekly", day);
  return { kind: "digest", subject, text, html };
}
