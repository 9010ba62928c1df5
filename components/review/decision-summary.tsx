import { GrantTerms, RegisterEntryRow } from "@/components/request/grant-terms";
import { SummaryRow, TextRow } from "@/components/ui/summary-row";
import type { TDatedEstimate } from "@/lib/domain/in-kind-value";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { CRITERION_LABEL, WITHDRAWAL_REASON_LABEL } from "@/lib/mail/decision-text";
import type { HUMAN_RIGHTS_OUTCOMES, RECOMMENDATIONS } from "@/lib/domain/review/decisions";
import { longDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";
import type { TReviewRequest } from "@/lib/server/review/request";

import { InKindValueRow } from "./in-kind-value";
import { cadenceText } from "./check-in-cadence";

type TPerson = { name: string | null; email: string | null } | null | undefined;

const RECOMMENDATION_LABEL: Record<(typeof RECOMMENDATIONS)[number], TMessageKey> = { GRANT: "recommendation-grant", DECLINE: "recommendation-decline" };
const HUMAN_RIGHTS_LABEL: Record<(typeof HUMAN_RIGHTS_OUTCOMES)[number], TMessageKey> = {
  NO_CONCERNS: "human-rights-no-concerns",
  CONCERNS_MITIGATED: "human-rights-concerns-mitigated",
  SERIOUS_CONCERNS: "human-rights-serious-concerns",
};

function personOf(person: TPerson, fallback: string) {
  return person?.name ?? person?.email ?? fallback;
}

/** What a grant on this request needs first, and whether it is there: WMDE's recommendation, the human-rights assessment. */
/** One thing a decision needs first: what was recorded, with its note, or that it is still missing. */
function Prerequisite({ recorded, note, missing }: { recorded?: string | null; note?: string; missing: string }) {
  return (
    <li className={recorded ? "notice notice--success" : "notice notice--warning"}>
      {recorded ?? missing}
      {recorded ? <span className="assessment-note">{note}</span> : null}
    </li>
  );
}

export async function Prerequisites({ request }: { request: TReviewRequest }) {
  const { t, formats } = await getI18n();
  const commercial = request.requesterKind === "commercial";
  if (!request.joint && !commercial) return <p className="hint">{t("decide-no-prerequisites")}</p>;
  /** "Recorded: <what>, by <whom>, on <day>." */
  const said = (key: TMessageKey, what: TMessageKey, by: TPerson, at: Date) => t(key, t(what), personOf(by, t("history-system")), longDate(at, formats));
  const wmde = request.wmdeRecommendation;
  const rights = request.humanRights;
  const recommended = wmde && said("decide-recommendation-recorded", RECOMMENDATION_LABEL[wmde.recommendation], wmde.reviewer, wmde.updatedAt);
  const assessed = rights && said("decide-human-rights-recorded", HUMAN_RIGHTS_LABEL[rights.outcome], rights.assessedBy, rights.updatedAt);
  return (
    <ul className="prerequisites">
      {request.joint ? <Prerequisite recorded={recommended} note={wmde?.note} missing={t("decide-recommendation-missing")} /> : null}
      {commercial ? <Prerequisite recorded={assessed} note={rights?.note} missing={t("decide-human-rights-missing")} /> : null}
    </ul>
  );
}

/** The decision as reviewers see it: outcome, who and when, scope and dates, rationale, overrides, and how a grant ended. */
export async function DecisionSummary({ request, value }: { request: TReviewRequest; value?: TDatedEstimate }) {
  const { t, formats } = await getI18n();
  const decision = request.decision;
  if (!decision) return null;
  const criteria = SECTION_IDS.filter((id) => decision.criteria.includes(id)).map((id) => t(CRITERION_LABEL[id]));
  const granted = decision.outcome === "GRANTED";
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>{t("decision-outcome")}</dt>
        <dd>
          {t(
            granted ? "decision-outcome-granted" : "decision-outcome-declined",
            // Decided by email before the app: the decider as the record names them, not who recorded it.
            decision.deciderName ?? personOf(decision.decidedBy, t("history-system")),
            longDate(decision.decidedAt, formats),
          )}
        </dd>
      </div>
      {decision.confirmedBy && decision.confirmedAt ? (
        <SummaryRow label={t("decision-confirmed")}>
          {t(
            "decision-confirmed-value",
            personOf(decision.decidedBy, t("history-system")),
            personOf(decision.confirmedBy, t("history-system")),
            longDate(decision.confirmedAt, formats),
          )}
        </SummaryRow>
      ) : null}
      {granted ? <GrantTerms decision={decision} expiresAt={request.expiresAt} /> : null}
      {granted ? <SummaryRow label={t("decide-check-in")}>{cadenceText(t, decision.checkInMonths)}</SummaryRow> : null}
      {granted ? <RegisterEntryRow entry={decision} reference={request.reference} unlisted="decision-register-unlisted" /> : null}
      {value ? <InKindValueRow estimate={value} label={t("in-kind-title")} /> : null}
      <div className="summary-list__row">
        <dt>{t(granted ? "decision-criteria-cited" : "decision-criteria-not-met")}</dt>
        <dd>{criteria.join(", ")}</dd>
      </div>
      <TextRow label={t("decision-rationale")} text={decision.rationale} />
      <TextRow label={t("decision-message")} text={decision.message} />
      <TextRow label={t("decision-joint-override")} text={decision.jointOverride} />
      <TextRow label={t("decision-length-override")} text={decision.lengthOverride} />
      {decision.endedAt && decision.endReason ? (
        <div className="summary-list__row">
          <dt>{t("decision-ended")}</dt>
          <dd>
            {t(
              "decision-ended-value",
              t(WITHDRAWAL_REASON_LABEL[decision.endReason]),
              personOf(decision.endedBy, t("history-system")),
              longDate(decision.endedAt, formats),
            )}
            {decision.endNote ? <span className="assessment-note">{decision.endNote}</span> : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
