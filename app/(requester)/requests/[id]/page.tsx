import type { Metadata } from "next";
import { Done } from "@/components/ui/notice";
import Link from "next/link";

import { AnswersSummary } from "@/components/request/answers-summary";
import { ImportedAnswer, importedAnswerOf } from "@/components/review/imported-answer";
import { GrantContributions } from "@/components/request/grant-contributions";
import { ContactNotice } from "@/components/apply/contact-notice";
import { isolatedMessage } from "@/components/ui/isolated-message";
import { RequestStatusTag } from "@/components/request/status-tag";
import { TaskList } from "@/components/apply/task-list";
import { PrintHeader } from "@/components/ui/print-header";
import { Reference, referenceMessage } from "@/components/ui/reference";
import { Timeline } from "@/components/apply/timeline";
import { offeredActions } from "@/lib/domain/permissions";
import { mayFollowUp } from "@/lib/domain/request/follow-up";
import { incompleteSections, SECTION_IDS } from "@/lib/domain/request/sections";
import { longDate, longDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { now, today } from "@/lib/server/clock";
import { contactStatus } from "@/lib/server/contact";
import { loadOwnRequest } from "@/lib/server/pages";
import { grantContributionsOf } from "@/lib/server/review/contributions";
import { editableSections, requesterConversation, requesterTimeline } from "@/lib/server/requests";
import { AnswerForm } from "@/components/apply/answer-form";
import { QuestionList } from "@/components/request/question-list";

import { CheckInNotice } from "@/components/apply/check-in-notice";
import { OwnDecision } from "@/components/apply/own-decision";
import { currentCheckIn } from "@/lib/server/check-ins";
import { ownDecision, ownLinks } from "@/lib/server/follow-ups";
import { OwnAppeal } from "@/components/apply/own-appeal";
import { requesterAppealEvent } from "@/lib/domain/review/appeals";
import { may } from "@/lib/domain/permissions";
import { ownAppealOf } from "@/lib/server/appeals";

import { answerInformationAction, sendContactLinkAction, startFollowUpAction } from "./actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { ANSWER_FORM_MESSAGES } from "@/lib/i18n/client-messages";

type Params = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cancelled?: string; answered?: string; from?: string; "given-up"?: string; "link-sent"?: string; appealed?: string }>;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { t } = await getI18n();
  const { request } = await loadOwnRequest((await params).id);
  return { title: fullTitle(t, request.reference ?? t("request-draft-title")) };
}

