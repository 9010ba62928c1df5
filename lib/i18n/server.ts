import "server-only";

import type { Metadata } from "next";
import { unstable_rethrow } from "next/navigation";
import { cache } from "react";

import { viewerLanguage } from "@/lib/server/session";

import { directionOf, formatsOf, resolveLocale } from "./locales";
import { AVAILABLE_LANGUAGES, translatorFor } from "./messages";
import { requestChoices } from "./request";
import { fullTitle } from "./title";
import type { TMessageKey } from "./translator";

/**
 * The language of the current request (docs/decisions/007-languages.md), its direction, the tag
 * dates and numbers are formatted with, and a translate function; once per request. `byArea` is
 * the language requester pages and staff pages get: they differ when the person's first choice
 * covers only the requester side.
 */
export const getI18n = cache(async () => {
  const { area, ...request } = await requestChoices();
  const choices = { ...request, preference: await savedPreference() };
  const byArea = {
    requester: resolveLocale(choices, { area: "requester", available: AVAILABLE_LANGUAGES }),
    staff: resolveLocale(choices, { area: "staff", available: AVAILABLE_LANGUAGES }),
  };
  const locale = byArea[area];
  return { locale, dir: directionOf(locale), formats: formatsOf(locale), area, byArea, t: translatorFor(locale) };
});

/** A page whose database is down still renders, in the language the request itself asks for. */
async function savedPreference() {
  try {
    return (await viewerLanguage())?.locale;
  } catch (error) {
    unstable_rethrow(error);
    return null;
  }
}

/** A page's `generateMetadata` when its title is one message: "Title – app name", in the page's language. */
export function titledBy(key: TMessageKey) {
  return async (): Promise<Metadata> => {
    const { t } = await getI18n();
    return { title: fullTitle(t, t(key)) };
  };
}
