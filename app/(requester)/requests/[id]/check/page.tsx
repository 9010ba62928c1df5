import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { redirect } from "next/navigation";

import { AnswersSummary } from "@/components/request/answers-summary";
import { ContactNotice } from "@/components/apply/contact-notice";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import { RequestActionForm } from "@/components/request/request-action-form";
import { DocumentTitle } from "@/components/ui/document-title";
import { incompleteSections } from "@/lib/domain/request/sections";
import { getI18n } from "@/lib/i18n/server";
import { today } from "@/lib/server/clock";
import { contactStatus } from "@/lib/server/contact";
import { loadOwnRequest } from "@/lib/server/pages";

import { sendContactLinkAction, submitRequestAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

export default async function CheckAnswersPage({ params }: Params) {
  const [{ id }, { t }] = await Promise.all([params, getI18n()]);
  const { viewer, request } = await loadOwnRequest(id);
  if (request.status !== "DRAFT") redirect(`/requests/${request.id}`);
  const contact = await contactStatus(viewer, request.answers);
  const day = today();
  const incomplete = incompleteSections(request.answers, day);
  return (
    <div className="page narrow">
      <p>
        <Link href={`/requests/${request.id}`}>{t("apply-back")}</Link>
      </p>
      <PageHeading title="check-title" lead="check-intro" />
      <ContactNotice status={contact} request={request} sendAction={sendContactLinkAction} />
      <AnswersSummary answers={request.answers} today={day} changeBase={`/requests/${request.id}`} />
      <h2>{t("check-submit-heading")}</h2>
      {incomplete.length > 0 ? (
        <div className="notice notice--warning">
          <DocumentTitle title={t("check-title")} />
          <p>{t("check-incomplete")}</p>
          <ul>
            {incomplete.map((section) => (
              <li key={section}>
                <Link href={`/requests/${request.id}/${section}?from=check`}>{t(SECTION_TITLE[section])}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p>{t("check-declaration")}</p>
          <RequestActionForm action={submitRequestAction} request={request} label={t("check-submit")} pageTitle={t("check-title")} />
        </>
      )}
    </div>
  );
}
