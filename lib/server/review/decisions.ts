import "server-only";

import { grantCheckIns } from "@/lib/domain/check-ins";
import { DomainError, FieldRuleError, NotFoundError } from "@/lib/domain/errors";
import { registerConsented } from "@/lib/domain/register/register";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
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
import { refusalOf } from "@/lib/domain/permissions";
import { canAdminister } from "@/lib/domain/roles";
import { dayOf, endOfDay, startOfDay } from "@/lib/domain/time";
import { longDate } from "@/lib/i18n/format";
import { EventRefused } from "@/lib/lifecycle/apply";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TEventInput } from "@/lib/lifecycle/types";

import { now, today } from "../clock";
import { actorFor, runEvent } from "../events";
import { createContributions, grantConditions, grantContributions } from "./contributions";
import type { TViewer } from "../session";
import { nextStatus } from "../transitions";
import { approvalReasonsFor } from "./approval-rules";
import { getReviewRequest, type TReviewRequest } from "./request";

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
  DECLINE_APPEALED: "decision-conflict-now-declined",
  WITHDRAWAL_APPEALED: "decision-conflict-now-ended",
};

/**
 * Applies a decision through the lifecycle pipeline, guarded by the version the reviewer saw.
 * When another change landed first, the reviewer learns what the request is now, not just that it moved.
 */
async function decide<E extends "grant" | "decline" | "withdraw" | "extend">(viewer: TViewer, request: TReviewRequest, input: TEventInput<E>, baseUrl: string) {
  try {
    await runEvent(input, baseUrl);
  } catch (error) {
    if (!(error instanceof EventRefused) || error.reason !== "conflict") throw error;
    const current = await getReviewRequest(viewer, request.id);
    throw new DomainError(CONFLICT_NOW[current.status], [current.reference ?? ""]);
  }
}

/** WMDE's recommendation on a joint request: grant or decline, with a note. WMDE reviewers only. */
export async function recordRecommendation(viewer: TViewer, input: TRecommendationInput) {
  const request = await getReviewRequest(viewer, input.requestId);
  const refusal = refusalOf(viewer, request, "recommend");
  if (refusal) throw new DomainError(refusal);
  await runEvent({
    event: "recommend",
    actor: actorFor(viewer, request.requesterId),
    requestId: request.id,
    write: async (tx) => {
      const before = await tx.wmdeRecommendation.findUnique({ where: { requestId: request.id }, select: { recommendation: true, note: true } });
      await tx.wmdeRecommendation.upsert({
        where: { requestId: request.id },
        create: { requestId: request.id, reviewerId: viewer.id, recommendation: input.recommendation, note: input.note },
        update: { reviewerId: viewer.id, recommendation: input.recommendation, note: input.note },
      });
      return { details: {}, audit: { before, after: { recommendation: input.recommendation, note: input.note } } };
    },
  });
}

/** The outcome of WMF's human-rights assessment, which a grant to a commercial requester needs first. */
export async function recordHumanRights(viewer: TViewer, input: THumanRightsInput) {
  const request = await getReviewRequest(viewer, input.requestId);
  await runEvent({
    event: "assess_human_rights",
    actor: actorFor(viewer, request.requesterId),
    requestId: request.id,
    write: async (tx) => {
      const before = await tx.humanRightsAssessment.findUnique({ where: { requestId: request.id }, select: { outcome: true, note: true } });
      await tx.humanRightsAssessment.upsert({
        where: { requestId: request.id },
        create: { requestId: request.id, assessedById: viewer.id, outcome: input.outcome, note: input.note },
        update: { assessedById: viewer.id, outcome: input.outcome, note: input.note },
      });
      return { details: {}, audit: { before, after: { outcome: input.outcome, note: input.note } } };
    },
  });
}

/**
 * The request as the reviewer decides on it, refused the way recording would refuse it: someone
 * else changed it since the reviewer's page, or it can no longer be decided by them.
 */
async function decidable(viewer: TViewer, input: { requestId: string; version: number }, event: "grant" | "decline") {
  const request = await getReviewRequest(viewer, input.requestId);
  const actor = actorFor(viewer, request.requesterId);
  nextStatus(request.status, event, actor.kind);
  if (request.proposalPending) throw new DomainError("proposal-error-pending");
  if (request.version !== input.version) throw new DomainError(CONFLICT_NOW[request.status], [request.reference ?? ""]);
  return { request, actor };
}

