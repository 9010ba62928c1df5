import Link from "next/link";

import { RequestActionForm } from "@/components/request/request-action-form";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { renewalOpensOn } from "@/lib/domain/request/follow-up";
import { dayOf } from "@/lib/domain/time";
import { getI18n } from "@/lib/i18n/server";
import { GrantTerms, RegisterEntryRow } from "@/components/request/grant-terms";
import { longDate } from "@/lib/i18n/format";
import { CRITERION_LABEL, WITHDRAWAL_REASON_LABEL } from "@/lib/mail/decision-text";
import type { ownDecision } from "@/lib/server/follow-ups";
import type { TOwnRequest } from "@/lib/server/requests";
import { isolatedMessage } from "@/components/ui/isolated-message";
import type { TFormAction } from "@/components/ui/use-action-form";

type TProps = {
  request: Pick<TOwnRequest, "id" | "reference" | "status" | "shown" | "startsAt" | "expiresAt" | "version" | "answers">;
  decision: NonNullable<Awaited<ReturnType<typeof ownDecision>>>;
  followUpAction: TFormAction;
  hasFollowUp: boolean;
  /** A new request may start from this one now (a running grant only in its last 60 days). */
  mayFollowUp: boolean;
  /** The requester may end the grant early now. */
  mayGiveUp: boolean;
};

/** The decision as the requester sees it: what was granted, from when and until when, or why not, and what they can do next. */
export async function OwnDecision({ request, decision, followUpAction, hasFollowUp, mayFollowUp, mayGiveUp }: TProps) {
  const { t, formats } = await getI18n();
  const granted = decision.outcome === "GRANTED";
  // "Who, What" in English, "مَن، وماذا" in Arabic: each language's own list punctuation.
  const criteria = new Intl.ListFormat(formats, { type: "unit", style: "short" }).format(
    SECTION_IDS.filter((id) => decision.criteria.includes(id)).map((id) => t(CRITERION_LABEL[id])),
  );
  const day = (instant: Date | null) => (instant ? longDate(dayOf(instant), formats) : "");
  const start = day(request.startsAt ?? decision.startsAt);
  const expiry = day(request.expiresAt);
  const username = request.answers.who?.enterpriseUsername;
  const account = typeof username === "string" ? username : "";
  const running = request.shown === "NOT_STARTED" || request.shown === "GRANTED";
  return (
    <section className="panel" aria-labelledby="own-decision-title">
      <h2 id="own-decision-title">{t(granted ? "own-grant-title" : "own-decline-title")}</h2>
      {granted ? (
        <>
          {request.shown === "NOT_STARTED" ? <p className="notice">{t("own-grant-not-started", start, expiry)}</p> : null}
          {request.shown === "GRANTED" ? <p className="notice notice--success">{t("own-grant-active", expiry)}</p> : null}
          {request.shown === "EXPIRED" ? <p className="notice notice--warning">{t("own-grant-expired", expiry)}</p> : null}
          {request.shown === "WITHDRAWN" && decision.endReason ? (
            <p className="notice notice--warning">
              {t(decision.endReason === "REQUESTER_WISH" ? "own-grant-given-up" : "own-grant-withdrawn", t(WITHDRAWAL_REASON_LABEL[decision.endReason]))}
            </p>
          ) : null}
          {running && account ? (
            <p>
              {request.shown === "NOT_STARTED"
                ? isolatedMessage(t, "own-grant-account-from", start, account)
                : isolatedMessage(t, "own-grant-account", account)}
            </p>
          ) : null}
          <dl className="summary-list">
            <GrantTerms decision={decision} expiresAt={request.expiresAt} />
            <RegisterEntryRow entry={decision} reference={request.reference} />
          </dl>
        </>
      ) : criteria ? (
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>{t("decision-criteria-not-met")}</dt>
            <dd>{criteria}</dd>
          </div>
        </dl>
      ) : null}
      {/* A decision recorded from the email era may carry no message: the emails were the message. */}
      {decision.message ? (
        <>
          <h3>{t("own-decision-message")}</h3>
          <p className="pre-line" dir="auto">
            {decision.message}
          </p>
        </>
      ) : null}
      {decision.endNote && request.status === "WITHDRAWN" ? (
        <p className="pre-line" dir="auto">
          {decision.endNote}
        </p>
      ) : null}
      {hasFollowUp ? null : mayFollowUp ? (
        <div className="no-print">
          <p>{t(granted ? "own-renew-intro" : "own-new-try-intro")}</p>
          <RequestActionForm action={followUpAction} request={request} label={t(granted ? "own-renew" : "own-new-try")} />
        </div>
      ) : running && request.expiresAt ? (
        <p className="no-print">{t("own-renew-later", longDate(renewalOpensOn(request.expiresAt), formats))}</p>
      ) : null}
      {mayGiveUp ? (
        <p className="no-print">
          <Link href={`/requests/${request.id}/give-up`}>{t("own-give-up-link")}</Link>
        </p>
      ) : null}
    </section>
  );
}
