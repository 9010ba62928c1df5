import Link from "next/link";

import { getI18n } from "@/lib/i18n/server";

import { LanguageMenu } from "./language-menu";

export async function SiteFooter({ chooseLanguageAction }: { chooseLanguageAction: (data: FormData) => Promise<void> }) {
  const { t } = await getI18n();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <nav aria-label={t("footer-nav-label")}>
          <ul className="site-footer__links">
            <li>
              <Link href="/register">{t("footer-register")}</Link>
            </li>
            <li>
              <Link href="/figures">{t("footer-figures")}</Link>
            </li>
          </ul>
        </nav>
        <LanguageMenu chooseLanguageAction={chooseLanguageAction} />
        <p>{t("footer-about")}</p>
        <p>{t("footer-license")}</p>
      </div>
    </footer>
  );
}
