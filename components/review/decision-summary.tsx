import { GrantTerms, RegisterEntryRow } from "@/components/request/grant-terms";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { CRITERION_LABEL, WITHDRAWAL_REASON_LABEL } from "@/lib/mail/decision-text";
import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";
import type { TReviewRequest } from "@/lib/server/review/request";

type TPerson = { name: string | null; email: string | null } | null | undefined;

const RECOMMENDATION_LABEL: Record<string, TMessageKey> = { GRANT: "recommendation-grant", DECLINE: "recommendation-decline" };
const HUMAN_RIGHTS_LABEL: Record<string, TMessageKey> = {
  NO_CONCERNS: "human-rights-no-concerns",
  CONCERNS_MITIGATED: "human-rights-concerns-mitigated",
  SERIOUS_CONCERNS: "human-rights-serious-concerns",
};

function personOf(person: TPerson, fallback: string) {
  return person?.name ?? person?.email ?? fallback;
}

/** What a grant on this request needs first, and whether it is there: WMDE's recommendation, the human-rights assessment. */
export async function Prerequisites({ request }: { request: TReviewRequest }) {
  const { t, formats } = await getI18n();
  const dates = new Intl.DateTimeFormat(formats, { dateStyle: "medium" });
  const commercial = request.requesterKind === "commercial";
  if (!request.joint && !commercial) return <p className="hint">{t("decide-no-prerequisites")}</p>;
  return (
    <ul className="prerequisites">
      {request.joint ? (
        <li className={request.wmdeRecommendation ? "notice notice--success" : "notice notice--warning"}>
          {request.wmdeRecommendation
            ? t(
                "decide-recommendation-recorded",
                t(RECOMMENDATION_LABEL[request.wmdeRecommendation.recommendation] ?? "recommendation-grant"),
                personOf(request.wmdeRecommendation.reviewer, t("history-system")),
                dates.format(request.wmdeRecommendation.updatedAt),
              )
            : t("decide-recommendation-missing")}
          {request.wmdeRecommendation ? <span className="assessment-note">{request.wmdeRecommendation.note}</span> : null}
        </li>
      ) : null}
      {commercial ? (
        <li className={request.humanRights ? "notice notice--success" : "notice notice--warning"}>
          {request.humanRights
            ? t(
                "decide-human-rights-recorded",
                t(HUMAN_RIGHTS_LABEL[request.humanRights.outcome] ?? "human-rights-no-concerns"),
                personOf(request.humanRights.assessedBy, t("history-system")),
                dates.format(request.humanRights.updatedAt),
              )
            : t("decide-human-rights-missing")}
          {request.humanRights ? <span className="assessment-note">{request.humanRights.note}</span> : null}
        </li>
      ) : null}
    </ul>
  );
}

/** The decision as reviewers see it: outcome, who and when, scope and dates, rationale, overrides, and how a grant ended. */
export async function DecisionSummary({ request }: { request: TReviewRequest }) {
  const { t, formats } = await getI18n();
  const decision = request.decision;
  if (!decision) return null;
  const dates = new Intl.DateTimeFormat(formats, { dateStyle: "medium" });
  const criteria = SECTION_IDS.filter((id) => decision.criteria.includes(id)).map((id) => t(CRITERION_LABEL[id]));
  const granted = decision.outcome === "GRANTED";
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>{t("decision-outcome")}</dt>
        <dd>
          {t(
            granted ? "decision-outcome-granted" : "decision-outcome-declined",
            personOf(decision.decidedBy, t("history-system")),
            dates.format(decision.decidedAt),
          )}
        </dd>
      </div>
      {granted ? <GrantTerms decision={decision} expiresAt={request.expiresAt} /> : null}
      {granted ? <RegisterEntryRow entry={decision} reference={request.reference} unlisted="decision-register-unlisted" /> : null}
      <div className="summary-list__row">
        <dt>{t(granted ? "decision-criteria-cited" : "decision-criteria-not-met")}</dt>
        <dd>{criteria.join(", ")}</dd>
      </div>
      {decision.rationale ? (
        <div className="summary-list__row">
          <dt>{t("decision-rationale")}</dt>
          <dd className="pre-line">{decision.rationale}</dd>
        </div>
      ) : null}
      <div className="summary-list__row">
        <dt>{t("decision-message")}</dt>
        <dd className="pre-line">{decision.message}</dd>
      </div>
      {decision.jointOverride ? (
        <div className="summary-list__row">
          <dt>{t("decision-joint-override")}</dt>
          <dd className="pre-line">{decision.jointOverride}</dd>
        </div>
      ) : null}
      {decision.lengthOverride ? (
        <div className="summary-list__row">
          <dt>{t("decision-length-override")}</dt>
          <dd className="pre-line">{decision.lengthOverride}</dd>
        </div>
      ) : null}
      {decision.endedAt && decision.endReason ? (
        <div className="summary-list__row">
          <dt>{t("decision-ended")}</dt>
          <dd>
            {t(
              "decision-ended-value",
              t(WITHDRAWAL_REASON_LABEL[decision.endReason]),
              personOf(decision.endedBy, t("history-system")),
              dates.format(decision.endedAt),
            )}
            {decision.endNote ? <span className="assessment-note">{decision.endNote}</span> : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
