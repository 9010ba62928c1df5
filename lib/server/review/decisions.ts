import "server-only";

import { db } from "@/lib/db";
import { DomainError, FieldRuleError, NotFoundError } from "@/lib/domain/errors";
import { registerConsented } from "@/lib/domain/register/register";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import {
  grantLengthProblems,
  grantProblems,
  type TDeclineInput,
  type TExtendInput,
  type TGrantInput,
  type THumanRightsInput,
  type TRecommendationInput,
  type TWithdrawInput,
} from "@/lib/domain/review/decisions";
import { dayOf, endOfDay, startOfDay } from "@/lib/domain/time";
import { emailLocaleOfUser, enqueueEmail } from "@/lib/jobs/outbox";
import { requestRecipient } from "@/lib/mail/recipient";
import { emailWording, requestEmail } from "@/lib/mail/templates/request-email";
import { CRITERION_LABEL, longDate, scopeSummary, WITHDRAWAL_REASON_LABEL } from "@/lib/mail/decision-text";

import { auditRequest } from "../audit";
import { now, today } from "../clock";
import type { TViewer } from "../session";
import { actorOf, nextStatus } from "../transitions";
import { change, getReviewRequest, type TReviewRequest } from "./request";

/** What a reviewer is told when someone else decided or changed the request first: its state now. */
const CONFLICT_NOW: Record<
  TRequestStatus,
  "decision-conflict-now-open" | "decision-conflict-now-granted" | "decision-conflict-now-declined" | "decision-conflict-now-ended"
> = {
  DRAFT: "decision-conflict-now-open",
  SUBMITTED: "decision-conflict-now-open",
  IN_REVIEW: "decision-conflict-now-open",
  AWAITING_REQUESTER: "decision-conflict-now-open",
  GRANTED: "decision-conflict-now-granted",
  DECLINED: "decision-conflict-now-declined",
  CANCELLED: "decision-conflict-now-ended",
  LAPSED: "decision-conflict-now-ended",
  EXPIRED: "decision-conflict-now-ended",
  WITHDRAWN: "decision-conflict-now-ended",
};

/**
 * Applies a decision as one transaction guarded by the version the reviewer saw. When another
 * change landed first, the reviewer learns what the request is now, not just that it moved.
 */
async function decide(viewer: TViewer, request: TReviewRequest, version: number, apply: Parameters<typeof change>[2], data: Parameters<typeof change>[3]) {
  try {
    await change(request, version, apply, data);
  } catch (error) {
    if (!(error instanceof DomainError) || error.messageKey !== "review-error-conflict") throw error;
    const current = await getReviewRequest(viewer, request.id);
    throw new DomainError(CONFLICT_NOW[current.status], [current.reference ?? ""]);
  }
}

function requestUrl(baseUrl: string, id: string) {
  return `${baseUrl}/requests/${id}`;
}

function isWmf(viewer: TViewer) {
  return viewer.role === "WMF_REVIEWER" || viewer.role === "ADMIN";
}

/** WMDE's recommendation on a joint request: grant or decline, with a note. WMDE reviewers only. */
export async function recordRecommendation(viewer: TViewer, input: TRecommendationInput) {
  const request = await getReviewRequest(viewer, input.requestId);
  if (viewer.role !== "WMDE_REVIEWER") throw new DomainError("decision-error-wmde-only");
  if (!request.joint) throw new DomainError("decision-error-not-joint");
  if (actorOf(viewer, request.requesterId) === "requester") throw new DomainError("transition-error-reviewer-only");
  assertBeforeDecision(request.status);
  await db().$transaction(async (tx) => {
    const before = await tx.wmdeRecommendation.findUnique({ where: { requestId: request.id }, select: { recommendation: true, note: true } });
    await tx.wmdeRecommendation.upsert({
      where: { requestId: request.id },
      create: { requestId: request.id, reviewerId: viewer.id, recommendation: input.recommendation, note: input.note },
      update: { reviewerId: viewer.id, recommendation: input.recommendation, note: input.note },
    });
    await tx.request.update({ where: { id: request.id }, data: { lastActivityAt: now() } });
    await auditRequest(tx, viewer.id, request.id, "request.recommended", before, { recommendation: input.recommendation, note: input.note });
  });
}

