import "@wikimedia/codex-design-tokens/theme-wikimedia-ui.css";
import "./globals.css";

import type { Metadata } from "next";
import type { ReactNode } from "react";

import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";

import { chooseLanguageAction } from "./(public)/language/actions";
import { signOutAction } from "./(public)/signin/actions";
import { I18nProvider } from "@/components/ui/i18n-provider";
import { BASE_MESSAGES } from "@/lib/i18n/client-messages";
import { messagesOf } from "@/lib/i18n/messages";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  // Each page sets its whole title (lib/i18n/title.ts); pages with forms render it themselves.
  return { description: t("app-description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, dir, t } = await getI18n();
  return (
    <html lang={locale} dir={dir}>
      <body>
        <I18nProvider locale={locale} messages={messagesOf(locale, BASE_MESSAGES)}>
          <a className="skip-link" href="#main">
            {t("skip-to-content")}
          </a>
          <SiteHeader signOutAction={signOutAction} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter chooseLanguageAction={chooseLanguageAction} />
        </I18nProvider>
      </body>
    </html>
  );
}
