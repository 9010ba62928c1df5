import { getI18n } from "@/lib/i18n/server";

import { LanguageMenu } from "./language-menu";

export async function SiteFooter() {
  const { t } = await getI18n();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <LanguageMenu />
        <p>{t("footer-about")}</p>
        <p>{t("footer-license")}</p>
      </div>
    </footer>
  );
}
