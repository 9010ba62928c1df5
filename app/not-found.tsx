import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";

import { getI18n } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <div className="page narrow">
      <title>{t("not-found-title")}</title>
      <PageHeading title="not-found-title" lead="not-found-body" />
      <p>
        <Link href="/">{t("not-found-home")}</Link>
      </p>
    </div>
  );
}
