import Link from "next/link";
import { redirect } from "next/navigation";

import { AppealForm } from "@/components/apply/appeal-form";
import { referenceMessage } from "@/components/ui/reference";
import { may } from "@/lib/domain/permissions";
import { requesterAppealEvent } from "@/lib/domain/review/appeals";
import { longDate } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { ownAppealOf } from "@/lib/server/appeals";
import { loadOwnRequest } from "@/lib/server/pages";

import { appealDecisionAction } from "../actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { APPEAL_FORM_MESSAGES } from "@/lib/i18n/client-messages";

type Params = { params: Promise<{ id: string }> };

export const generateMetadata = titledBy("appeal-title");

/** The requester appeals the decline of their request, or the withdrawal of their grant, once, within 30 days. */
export default async function AppealPage({ params }: Params) {
  const [{ id }, { t, formats }] = await Promise.all([params, getI18n()]);
  const { viewer, request } = await loadOwnRequest(id);
  const { deadline, permission } = await ownAppealOf(request);
  const allowed = may(viewer, { status: request.status, requesterId: viewer.id, appeal: permission }, requesterAppealEvent(request.status));
  if (!allowed || !deadline) redirect(`/requests/${request.id}`);
  return (
    <div className="page narrow">
      <p className="no-print">
        <Link href={`/requests/${request.id}`}>{t("appeal-back")}</Link>
      </p>
      <h1>{t("appeal-title")}</h1>
      <p className="lead">{referenceMessage(t, "appeal-lead", request.reference ?? "", longDate(deadline, formats))}</p>
      <p>{t("appeal-who")}</p>
      <ClientMessages set={APPEAL_FORM_MESSAGES}>
        <AppealForm action={appealDecisionAction} requestId={request.id} version={request.version} />
      </ClientMessages>
    </div>
  );
}
