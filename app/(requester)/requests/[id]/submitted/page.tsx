import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { loadOwnRequest } from "@/lib/server/pages";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: fullTitle(t, t("submitted-title")) };
}

export default async function SubmittedPage({ params }: Params) {
  const [{ id }, { t }] = await Promise.all([params, getI18n()]);
  const { request } = await loadOwnRequest(id);
  if (!request.reference) redirect(`/requests/${request.id}`);
  return (
    <div className="page narrow">
      <div className="confirmation">
        <h1>{t("submitted-title")}</h1>
        <p>
          {t("submitted-reference-label")}
          <br />
          <strong className="confirmation__reference" dir="ltr">
            {request.reference}
          </strong>
        </p>
      </div>
      <p>{t("submitted-email")}</p>
      <h2>{t("submitted-next-title")}</h2>
      <ol>
        <li>{t("start-next-review")}</li>
        <li>{t("start-next-questions")}</li>
        <li>{t("start-next-decision")}</li>
      </ol>
      <p>{t("start-next-time")}</p>
      <h2>{t("submitted-contact-title")}</h2>
      <p>{t("submitted-contact", request.reference)}</p>
      <p>
        <Link href={`/requests/${request.id}`}>{t("submitted-view")}</Link>
      </p>
    </div>
  );
}
