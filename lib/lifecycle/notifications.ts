// Who hears of which request event, by email, in which language: one declaration per event.
// Emails are written to the outbox inside the event's transaction; the worker sends them after.
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { longDate } from "@/lib/i18n/format";
import type { TLanguageCode } from "@/lib/i18n/locales";
import { emailLocaleOf } from "@/lib/i18n/messages";
import { emailLocaleOfUser, enqueueEmail } from "@/lib/jobs/outbox";
import { contributionsSentence, CRITERION_LABEL, scopeSummary, WITHDRAWAL_REASON_LABEL } from "@/lib/mail/decision-text";
import { requestRecipient } from "@/lib/mail/recipient";
import { emailWording, requestEmail, type TRequestEmailKind } from "@/lib/mail/templates/request-email";

import { APPEAL_NOTIFICATIONS } from "./appeal-notifications";
import type { TAppliedEvent, TEventConsumer, TEventDetails, TLifecycleEvent } from "./types";

/** The requester (their confirmed contact address, else their sign-in address), the request's reviewer, every WMDE reviewer, or the proposer of a grant. */
type TAudience = "requester" | "assignee" | "wmdeReviewers" | "proposer";

export type TNotice<E extends TLifecycleEvent> = {
  to: TAudience;
  kind: TRequestEmailKind;
  /** The same email is written once, however often the event's transaction is retried. */
  key: (applied: TAppliedEvent<E>, recipientId: string) => string;
  when?: (applied: TAppliedEvent<E>) => boolean;
  /** The parts of the email that come from the event, in the reader's language. */
  text?: (
    details: TEventDetails[E],
    wording: ReturnType<typeof emailWording>,
    applied: TAppliedEvent<E>,
  ) => { detail?: string; more?: string[]; notes?: string[] };
};

export type TNotices<E extends TLifecycleEvent> = readonly TNotice<E>[];
type TRegistry = { [E in TLifecycleEvent]: TNotices<E> };

const jointEntered = <E extends TLifecycleEvent>(reason: (details: TEventDetails[E]) => string): TNotice<E> => ({
  to: "wmdeReviewers",
  kind: "joint_entered",
  key: ({ request, context }, reviewerId) => `joint-entered:${request.id}:${reviewerId}:${context.now.getTime()}`,
  text: (details) => ({ detail: reason(details) }),
});

export const NOTIFICATIONS: TRegistry = {
  submit: [
    { to: "requester", kind: "submitted", key: ({ request }) => `request-submitted:${request.id}` },
    { ...jointEntered<"submit">(() => ""), when: ({ request }) => request.joint },
  ],
  start_review: [],
  take: [],
  release: [],
  move_joint: [{ ...jointEntered<"move_joint">((details) => details.reason), when: ({ details }) => details.joint }],
  assess: [],
  comment: [],
  message: [{ to: "requester", kind: "message", key: ({ details }) => `message:${details.commentId}`, text: (details) => ({ detail: details.body }) }],
  recommend: [],
  assess_human_rights: [],
  estimate_development: [],
  ask_requester: [
    {
      to: "requester",
      kind: "information_requested",
      key: ({ details }) => `information-requested:${details.questionId}`,
      text: (details) => ({ detail: details.question }),
    },
  ],
  requester_answered: [{ to: "assignee", kind: "information_answered", key: ({ details }) => `information-answered:${details.questionId}` }],
  cancel: [],
  grant: [
    {
      to: "requester",
      kind: "granted",
      key: ({ request }) => `granted:${request.id}`,
      text: (details, { t, formats }) => ({
        detail: details.message,
        more: [
          scopeSummary(t, details.scope, formats),
          longDate(details.startsOn, formats),
          longDate(details.expiresOn, formats),
          contributionsSentence(t, details.contributions ?? []),
        ],
        notes: details.firstCheckInOn ? [t("email-granted-check-in", longDate(details.firstCheckInOn, formats))] : [],
      }),
    },
  ],
  decline: [
    {
      to: "requester",
      kind: "declined",
      key: ({ request }) => `declined:${request.id}`,
      text: (details, { t }) => ({
        detail: details.message,
        more: [
          SECTION_IDS.filter((id) => details.criteria.includes(id))
            .map((id) => t(CRITERION_LABEL[id]))
            .join(", "),
        ],
      }),
    },
  ],
  withdraw: [
    {
      to: "requester",
      kind: "withdrawn",
      key: ({ request }) => `withdrawn:${request.id}`,
      text: (details, { t }) => ({ detail: details.message, more: [t(WITHDRAWAL_REASON_LABEL[details.reason])] }),
    },
  ],
  give_up: [{ to: "requester", kind: "given_up", key: ({ request }) => `given-up:${request.id}` }],
  extend: [
    {
      to: "requester",
      kind: "extended",
      key: ({ request, details }) => `extended:${request.id}:${details.expiresOn}`,
      text: (details, { formats }) => ({ detail: details.message, more: [longDate(details.expiresOn, formats)] }),
    },
  ],
  lapse: [{ to: "requester", kind: "lapsed", key: ({ details }) => `lapsed:${details.questionId}` }],
  expire: [
    {
      to: "requester",
      kind: "expired",
      key: ({ request }) => `expired:${request.id}`,
      text: (details, { formats }) => ({ more: [longDate(details.expiresOn, formats)] }),
    },
  ],
  remind_expiry: [
    {
      to: "requester",
      kind: "expiry_reminder",
      key: ({ request, details }) => `expiry-reminder:${request.id}:${details.expiresOn}:${details.daysAhead}`,
      text: (details, { formats }) => ({ more: [longDate(details.expiresOn, formats), String(details.daysLeft)] }),
    },
  ],
  open_check_in: [
    {
      to: "requester",
      kind: "check_in_opened",
      key: ({ details }) => `check-in-opened:${details.checkInId}`,
      text: (details, { formats }) => ({ more: [longDate(details.dueOn, formats)] }),
    },
  ],
  remind_check_in: [
    {
      to: "requester",
      kind: "check_in_reminder",
      key: ({ details }) => `check-in-reminder:${details.checkInId}`,
      text: (details, { formats }) => ({ more: [longDate(details.dueOn, formats)] }),
    },
  ],
  miss_check_in: [],
  check_in: [],
  acknowledge_check_in: [],
  propose_grant: [],
  return_grant_proposal: [
    {
      to: "proposer",
      kind: "proposal_returned",
      key: ({ details }) => `proposal-returned:${details.proposalId}`,
      text: (details) => ({ detail: details.note }),
    },
  ],
  declare_interest: [],
  lift_conflict: [],
  ...APPEAL_NOTIFICATIONS,
};

