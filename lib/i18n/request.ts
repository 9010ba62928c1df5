import "server-only";

import { cookies, headers } from "next/headers";

import { areaOf, type TArea, type TChoices } from "./locales";
import { PATH_HEADER, USELANG_HEADER } from "./request-headers";

/** The cookie the language menu leaves, for people who are not signed in (and as a default for those who are). */
export const LANGUAGE_COOKIE = "language";

/** What this request says about its language, before the signed-in person's choice is known. */
export async function requestChoices(): Promise<TChoices & { area: TArea }> {
  const [requestHeaders, jar] = await Promise.all([headers(), cookies()]);
  return {
    uselang: requestHeaders.get(USELANG_HEADER),
    cookie: jar.get(LANGUAGE_COOKIE)?.value,
    acceptLanguage: requestHeaders.get("accept-language"),
    area: areaOf(requestHeaders.get(PATH_HEADER) ?? "/"),
  };
}