/** The outcome of WMF's human-rights assessment, which a grant to a commercial requester needs first. */
export async function recordHumanRights(viewer: TViewer, input: THumanRightsInput) {
  const request = await getReviewRequest(viewer, input.requestId);
  if (!isWmf(viewer) || actorOf(viewer, request.requesterId) !== "wmf") throw new DomainError("transition-error-wmf-only");
  assertBeforeDecision(request.status);
  await db().$transaction(async (tx) => {
    const before = await tx.humanRightsAssessment.findUnique({ where: { requestId: request.id }, select: { outcome: true, note: true } });
    await tx.humanRightsAssessment.upsert({
      where: { requestId: request.id },
      create: { requestId: request.id, assessedById: viewer.id, outcome: input.outcome, note: input.note },
      update: { assessedById: viewer.id, outcome: input.outcome, note: input.note },
    });
    await tx.request.update({ where: { id: request.id }, data: { lastActivityAt: now() } });
    await auditRequest(tx, viewer.id, request.id, "request.human_rights_assessed", before, { outcome: input.outcome, note: input.note });
  });
}

function assertBeforeDecision(status: TRequestStatus) {
  if (status !== "SUBMITTED" && status !== "IN_REVIEW" && status !== "AWAITING_REQUESTER") throw new DomainError("review-error-closed");
}

/**
 * Grants the request: scope, dates, a message for the requester and the internal rationale. The
 * state machine says who and when; the rules (dates, WMDE's recommendation, human rights) what.
 */
export async function grantRequest(viewer: TViewer, input: TGrantInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  const status = nextStatus(request.status, "grant", actorOf(viewer, request.requesterId));
  // The register entry is asked for, and kept, only with the requester's consent.
  const listed = registerConsented(request.answers);
  const contactName = request.answers.who?.contactName;
  const problems = grantProblems(input, {
    today: today(),
    isAdmin: viewer.role === "ADMIN",
    joint: request.joint,
    hasWmdeRecommendation: Boolean(request.wmdeRecommendation),
    commercial: request.requesterKind === "commercial",
    hasHumanRightsAssessment: Boolean(request.humanRights),
    register: listed ? { contactName: typeof contactName === "string" ? contactName : "" } : undefined,
  });
  if (Object.keys(problems).length > 0) throw new FieldRuleError(problems);
  // A WMF override is only asked for, and kept, when WMDE has not recommended.
  const jointOverride = request.joint && !request.wmdeRecommendation ? input.jointOverride : null;
  const entry = listed ? { publicName: input.publicName, publicSummary: input.publicSummary } : { publicName: null, publicSummary: null };
  const at = now();
  const startsAt = startOfDay(input.startsOn);
  const expiresAt = endOfDay(input.expiresOn);
  await decide(
    viewer,
    request,
    input.version,
    async (tx) => {
      await tx.decision.create({
        data: {
          requestId: request.id,
          outcome: "GRANTED",
          decidedById: viewer.id,
          decidedAt: at,
          updatedAt: at,
          message: input.message,
          rationale: input.rationale,
          criteria: input.criteria,
          ...entry,
          apis: input.apis,
          onDemandPerMonth: input.onDemandPerMonth ?? null,
          snapshotFrequency: input.snapshotFrequency ?? null,
          realtime: input.realtime,
          startsAt,
          expiresAt,
          lengthOverride: input.lengthOverride || null,
          jointOverride: jointOverride || null,
        },
      });
      const scope = { apis: input.apis, onDemandPerMonth: input.onDemandPerMonth ?? null, snapshotFrequency: input.snapshotFrequency ?? null };
      await auditRequest(
        tx,
        viewer.id,
        request.id,
        "request.granted",
        { status: request.status },
        {
          status,
          ...scope,
          startsOn: input.startsOn,
          expiresOn: input.expiresOn,
          criteria: input.criteria,
          lengthOverride: input.lengthOverride || null,
          jointOverride: jointOverride || null,
          ...entry,
        },
        input.rationale,
      );
      const { locale, t, formats } = emailWording(await emailLocaleOfUser(tx, request.requesterId));
      const to = await requestRecipient(tx, request);
      if (to) {
        await enqueueEmail(tx, {
          idempotencyKey: `granted:${request.id}`,
          to,
          requestId: request.id,
          ...requestEmail(
            "granted",
            {
              reference: request.reference ?? "",
              url: requestUrl(baseUrl, request.id),
              detail: input.message,
              more: [scopeSummary(t, scope, formats), longDate(input.startsOn, formats), longDate(input.expiresOn, formats)],
            },
            locale,
          ),
        });
      }
    },
    { status, expiresAt },
  );
}

