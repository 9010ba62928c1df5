import Banana from "banana-i18n";

import type en from "@/i18n/en.json";

import { directionOf } from "./locales";

export type TMessageKey = Exclude<keyof typeof en, "@metadata">;
export type TMessages = Record<string, string>;
export type TParam = string | number;
export type TTranslate = (key: TMessageKey, ...params: TParam[]) => string;

/** A letter of a left-to-right script: anything but Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const LEFT_TO_RIGHT_LETTER = /(?![\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])\p{L}/u;

/**
 * In a right-to-left sentence, a parameter written left to right (a reference such as
 * EA-2026-0047, an address, a name in Latin script) is set between Unicode isolates (FSI ... PDI),
 * so its punctuation stays where it was written and the sentence's full stop stays at its end, on
 * pages and in emails alike. Numbers, and words in the sentence's own script, are left as they are.
 */
function isolated(param: TParam): TParam {
  return typeof param === "string" && LEFT_TO_RIGHT_LETTER.test(param) ? `\u2068${param}\u2069` : param;
}

/**
 * A translate function over one language's messages. A missing message falls back to its key;
 * `missing` hears of it (a browser given too few messages says so on its console).
 */
export function createTranslator(locale: string, messages: TMessages, missing?: (key: string) => void): TTranslate {
  const banana = new Banana(locale, { finalFallback: "en" });
  banana.load(messages, locale);
  const rtl = directionOf(locale) === "rtl";
  return (key, ...params) => {
    if (missing && !(key in messages)) missing(key);
    return banana.i18n(key, ...(rtl ? params.map(isolated) : params));
  };
}

/**
 * A message with its parameters (a field's error, an action's outcome) in words; none for none.
 * A server action's answer comes already in words (`text`), so a browser needs no error messages.
 */
export function inWords(t: TTranslate, message: { key: TMessageKey; params?: TParam[]; text?: string } | undefined) {
  if (!message) return undefined;
  return message.text ?? t(message.key, ...(message.params ?? []));
}

/** Messages by field, each with its words (`text`), for a client component that shows them. */
export function withWords<T extends { key: TMessageKey; params?: TParam[] }>(t: TTranslate, errors: Record<string, T>): Record<string, T & { text: string }> {
  return Object.fromEntries(Object.entries(errors).map(([field, error]) => [field, { ...error, text: t(error.key, ...(error.params ?? [])) }]));
}