/** Every rule a grant must meet, checked before the reviewer is shown their decision to confirm; nothing is written. */
export async function checkGrant(viewer: TViewer, input: TGrantInput) {
  const { request } = await decidable(viewer, input, "grant");
  grantRules(viewer, request, input);
}

/** The same for a decline: it can be decided now, by this reviewer, on the request as they saw it. */
export async function checkDecline(viewer: TViewer, input: TDeclineInput) {
  await decidable(viewer, input, "decline");
}

/** The rules of a grant, as they stand for `decider`: only an admin may give a grant beyond the usual length. */
export function grantRules(decider: Pick<TViewer, "role">, request: TReviewRequest, input: TGrantInput) {
  const contactName = request.answers.who?.contactName;
  const problems = grantProblems(input, {
    today: today(),
    isAdmin: canAdminister(decider.role),
    joint: request.joint,
    hasWmdeRecommendation: Boolean(request.wmdeRecommendation),
    commercial: request.requesterKind === "commercial",
    hasHumanRightsAssessment: Boolean(request.humanRights),
    register: registerConsented(request.answers) ? { contactName: typeof contactName === "string" ? contactName : "" } : undefined,
  });
  Object.assign(problems, grantContributions(input, request.answers).problems);
  if (Object.keys(problems).length > 0) throw new FieldRuleError(problems);
}

/**
 * Grants the request: scope, dates, a message for the requester and the internal rationale. The
 * state machine says who and when; the rules (dates, WMDE's recommendation, human rights) what.
 * A grant the review policy gives a second approver is refused here: it is proposed instead
 * (lib/server/review/approval.ts), and granted when someone else confirms it.
 */
export async function grantRequest(viewer: TViewer, input: TGrantInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  grantRules(viewer, request, input);
  await recordGrant(viewer, request, input, baseUrl, {
    check: async (tx) => {
      if ((await approvalReasonsFor(tx, request, input)).length > 0) throw new DomainError("approval-error-needed");
    },
  });
}

/** The proposal a grant confirms: who proposed it, and the check that it still waits for this confirmer. */
export type TGrantConfirmation = { proposerId: string; proposalId: string };

/**
 * Writes a grant through the lifecycle pipeline once its rules have passed: `check` runs first in
 * the grant's transaction, under the request's lock. A confirmed proposal is decided by its
 * proposer and confirmed by `viewer`, who acts in the pipeline.
 */
export async function recordGrant(
  viewer: TViewer,
  request: TReviewRequest,
  input: TGrantInput,
  baseUrl: string,
  { check, confirming }: { check: (tx: Prisma.TransactionClient) => Promise<void>; confirming?: TGrantConfirmation },
) {
  const actor = actorFor(viewer, request.requesterId);
  nextStatus(request.status, "grant", actor.kind);
  // The register entry is asked for, and kept, only with the requester's consent.
  const listed = registerConsented(request.answers);
  // A WMF override is only asked for, and kept, when WMDE has not recommended.
  const jointOverride = request.joint && !request.wmdeRecommendation ? input.jointOverride : null;
  const entry = listed ? { publicName: input.publicName, publicSummary: input.publicSummary } : { publicName: null, publicSummary: null };
  const at = now();
  const expiresAt = endOfDay(input.expiresOn);
  const scope = { apis: input.apis, onDemandPerMonth: input.onDemandPerMonth ?? null, snapshotFrequency: input.snapshotFrequency ?? null };
  const contributions = grantConditions(grantContributions(input, request.answers).confirmed);
  const checkIns = grantCheckIns(input);
  await decide(
    viewer,
    request,
    {
      event: "grant",
      actor,
      requestId: request.id,
      version: input.version,
      set: { expiresAt },
      write: async (tx) => {
        await check(tx);
        await tx.decision.create({
          data: {
            requestId: request.id,
            outcome: "GRANTED",
            decidedById: confirming?.proposerId ?? viewer.id,
            ...(confirming ? { confirmedById: viewer.id, confirmedAt: at } : {}),
            decidedAt: at,
            updatedAt: at,
            message: input.message,
            rationale: input.rationale,
            criteria: input.criteria,
            ...entry,
            ...scope,
            realtime: input.realtime,
            startsAt: startOfDay(input.startsOn),
            expiresAt,
            lengthOverride: input.lengthOverride || null,
            jointOverride: jointOverride || null,
            checkInMonths: checkIns.checkInMonths,
          },
        });
        await createContributions(tx, request.id, contributions);
        return {
          details: {
            message: input.message,
            scope,
            startsOn: input.startsOn,
            expiresOn: input.expiresOn,
            contributions,
            firstCheckInOn: checkIns.firstCheckInOn,
          },
        };
      },
      audit: {
        after: {
          ...scope,
          startsOn: input.startsOn,
          expiresOn: input.expiresOn,
          criteria: input.criteria,
          lengthOverride: input.lengthOverride || null,
          jointOverride: jointOverride || null,
          checkInMonths: checkIns.checkInMonths,
          ...entry,
          contributions,
          ...(confirming ? { proposalId: confirming.proposalId, proposedById: confirming.proposerId } : {}),
        },
        note: input.rationale,
      },
    },
    baseUrl,
  );
}

