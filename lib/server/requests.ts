import "server-only";

import { db } from "@/lib/db";
import { DomainError, FieldRuleError, NotFoundError } from "@/lib/domain/errors";
import { isRecordId } from "@/lib/domain/request/fields";
import { formatReference, type TRequestStatus, type TShownStatus } from "@/lib/domain/request/lifecycle";
import {
  contextOf,
  draftValues,
  incompleteSections,
  isSectionId,
  reopenedProblems,
  SECTION_IDS,
  sectionSchema,
  startingAnswers,
  type TDraftAnswers,
  type TReopenedProblems,
  type TSectionId,
} from "@/lib/domain/request/sections";
import { effectiveStatus, shownStatus } from "@/lib/domain/request/state-machine";
import { reviewColumns } from "@/lib/domain/review/columns";
import { env, publicUrl } from "@/lib/env";
import { fieldErrorsOf, type TFieldError, type TFormValues } from "@/lib/form-state";
import { audit } from "@/lib/audit";
import { REQUESTER_VISIBLE_ACTIONS, type TRequesterVisibleAction } from "@/lib/domain/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";

import { now, today } from "./clock";
import { offerContactConfirmation } from "./contact";
import { runEvent } from "./events";
import type { TViewer } from "./session";
import { nextStatus } from "./transitions";
import { wikimediaFactsOf } from "./wikimedia-facts";

const PAGE_SIZE = 25;

export type TOwnRequest = {
  id: string;
  reference: string | null;
  status: TRequestStatus;
  version: number;
  answers: TDraftAnswers;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  startsAt: Date | null;
  expiresAt: Date | null;
  basedOnId: string | null;
  /** When the request was recorded from the email era, with its answers as the emails gave them; null for one made here. */
  importedAt: Date | null;
  importedAnswers: unknown;
  /** The status as the requester reads it now: a grant before its first day is not started. */
  shown: TShownStatus;
};

const OWN_REQUEST_FIELDS = {
  id: true,
  reference: true,
  status: true,
  version: true,
  answers: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  startsAt: true,
  expiresAt: true,
  basedOnId: true,
  importedAt: true,
  importedAnswers: true,
} as const;

/** As the requester sees it: the answers typed, a grant past its expiry expired, and one before its start not started. */
function ownView<T extends { status: TRequestStatus; startsAt: Date | null; expiresAt: Date | null; answers: unknown }>(row: T, at: Date) {
  return { ...row, status: effectiveStatus(row.status, row.expiresAt, at), shown: shownStatus(row.status, row, at), answers: asAnswers(row.answers) };
}

/** A request of the viewer's own; any other id, or someone else's, is "not found". */
export async function getOwnRequest(viewer: TViewer, id: string): Promise<TOwnRequest> {
  if (!isRecordId(id)) throw new NotFoundError();
  const request = await db().request.findFirst({ where: { id, requesterId: viewer.id }, select: OWN_REQUEST_FIELDS });
  if (!request) throw new NotFoundError();
  return ownView(request, now());
}

