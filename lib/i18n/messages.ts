import en from "@/i18n/en.json";

import type { TLocale } from "./locales";
import type { TMessages } from "./translator";

const CATALOGUE: Record<TLocale, TMessages> = { en: stripMetadata(en) };

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
