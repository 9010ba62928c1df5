import Banana from "banana-i18n";

import type en from "@/i18n/en.json";

export type TMessageKey = Exclude<keyof typeof en, "@metadata">;
export type TMessages = Record<string, string>;
export type TParam = string | number;
export type TTranslate = (key: TMessageKey, ...params: TParam[]) => string;

/** A translate function over one language's messages; a missing message falls back to its key. */
export function createTranslator(locale: string, messages: TMessages): TTranslate {
  const banana = new Banana(locale, { finalFallback: "en" });
  banana.load(messages, locale);
  return (key, ...params) => banana.i18n(key, ...params);
}

/** A message with its parameters (a field's error, an action's outcome) in words; none for none. */
export function inWords(t: TTranslate, message: { key: TMessageKey; params?: TParam[] } | undefined) {
  return message ? t(message.key, ...(message.params ?? [])) : undefined;
}
