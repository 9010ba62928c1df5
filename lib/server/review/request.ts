import "server-only";

import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { isRecordId } from "@/lib/domain/request/fields";
import { endOfDay } from "@/lib/domain/time";
import { effectiveStatus, shownStatus } from "@/lib/domain/request/state-machine";
import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { canSee, interestOf, refusalOf } from "@/lib/domain/permissions";
import { reviewOrganisation } from "@/lib/domain/review/queue";
import type { TAssessmentInput, TCommentInput, TInformationInput, TJointMove } from "@/lib/domain/review/actions";
import { canReview } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";

import { now, today } from "../clock";
import { OWN_DECISION_FIELDS } from "../decision-fields";
import { actorFor, runEvent } from "../events";
import type { TViewer } from "../session";
import { nextStatus } from "../transitions";

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
      startsAt: true,
      expiresAt: true,
      requesterKind: true,
      customDevelopmentDays: true,
      importedAt: true,
      importedAnswers: true,
      importedBy: { select: { name: true, email: true } },
      requester: {
        select: {
          email: true,
          name: true,
          wikimedia: { select: { username: true, editCount: true, registeredAt: true, groups: true, blocked: true, checkedAt: true } },
        },
      },
      basedOn: { select: { id: true, reference: true, answers: true, status: true, joint: true, requesterId: true } },
      followUps: { orderBy: { createdAt: "asc" }, where: { status: { not: "DRAFT" } }, select: { id: true, reference: true } },
      decision: {
        select: {
          ...OWN_DECISION_FIELDS,
          rationale: true,
          lengthOverride: true,
          jointOverride: true,
          checkInMonths: true,
          decidedBy: { select: { name: true, email: true } },
          deciderName: true,
          confirmedAt: true,
          confirmedBy: { select: { name: true, email: true } },
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
      proposals: {
        orderBy: [{ proposedAt: "desc" }, { id: "desc" }],
        take: 20,
        select: {
          id: true,
          status: true,
          proposedAt: true,
          grant: true,
          reasons: true,
          note: true,
          resolvedAt: true,
          proposedBy: { select: { id: true, name: true, email: true, role: true } },
          resolvedBy: { select: { name: true, email: true } },
        },
      },
      infoRequests: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, question: true, replyBy: true, sections: true, createdAt: true, answer: true, answeredAt: true, lapsedAt: true },
      },
      conflicts: {
        where: { reviewerId: viewer.id },
        select: { hasConflict: true, reason: true, declaredAt: true, liftedAt: true, liftReason: true, liftedBy: { select: { name: true, email: true } } },
      },
    },
  });
  if (!request || !canSee(viewer, request)) throw new NotFoundError();
  const { conflicts, basedOn, ...seen } = request;
  const declaration = conflicts[0] ?? null;
  const interest = interestOf(declaration);
  const hidden = interest === "conflict";
  // A grant past its expiry is expired here too, whether or not the expiry job has run.
  const at = now();
  const proposal = request.proposals.find((one) => one.status === "PENDING") ?? null;
  return {
    ...seen,
    basedOn: basedOn ? { id: basedOn.id, reference: basedOn.reference } : null,
    // The request this one starts from, with its answers to compare, when the viewer may see that one too.
    earlier: basedOn?.reference && canSee(viewer, basedOn) ? { reference: basedOn.reference, answers: (basedOn.answers ?? {}) as TDraftAnswers } : null,
    // A reviewer with a declared conflict of interest sees none of the reviewers' internal work on
    // the request: internal comments, assessments, notes, the decision's rationale, a proposed grant.
    comments: hidden ? seen.comments.filter((comment) => comment.kind === "MESSAGE") : seen.comments,
    assessments: hidden ? [] : seen.assessments,
    decision: hidden && seen.decision ? { ...seen.decision, rationale: "" } : seen.decision,
    wmdeRecommendation: hidden && seen.wmdeRecommendation ? { ...seen.wmdeRecommendation, note: "" } : seen.wmdeRecommendation,
    humanRights: hidden && seen.humanRights ? { ...seen.humanRights, note: "" } : seen.humanRights,
    declaration,
    interest,
    proposal: hidden ? null : proposal,
    proposalPending: proposal !== null,
    storedStatus: request.status,
    status: effectiveStatus(request.status, request.expiresAt, at),
    shown: shownStatus(request.status, request, at),
    answers: (request.answers ?? {}) as TDraftAnswers,
  };
}
export type TReviewRequest = Awaited<ReturnType<typeof getReviewRequest>>;

/** The reviewer takes the request; a new request moves into review. */
export async function takeRequest(viewer: TViewer, input: { requestId: string; version: number }) {
  const request = await getReviewRequest(viewer, input.requestId);
  // Taking a new request starts its review; taking one already in review only changes who has it.
  const event = request.status === "SUBMITTED" ? "start_review" : "take";
  const refusal = refusalOf(viewer, { ...request, assigneeId: request.assignee?.id }, event);
  if (refusal) throw new DomainError(refusal);
  await runEvent({
    event,
    actor: actorFor(viewer, request.requesterId),
    requestId: request.id,
    version: input.version,
    set: { assigneeId: viewer.id },
    details: {},
    // A take that starts the review has its status change recorded by the pipeline; one that does not, the status as it stays.
    audit: {
      before: { assigneeId: request.assignee?.id ?? null, status: request.status },
      after: event === "take" ? { assigneeId: viewer.id, status: request.status } : { assigneeId: viewer.id },
    },
  });
}

