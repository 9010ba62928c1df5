import type { Metadata } from "next";
import Link from "next/link";

import { getI18n } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("requests-title") };
}

export default async function RequestsPage() {
  await requireViewer("/requests");
  const { t } = await getI18n();
  return (
    <div className="page">
      <h1>{t("requests-title")}</h1>
      <p className="lead">{t("requests-none")}</p>
      <p>
        <Link href="/">{t("requests-how-it-works")}</Link>
      </p>
    </div>
  );
}
