import { ChoicesField } from "@/components/ui/fields";
import { isLanguageCode, languageName } from "@/lib/i18n/locales";
import { AVAILABLE_LANGUAGES } from "@/lib/i18n/messages";
import { getI18n } from "@/lib/i18n/server";

/** The signed-in person's language for pages and emails, or their browser's; works without JavaScript. */
export async function LanguagePreferenceForm({
  chooseLanguageAction,
  saved,
}: {
  chooseLanguageAction: (data: FormData) => Promise<void>;
  saved: string | null;
}) {
  const { t } = await getI18n();
  const current = isLanguageCode(saved) && AVAILABLE_LANGUAGES.includes(saved) ? saved : "";
  return (
    <form action={chooseLanguageAction}>
      <input type="hidden" name="returnTo" value="/account?language=saved" />
      <ChoicesField
        id="language"
        name="locale"
        legend={t("account-language-legend")}
        hint={t("account-language-hint")}
        options={["" as const, ...AVAILABLE_LANGUAGES].map((code) => ({
          value: code,
          label: code ? <span lang={code}>{languageName(code)}</span> : t("account-language-browser"),
        }))}
        selected={[current]}
      />
      <button className="button button--primary" type="submit">
        {t("account-language-save")}
      </button>
    </form>
  );
}
