import { z } from "zod";

import { LANGUAGES, type TLanguageCode } from "@/lib/i18n/locales";

import { safeReturnPath } from "./return-path";

const CODES = Object.keys(LANGUAGES) as [TLanguageCode, ...TLanguageCode[]];

/** A choice from the language menu: a language, or "" to follow the browser again; anything else is no choice. */
export const ZLanguageChoice = z.object({
  locale: z
    .union([z.literal(""), z.enum(CODES)])
    .optional()
    .catch(undefined),
  returnTo: z
    .unknown()
    .optional()
    .transform((value) => withoutUselang(safeReturnPath(value) ?? "/")),
});
export type TLanguageChoice = z.infer<typeof ZLanguageChoice>;

/** The same page without ?uselang=, which would otherwise hide the language just chosen. */
export function withoutUselang(path: string) {
  const url = new URL(path, "http://localhost");
  url.searchParams.delete("uselang");
  return `${url.pathname}${url.search}${url.hash}`;
}
