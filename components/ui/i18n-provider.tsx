"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";

import { dateParts, type TDateParts } from "@/lib/i18n/format";
import { formatsOf, type TLocale } from "@/lib/i18n/locales";
import { createTranslator, type TMessages, type TTranslate } from "@/lib/i18n/translator";

const I18nContext = createContext<{ locale: string; messages: TMessages } | null>(null);

export function I18nProvider({ locale, messages, children }: { locale: string; messages: TMessages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nContext() {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useT and useLocale need an I18nProvider above them");
  return context;
}

/** The translate function for client components, over the messages the server sent. */
export function useT(): TTranslate {
  const context = useI18nContext();
  return useMemo(() => createTranslator(context.locale, context.messages), [context]);
}

/** The language the page is shown in. */
export function useLocale(): string {
  return useI18nContext().locale;
}

/** The tag dates and numbers are written with in the page's language (lib/i18n/format.ts). */
export function useFormats(): string {
  return formatsOf(useI18nContext().locale as TLocale);
}

/** What a date typed in three boxes needs in the page's language: order, labels, example. */
export function useDateParts(): TDateParts {
  const t = useT();
  const formats = useFormats();
  return useMemo(() => dateParts(t, formats), [t, formats]);
}