export async function listOwnRequests(viewer: TViewer, after?: string) {
  const cursor = isRecordId(after)
    ? await db().request.findFirst({ where: { id: after, requesterId: viewer.id }, select: { id: true, updatedAt: true } })
    : null;
  const rows = await db().request.findMany({
    where: {
      requesterId: viewer.id,
      ...(cursor ? { OR: [{ updatedAt: { lt: cursor.updatedAt } }, { updatedAt: cursor.updatedAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: OWN_REQUEST_FIELDS,
  });
  const at = now();
  const requests = rows.slice(0, PAGE_SIZE).map((row) => ownView(row, at));
  return { requests, next: rows.length > PAGE_SIZE ? requests.at(-1)?.id : undefined };
}

/** A new, empty draft; the contact email starts as the account's address. */
export async function createDraft(viewer: TViewer): Promise<string> {
  return db().$transaction(async (tx) => {
    const answers = startingAnswers(viewer);
    const request = await tx.request.create({ data: { requesterId: viewer.id, answers }, select: { id: true } });
    await audit(tx, { subject: "request", id: request.id, actorId: viewer.id, action: "request.created", after: { status: "DRAFT" } });
    return request.id;
  });
}

export type TSaveResult =
  | { outcome: "saved"; version: number }
  | { outcome: "invalid"; version: number; fieldErrors: Record<string, TFieldError> }
  | { outcome: "conflict"; version: number };

/**
 * Keeps a section's answers in the draft, valid or not, so nothing typed is lost; reports the
 * problems when the person asked to continue. A save based on an older version is refused.
 */
export async function saveSection(
  viewer: TViewer,
  input: { requestId: string; section: TSectionId; version: number; posted: TFormValues; check: boolean },
  baseUrl: string = publicUrl(),
): Promise<TSaveResult> {
  const request = await getOwnRequest(viewer, input.requestId);
  if (!(await mayEditSection(request, input.section))) throw new DomainError("request-error-not-draft");
  if (request.version !== input.version) return { outcome: "conflict", version: request.version };

  const values = draftValues(input.section, input.posted);
  const answers: TDraftAnswers = { ...request.answers, [input.section]: values };
  const updated = await db().request.updateMany({
    where: { id: request.id, requesterId: viewer.id, status: request.status, version: input.version },
    data: { answers: answers as Prisma.InputJsonValue, version: { increment: 1 } },
  });
  if (updated.count === 0) return { outcome: "conflict", version: (await getOwnRequest(viewer, request.id)).version };
  const version = input.version + 1;
  if (input.section === "who") await offerContactConfirmation(viewer, answers, baseUrl);

  if (!input.check) return { outcome: "saved", version };
  const parsed = sectionSchema(input.section, contextOf(answers, today())).safeParse(values);
  if (!parsed.success) return { outcome: "invalid", version, fieldErrors: fieldErrorsOf(parsed.error) };
  return { outcome: "saved", version };
}

/** Sections the requester may change: all of a draft; while a question is open, the ones it reopened. */
export async function editableSections(request: Pick<TOwnRequest, "id" | "status">): Promise<TSectionId[]> {
  if (request.status === "DRAFT") return [...SECTION_IDS];
  if (request.status !== "AWAITING_REQUESTER") return [];
  const open = await db().informationRequest.findFirst({
    where: { requestId: request.id, answeredAt: null, lapsedAt: null },
    orderBy: { createdAt: "desc" },
    select: { sections: true },
  });
  return (open?.sections ?? []).filter(isSectionId);
}

async function mayEditSection(request: Pick<TOwnRequest, "id" | "status">, section: TSectionId) {
  return (await editableSections(request)).includes(section);
}

export class IncompleteRequestError extends Error {
  constructor(readonly sections: TSectionId[]) {
    super(`incomplete sections: ${sections.join(", ")}`);
    this.name = "IncompleteRequestError";
  }
}

/**
 * Submits a complete draft: checks every section again on the server, gives the next reference
 * of the year, records it, and writes the confirmation email, all in one transaction.
 */
export async function submitRequest(viewer: TViewer, input: { requestId: string; version: number }, baseUrl: string) {
  const request = await getOwnRequest(viewer, input.requestId);
  nextStatus(request.status, "submit", "requester");
  if (request.version !== input.version) throw new DomainError("request-error-conflict");
  const incomplete = incompleteSections(request.answers, today());
  if (incomplete.length > 0) throw new IncompleteRequestError(incomplete);

  const submittedAt = now();
  const year = submittedAt.getUTCFullYear();
  let reference = "";
  await runEvent(
    {
      event: "submit",
      actor: { kind: "requester", userId: viewer.id },
      requestId: request.id,
      version: input.version,
      set: {
        submittedAt,
        ...reviewColumns(request.answers, { today: today(), wikidataShareThreshold: env().jointWikidataShare, account: await wikimediaFactsOf(viewer.id) }),
      },
      write: async (tx) => {
        // The counter row stays locked until commit, so concurrent submissions take turns.
        const [counter] = await tx.$queryRaw<{ last: number }[]>`
          INSERT INTO "ReferenceCounter" ("year", "last") VALUES (${year}, 1)
          ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1
          RETURNING "last"`;
        if (!counter) throw new Error("The reference counter returned no row");
        reference = formatReference(year, counter.last);
        await tx.request.update({ where: { id: request.id }, data: { reference } });
        return { details: {}, audit: { after: { reference } } };
      },
    },
    baseUrl,
  );
  log.info("request.submitted", { requestId: request.id, reference });
  return { reference };
}

/** The requester withdraws their request before any decision; recorded, and final. */
export async function cancelRequest(viewer: TViewer, input: { requestId: string; version: number }) {
  const request = await getOwnRequest(viewer, input.requestId);
  await runEvent({
    event: "cancel",
    actor: { kind: "requester", userId: viewer.id },
    requestId: request.id,
    version: input.version,
    details: {},
  });
  log.info("request.cancelled", { requestId: request.id });
}

/** Deletes a draft that was never submitted; its audit history stays. */
export async function deleteDraft(viewer: TViewer, input: { requestId: string; version: number }) {
  const request = await getOwnRequest(viewer, input.requestId);
  if (request.status !== "DRAFT") throw new DomainError("request-error-not-draft");
  await db().$transaction(async (tx) => {
    const deleted = await tx.request.deleteMany({ where: { id: request.id, requesterId: viewer.id, status: "DRAFT", version: input.version } });
    if (deleted.count === 0) throw new DomainError("request-error-conflict");
    await audit(tx, { subject: "request", id: request.id, actorId: viewer.id, action: "request.draft_deleted", before: { status: "DRAFT" } });
  });
}

export type TTimelineEntry = { id: string; at: Date; action: TRequesterVisibleAction; byRequester: boolean; reference?: string };

/** What happened to a request of the viewer's own (from getOwnRequest) that they may see, oldest first. */
export async function requesterTimeline(viewer: TViewer, request: TOwnRequest): Promise<TTimelineEntry[]> {
  const entries = await db().auditEntry.findMany({
    where: { subjectType: "request", subjectId: request.id, action: { in: [...REQUESTER_VISIBLE_ACTIONS] } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true, action: true, actorId: true, after: true },
  });
  return entries.map((entry) => ({
    id: entry.id,
    at: entry.at,
    action: entry.action as TTimelineEntry["action"],
    byRequester: entry.actorId === viewer.id,
    reference: (entry.after as { reference?: string } | null)?.reference,
  }));
}

function asAnswers(value: unknown): TDraftAnswers {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as TDraftAnswers) : {};
}

/**
 * The requester answers the open question: the request goes back into review, its derived
 * queue data is refreshed from any reopened answers, and the assignee is emailed.
 */
export async function answerInformation(viewer: TViewer, input: { requestId: string; version: number; answer: string }, baseUrl: string) {
  const request = await getOwnRequest(viewer, input.requestId);
  nextStatus(request.status, "requester_answered", "requester");
  if (request.version !== input.version) throw new DomainError("request-error-conflict");
  const answeredAt = now();
  // The reopened answers become final again: the same rules as at submission, as on that day.
  // The version check of the event makes sure they are the answers checked here.
  const asOf = (request.submittedAt ?? answeredAt).toISOString().slice(0, 10);
  const problems = reopenedProblems(request.answers, await editableSections(request), asOf);
  if (problems) throw new FieldRuleError(reopenedErrors(problems));
  // Routing stays as the reviewers left it; flags, filters and search follow the new answers.
  const {
    joint: _joint,
    routingReasons: _reasons,
    ...columns
  } = reviewColumns(request.answers, { today: asOf, wikidataShareThreshold: env().jointWikidataShare, account: await wikimediaFactsOf(viewer.id) });
  await runEvent(
    {
      event: "requester_answered",
      actor: { kind: "requester", userId: viewer.id },
      requestId: request.id,
      version: input.version,
      set: columns,
      write: async (tx) => {
        const open = await tx.informationRequest.findFirst({
          where: { requestId: request.id, answeredAt: null, lapsedAt: null },
          orderBy: { createdAt: "desc" },
          select: { id: true },
        });
        if (!open) throw new DomainError("request-error-not-awaiting");
        await tx.informationRequest.update({ where: { id: open.id }, data: { answer: input.answer, answeredAt } });
        return { details: { questionId: open.id } };
      },
    },
    baseUrl,
  );
}

/** The problems as the requester's page shows them: beside each reopened section, or about them all. */
function reopenedErrors(problems: TReopenedProblems): Record<string, TFieldError> {
  const errors: Record<string, TFieldError> = {};
  for (const section of problems.sections) errors[`reopened-${section}`] = { key: `request-answer-error-${section}` as TFieldError["key"] };
  if (problems.closedSections.length > 0) errors.reopened = { key: "request-answer-error-closed" };
  return errors;
}

/** The reviewers' messages and questions on a request of the viewer's own (from getOwnRequest), oldest first. */
export async function requesterConversation(request: TOwnRequest) {
  const requestId = request.id;
  const [messages, questions] = await Promise.all([
    db().comment.findMany({
      where: { requestId, kind: "MESSAGE" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, body: true, createdAt: true },
    }),
    db().informationRequest.findMany({
      where: { requestId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, question: true, replyBy: true, sections: true, createdAt: true, answer: true, answeredAt: true, lapsedAt: true },
    }),
  ]);
  return { messages, questions };
}
