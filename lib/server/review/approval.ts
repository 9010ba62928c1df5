import "server-only";

import { DomainError, FieldRuleError } from "@/lib/domain/errors";
import { proposalRefusal, type TConfirmProposalInput, type TReturnProposalInput, grantFormValues, storedGrantValues } from "@/lib/domain/review/approval";
import { type TGrantInput, ZGrantInput } from "@/lib/domain/review/decisions";
import type { TFieldError } from "@/lib/form-state";
import type { Prisma } from "@/lib/generated/prisma/client";

import { db } from "@/lib/db";

import { now } from "../clock";
import { actorFor, runEvent } from "../events";
import type { TViewer } from "../session";
import { nextStatus } from "../transitions";
import { approvalReasonsFor } from "./approval-rules";
import { grantRequest, grantRules, recordGrant } from "./decisions";
import { getReviewRequest, type TReviewRequest } from "./request";

// The second approver: a grant the review policy names is proposed, and takes effect only when a
// different WMF reviewer or admin confirms it. Nobody confirms or sends back their own proposal:
// refused here, before anything is written, again under the request's lock, and by the database.

/**
 * What the decide page records for a grant: the grant itself when one reviewer may decide it, a
 * proposal when the policy asks for a second approver.
 */
export async function grantOrPropose(viewer: TViewer, input: TGrantInput, baseUrl: string): Promise<"granted" | "proposed"> {
  const request = await getReviewRequest(viewer, input.requestId);
  if ((await approvalReasonsFor(db(), request, input)).length === 0) {
    await grantRequest(viewer, input, baseUrl);
    return "granted";
  }
  await proposeGrant(viewer, input, baseUrl);
  return "proposed";
}

/**
 * Proposes the grant: checked as a grant would be, kept as the form's values with the policy's
 * reasons, and audited; the requester hears nothing, and nothing reaches the register, an
 * entitlement or a webhook. While it waits, the request is neither decided nor asked about.
 */
export async function proposeGrant(viewer: TViewer, input: TGrantInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  const actor = actorFor(viewer, request.requesterId);
  nextStatus(request.status, "grant", actor.kind);
  grantRules(viewer, request, input);
  await runEvent(
    {
      event: "propose_grant",
      actor,
      requestId: request.id,
      version: input.version,
      write: async (tx) => {
        const reasons = await approvalReasonsFor(tx, request, input);
        if (reasons.length === 0) throw new DomainError("approval-error-not-needed");
        if (await waiting(tx, request.id)) throw new DomainError("proposal-error-pending");
        const proposal = await tx.grantProposal.create({
          data: { requestId: request.id, proposedById: viewer.id, proposedAt: now(), grant: grantFormValues(input), reasons },
          select: { id: true },
        });
        return {
          details: { proposalId: proposal.id },
          audit: { after: { proposalId: proposal.id, reasons, apis: input.apis, startsOn: input.startsOn, expiresOn: input.expiresOn }, note: input.rationale },
        };
      },
    },
    baseUrl,
  );
}

function waiting(tx: Prisma.TransactionClient, requestId: string) {
  return tx.grantProposal.findFirst({ where: { requestId, status: "PENDING" }, select: { id: true, proposedById: true } });
}

/** The proposal waiting on the request, refused to anyone who may not confirm or send it back. */
async function proposalFor(viewer: TViewer, requestId: string, version: number) {
  const request = await getReviewRequest(viewer, requestId);
  const refusal = proposalRefusal(viewer, request);
  if (refusal) throw new DomainError(refusal);
  if (request.version !== version) throw new DomainError("review-error-conflict");
  // proposalRefusal has checked that one waits.
  const proposal = request.proposals.find((one) => one.status === "PENDING");
  if (!proposal) throw new DomainError("proposal-error-none");
  return { request, proposal };
}

/** Under the request's lock: the same proposal still waits, and it is not the viewer's own. */
async function stillWaiting(tx: Prisma.TransactionClient, viewer: TViewer, requestId: string, proposalId: string) {
  const current = await waiting(tx, requestId);
  if (!current || current.id !== proposalId) throw new DomainError("proposal-error-none");
  if (current.proposedById === viewer.id) throw new DomainError("proposal-error-own");
}

type TProposal = NonNullable<TReviewRequest["proposal"]>;

/**
 * The proposal's grant as it was proposed (when its stored values still read as a grant), and why
 * it cannot be made today as proposed, if it cannot: the rules of a grant hold on the day it takes
 * effect, so a proposal whose start date passed while it waited is sent back to its proposer rather
 * than confirmed with dates they did not choose.
 */
export function proposedGrant(request: TReviewRequest, proposal: TProposal): { grant?: TGrantInput; problem?: TFieldError } {
  const parsed = ZGrantInput.safeParse({ ...storedGrantValues(proposal.grant), requestId: request.id, version: String(request.version) });
  if (!parsed.success) return { problem: { key: "proposal-error-no-longer-valid" } };
  try {
    grantRules(proposal.proposedBy, request, parsed.data);
  } catch (error) {
    if (!(error instanceof FieldRuleError)) throw error;
    return { grant: parsed.data, problem: Object.values(error.fieldErrors)[0] ?? { key: "proposal-error-no-longer-valid" } };
  }
  return { grant: parsed.data };
}

/**
 * Confirms the proposal: the grant is made as proposed (decided by its proposer, confirmed by the
 * viewer), through the same pipeline as any grant, so the requester is emailed only now. A grant
 * that no longer meets the rules (its start has passed, say) is refused: it is sent back instead.
 */
export async function confirmProposal(viewer: TViewer, input: TConfirmProposalInput, baseUrl: string) {
  const { request, proposal } = await proposalFor(viewer, input.requestId, input.version);
  const { grant, problem } = proposedGrant(request, proposal);
  if (!grant || problem) throw new DomainError("proposal-error-no-longer-valid");
  await recordGrant(viewer, request, grant, baseUrl, {
    confirming: { proposerId: proposal.proposedBy.id, proposalId: proposal.id },
    check: async (tx) => {
      await stillWaiting(tx, viewer, request.id, proposal.id);
      await tx.grantProposal.update({ where: { id: proposal.id }, data: { status: "CONFIRMED", resolvedById: viewer.id, resolvedAt: now() } });
    },
  });
}

/** Sends the proposal back to its proposer with a note (emailed to them); the request stays in review, to be decided again. */
export async function returnProposal(viewer: TViewer, input: TReturnProposalInput, baseUrl: string) {
  const { request, proposal } = await proposalFor(viewer, input.requestId, input.version);
  await runEvent(
    {
      event: "return_grant_proposal",
      actor: actorFor(viewer, request.requesterId),
      requestId: request.id,
      version: input.version,
      write: async (tx) => {
        await stillWaiting(tx, viewer, request.id, proposal.id);
        await tx.grantProposal.update({
          where: { id: proposal.id },
          data: { status: "RETURNED", resolvedById: viewer.id, resolvedAt: now(), note: input.note },
        });
        return {
          details: { proposalId: proposal.id, proposerId: proposal.proposedBy.id, note: input.note },
          audit: { after: { proposalId: proposal.id, proposedById: proposal.proposedBy.id }, note: input.note },
        };
      },
    },
    baseUrl,
  );
}
