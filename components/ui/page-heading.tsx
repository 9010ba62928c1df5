import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";

/** A page's title and the sentence under it that says what the page is for. */
export async function PageHeading({ title, lead }: { title: TMessageKey; lead: TMessageKey }) {
  const { t } = await getI18n();
  return (
    <>
      <h1>{t(title)}</h1>
      <p className="lead">{t(lead)}</p>
    </>
  );
}
