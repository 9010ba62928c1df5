import { LinkList } from "@/components/ui/link-list";
import { getI18n } from "@/lib/i18n/server";

import { LanguageMenu } from "./language-menu";

export async function SiteFooter({ chooseLanguageAction }: { chooseLanguageAction: (data: FormData) => Promise<void> }) {
  const { t } = await getI18n();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <nav aria-label={t("footer-nav-label")}>
          <LinkList
            className="site-footer__links"
            links={[
              ["/register", "footer-register"],
              ["/figures", "footer-figures"],
            ]}
          />
        </nav>
        <LanguageMenu chooseLanguageAction={chooseLanguageAction} />
        <p>{t("footer-about")}</p>
        <p>{t("footer-license")}</p>
      </div>
    </footer>
  );
}