type TRecipient = { id: string; to: string; locale: TLanguageCode; area: "requester" | "staff" };

async function recipients(tx: Prisma.TransactionClient, audience: TAudience, applied: TAppliedEvent): Promise<TRecipient[]> {
  const { request } = applied;
  if (audience === "requester") {
    const to = await requestRecipient(tx, request);
    return to ? [{ id: request.requesterId, to, locale: await emailLocaleOfUser(tx, request.requesterId), area: "requester" }] : [];
  }
  const select = { id: true, email: true, locale: true, lastLocale: true } as const;
  const personId = audience === "assignee" ? request.assigneeId : audience === "proposer" ? proposerOf(applied) : undefined;
  const people =
    audience === "wmdeReviewers"
      ? await tx.user.findMany({ where: { role: "WMDE_REVIEWER", email: { not: null } }, select })
      : personId
        ? await tx.user.findMany({ where: { id: personId }, select })
        : [];
  return people.flatMap((person) =>
    person.email ? [{ id: person.id, to: person.email, locale: emailLocaleOf(person, "staff"), area: "staff" as const }] : [],
  );
}

/** Who proposed the grant an event is about, when it is about one. */
function proposerOf(applied: TAppliedEvent): string | undefined {
  const details: object = applied.details;
  return "proposerId" in details && typeof details.proposerId === "string" ? details.proposerId : undefined;
}

/** The consumer that writes each event's emails to the outbox, as NOTIFICATIONS declares them. */
export const sendNotifications: TEventConsumer = async (tx, applied) => {
  const notices = NOTIFICATIONS[applied.event] as readonly TNotice<TLifecycleEvent>[];
  for (const notice of notices) {
    if (notice.when && !notice.when(applied)) continue;
    for (const recipient of await recipients(tx, notice.to, applied)) {
      const wording = emailWording(recipient.locale);
      const path = recipient.area === "requester" ? "requests" : "review";
      await enqueueEmail(tx, {
        idempotencyKey: notice.key(applied, recipient.id),
        to: recipient.to,
        requestId: applied.request.id,
        ...requestEmail(
          notice.kind,
          {
            reference: applied.request.reference ?? "",
            url: `${applied.context.baseUrl}/${path}/${applied.request.id}`,
            replies: Boolean(env().replyTo),
            ...notice.text?.(applied.details, wording, applied),
          },
          wording.locale,
        ),
      });
    }
  }
};
