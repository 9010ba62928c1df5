import Link from "next/link";
import { redirect } from "next/navigation";

import { CheckInForm } from "@/components/apply/check-in-form";
import { Done } from "@/components/ui/notice";
import { referenceMessage } from "@/components/ui/reference";
import { may } from "@/lib/domain/permissions";
import { longDate } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { grantContributions, ownCurrentCheckIn } from "@/lib/server/check-ins";
import { now } from "@/lib/server/clock";
import { loadOwnRequest } from "@/lib/server/pages";

import { answerCheckInAction } from "../actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { CHECK_IN_FORM_MESSAGES } from "@/lib/i18n/client-messages";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ sent?: string }> };

export const generateMetadata = titledBy("check-in-title");

/** The grantee answers their open check-in, once; afterwards the page says it was received, and offers to give up a grant whose use ended. */
export default async function CheckInPage({ params, searchParams }: Params) {
  const [{ id }, query, { t, formats }] = await Promise.all([params, searchParams, getI18n()]);
  const { viewer, request } = await loadOwnRequest(id);
  const checkIn = await ownCurrentCheckIn(viewer, request.id);
  if (!checkIn) redirect(`/requests/${request.id}`);
  const reference = request.reference ?? "";
  if (!checkIn.waiting) {
    const mayGiveUp = checkIn.useCase === "ended" && may(viewer, { status: request.status, requesterId: viewer.id }, "give_up");
    return (
      <div className="page narrow">
        <h1>{referenceMessage(t, "check-in-title-request", reference)}</h1>
        {query.sent ? <Done>{t("check-in-sent")}</Done> : null}
        <p>{t("check-in-received-on", longDate(checkIn.answeredAt ?? checkIn.openedAt, formats))}</p>
        {mayGiveUp ? (
          <>
            <h2>{t("check-in-give-up-title")}</h2>
            <p>{t("check-in-give-up-body")}</p>
            <p>
              <Link className="button" href={`/requests/${request.id}/give-up`}>
                {t("check-in-give-up")}
              </Link>
            </p>
          </>
        ) : null}
        <p>
          <Link href={`/requests/${request.id}`}>{t("check-in-back")}</Link>
        </p>
      </div>
    );
  }
  const contributions = await grantContributions(request.id);
  return (
    <div className="page narrow">
      <h1>{referenceMessage(t, "check-in-title-request", reference)}</h1>
      <p className="lead">{t("check-in-lead")}</p>
      <p>{t(checkIn.dueAt.getTime() <= now().getTime() ? "check-in-open-overdue" : "check-in-due", longDate(checkIn.dueAt, formats))}</p>
      <ClientMessages set={CHECK_IN_FORM_MESSAGES}>
        <CheckInForm
          action={answerCheckInAction}
          requestId={request.id}
          checkInId={checkIn.id}
          contributions={contributions.map(({ position, description }) => ({ position, description }))}
        />
      </ClientMessages>
    </div>
  );
}
