import Link from "next/link";

import { getI18n } from "@/lib/i18n/server";

/** Keyset pagination: back to the first page, and on to the next one when there is one. */
export async function Pagination({ firstHref, nextHref }: { firstHref?: string; nextHref?: string }) {
  if (!firstHref && !nextHref) return null;
  const { t } = await getI18n();
  return (
    <nav className="button-group" aria-label={t("pagination-label")}>
      {firstHref ? <Link href={firstHref}>{t("pagination-first")}</Link> : null}
      {nextHref ? <Link href={nextHref}>{t("pagination-next")}</Link> : null}
    </nav>
  );
}
