import "server-only";

import { headers } from "next/headers";
import { cache } from "react";

import { directionOf, resolveLocale } from "./locales";
import { messagesFor } from "./messages";
import { createTranslator } from "./translator";

/** The language of the current request, its direction and a translate function; once per request. */
export const getI18n = cache(async () => {
  const requestHeaders = await headers();
  const locale = resolveLocale(undefined, requestHeaders.get("accept-language"));
  const messages = messagesFor(locale);
  return { locale, dir: directionOf(locale), messages, t: createTranslator(locale, messages) };
});
