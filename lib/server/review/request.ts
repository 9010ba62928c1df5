import "server-only";

import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { isRecordId } from "@/lib/domain/request/fields";
import { endOfDay } from "@/lib/domain/time";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import { effectiveStatus } from "@/lib/domain/request/state-machine";
import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { reviewerMaySee, reviewOrganisation } from "@/lib/domain/review/queue";
import type { TAssessmentInput, TCommentInput, TInformationInput, TJointMove } from "@/lib/domain/review/actions";
import { canReview } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emailLocaleOf } from "@/lib/i18n/messages";
import { emailLocaleOfUser, enqueueEmail } from "@/lib/jobs/outbox";
import { requestRecipient } from "@/lib/mail/recipient";
import { requestEmail } from "@/lib/mail/templates/request-email";

import { auditRequest } from "../audit";
import { OWN_DECISION_FIELDS } from "../decision-fields";
import { actorOf, nextStatus } from "../transitions";
import { now, today } from "../clock";
import type { TViewer } from "../session";

/** The request as a reviewer sees it, or "not found" for anyone who may not see it. */
export async function getReviewRequest(viewer: TViewer, id: string) {
  if (!canReview(viewer.role) || !isRecordId(id)) throw new NotFoundError();
  const request = await db().request.findUnique({
    where: { id },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      requesterId: true,
      answers: true,
      joint: true,
      routingReasons: true,
      flags: true,
      submittedAt: true,
      lastActivityAt: true,
      expiresAt: true,
      requesterKind: true,
      requester: { select: { email: true, name: true } },
      basedOn: { select: { id: true, reference: true } },
      followUps: { orderBy: { createdAt: "asc" }, where: { status: { not: "DRAFT" } }, select: { id: true, reference: true } },
      decision: {
        select: {
          ...OWN_DECISION_FIELDS,
          rationale: true,
          lengthOverride: true,
          jointOverride: true,
          decidedBy: { select: { name: true, email: true } },
          endedBy: { select: { name: true, email: true } },
        },
      },
      wmdeRecommendation: { select: { recommendation: true, note: true, updatedAt: true, reviewer: { select: { name: true, email: true } } } },
      humanRights: { select: { outcome: true, note: true, updatedAt: true, assessedBy: { select: { name: true, email: true } } } },
      assignee: { select: { id: true, name: true, email: true } },
      assessments: {
        orderBy: [{ criterion: "asc" }, { updatedAt: "asc" }],
        select: {
          id: true,
          criterion: true,
          rating: true,
          note: true,
          organisation: true,
          updatedAt: true,
          reviewer: { select: { id: true, name: true, email: true } },
        },
      },
      comments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true, email: true } } },
      },
      infoRequests: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, question: true, replyBy: true, sections: true, createdAt: true, answer: true, answeredAt: true, lapsedAt: true },
      },
    },
  });
  if (!request || !reviewerMaySee(viewer, request)) throw new NotFoundError();
  // A grant past its expiry is expired here too, whether or not the expiry job has run.
  return {
    ...request,
    storedStatus: request.status,
    status: effectiveStatus(request.status, request.expiresAt, now()),
    answers: (request.answers ?? {}) as TDraftAnswers,
  };
}
export type TReviewRequest = Awaited<ReturnType<typeof getReviewRequest>>;

type TChange = (tx: Prisma.TransactionClient) => Promise<unknown>;

/**
 * Runs one reviewer change: loads the request as this viewer may see it, checks the version the
 * reviewer saw, applies the change with its audit entry and emails, and bumps the version, all in
 * one transaction. A request changed meanwhile is refused with a message, never overwritten.
 */
export async function change(request: TReviewRequest, version: number, apply: TChange, data: Prisma.RequestUncheckedUpdateManyInput = {}) {
  if (request.version !== version) throw new DomainError("review-error-conflict");
  await db().$transaction(async (tx) => {
    const updated = await tx.request.updateMany({
      where: { id: request.id, version: request.version },
      data: { ...data, version: { increment: 1 }, lastActivityAt: now() },
    });
    if (updated.count === 0) throw new DomainError("review-error-conflict");
    await apply(tx);
  });
}

function assertOpen(status: TRequestStatus) {
  if (status !== "SUBMITTED" && status !== "IN_REVIEW" && status !== "AWAITING_REQUESTER") throw new DomainError("review-error-closed");
}

/** The reviewer takes the request; a new request moves into review. */
export async function takeRequest(viewer: TViewer, input: { requestId: string; version: number }) {
  const request = await getReviewRequest(viewer, input.requestId);
  assertOpen(request.status);
  const actor = actorOf(viewer, request.requesterId);
  // Taking a new request starts its review; taking one already in review only changes who has it.
  const status = request.status === "SUBMITTED" ? nextStatus(request.status, "start_review", actor) : request.status;
  if (actor === "requester") throw new DomainError("transition-error-reviewer-only");
  const before = { assigneeId: request.assignee?.id ?? null, status: request.status };
  await change(request, input.version, (tx) => auditRequest(tx, viewer.id, request.id, "request.assigned", before, { assigneeId: viewer.id, status }), {
    assigneeId: viewer.id,
    status,
  });
}

/** The assignee (or an admin) lets the request go back to the pool. */
export async function releaseRequest(viewer: TViewer, input: { requestId: string; version: number }) {
  const request = await getReviewRequest(viewer, input.requestId);
  const assignee = request.assignee;
  if (!assignee) return;
  if (assignee.id !== viewer.id && viewer.role !== "ADMIN") throw new DomainError("review-error-not-assignee");
  await change(request, input.version, (tx) => auditRequest(tx, viewer.id, request.id, "request.released", { assigneeId: assignee.id }, { assigneeId: null }), {
    assigneeId: null,
  });
}

