import "server-only";

import { db } from "@/lib/db";
import { isLanguageCode, type TLanguageCode } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";

import { viewerLanguage } from "./session";

/**
 * Remembers the language of the page a person last acted on: their emails use it when they saved
 * no choice (docs/decisions/007-languages.md). One write, and only when it changed.
 */
export async function rememberActingLanguage(viewerId: string) {
  const [{ locale }, saved] = await Promise.all([getI18n(), viewerLanguage()]);
  if (!isLanguageCode(locale) || saved?.lastLocale === locale) return;
  await db().user.update({ where: { id: viewerId }, data: { lastLocale: locale } });
}

/** The person's own choice of language for pages and emails; null goes back to the browser's. */
export async function saveLanguagePreference(viewerId: string, locale: TLanguageCode | null) {
  await db().user.update({ where: { id: viewerId }, data: { locale } });
}
