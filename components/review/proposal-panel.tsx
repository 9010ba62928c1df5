import { SummaryRow, TextRow } from "@/components/ui/summary-row";
import { APPROVAL_REASON_LABEL, APPROVAL_REASONS, proposalRefusal } from "@/lib/domain/review/approval";
import type { TPermissionViewer } from "@/lib/domain/permissions";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { longDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { CRITERION_LABEL, scopeLines } from "@/lib/mail/decision-text";
import { proposedGrant } from "@/lib/server/review/approval";
import type { TReviewRequest } from "@/lib/server/review/request";

import type { TAction } from "./forms";
import { ConfirmProposalForm, ReturnProposalForm } from "./proposal-forms";

type TPerson = { name: string | null; email: string | null } | null;

/**
 * The grant proposed on a request, waiting for a second approver: what it grants, who proposed it
 * and why it needs a second person; the confirm and send-back forms for anyone who may use them,
 * and why not for anyone else (its own proposer above all). Without one waiting, the last one sent
 * back, with its note.
 */
export async function ProposalPanel({
  viewer,
  request,
  confirm,
  sendBack,
}: {
  viewer: TPermissionViewer;
  request: TReviewRequest;
  confirm: TAction;
  sendBack: TAction;
}) {
  const { t, formats } = await getI18n();
  const person = (who: TPerson) => who?.name ?? who?.email ?? t("history-system");
  const proposal = request.proposal;
  if (!proposal) {
    const last = request.proposals[0];
    if (request.status !== "IN_REVIEW" || last?.status !== "RETURNED" || !last.resolvedAt) return null;
    return (
      <div className="notice notice--warning" data-testid="proposal-returned">
        <p>{t("proposal-returned-by", person(last.resolvedBy), longDate(last.resolvedAt, formats), person(last.proposedBy))}</p>
        <p className="pre-line" dir="auto">
          {last.note}
        </p>
      </div>
    );
  }
  const { grant, problem } = proposedGrant(request, proposal);
  const reasons = APPROVAL_REASONS.filter((reason) => proposal.reasons.includes(reason)).map((reason) => t(APPROVAL_REASON_LABEL[reason]));
  const refusal = proposalRefusal(viewer, request);
  return (
    <section className="panel proposal-panel" aria-labelledby="proposal-title" data-testid="proposal-panel">
      <h3 id="proposal-title">{t("proposal-title")}</h3>
      <p>{t("proposal-proposed-by", person(proposal.proposedBy), longDate(proposal.proposedAt, formats))}</p>
      <p>{t("proposal-reasons", reasons.join("; "))}</p>
      {grant ? (
        <dl className="summary-list">
          <SummaryRow label={t("decision-scope")}>
            <ul>
              {scopeLines(
                t,
                { apis: grant.apis, onDemandPerMonth: grant.onDemandPerMonth ?? null, snapshotFrequency: grant.snapshotFrequency ?? null },
                formats,
              ).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </SummaryRow>
          <SummaryRow label={t("decision-dates")}>
            {t("decision-dates-value", longDate(grant.startsOn, formats), longDate(grant.expiresOn, formats))}
          </SummaryRow>
          <SummaryRow label={t("decision-criteria-cited")}>
            {SECTION_IDS.filter((id) => grant.criteria.includes(id))
              .map((id) => t(CRITERION_LABEL[id]))
              .join(", ")}
          </SummaryRow>
          <TextRow label={t("decision-rationale")} text={grant.rationale} />
          <TextRow label={t("decision-message")} text={grant.message} />
          <TextRow label={t("decision-length-override")} text={grant.lengthOverride} />
          <TextRow label={t("decision-joint-override")} text={grant.jointOverride} />
        </dl>
      ) : null}
      {refusal ? (
        <p className="notice notice--warning">{t(refusal)}</p>
      ) : problem ? (
        <>
          <p className="notice notice--warning" data-testid="proposal-not-confirmable">
            {t("proposal-cannot-confirm", t(problem.key, ...(problem.params ?? [])))}
          </p>
          <ReturnProposalForm action={sendBack} requestId={request.id} version={request.version} />
        </>
      ) : (
        <div className="review-columns">
          <ConfirmProposalForm action={confirm} requestId={request.id} version={request.version} />
          <ReturnProposalForm action={sendBack} requestId={request.id} version={request.version} />
        </div>
      )}
    </section>
  );
}
