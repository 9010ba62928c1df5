import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { contributionViews } from "@/components/request/answer-rows";
import { DecisionForm } from "@/components/review/decision-forms";
import { referenceMessage } from "@/components/ui/reference";
import { Prerequisites } from "@/components/review/decision-summary";
import { actorOn, canDecide, interestRefusal } from "@/lib/domain/permissions";
import { publicDraft, registerConsented } from "@/lib/domain/register/register";
import { grantDefaults } from "@/lib/domain/review/decisions";
import { canAdminister } from "@/lib/domain/roles";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { today } from "@/lib/server/clock";
import { pricesToday } from "@/lib/server/in-kind-value";
import { reviewPolicy } from "@/lib/server/review-policy";
import { loadReviewRequest } from "@/lib/server/pages";

import { decideAction } from "../actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { REVIEW_MESSAGES } from "@/lib/i18n/client-messages";

type Params = { params: Promise<{ id: string }> };

/**
 * Only WMF reviewers and admins decide; anyone else is told the page does not exist. A reviewer
 * who has not declared their interest, or has declared a conflict, goes back to the request's
 * page, which asks for the declaration or says why they take no part.
 */
async function load(id: string) {
  const loaded = await loadReviewRequest(id, `/review/${encodeURIComponent(id)}/decide`);
  if (actorOn(loaded.viewer, loaded.request) !== "wmf") notFound();
  if (interestRefusal("grant", loaded.request.interest)) redirect(`/review/${encodeURIComponent(loaded.request.id)}`);
  return loaded;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { t } = await getI18n();
  const { request } = await load((await params).id);
  return { title: fullTitle(t, t("decide-title", request.reference ?? "")) };
}

export default async function DecidePage({ params }: Params) {
  const { id } = await params;
  const [{ viewer, request }, { t, formats }, prices, policy] = await Promise.all([load(id), getI18n(), pricesToday(), reviewPolicy()]);
  const day = today();
  const back = (
    <p>
      <Link href={`/review/${request.id}`}>{referenceMessage(t, "decide-back", request.reference ?? "")}</Link>
    </p>
  );
  if (!canDecide(viewer, { ...request, assigneeId: request.assignee?.id })) {
    return (
      <div className="page narrow">
        {back}
        <h1>{referenceMessage(t, "decide-title", request.reference ?? "")}</h1>
        <p className="notice notice--warning">
          {t(
            request.proposalPending
              ? "proposal-error-pending"
              : request.status === "SUBMITTED"
                ? "decide-not-taken"
                : request.status === "AWAITING_REQUESTER"
                  ? "decide-awaiting"
                  : "decide-already",
          )}
        </p>
      </div>
    );
  }
  return (
    <ClientMessages set={REVIEW_MESSAGES}>
      <div className="page narrow">
        {back}
        <h1>{referenceMessage(t, "decide-title", request.reference ?? "")}</h1>
        <p className="lead">{t("decide-intro")}</p>
        <DecisionForm
          action={decideAction}
          requestId={request.id}
          version={request.version}
          defaults={grantDefaults(request.answers, day)}
          askJointOverride={request.joint && !request.wmdeRecommendation}
          askLengthOverride={canAdminister(viewer.role)}
          notices={<Prerequisites request={request} />}
          register={registerConsented(request.answers) ? publicDraft(request.answers) : undefined}
          contributions={contributionViews(request.answers, t, formats)}
          inKindPrices={{ ...prices, developmentDays: request.customDevelopmentDays }}
          approval={{ policy, commercial: request.requesterKind === "commercial" }}
        />
      </div>
    </ClientMessages>
  );
}
