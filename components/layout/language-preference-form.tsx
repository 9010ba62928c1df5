import { chooseLanguageAction } from "@/app/(public)/language/actions";
import { isLanguageCode, languageName } from "@/lib/i18n/locales";
import { AVAILABLE_LANGUAGES } from "@/lib/i18n/messages";
import { getI18n } from "@/lib/i18n/server";

/** The signed-in person's language for pages and emails, or their browser's; works without JavaScript. */
export async function LanguagePreferenceForm({ saved }: { saved: string | null }) {
  const { t } = await getI18n();
  const current = isLanguageCode(saved) && AVAILABLE_LANGUAGES.includes(saved) ? saved : "";
  return (
    <form action={chooseLanguageAction}>
      <input type="hidden" name="returnTo" value="/account?language=saved" />
      <fieldset aria-describedby="language-hint">
        <legend>{t("account-language-legend")}</legend>
        <p className="hint" id="language-hint">
          {t("account-language-hint")}
        </p>
        {["" as const, ...AVAILABLE_LANGUAGES].map((code) => (
          <div className="choice" key={code || "browser"}>
            <input type="radio" id={`language-${code || "browser"}`} name="locale" value={code} defaultChecked={code === current} />
            <label htmlFor={`language-${code || "browser"}`} lang={code || undefined}>
              {code ? languageName(code) : t("account-language-browser")}
            </label>
          </div>
        ))}
      </fieldset>
      <button className="button button--primary" type="submit">
        {t("account-language-save")}
      </button>
    </form>
  );
}
