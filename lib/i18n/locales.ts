/** Languages the interface is available in; adding one is adding its file in i18n/ and its code here. */
export const LOCALES = ["en", "ar"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "en";

const RTL_LANGUAGES = new Set(["ar", "arc", "dv", "fa", "he", "ckb", "ps", "ur", "yi"]);

export function directionOf(locale: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(locale.split("-")[0]!.toLowerCase()) ? "rtl" : "ltr";
}

function isLocale(code: string): code is TLocale {
  return (LOCALES as readonly string[]).includes(code);
}

/**
 * The first supported language among an explicit choice (?uselang=) and the browser's
 * Accept-Language list, in order of preference; English otherwise.
 */
export function resolveLocale(explicit: string | undefined, acceptLanguage: string | null | undefined): TLocale {
  const candidates = [explicit, ...parseAcceptLanguage(acceptLanguage ?? "")];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const code = candidate.toLowerCase();
    if (isLocale(code)) return code;
    const base = code.split("-")[0]!;
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

function parseAcceptLanguage(header: string): string[] {
  return header
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
