import ar from "@/i18n/ar.json";
import en from "@/i18n/en.json";

import type { TLocale } from "./locales";
import type { TMessages } from "./translator";

const EN = stripMetadata(en);

/** Each language's messages; a message not yet translated is shown in English. */
const CATALOGUE: Record<TLocale, TMessages> = { en: EN, ar: { ...EN, ...stripMetadata(ar) } };

export function messagesFor(locale: TLocale): TMessages {
  return CATALOGUE[locale];
}

function stripMetadata(file: Record<string, unknown>): TMessages {
  const messages: TMessages = {};
  for (const [key, value] of Object.entries(file)) {
    if (key !== "@metadata" && typeof value === "string") messages[key] = value;
  }
  return messages;
}
