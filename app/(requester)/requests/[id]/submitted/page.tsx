import Link from "next/link";
import { redirect } from "next/navigation";

import { MessageList } from "@/components/ui/message-list";
import { referenceMessage } from "@/components/ui/reference";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { loadOwnRequest } from "@/lib/server/pages";

type Params = { params: Promise<{ id: string }> };

export const generateMetadata = titledBy("submitted-title");

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
          <strong className="confirmation__reference reference" dir="ltr">
            {request.reference}
          </strong>
        </p>
      </div>
      <p>{t("submitted-email")}</p>
      <h2>{t("submitted-next-title")}</h2>
      <MessageList ordered items={["start-next-review", "start-next-questions", "start-next-decision"]} />
      <p>{t("start-next-time")}</p>
      <h2>{t("submitted-contact-title")}</h2>
      <p>{referenceMessage(t, "submitted-contact", request.reference)}</p>
      <p>
        <Link href={`/requests/${request.id}`}>{t("submitted-view")}</Link>
      </p>
    </div>
  );
}
