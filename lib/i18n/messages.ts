import ar from "@/i18n/ar.json";
import de from "@/i18n/de.json";
import en from "@/i18n/en.json";

import { DEBUG_LOCALE, LANGUAGES, recipientLocale, type TArea, type TLanguageCode, type TLocale } from "./locales";
import { createTranslator, type TMessageKey, type TMessages, type TTranslate } from "./translator";

const english = stripMetadata(en);

/**
 * The message files, one line a language (its code must be in LANGUAGES). A file may leave
 * messages out, as a requester-side one does: English fills the gaps.
 */
const FILES: Partial<Record<TLanguageCode, Record<string, unknown>>> = { en, de, ar };

const CATALOGUE = new Map<TLocale, TMessages>([
  ...Object.entries(FILES).map(([code, file]): [TLocale, TMessages] => [code as TLanguageCode, { ...english, ...stripMetadata(file) }]),
  [DEBUG_LOCALE, debugMessages(english)],
]);

/** The languages whose files are loaded, in the order of LANGUAGES: the ones that can be chosen. */
export const AVAILABLE_LANGUAGES = (Object.keys(LANGUAGES) as TLanguageCode[]).filter((code) => code in FILES);

export function messagesFor(locale: TLocale): TMessages {
  return CATALOGUE.get(locale) ?? english;
}

const TRANSLATORS = new Map<TLocale, TTranslate>();

/** The translate function of a language: built once per process, then shared by every page and email. */
export function translatorFor(locale: TLocale): TTranslate {
  let t = TRANSLATORS.get(locale);
  if (!t) {
    t = createTranslator(locale, messagesFor(locale));
    TRANSLATORS.set(locale, t);
  }
  return t;
}

/**
 * The messages a browser needs, and no others (docs/decisions/017-client-messages.md): a set names
 * keys whole, or a family of them by its prefix ("decide-*"). Picked once per language and set.
 */
export type TMessageSet = readonly (TMessageKey | `${string}-*`)[];

const PICKED = new Map<TLocale, WeakMap<TMessageSet, TMessages>>();

export function messagesOf(locale: TLocale, set: TMessageSet): TMessages {
  let byLocale = PICKED.get(locale);
  if (!byLocale) {
    byLocale = new WeakMap();
    PICKED.set(locale, byLocale);
  }
  let picked = byLocale.get(set);
  if (!picked) {
    picked = pick(messagesFor(locale), set);
    byLocale.set(set, picked);
  }
  return picked;
}

function pick(messages: TMessages, set: TMessageSet): TMessages {
  const prefixes = set.filter((entry) => entry.endsWith("-*")).map((entry) => entry.slice(0, -1));
  const picked: TMessages = {};
  for (const key of set) {
    const text = messages[key];
    if (text !== undefined) picked[key] = text;
  }
  if (prefixes.length > 0) {
    for (const [key, text] of Object.entries(messages)) if (prefixes.some((prefix) => key.startsWith(prefix))) picked[key] = text;
  }
  return picked;
}

/**
 * The language of an email to a person: their saved choice, else the one they last acted in, else
 * English. Emails to reviewers are "staff" texts, so a requester-side language is passed over.
 */
export function emailLocaleOf(person: { locale: string | null; lastLocale: string | null } | null | undefined, area: TArea = "requester") {
  return recipientLocale(person, { area, available: AVAILABLE_LANGUAGES });
}

function stripMetadata(file: Record<string, unknown>): TMessages {
  const messages: TMessages = {};
  for (const [key, value] of Object.entries(file)) {
    if (key !== "@metadata" && typeof value === "string") messages[key] = value;
  }
  return messages;
}

/** As MediaWiki's qqx: "(key)", or "(key: $1, $2)" showing the parameters the English text uses. */
function debugMessages(messages: TMessages): TMessages {
  const debug: TMessages = {};
  for (const [key, text] of Object.entries(messages)) {
    const count = Math.max(0, ...[...text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));
    const params = Array.from({ length: count }, (_, index) => `$${index + 1}`);
    debug[key] = params.length > 0 ? `(${key}: ${params.join(", ")})` : `(${key})`;
  }
  return debug;
}