export default async function RequestPage({ params, searchParams }: Params) {
  const [{ id }, query, { t, formats }] = await Promise.all([params, searchParams, getI18n()]);
  const { viewer, request } = await loadOwnRequest(id);
  // The page offers exactly what the rules allow the requester on this request now.
  const offered = offeredActions(viewer, { status: request.status, requesterId: viewer.id });
  const day = today();

  const [links, contact] = await Promise.all([ownLinks(viewer, request), contactStatus(viewer, request.answers)]);
  const contactNotices = (
    <>
      {query["link-sent"] && contact && !contact.confirmed ? <Done>{isolatedMessage(t, "contact-link-sent", contact.contact)}</Done> : null}
      <ContactNotice status={contact} request={request} sendAction={sendContactLinkAction} />
    </>
  );
  const basedOn = links.basedOn ? (
    <p className="notice">
      {t("request-based-on")}{" "}
      <Link href={`/requests/${links.basedOn.id}`}>
        <Reference>{links.basedOn.reference}</Reference>
      </Link>
    </p>
  ) : null;

  if (request.status === "DRAFT") {
    const remaining = incompleteSections(request.answers, day).length;
    return (
      <div className="page narrow">
        <h1>{t("request-draft-title")}</h1>
        {query.from && links.basedOn ? <Done>{referenceMessage(t, "request-follow-up-started", links.basedOn.reference ?? "")}</Done> : null}
        {basedOn}
        <p className="lead">{t("request-draft-intro")}</p>
        {contactNotices}
        <p>{t("request-draft-progress", SECTION_IDS.length - remaining, SECTION_IDS.length)}</p>
        <TaskList requestId={request.id} answers={request.answers} today={day} />
        <h2>{t("request-draft-submit-heading")}</h2>
        {remaining === 0 ? (
          <p>
            <Link className="button button--primary" href={`/requests/${request.id}/check`}>
              {t("request-draft-check")}
            </Link>
          </p>
        ) : (
          <p>{t("request-draft-not-ready")}</p>
        )}
        <p>
          <Link href={`/requests/${request.id}/delete`}>{t("request-draft-delete")}</Link>
        </p>
      </div>
    );
  }

  const [timeline, conversation, editable, decision, checkIn, appeal] = await Promise.all([
    requesterTimeline(viewer, request),
    requesterConversation(request),
    editableSections(request),
    ownDecision(request),
    currentCheckIn(request),
    ownAppealOf(request),
  ]);
  return (
    <div className="page">
      <h1>{referenceMessage(t, "request-title", request.reference ?? "")}</h1>
      {query.answered ? <Done>{t("request-answer-sent")}</Done> : null}
      {query.cancelled ? <Done>{t("request-cancelled-notice")}</Done> : null}
      {query["given-up"] ? <Done>{t("request-given-up-notice")}</Done> : null}
      {query.appealed ? <Done>{t("request-appealed-notice")}</Done> : null}
      <PrintHeader
        status={
          <>
            <RequestStatusTag status={request.shown} /> {request.submittedAt ? t("request-submitted-on", longDate(request.submittedAt, formats)) : null}
          </>
        }
        actions={offered.has("cancel") ? <Link href={`/requests/${request.id}/cancel`}>{t("request-cancel-link")}</Link> : null}
      />
      {request.importedAt ? <p className="notice">{t("request-imported-notice", longDate(request.importedAt, formats))}</p> : null}
      {basedOn}
      {contactNotices}
      {links.followUps.map((followUp) => (
        <p className="notice" key={followUp.id}>
          {referenceMessage(t, followUp.status === "DRAFT" ? "request-follow-up-draft" : "request-follow-up", followUp.reference ?? "")}{" "}
          <Link href={`/requests/${followUp.id}`}>{t("request-follow-up-open")}</Link>
        </p>
      ))}
      <CheckInNotice requestId={request.id} checkIn={request.status === "GRANTED" ? checkIn : null} now={now()} />
      {decision ? (
        <OwnDecision
          request={request}
          decision={decision}
          followUpAction={startFollowUpAction}
          hasFollowUp={links.followUps.length > 0}
          mayFollowUp={mayFollowUp(request.status, request.expiresAt, now())}
          mayGiveUp={offered.has("give_up")}
        />
      ) : null}
      <OwnAppeal
        requestId={request.id}
        appeal={appeal.appeal}
        deadline={appeal.deadline}
        mayAppeal={may(viewer, { status: request.status, requesterId: viewer.id, appeal: appeal.permission }, requesterAppealEvent(request.status))}
      />
      <GrantContributions rows={await grantContributionsOf(request.id)} title="request-contributions-title" headingLevel={2} />
      <QuestionList
        questions={conversation.questions}
        answeredLabel={(answeredAt) => t("request-question-answered", longDate(answeredAt, formats))}
        open={() =>
          offered.has("requester_answered") ? (
            <ClientMessages set={ANSWER_FORM_MESSAGES}>
              <AnswerForm action={answerInformationAction} requestId={request.id} version={request.version} reopened={editable} />
            </ClientMessages>
          ) : null
        }
      />
      {conversation.messages.length > 0 ? (
        <section aria-labelledby="messages-title">
          <h2 id="messages-title">{t("request-messages-title")}</h2>
          <ul className="comment-list">
            {conversation.messages.map((message) => (
              <li className="panel" key={message.id}>
                <p className="hint">{longDateTime(message.createdAt, formats)}</p>
                <p className="pre-line" dir="auto">
                  {message.body}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t("timeline-title")}</h2>
      <Timeline entries={timeline} />
      <h2>{t("request-answers-title")}</h2>
      <AnswersSummary
        answers={request.answers}
        today={day}
        headingLevel={3}
        added={appeal.appeal ?? undefined}
        recordedOnly={Boolean(request.importedAt)}
        after={request.importedAt ? (section) => <ImportedAnswer t={t} answer={importedAnswerOf(request.importedAnswers, section)} /> : undefined}
      />
    </div>
  );
}
