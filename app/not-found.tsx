import Link from "next/link";

import { getI18n } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <div className="page narrow">
      <title>{t("not-found-title")}</title>
      <h1>{t("not-found-title")}</h1>
      <p className="lead">{t("not-found-body")}</p>
      <p>
        <Link href="/">{t("not-found-home")}</Link>
      </p>
    </div>
  );
}
