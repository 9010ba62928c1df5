import type { Metadata } from "next";
import { Done } from "@/components/ui/notice";
import Link from "next/link";

import { AnswersSummary } from "@/components/request/answers-summary";
import { GrantContributions } from "@/components/request/grant-contributions";
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
import { SECTION_IDS, type TSectionId } from "@/lib/domain/request/sections";
import { formatNumber, longDate, shortDateTime } from "@/lib/i18n/format";
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
import { RequestSummary } from "@/components/review/request-summary";
import { ImportedAnswer, importedAnswerOf } from "@/components/review/imported-answer";
import { WikimediaAccount } from "@/components/review/wikimedia-account";
import { CriterionAssessments, FlagsCard, NextSteps, Scorecard } from "@/components/review/workbench-rail";

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

  const assessments = conflicted ? [] : request.assessments;
  const myAssessment = (section: TSectionId) => assessments.find((assessment) => assessment.criterion === section && assessment.reviewer.id === viewer.id);
  const mayDecide = canDecide(viewer, { ...request, assigneeId: request.assignee?.id });
  const comments = request.comments.toReversed();
  const newestHistory = history.toReversed();
  // Where on the page each step this reviewer may take now is done.
  const nextSteps = (
    [
      [offered.has("declare_interest") && request.interest === "undeclared", "#interest-heading", "review-next-interest"],
      [offered.has("assess"), "#criteria-title", "review-next-assess"],
      [offered.has("recommend"), "#recommend-title", "review-next-recommend"],
      [offered.has("ask_requester"), "#info-title", "review-next-ask"],
    ] as const
  ).flatMap(([offeredHere, href, label]) => (offeredHere ? [[href, label] as const] : []));
  // Declaring comes before assessing: at the top until done, then out of the way below the answers.
  const interestPanel = (
    <InterestPanel
      inline={request.interest !== "undeclared"}
      interest={request.interest}
      declaration={request.declaration}
      form={
        offered.has("declare_interest") ? (
          <InterestForm action={declareInterestAction} requestId={request.id} declaredNone={request.interest === "none"} />
        ) : undefined
      }
    />
  );

  return (
    <ClientMessages set={REVIEW_MESSAGES}>
      <div className="page">
        <div className="workbench">
          <div className="workbench__head">
            <p className="no-print">
              <Link href="/review">{t("review-back")}</Link>
            </p>
            <h1>{referenceMessage(t, "review-request-title", request.reference ?? "")}</h1>
            {decidedNotice ? <Done>{t(decidedNotice)}</Done> : null}
            {request.importedAt ? (
              <p className="notice">
                <span className="tag">{t("review-imported-tag")}</span>{" "}
                {t("review-imported-notice", person(request.importedBy), longDate(request.importedAt, formats))}
              </p>
            ) : null}
            <PrintHeader
              status={
                <>
                  <RequestStatusTag status={request.shown} /> {request.joint ? <span className="tag tag--progressive">{t("queue-joint-badge")}</span> : null}{" "}
                  {request.submittedAt ? t("review-submitted-by", longDate(request.submittedAt, formats), person(request.requester)) : null}
                </>
              }
            />
            <RequestSummary
              t={t}
              formats={formats}
              answers={request.answers}
              day={day}
              joint={request.joint}
              routingReasons={messages(request.routingReasons)}
              routing={
                offered.has("move_joint") ? (
                  <JointMoveForm
                    action={moveJointAction}
                    requestId={request.id}
                    version={request.version}
                    joint={request.joint}
                    disclosure={t(request.joint ? "review-routing-move-out" : "review-routing-move-in")}
                  />
                ) : undefined
              }
            />
            {request.interest === "undeclared" ? null : interestPanel}
          </div>
          {/* After the summary, before the answers: on a wide screen beside them, in view while they scroll. */}
          <aside className="workbench__rail" aria-label={t("review-rail-label")}>
            <NextSteps
              t={t}
              holder={request.assignee ? person(request.assignee) : null}
              release={
                offered.has("release") ? (
                  <RequestActionForm action={releaseRequestAction} request={request} label={t("review-release")} tone="normal" />
                ) : undefined
              }
            >
              {offered.has(request.status === "SUBMITTED" ? "start_review" : "take") ? (
                <RequestActionForm action={takeRequestAction} request={request} label={t("review-take")} />
              ) : null}
              {request.decision || !open ? null : request.proposalPending ? (
                <p>
                  <a href="#proposal-title">{t("review-next-proposal")}</a>
                </p>
              ) : mayDecide ? (
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
              {pendingQuestion ? (
                <p className="notice notice--warning">
                  {t("review-info-open", longDate(pendingQuestion.createdAt, formats), longDate(pendingQuestion.replyBy, formats))}
                </p>
              ) : null}
              <ul className="plain-list next-steps">
                {nextSteps.map(([href, label]) => (
                  <li key={href}>
                    <a href={href}>{t(label)}</a>
                  </li>
                ))}
              </ul>
            </NextSteps>
            <FlagsCard t={t} flags={flags} />
            <section className="panel rail-card" aria-labelledby="scorecard-title">
              <h2 id="scorecard-title" className="visually-hidden">
                {t("review-scorecard-title")}
              </h2>
              {conflicted ? (
                <p className="hint">{t("review-scorecard-hidden")}</p>
              ) : (
                <Scorecard t={t} formats={formats} assessments={assessments} person={person} />
              )}
            </section>
          </aside>

          <div className="workbench__main">
            {request.interest === "undeclared" ? interestPanel : null}

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

            <nav className="criteria-nav no-print" aria-labelledby="criteria-title">
              <h2 id="criteria-title" className="criteria-nav__title">
                {t("review-answers-title")}
              </h2>
              <ol>
                {SECTION_IDS.map((section) => (
                  <li key={section}>
                    <a href={`#section-${section}`}>{t(SECTION_TITLE[section])}</a>
                  </li>
                ))}
              </ol>
            </nav>
            <h2 className="print-only">{t("review-answers-title")}</h2>
            <AnswersSummary
              answers={request.answers}
              today={day}
              headingLevel={3}
              added={appeal.appeal ?? undefined}
              earlier={request.earlier}
              compact
              recordedOnly={Boolean(request.importedAt)}
              after={(section) => {
                const account = (
                  <>
                    {request.importedAt ? <ImportedAnswer t={t} answer={importedAnswerOf(request.importedAnswers, section)} /> : null}
                    {section === "who" ? <WikimediaAccount t={t} formats={formats} facts={request.requester.wikimedia} /> : null}
                  </>
                );
                // A reviewer with a conflict sees no assessments: the panel above says why.
                if (conflicted) return account;
                const mine = myAssessment(section);
                const here = assessments.filter((assessment) => assessment.criterion === section);
                return (
                  <>
                    {account}
                    <CriterionAssessments
                      t={t}
                      formats={formats}
                      assessments={here}
                      person={person}
                      form={
                        offered.has("assess") ? (
                          <AssessmentForm
                            action={saveAssessmentAction}
                            requestId={request.id}
                            criterion={section}
                            criterionLabel={t(SECTION_TITLE[section])}
                            disclosure={t(mine ? "review-assess-change" : "review-assess-open", t(SECTION_TITLE[section]))}
                            rating={mine?.rating}
                            note={mine?.note}
                          />
                        ) : undefined
                      }
                    />
                  </>
                );
              }}
            />

            {/* After the answers: the decision and the grant's life beside the conversation, where there is room. */}
            <div className="workbench__after">
              <div className="workbench__decision">
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
                    <DevelopmentDaysForm
                      action={estimateDevelopmentAction}
                      requestId={request.id}
                      version={request.version}
                      saved={request.customDevelopmentDays}
                      disclosure={
                        request.customDevelopmentDays === null
                          ? t("development-open")
                          : t("development-change", formatNumber(request.customDevelopmentDays, formats), request.customDevelopmentDays)
                      }
                    />
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
              </div>
              <section className="conversation" aria-labelledby="conversation-title">
                <h2 id="conversation-title">{t("review-conversation-title")}</h2>
                <QuestionList
                  questions={request.infoRequests}
                  answeredLabel={(answeredAt) => t("review-question-answer", longDate(answeredAt, formats))}
                  conversation={{ title: t("review-conversation-questions", request.infoRequests.length) }}
                />
                {offered.has("ask_requester") ? (
                  <div className="no-print">
                    <InformationForm
                      action={askForInformationAction}
                      requestId={request.id}
                      version={request.version}
                      defaultReplyBy={inTwoWeeks}
                      sections={SECTION_IDS.map((section) => ({ id: section, label: t(SECTION_TITLE[section]) }))}
                      disclosure={t("review-next-ask")}
                    />
                  </div>
                ) : null}

                <section aria-labelledby="comments-heading">
                  <h3 id="comments-heading">{t("review-conversation-comments", request.comments.length)}</h3>
                  {conflicted ? <p className="hint">{t("conflict-comments-hidden")}</p> : null}
                  {offered.has("comment") ? <CommentForm action={addCommentAction} requestId={request.id} disclosure={t("review-comment-add")} /> : null}
                  {request.comments.length === 0 ? <p>{t("review-comments-none")}</p> : null}
                  <ul className="comment-list">
                    {comments.map((comment) => (
                      <li key={comment.id} className={`panel${comment.kind === "MESSAGE" ? "" : " comment--internal"}`}>
                        <p className="hint">
                          <span className={`tag ${comment.kind === "MESSAGE" ? "tag--progressive" : "tag--internal"}`}>
                            {t(comment.kind === "MESSAGE" ? "review-comment-message-tag" : "review-comment-internal-tag")}
                          </span>{" "}
                          {person(comment.author)}, {shortDateTime(comment.createdAt, formats)}
                        </p>
                        <p className="pre-line">{comment.body}</p>
                      </li>
                    ))}
                  </ul>
                </section>

                <section aria-labelledby="history-title">
                  <h3 id="history-title">{t("review-conversation-history", history.length)}</h3>
                  <ol className="timeline">
                    {newestHistory.map((entry) => (
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
              </section>
            </div>
          </div>
        </div>
      </div>
    </ClientMessages>
  );
}
