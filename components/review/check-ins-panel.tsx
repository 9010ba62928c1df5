import type { ReactNode } from "react";

import { SummaryRow, TextRow } from "@/components/ui/summary-row";
import type { TFormAction } from "@/components/ui/use-action-form";
import { isOverdue } from "@/lib/domain/check-ins";
import { longDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { answerLabel, CONTRIBUTION_FATE_LABEL, USAGE_LABEL, USE_CASE_LABEL } from "@/lib/i18n/check-in-labels";
import type { TMessageKey } from "@/lib/i18n/translator";
import type { TReviewCheckIn } from "@/lib/server/review/check-ins";

import { AcknowledgeCheckInForm } from "./acknowledge-check-in";

/** A grant's check-ins for reviewers: where each stands, the grantee's answers in words, and a way to acknowledge them. */
export async function CheckInsPanel(props: { requestId: string; checkIns: TReviewCheckIn[]; now: Date; acknowledge?: TFormAction }) {
  if (props.checkIns.length === 0) return null;
  const { t, formats } = await getI18n();
  const said = (labels: Record<string, TMessageKey>, value: string) => {
    const key = answerLabel(labels, value);
    return key ? t(key) : value;
  };
  const state = (checkIn: TReviewCheckIn): ReactNode => {
    if (checkIn.answeredAt) return t("check-in-state-answered", longDate(checkIn.answeredAt, formats));
    if (checkIn.cancelledAt) return t("check-in-state-cancelled", longDate(checkIn.cancelledAt, formats));
    if (isOverdue(checkIn, props.now)) return <span className="tag tag--warning">{t("check-in-overdue")}</span>;
    return t("check-in-state-waiting");
  };
  return (
    <section className="panel" aria-labelledby="check-ins-title">
      <h2 id="check-ins-title">{t("check-ins-title")}</h2>
      {props.checkIns.map((checkIn) => (
        <article key={checkIn.id} aria-label={t("check-in-opened-on", longDate(checkIn.openedAt, formats))}>
          <h3>{t("check-in-opened-on", longDate(checkIn.openedAt, formats))}</h3>
          <dl className="summary-list">
            <SummaryRow label={t("check-in-due-label")}>{longDate(checkIn.dueAt, formats)}</SummaryRow>
            <SummaryRow label={t("check-in-state")}>{state(checkIn)}</SummaryRow>
            {checkIn.useCase ? <SummaryRow label={t("check-in-use-case-label")}>{said(USE_CASE_LABEL, checkIn.useCase)}</SummaryRow> : null}
            {checkIn.usage ? <SummaryRow label={t("check-in-usage-label")}>{said(USAGE_LABEL, checkIn.usage)}</SummaryRow> : null}
            {checkIn.contributions.map((answer) => (
              <SummaryRow key={answer.contributionId} label={<span dir="auto">{answer.description}</span>}>
                {said(CONTRIBUTION_FATE_LABEL, answer.status)}
                {answer.link ? (
                  <>
                    {": "}
                    <a href={answer.link} dir="ltr" rel="noopener noreferrer nofollow">
                      {answer.link}
                    </a>
                  </>
                ) : null}
                {answer.note ? (
                  <span className="assessment-note" dir="auto">
                    {answer.note}
                  </span>
                ) : null}
              </SummaryRow>
            ))}
            <TextRow label={t("check-in-message-label")} text={checkIn.message} />
            {checkIn.acknowledgedAt ? (
              <SummaryRow label={t("check-in-acknowledged-label")}>
                {t("check-in-acknowledged-by", checkIn.acknowledgedBy?.name ?? checkIn.acknowledgedBy?.email ?? "", longDate(checkIn.acknowledgedAt, formats))}
              </SummaryRow>
            ) : null}
          </dl>
          {checkIn.answeredAt && !checkIn.acknowledgedAt && props.acknowledge ? (
            <AcknowledgeCheckInForm action={props.acknowledge} requestId={props.requestId} checkInId={checkIn.id} />
          ) : null}
        </article>
      ))}
    </section>
  );
}
