"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { ZLanguageChoice } from "@/lib/domain/language";
import { env } from "@/lib/env";
import { formValues } from "@/lib/form-state";
import { AVAILABLE_LANGUAGES } from "@/lib/i18n/messages";
import { LANGUAGE_COOKIE } from "@/lib/i18n/request";
import { saveLanguagePreference } from "@/lib/server/language";
import { getViewer } from "@/lib/server/session";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language menu and the account page: the browser remembers the choice in a cookie, and a
 * signed-in person's is saved for their pages and emails. A value that is not an offered language
 * changes nothing; either way the person goes back to the page they were on.
 */
export async function chooseLanguageAction(formData: FormData) {
  const { locale, returnTo } = ZLanguageChoice.parse(formValues(formData));
  if (locale === undefined || (locale && !AVAILABLE_LANGUAGES.includes(locale))) redirect(returnTo);
  const jar = await cookies();
  if (locale) jar.set(LANGUAGE_COOKIE, locale, { path: "/", maxAge: YEAR_SECONDS, httpOnly: true, sameSite: "lax", secure: env().production });
  else jar.delete(LANGUAGE_COOKIE);
  const viewer = await getViewer();
  if (viewer) await saveLanguagePreference(viewer.id, locale || null);
  // Every page is in the old language in the browser's router cache, the root layout included.
  revalidatePath("/", "layout");
  redirect(returnTo);
}
