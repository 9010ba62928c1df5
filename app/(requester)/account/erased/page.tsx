import Link from "next/link";
import { Done } from "@/components/ui/notice";

import { getI18n, titledBy } from "@/lib/i18n/server";

export const generateMetadata = titledBy("erased-title");

/** Where an erasure ends: the person is signed out by then, so the page is open to all. */
export default async function ErasedPage() {
  const { t } = await getI18n();
  return (
    <div className="page narrow">
      <h1>{t("erased-title")}</h1>
      <Done>{t("erased-notice")}</Done>
      <p>{t("erased-body")}</p>
      <p>
        <Link href="/">{t("erased-home")}</Link>
      </p>
    </div>
  );
}