/** The assignee (or an admin) lets the request go back to the pool. */
export async function releaseRequest(viewer: TViewer, input: { requestId: string; version: number }) {
  const request = await getReviewRequest(viewer, input.requestId);
  const assignee = request.assignee;
  if (!assignee) return;
  const refusal = refusalOf(viewer, { ...request, assigneeId: assignee.id }, "release");
  if (refusal) throw new DomainError(refusal);
  await runEvent({
    event: "release",
    actor: actorFor(viewer, request.requesterId),
    requestId: request.id,
    version: input.version,
    set: { assigneeId: null },
    details: {},
    audit: { before: { assigneeId: assignee.id }, after: { assigneeId: null } },
  });
}

/** Moves a request into or out of the joint WMF/WMDE queue, with the reviewer's reason; WMDE reviewers hear of arrivals. */
export async function moveJoint(viewer: TViewer, input: TJointMove, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  await runEvent(
    {
      event: "move_joint",
      actor: actorFor(viewer, request.requesterId),
      requestId: request.id,
      version: input.version,
      guard: (locked) => {
        if (locked.joint === input.joint) throw new DomainError("review-error-no-change");
      },
      set: { joint: input.joint },
      details: { joint: input.joint, reason: input.reason },
      audit: {
        action: input.joint ? "request.joint_added" : "request.joint_removed",
        before: { joint: request.joint },
        after: { joint: input.joint },
        note: input.reason,
      },
    },
    baseUrl,
  );
}

/** Records (or updates) the viewer's finding on one criterion, for their organisation. */
export async function saveAssessment(viewer: TViewer, input: TAssessmentInput) {
  const request = await getReviewRequest(viewer, input.requestId);
  const organisation = reviewOrganisation(viewer.role);
  await runEvent({
    event: "assess",
    actor: actorFor(viewer, request.requesterId),
    requestId: request.id,
    write: async (tx) => {
      const key = { requestId_reviewerId_criterion: { requestId: request.id, reviewerId: viewer.id, criterion: input.criterion } };
      const before = await tx.assessment.findUnique({ where: key, select: { rating: true, note: true } });
      await tx.assessment.upsert({
        where: key,
        create: { requestId: request.id, reviewerId: viewer.id, criterion: input.criterion, organisation, rating: input.rating, note: input.note },
        update: { rating: input.rating, note: input.note, organisation },
      });
      return {
        details: {},
        audit: {
          before: before ? { criterion: input.criterion, ...before } : null,
          after: { criterion: input.criterion, rating: input.rating, note: input.note, organisation },
        },
      };
    },
  });
}

/** An internal comment for reviewers, or a message the requester sees (and is emailed about). */
export async function addComment(viewer: TViewer, input: TCommentInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  const create = async (tx: Prisma.TransactionClient) =>
    tx.comment.create({ data: { requestId: request.id, authorId: viewer.id, kind: input.kind, body: input.body }, select: { id: true } });
  const actor = actorFor(viewer, request.requesterId);
  if (input.kind === "MESSAGE") {
    await runEvent(
      {
        event: "message",
        actor,
        requestId: request.id,
        write: async (tx) => {
          const comment = await create(tx);
          return { details: { commentId: comment.id, body: input.body }, audit: { after: { commentId: comment.id } } };
        },
      },
      baseUrl,
    );
    return;
  }
  await runEvent(
    {
      event: "comment",
      actor,
      requestId: request.id,
      write: async (tx) => ({ details: {}, audit: { after: { commentId: (await create(tx)).id } } }),
    },
    baseUrl,
  );
}

/** Asks the requester a question with a reply-by date, reopening the sections they may edit. */
export async function askForInformation(viewer: TViewer, input: TInformationInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  const actor = actorFor(viewer, request.requesterId);
  // The move is checked before the date, so a closed request says so rather than asking for another date.
  nextStatus(request.status, "ask_requester", actor.kind);
  if (input.replyBy <= today()) throw new DomainError("review-error-reply-by-past");
  await runEvent(
    {
      event: "ask_requester",
      actor,
      requestId: request.id,
      version: input.version,
      set: { assigneeId: request.assignee?.id ?? viewer.id },
      write: async (tx) => {
        const asked = await tx.informationRequest.create({
          data: { requestId: request.id, askedById: viewer.id, question: input.question, replyBy: endOfDay(input.replyBy), sections: input.sections },
          select: { id: true },
        });
        return {
          details: { questionId: asked.id, question: input.question },
          audit: { after: { replyBy: input.replyBy, sections: input.sections }, note: input.question },
        };
      },
    },
    baseUrl,
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
