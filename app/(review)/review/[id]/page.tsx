import type { Metadata } from "next";
import { Done } from "@/components/ui/notice";
import Link from "next/link";

import { AnswersSummary } from "@/components/request/answers-summary";
import { GrantContributions } from "@/components/request/grant-contributions";
import { Table } from "@/components/ui/table";
import { QuestionList } from "@/components/request/question-list";
import { RequestActionForm } from "@/components/request/request-action-form";
import { RequestStatusTag } from "@/components/request/status-tag";
import { AppealPanel } from "@/components/review/appeal-panel";
import { ExtendForm, HumanRightsForm, RecommendationForm, WithdrawForm } from "@/components/review/decision-forms";
import { appealOf } from "@/lib/server/appeals";
import { DecisionSummary, Prerequisites } from "@/components/review/decision-summary";
import { DevelopmentDaysForm } from "@/components/review/development-days-form";
import { AssessmentForm, CommentForm, InformationForm, JointMoveForm } from "@/components/review/forms";
import { PrintHeader } from "@/components/ui/print-header";
import { Reference, referenceMessage } from "@/components/ui/reference";
import { historyLabel } from "@/lib/domain/audit";
import { actorOn, canDecide, isConflicted, offeredActions } from "@/lib/domain/permissions";
import { isOpen } from "@/lib/domain/request/state-machine";
import { canAdminister } from "@/lib/domain/roles";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { longDate, shortDateTime } from "@/lib/i18n/format";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import type { TMessageKey, TParam } from "@/lib/i18n/translator";
import { now } from "@/lib/server/clock";
import { grantContributionsOf } from "@/lib/server/review/contributions";
import { grantValue } from "@/lib/server/in-kind-value";
import { loadReviewRequest } from "@/lib/server/pages";
import { reviewCheckIns } from "@/lib/server/review/check-ins";
import { reviewHistory } from "@/lib/server/review/request";
import { CheckInsPanel } from "@/components/review/check-ins-panel";
import { ProposalPanel } from "@/components/review/proposal-panel";
import { InterestForm } from "@/components/review/interest-form";
import { InterestPanel } from "@/components/review/interest-panel";

import { MAX_GRANT_MONTHS } from "@/lib/domain/review/decisions";
import { addDays, addMonths, dayOf } from "@/lib/domain/time";

import {
  addCommentAction,
  askForInformationAction,
  extendAction,
  moveJointAction,
  recordHumanRightsAction,
  recordRecommendationAction,
  releaseRequestAction,
  saveAssessmentAction,
  takeRequestAction,
  withdrawAction,
  decideAppealAction,
  estimateDevelopmentAction,
  acknowledgeCheckInAction,
  confirmProposalAction,
  returnProposalAction,
  declareInterestAction,
} from "./actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { REVIEW_MESSAGES } from "@/lib/i18n/client-messages";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ decided?: string }> };
const DECIDED_NOTICE: Record<string, TMessageKey> = {
  granted: "decided-granted",
  declined: "decided-declined",
  withdrawn: "decided-withdrawn",
  proposed: "decided-proposed",
  appeal: "decided-appeal",
};

const load = (id: string) => loadReviewRequest(id, `/review/${encodeURIComponent(id)}`);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { t } = await getI18n();
  const { request } = await load((await params).id);
  return { title: fullTitle(t, t("review-request-title", request.reference ?? "")) };
}

type TMessage = { key: string; params: TParam[] };
const minDay = (a: string, b: string) => (a < b ? a : b);
const messages = (value: unknown): TMessage[] => (Array.isArray(value) ? (value as TMessage[]) : []);
const SEVERITY: Record<string, { label: TMessageKey; tone: string }> = {
  red: { label: "review-severity-red", tone: "tag--error" },
  warning: { label: "review-severity-warning", tone: "tag--warning" },
  positive: { label: "review-severity-positive", tone: "tag--success" },
};
const RATING: Record<string, TMessageKey> = { MET: "rating-met", PARTLY_MET: "rating-partly-met", NOT_MET: "rating-not-met", CANT_TELL: "rating-cant-tell" };

