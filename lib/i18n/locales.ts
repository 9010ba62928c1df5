// Which languages exist and which one a page or an email uses: pure rules, no Next.js or Prisma.
// docs/decisions/007-languages.md explains the order of choices.

type TLanguage = {
  /** The language's name in the language itself, for the language menu. */
  name: string;
  /**
   * "full": every page and email. "requester": the pages and emails requesters see; reviewer and
   * admin pages then use the next of the person's choices that covers everything.
   */
  coverage: "full" | "requester";
  /** The tag dates and numbers are formatted with. */
  formats: string;
};

/** Languages the interface can be shown in. A language is offered once its file is loaded (lib/i18n/messages.ts). */
export const LANGUAGES = {
  en: { name: "English", coverage: "full", formats: "en-GB" },
  de: { name: "Deutsch", coverage: "full", formats: "de-DE" },
  ar: { name: "العربية", coverage: "requester", formats: "ar" },
} as const satisfies Record<string, TLanguage>;

export type TLanguageCode = keyof typeof LANGUAGES;

/** MediaWiki's debug language: every message shows its key. Only ever chosen by ?uselang=qqx. */
export const DEBUG_LOCALE = "qqx";
export type TLocale = TLanguageCode | typeof DEBUG_LOCALE;
export const DEFAULT_LOCALE = "en" satisfies TLanguageCode;

/** Where a text is read: by requesters (and everyone signed out), or on reviewer and admin pages. */
export type TArea = "requester" | "staff";

const STAFF_PATHS = ["/review", "/admin"];

export function areaOf(pathname: string): TArea {
  return STAFF_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`)) ? "staff" : "requester";
}

const RTL_LANGUAGES = new Set(["ar", "arc", "dv", "fa", "he", "ckb", "ps", "ur", "yi"]);

export function directionOf(locale: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has((locale.split("-")[0] ?? "").toLowerCase()) ? "rtl" : "ltr";
}

/** The tag Intl formats dates and numbers with; the debug language formats as English does. */
export function formatsOf(locale: TLocale): string {
  return locale === DEBUG_LOCALE ? LANGUAGES[DEFAULT_LOCALE].formats : LANGUAGES[locale].formats;
}

/** A language's own name; the debug language's is its code. */
export function languageName(locale: TLocale): string {
  return locale === DEBUG_LOCALE ? DEBUG_LOCALE : LANGUAGES[locale].name;
}

export function isLanguageCode(code: unknown): code is TLanguageCode {
  return typeof code === "string" && Object.hasOwn(LANGUAGES, code);
}

/** Whether a language may be used in an area: loaded, and covering the area. */
function fits(code: TLanguageCode, area: TArea, available: readonly TLanguageCode[]) {
  return available.includes(code) && (area === "requester" || LANGUAGES[code].coverage === "full");
}

/** A language code from a tag such as "de-AT" or "DE": the tag itself, else its base language. */
function codeOf(tag: string): TLanguageCode | undefined {
  const code = tag.trim().toLowerCase();
  if (isLanguageCode(code)) return code;
  const base = code.split("-")[0];
  return isLanguageCode(base) ? base : undefined;
}

export type TChoices = {
  /** ?uselang= on this page view. */
  uselang?: string | null;
  /** The signed-in person's saved choice. */
  preference?: string | null;
  /** The choice made in the language menu, remembered by the browser. */
  cookie?: string | null;
  acceptLanguage?: string | null;
};

/**
 * The language of a page: the first usable of ?uselang=, the saved preference, the menu's cookie and
 * the browser's Accept-Language list, else English. On reviewer and admin pages a language that
 * covers only the requester side is passed over. Unknown values are ignored, never an error;
 * the debug language comes from ?uselang= only.
 */
export function resolveLocale(choices: TChoices, { area, available }: { area: TArea; available: readonly TLanguageCode[] }): TLocale {
  if (choices.uselang?.trim().toLowerCase() === DEBUG_LOCALE) return DEBUG_LOCALE;
  const candidates = [choices.uselang, choices.preference, choices.cookie, ...parseAcceptLanguage(choices.acceptLanguage ?? "")];
  for (const candidate of candidates) {
    const code = candidate ? codeOf(candidate) : undefined;
    if (code && fits(code, area, available)) return code;
  }
  return DEFAULT_LOCALE;
}

/**
 * The language of an email to a person: their saved preference, else the language of the pages
 * when they last acted, else English. Emails to reviewers are staff texts.
 */
export function recipientLocale(
  person: { locale: string | null; lastLocale: string | null } | null | undefined,
  { area, available }: { area: TArea; available: readonly TLanguageCode[] },
): TLanguageCode {
  for (const candidate of [person?.locale, person?.lastLocale]) {
    if (isLanguageCode(candidate) && fits(candidate, area, available)) return candidate;
  }
  return DEFAULT_LOCALE;
}

function parseAcceptLanguage(header: string): string[] {
  return header
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim(), quality: q ? Number(q.slice(2)) : 1, index };
    })
    .filter(({ tag, quality }) => tag && tag !== "*" && quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map(({ tag }) => tag);
}
