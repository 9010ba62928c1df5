"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";

import { dateParts, type TDateParts } from "@/lib/i18n/format";
import { formatsOf, type TLocale } from "@/lib/i18n/locales";
import { createTranslator, type TMessages, type TTranslate } from "@/lib/i18n/translator";

type TContext = { locale: string; messages: TMessages; t: TTranslate };

const I18nContext = createContext<TContext | null>(null);

/** Says which message a page forgot to send (lib/i18n/client-messages.ts); e2e tests fail on it. */
function reportMissing(key: string) {
  console.error(`Missing message "${key}": add it to the component's message set in lib/i18n/client-messages.ts`);
}

/**
 * The messages client components below may use: only those the server picked for them
 * (components/ui/client-messages.tsx), added to the ones a provider above already gave.
 */
export function I18nProvider({ locale, messages, children }: { locale: string; messages: TMessages; children: ReactNode }) {
  const parent = useContext(I18nContext);
  const value = useMemo(() => {
    const all = parent ? { ...parent.messages, ...messages } : messages;
    return { locale, messages: all, t: createTranslator(locale, all, reportMissing) };
  }, [parent, locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nContext() {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useT and useLocale need an I18nProvider above them");
  return context;
}

/** The translate function for client components, over the messages the server sent. */
export function useT(): TTranslate {
  return useI18nContext().t;
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
