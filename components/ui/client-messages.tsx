import "server-only";

import type { ReactNode } from "react";

import { getI18n } from "@/lib/i18n/server";
import { messagesOf, type TMessageSet } from "@/lib/i18n/messages";

import { I18nProvider } from "./i18n-provider";

/** Gives the client components below the messages of `set` in the page's language, and only those. */
export async function ClientMessages({ set, children }: { set: TMessageSet; children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={messagesOf(locale, set)}>
      {children}
    </I18nProvider>
  );
}