/** Moves a request into or out of the joint WMF/WMDE queue, with the reviewer's reason; WMDE reviewers hear of arrivals. */
export async function moveJoint(viewer: TViewer, input: TJointMove, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  assertOpen(request.status);
  await change(
    request,
    input.version,
    async (tx) => {
      if (request.joint === input.joint) throw new DomainError("review-error-no-change");
      await auditRequest(
        tx,
        viewer.id,
        request.id,
        input.joint ? "request.joint_added" : "request.joint_removed",
        { joint: request.joint },
        { joint: input.joint },
        input.reason,
      );
      if (input.joint) await notifyWmde(tx, request, input.reason, baseUrl);
    },
    { joint: input.joint },
  );
}

/** Emails every WMDE reviewer that a request entered the joint queue. */
export async function notifyWmde(tx: Prisma.TransactionClient, request: { id: string; reference: string | null }, reason: string, baseUrl: string) {
  const reviewers = await tx.user.findMany({
    where: { role: "WMDE_REVIEWER", email: { not: null } },
    select: { id: true, email: true, locale: true, lastLocale: true },
  });
  for (const reviewer of reviewers) {
    if (!reviewer.email) continue;
    await enqueueEmail(tx, {
      idempotencyKey: `joint-entered:${request.id}:${reviewer.id}:${Date.now()}`,
      to: reviewer.email,
      requestId: request.id,
      ...requestEmail(
        "joint_entered",
        { reference: request.reference ?? "", url: `${baseUrl}/review/${request.id}`, detail: reason },
        emailLocaleOf(reviewer, "staff"),
      ),
    });
  }
}

/** Records (or updates) the viewer's finding on one criterion, for their organisation. */
export async function saveAssessment(viewer: TViewer, input: TAssessmentInput) {
  const request = await getReviewRequest(viewer, input.requestId);
  assertOpen(request.status);
  const organisation = reviewOrganisation(viewer.role);
  await db().$transaction(async (tx) => {
    const key = { requestId_reviewerId_criterion: { requestId: request.id, reviewerId: viewer.id, criterion: input.criterion } };
    const before = await tx.assessment.findUnique({ where: key, select: { rating: true, note: true } });
    await tx.assessment.upsert({
      where: key,
      create: { requestId: request.id, reviewerId: viewer.id, criterion: input.criterion, organisation, rating: input.rating, note: input.note },
      update: { rating: input.rating, note: input.note, organisation },
    });
    await tx.request.update({ where: { id: request.id }, data: { lastActivityAt: now() } });
    await auditRequest(tx, viewer.id, request.id, "request.assessed", before ? { criterion: input.criterion, ...before } : null, {
      criterion: input.criterion,
      rating: input.rating,
      note: input.note,
      organisation,
    });
  });
}

/** An internal comment for reviewers, or a message the requester sees (and is emailed about). */
export async function addComment(viewer: TViewer, input: TCommentInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  await db().$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { requestId: request.id, authorId: viewer.id, kind: input.kind, body: input.body }, select: { id: true } });
    await tx.request.update({ where: { id: request.id }, data: { lastActivityAt: now() } });
    await auditRequest(tx, viewer.id, request.id, input.kind === "MESSAGE" ? "request.message" : "request.comment", null, { commentId: comment.id });
    const to = input.kind === "MESSAGE" ? await requestRecipient(tx, request) : undefined;
    if (to) {
      await enqueueEmail(tx, {
        idempotencyKey: `message:${comment.id}`,
        to,
        requestId: request.id,
        ...requestEmail(
          "message",
          { reference: request.reference ?? "", url: `${baseUrl}/requests/${request.id}`, detail: input.body },
          await emailLocaleOfUser(tx, request.requesterId),
        ),
      });
    }
  });
}

/** Asks the requester a question with a reply-by date, reopening the sections they may edit. */
export async function askForInformation(viewer: TViewer, input: TInformationInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  const status = nextStatus(request.status, "ask_requester", actorOf(viewer, request.requesterId));
  if (input.replyBy <= today()) throw new DomainError("review-error-reply-by-past");
  const replyBy = endOfDay(input.replyBy);
  await change(
    request,
    input.version,
    async (tx) => {
      const asked = await tx.informationRequest.create({
        data: { requestId: request.id, askedById: viewer.id, question: input.question, replyBy, sections: input.sections },
        select: { id: true },
      });
      await auditRequest(
        tx,
        viewer.id,
        request.id,
        "request.information_requested",
        { status: request.status },
        { status, replyBy: input.replyBy, sections: input.sections },
        input.question,
      );
      const to = await requestRecipient(tx, request);
      if (!to) return;
      await enqueueEmail(tx, {
        idempotencyKey: `information-requested:${asked.id}`,
        to,
        requestId: request.id,
        ...requestEmail(
          "information_requested",
          { reference: request.reference ?? "", url: `${baseUrl}/requests/${request.id}`, detail: input.question },
          await emailLocaleOfUser(tx, request.requesterId),
        ),
      });
    },
    { status, assigneeId: request.assignee?.id ?? viewer.id },
  );
}

/** Everything that happened to a request the reviewer may see (from getReviewRequest), newest first. */
export async function reviewHistory(request: TReviewRequest) {
  return db().auditEntry.findMany({
    where: { subjectType: "request", subjectId: request.id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, at: true, action: true, note: true, actor: { select: { name: true, email: true } } },
  });
}