/** Declines the request, naming the criteria not met, with a message for the requester. */
export async function declineRequest(viewer: TViewer, input: TDeclineInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  const status = nextStatus(request.status, "decline", actorOf(viewer, request.requesterId));
  await decide(
    viewer,
    request,
    input.version,
    async (tx) => {
      await tx.decision.create({
        data: {
          requestId: request.id,
          outcome: "DECLINED",
          decidedById: viewer.id,
          decidedAt: now(),
          message: input.message,
          rationale: input.rationale,
          criteria: input.criteria,
        },
      });
      await auditRequest(
        tx,
        viewer.id,
        request.id,
        "request.declined",
        { status: request.status },
        { status, criteria: input.criteria },
        input.rationale || undefined,
      );
      const { locale, t } = emailWording(await emailLocaleOfUser(tx, request.requesterId));
      const criteria = SECTION_IDS.filter((id) => input.criteria.includes(id)).map((id) => t(CRITERION_LABEL[id]));
      const to = await requestRecipient(tx, request);
      if (to) {
        await enqueueEmail(tx, {
          idempotencyKey: `declined:${request.id}`,
          to,
          requestId: request.id,
          ...requestEmail(
            "declined",
            { reference: request.reference ?? "", url: requestUrl(baseUrl, request.id), detail: input.message, more: [criteria.join(", ")] },
            locale,
          ),
        });
      }
    },
    { status },
  );
}

/** Ends an active grant early, for a stated reason; the requester is told why. */
export async function withdrawGrant(viewer: TViewer, input: TWithdrawInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  const status = nextStatus(request.status, "withdraw", actorOf(viewer, request.requesterId));
  const at = now();
  await decide(
    viewer,
    request,
    input.version,
    async (tx) => {
      await tx.decision.update({
        where: { requestId: request.id },
        data: { endedAt: at, endedById: viewer.id, endReason: input.reason, endNote: input.message, updatedAt: at },
      });
      await auditRequest(tx, viewer.id, request.id, "request.withdrawn", { status: request.status }, { status, reason: input.reason }, input.message);
      const { locale, t } = emailWording(await emailLocaleOfUser(tx, request.requesterId));
      const to = await requestRecipient(tx, request);
      if (to) {
        await enqueueEmail(tx, {
          idempotencyKey: `withdrawn:${request.id}`,
          to,
          requestId: request.id,
          ...requestEmail(
            "withdrawn",
            {
              reference: request.reference ?? "",
              url: requestUrl(baseUrl, request.id),
              detail: input.message,
              more: [t(WITHDRAWAL_REASON_LABEL[input.reason])],
            },
            locale,
          ),
        });
      }
    },
    { status },
  );
}

/**
 * Moves an active grant's expiry later; beyond the usual maximum (from its start) only with an
 * admin's reason. `pageFormats` formats the current expiry in the reviewer's error message.
 */
export async function extendGrant(viewer: TViewer, input: TExtendInput, baseUrl: string, pageFormats?: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  nextStatus(request.status, "extend", actorOf(viewer, request.requesterId));
  const decision = request.decision;
  if (!decision?.startsAt || !request.expiresAt) throw new NotFoundError();
  const currentExpiry = dayOf(request.expiresAt);
  const problems = grantLengthProblems(
    { startsOn: dayOf(decision.startsAt), expiresOn: input.expiresOn, lengthOverride: input.lengthOverride },
    { today: today(), isAdmin: viewer.role === "ADMIN" },
    false,
  );
  if (!problems.expiresOn && input.expiresOn <= currentExpiry)
    problems.expiresOn = { key: "error-extend-not-later", params: [longDate(currentExpiry, pageFormats)] };
  if (Object.keys(problems).length > 0) throw new FieldRuleError(problems);
  const expiresAt = endOfDay(input.expiresOn);
  await decide(
    viewer,
    request,
    input.version,
    async (tx) => {
      // Touched even without a reason: the register's feed dates the entry by its last change.
      await tx.decision.update({
        where: { requestId: request.id },
        data: { updatedAt: now(), ...(input.lengthOverride ? { lengthOverride: input.lengthOverride } : {}) },
      });
      await auditRequest(
        tx,
        viewer.id,
        request.id,
        "request.extended",
        { expiresOn: currentExpiry },
        { expiresOn: input.expiresOn, lengthOverride: input.lengthOverride || null },
        input.message,
      );
      const { locale, formats } = emailWording(await emailLocaleOfUser(tx, request.requesterId));
      const to = await requestRecipient(tx, request);
      if (to) {
        await enqueueEmail(tx, {
          idempotencyKey: `extended:${request.id}:${input.expiresOn}`,
          to,
          requestId: request.id,
          ...requestEmail(
            "extended",
            { reference: request.reference ?? "", url: requestUrl(baseUrl, request.id), detail: input.message, more: [longDate(input.expiresOn, formats)] },
            locale,
          ),
        });
      }
    },
    { expiresAt },
  );
}
