import { Suspense } from "react";

import { directionOf, languageName } from "@/lib/i18n/locales";
import { AVAILABLE_LANGUAGES } from "@/lib/i18n/messages";
import { getI18n } from "@/lib/i18n/server";

import { ReturnToField } from "./return-to-field";

/**
 * Every language the interface is offered in, each named in itself; one press chooses it, with or
 * without JavaScript. On staff pages it says when the chosen language covers only requester pages.
 */
export async function LanguageMenu({ chooseLanguageAction }: { chooseLanguageAction: (data: FormData) => Promise<void> }) {
  const { t, locale, area, byArea } = await getI18n();
  if (AVAILABLE_LANGUAGES.length < 2) return null;
  const partial = area === "staff" && byArea.requester !== byArea.staff;
  return (
    <form action={chooseLanguageAction} className="language-menu" aria-labelledby="language-menu-title">
      <h2 id="language-menu-title" className="language-menu__title">
        {t("language-menu-title")}
      </h2>
      <Suspense>
        <ReturnToField />
      </Suspense>
      <ul className="language-menu__list">
        {AVAILABLE_LANGUAGES.map((code) => (
          <li key={code}>
            {code === locale ? (
              <strong lang={code} dir={directionOf(code)} aria-current="true">
                {languageName(code)}
              </strong>
            ) : (
              <button className="button button--quiet" type="submit" name="locale" value={code} lang={code} dir={directionOf(code)}>
                {languageName(code)}
              </button>
            )}
          </li>
        ))}
      </ul>
      {partial ? <p className="hint">{t("language-partial-notice", languageName(byArea.requester), languageName(byArea.staff))}</p> : null}
    </form>
  );
}