export default async function ReviewRequestPage({ params, searchParams }: Params) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [{ viewer, request }, { t, formats }] = await Promise.all([load(id), getI18n()]);
  const [history, value, checkIns, appeal] = await Promise.all([reviewHistory(request), grantValue(request), reviewCheckIns(request), appealOf(request)]);
  const open = isOpen(request.status);
  const flags = messages(request.flags) as (TMessage & { severity: string })[];
  const pendingQuestion = request.infoRequests.find((question) => !question.answeredAt && !question.lapsedAt);
  const day = (request.submittedAt ?? now()).toISOString().slice(0, 10);
  const inTwoWeeks = dayOf(addDays(now(), 14));
  const person = (user: { name: string | null; email: string | null } | null) => user?.name ?? user?.email ?? t("history-system");
  const historyText = (action: string) => {
    const label = historyLabel(action);
    return label ? t(label) : action;
  };
  // The page offers exactly what the permission rules allow this viewer on this request now.
  const offered = offeredActions(viewer, { ...request, assigneeId: request.assignee?.id });
  const wmde = actorOn(viewer, request) === "wmde";
  const conflicted = isConflicted(request);
  const decidedNotice = query.decided ? DECIDED_NOTICE[query.decided] : undefined;

  return (
    <ClientMessages set={REVIEW_MESSAGES}>
      <div className="page">
        <p className="no-print">
          <Link href="/review">{t("review-back")}</Link>
        </p>
        <h1>{referenceMessage(t, "review-request-title", request.reference ?? "")}</h1>
        {decidedNotice ? <Done>{t(decidedNotice)}</Done> : null}
        <PrintHeader
          status={
            <>
              <RequestStatusTag status={request.shown} /> {request.joint ? <span className="tag tag--progressive">{t("queue-joint-badge")}</span> : null}{" "}
              {request.submittedAt ? t("review-submitted-by", longDate(request.submittedAt, formats), person(request.requester)) : null}
            </>
          }
        />

        <section className="panel" aria-labelledby="assignment-title">
          <h2 id="assignment-title" className="visually-hidden">
            {t("queue-col-assignee")}
          </h2>
          <p>{request.assignee ? t("review-assigned-to", person(request.assignee)) : t("review-not-assigned")}</p>
          {offered.has(request.status === "SUBMITTED" ? "start_review" : "take") ? (
            <RequestActionForm action={takeRequestAction} request={request} label={t("review-take")} />
          ) : null}
          {offered.has("release") ? <RequestActionForm action={releaseRequestAction} request={request} label={t("review-release")} /> : null}
        </section>

        <InterestPanel
          interest={request.interest}
          declaration={request.declaration}
          form={
            offered.has("declare_interest") ? (
              <InterestForm action={declareInterestAction} requestId={request.id} declaredNone={request.interest === "none"} />
            ) : undefined
          }
        />

        {request.basedOn || request.followUps.length > 0 ? (
          <ul className="hint">
            {request.basedOn ? (
              <li>
                {t("review-based-on")}{" "}
                <Link href={`/review/${request.basedOn.id}`}>
                  <Reference>{request.basedOn.reference}</Reference>
                </Link>
              </li>
            ) : null}
            {request.followUps.map((followUp) => (
              <li key={followUp.id}>
                {t("review-followed-by")}{" "}
                <Link href={`/review/${followUp.id}`}>
                  <Reference>{followUp.reference}</Reference>
                </Link>
              </li>
            ))}
          </ul>
        ) : null}

        <section className="panel decision-panel" aria-labelledby="decision-title">
          <h2 id="decision-title">{t("decision-title")}</h2>
          {request.decision ? (
            <>
              <DecisionSummary request={request} value={value} />
              <GrantContributions rows={await grantContributionsOf(request.id)} title="review-contributions-title" headingLevel={3} />
            </>
          ) : open ? (
            <>
              <ProposalPanel viewer={viewer} request={request} confirm={confirmProposalAction} sendBack={returnProposalAction} />
              <Prerequisites request={request} />
              {request.proposalPending ? null : canDecide(viewer, { ...request, assigneeId: request.assignee?.id }) ? (
                <p>
                  <Link className="button button--primary" href={`/review/${request.id}/decide`}>
                    {t("decision-make")}
                  </Link>
                </p>
              ) : (
                <p className="hint">
                  {t(
                    conflicted
                      ? "conflict-error-declared"
                      : request.status === "AWAITING_REQUESTER"
                        ? "decide-awaiting"
                        : wmde
                          ? "decision-wmf-decides"
                          : request.interest === "undeclared" && request.status === "IN_REVIEW"
                            ? "conflict-error-declare-first"
                            : "decide-not-taken",
                  )}
                </p>
              )}
              {offered.has("recommend") ? (
                <RecommendationForm action={recordRecommendationAction} requestId={request.id} saved={request.wmdeRecommendation} />
              ) : null}
              {offered.has("assess_human_rights") && request.requesterKind === "commercial" ? (
                <HumanRightsForm action={recordHumanRightsAction} requestId={request.id} saved={request.humanRights} />
              ) : null}
            </>
          ) : (
            <p>{t("decision-none-closed")}</p>
          )}
          {offered.has("estimate_development") ? (
            <DevelopmentDaysForm action={estimateDevelopmentAction} requestId={request.id} version={request.version} saved={request.customDevelopmentDays} />
          ) : null}
          {(offered.has("extend") || offered.has("withdraw")) && request.expiresAt && request.decision?.startsAt ? (
            <div className="review-columns">
              {offered.has("extend") ? (
                <ExtendForm
                  action={extendAction}
                  requestId={request.id}
                  version={request.version}
                  defaultExpiresOn={minDay(addMonths(dayOf(request.expiresAt), 6), addMonths(dayOf(request.decision.startsAt), MAX_GRANT_MONTHS))}
                  askLengthOverride={canAdminister(viewer.role)}
                />
              ) : null}
              {offered.has("withdraw") ? <WithdrawForm action={withdrawAction} requestId={request.id} version={request.version} /> : null}
            </div>
          ) : null}
        </section>

        <AppealPanel viewer={viewer} request={request} appeal={appeal} action={decideAppealAction} />

        <CheckInsPanel
          requestId={request.id}
          checkIns={checkIns}
          now={now()}
          acknowledge={offered.has("acknowledge_check_in") ? acknowledgeCheckInAction : undefined}
        />

        {pendingQuestion ? (
          <p className="notice notice--warning">
            {t("review-info-open", longDate(pendingQuestion.createdAt, formats), longDate(pendingQuestion.replyBy, formats))}
          </p>
        ) : null}

        <div className="review-columns">
          <section className="panel" aria-labelledby="flags-title">
            <h2 id="flags-title">{t("review-flags-title")}</h2>
            <p className="hint">{t("review-flags-intro")}</p>
            {flags.length === 0 ? (
              <p>{t("review-flags-none")}</p>
            ) : (
              <ul className="flag-list">
                {flags.map((flag) => (
                  <li key={flag.key + flag.params.join()}>
                    <span className={`tag ${SEVERITY[flag.severity]?.tone ?? ""}`}>{t(SEVERITY[flag.severity]?.label ?? "review-severity-warning")}</span>{" "}
                    {t(flag.key as TMessageKey, ...flag.params)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="routing-title">
            <h2 id="routing-title">{t("review-routing-title")}</h2>
            <p>
              <strong>{request.joint ? t("review-routing-joint") : t("review-routing-not-joint")}</strong>
            </p>
            <ul>
              {messages(request.routingReasons).map((reason) => (
                <li key={reason.key}>{t(reason.key as TMessageKey, ...reason.params)}</li>
              ))}
            </ul>
            {offered.has("move_joint") ? (
              <JointMoveForm action={moveJointAction} requestId={request.id} version={request.version} joint={request.joint} />
            ) : null}
          </section>
        </div>

        <h2>{t("review-answers-title")}</h2>
        <AnswersSummary
          answers={request.answers}
          today={day}
          headingLevel={3}
          added={appeal.appeal ?? undefined}
          after={(section) => {
            // A reviewer with a conflict sees no assessments: the panel above says why.
            if (conflicted) return null;
            const assessments = request.assessments.filter((assessment) => assessment.criterion === section);
            const mine = assessments.find((assessment) => assessment.reviewer.id === viewer.id);
            return (
              <div className="assessments">
                <Table caption={t("review-assessments-caption", t(SECTION_TITLE[section]))} columns={[t("review-org-wmf"), t("review-org-wmde")]}>
                  <tr>
                    {(["WMF", "WMDE"] as const).map((organisation) => {
                      const found = assessments.filter((assessment) => assessment.organisation === organisation);
                      return (
                        <td key={organisation}>
                          {found.length === 0 ? (
                            <span className="hint">{t("review-assessments-none")}</span>
                          ) : (
                            found.map((assessment) => (
                              <p key={assessment.id}>
                                <strong>{t(RATING[assessment.rating] ?? "rating-cant-tell")}</strong> – {person(assessment.reviewer)}
                                {assessment.note ? <span className="assessment-note">{assessment.note}</span> : null}
                              </p>
                            ))
                          )}
                        </td>
                      );
                    })}
                  </tr>
                </Table>
                {offered.has("assess") ? (
                  <AssessmentForm
                    action={saveAssessmentAction}
                    requestId={request.id}
                    criterion={section}
                    criterionLabel={t(SECTION_TITLE[section])}
                    rating={mine?.rating}
                    note={mine?.note}
                  />
                ) : null}
              </div>
            );
          }}
        />

        <QuestionList questions={request.infoRequests} answeredLabel={(answeredAt) => t("review-question-answer", longDate(answeredAt, formats))} />

        {offered.has("ask_requester") ? (
          <section className="panel no-print" aria-labelledby="info-title">
            <InformationForm
              action={askForInformationAction}
              requestId={request.id}
              version={request.version}
              defaultReplyBy={inTwoWeeks}
              sections={SECTION_IDS.map((section) => ({ id: section, label: t(SECTION_TITLE[section]) }))}
            />
          </section>
        ) : null}

        <section aria-labelledby="comments-heading">
          <h2 id="comments-heading">{t("review-comments-title")}</h2>
          {conflicted ? <p className="hint">{t("conflict-comments-hidden")}</p> : null}
          {request.comments.length === 0 ? <p>{t("review-comments-none")}</p> : null}
          <ul className="comment-list">
            {request.comments.map((comment) => (
              <li key={comment.id} className="panel">
                <p className="hint">
                  <span className={`tag ${comment.kind === "MESSAGE" ? "tag--progressive" : ""}`}>
                    {t(comment.kind === "MESSAGE" ? "review-comment-message-tag" : "review-comment-internal-tag")}
                  </span>{" "}
                  {person(comment.author)}, {shortDateTime(comment.createdAt, formats)}
                </p>
                <p className="pre-line">{comment.body}</p>
              </li>
            ))}
          </ul>
          {offered.has("comment") ? <CommentForm action={addCommentAction} requestId={request.id} /> : null}
        </section>

        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("review-history-title")}</h2>
          <ol className="timeline">
            {history.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.at.toISOString()}>{shortDateTime(entry.at, formats)}</time>
                <span>
                  {historyText(entry.action)} – {person(entry.actor)}
                  {entry.note ? `: ${entry.note}` : ""}
                </span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </ClientMessages>
  );
}
