import type { Metadata } from "next";

import { canReview } from "@/lib/domain/roles";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { requireRole } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: fullTitle(t, t("review-title")) };
}

export default async function ReviewQueuePage() {
  await requireRole("/review", canReview);
  const { t } = await getI18n();
  return (
    <div className="page">
      <h1>{t("review-title")}</h1>
      <p className="lead">{t("review-empty")}</p>
    </div>
  );
}