/** Declines the request, naming the criteria not met, with a message for the requester. */
export async function declineRequest(viewer: TViewer, input: TDeclineInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  await decide(
    viewer,
    request,
    {
      event: "decline",
      actor: actorFor(viewer, request.requesterId),
      requestId: request.id,
      version: input.version,
      write: async (tx) => {
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
        return { details: { message: input.message, criteria: input.criteria } };
      },
      audit: { after: { criteria: input.criteria }, note: input.rationale || null },
    },
    baseUrl,
  );
}

/** Ends an active grant early, for a stated reason; the requester is told why. */
export async function withdrawGrant(viewer: TViewer, input: TWithdrawInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  const at = now();
  await decide(
    viewer,
    request,
    {
      event: "withdraw",
      actor: actorFor(viewer, request.requesterId),
      requestId: request.id,
      version: input.version,
      write: async (tx) => {
        await tx.decision.update({
          where: { requestId: request.id },
          data: { endedAt: at, endedById: viewer.id, endReason: input.reason, endNote: input.message, updatedAt: at },
        });
        return { details: { message: input.message, reason: input.reason } };
      },
      audit: { after: { reason: input.reason }, note: input.message },
    },
    baseUrl,
  );
}

/**
 * Moves an active grant's expiry later; beyond the usual maximum (from its start) only with an
 * admin's reason. `pageFormats` formats the current expiry in the reviewer's error message.
 */
export async function extendGrant(viewer: TViewer, input: TExtendInput, baseUrl: string, pageFormats: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  const actor = actorFor(viewer, request.requesterId);
  nextStatus(request.status, "extend", actor.kind);
  const decision = request.decision;
  if (!decision?.startsAt || !request.expiresAt) throw new NotFoundError();
  const currentExpiry = dayOf(request.expiresAt);
  const problems = grantLengthProblems(
    { startsOn: dayOf(decision.startsAt), expiresOn: input.expiresOn, lengthOverride: input.lengthOverride },
    { today: today(), isAdmin: canAdminister(viewer.role) },
    false,
  );
  if (!problems.expiresOn && input.expiresOn <= currentExpiry)
    problems.expiresOn = { key: "error-extend-not-later", params: [longDate(currentExpiry, pageFormats)] };
  if (Object.keys(problems).length > 0) throw new FieldRuleError(problems);
  await decide(
    viewer,
    request,
    {
      event: "extend",
      actor,
      requestId: request.id,
      version: input.version,
      set: { expiresAt: endOfDay(input.expiresOn) },
      write: async (tx) => {
        // Touched even without a reason: the register's feed dates the entry by its last change.
        await tx.decision.update({
          where: { requestId: request.id },
          data: { updatedAt: now(), ...(input.lengthOverride ? { lengthOverride: input.lengthOverride } : {}) },
        });
        return { details: { message: input.message, expiresOn: input.expiresOn } };
      },
      audit: { before: { expiresOn: currentExpiry }, after: { expiresOn: input.expiresOn, lengthOverride: input.lengthOverride || null }, note: input.message },
    },
    baseUrl,
  );
}
