import "server-only";

import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { refusalOf, type TPermissionRequest, type TPermissionViewer } from "@/lib/domain/permissions";
import type { TAppealEvent } from "@/lib/domain/request/appeal-transitions";
import type { TRequestAuditAction } from "@/lib/domain/audit";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import {
  appealDeadline,
  appealDecisionEvent,
  appealAdditions,
  appealRefusal,
  involvedIn,
  requesterAppealEvent,
  storedAdditions,
  tookPart,
  type TAppealDecisionInput,
  type TAppealInput,
  type TAppealPermission,
} from "@/lib/domain/review/appeals";
import type { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";

import { now } from "./clock";
import { actorFor, runEvent } from "./events";
import { getOwnRequest } from "./requests";
import { getReviewRequest } from "./review/request";
import type { TViewer } from "./session";

type TClient = Prisma.TransactionClient | ReturnType<typeof db>;

/** The entries that show a person took part in deciding a request (besides the decision's own columns). */
const PART_TAKING: TRequestAuditAction[] = [
  "request.assessed",
  "request.recommended",
  "request.human_rights_assessed",
  "request.granted",
  "request.declined",
  "request.withdrawn",
];

const APPEAL_FIELDS = {
  fromStatus: true,
  statement: true,
  additionalInformation: true,
  additions: true,
  appealedAt: true,
  original: true,
  involvedIds: true,
  outcome: true,
  reasons: true,
  decidedAt: true,
  decidedBy: { select: { name: true, email: true } },
} as const;

/**
 * Everything the appeal rules need of a request, read together: the decision appealed against (or
 * to be), who took part in it, and the appeal itself once made. `status` is the request's status as
 * people see it.
 */
async function appealFacts(client: TClient, request: { id: string; status: TRequestStatus }, at: Date) {
  const [decision, proposals, entries, appeal] = await Promise.all([
    client.decision.findUnique({
      where: { requestId: request.id },
      select: {
        outcome: true,
        decidedById: true,
        decidedAt: true,
        confirmedById: true,
        message: true,
        rationale: true,
        criteria: true,
        endedAt: true,
        endedById: true,
        endReason: true,
        endNote: true,
      },
    }),
    client.grantProposal.findMany({ where: { requestId: request.id }, select: { proposedById: true, resolvedById: true } }),
    client.auditEntry.findMany({
      where: { subjectType: "request", subjectId: request.id, action: { in: PART_TAKING }, actorId: { not: null } },
      select: { actorId: true },
    }),
    client.appeal.findUnique({ where: { requestId: request.id }, select: APPEAL_FIELDS }),
  ]);
  const involvedIds = appeal
    ? appeal.involvedIds
    : involvedIn({
        deciderId: decision?.decidedById,
        confirmerId: decision?.confirmedById,
        proposerIds: proposals.flatMap((proposal) => [proposal.proposedById, proposal.resolvedById ?? ""]),
        assessorIds: entries.map((entry) => entry.actorId ?? ""),
        withdrawerId: decision?.endedById,
      });
  const decidedAt = request.status === "WITHDRAWN" ? decision?.endedAt : request.status === "DECLINED" ? decision?.decidedAt : null;
  const requesterRefusal = decidedAt
    ? appealRefusal({ decidedAt, ownWithdrawal: decision?.endReason === "REQUESTER_WISH", appealed: appeal !== null }, at)
    : "appeal-error-unknown";
  const permission: TAppealPermission = { requesterRefusal, involvedIds };
  // What the appeal is against, kept with it: an overturned decline's decision is removed.
  const original: Prisma.InputJsonValue =
    request.status === "WITHDRAWN"
      ? {
          endedById: decision?.endedById ?? null,
          endedAt: decision?.endedAt?.toISOString() ?? null,
          endReason: decision?.endReason ?? null,
          endNote: decision?.endNote ?? null,
        }
      : {
          decidedById: decision?.decidedById ?? null,
          confirmedById: decision?.confirmedById ?? null,
          decidedAt: decision?.decidedAt?.toISOString() ?? null,
          message: decision?.message ?? "",
          rationale: decision?.rationale ?? "",
          criteria: decision?.criteria ?? [],
        };
  return { permission, appeal, original, deadline: decidedAt ? appealDeadline(decidedAt) : null };
}

/** The request's appeal, if one was made, and what the viewer may do about it: for the pages. */
export async function appealOf(request: { id: string; status: TRequestStatus }) {
  const { permission, appeal, deadline } = await appealFacts(db(), request, now());
  return { permission, appeal: appeal ? { ...appeal, additions: storedAdditions(appeal.additions) } : null, deadline };
}

/**
 * The appeal on one of the viewer's own requests (from getOwnRequest) as its requester reads it:
 * never who took part, nor the internal record of the decision.
 */
export async function ownAppealOf(request: { id: string; status: TRequestStatus }) {
  const { permission, appeal, deadline } = await appealOf(request);
  const own = appeal
    ? {
        fromStatus: appeal.fromStatus,
        statement: appeal.statement,
        additionalInformation: appeal.additionalInformation,
        additions: appeal.additions,
        appealedAt: appeal.appealedAt,
        outcome: appeal.outcome,
        reasons: appeal.reasons,
        decidedAt: appeal.decidedAt,
      }
    : null;
  return { appeal: own, deadline, permission: { requesterRefusal: permission.requesterRefusal, involvedIds: [] } satisfies TAppealPermission };
}

/** Refuses the event as the permission rules would, with the appeal's facts as read now. */
function refuse(viewer: TPermissionViewer, request: TPermissionRequest, appeal: TAppealPermission, event: TAppealEvent) {
  const refusal = refusalOf(viewer, { ...request, appeal }, event);
  if (refusal) throw new DomainError(refusal);
}

/**
 * The requester appeals the decline of their request, or the withdrawal of their grant by WMF:
 * once, within the window, with a statement and what they add to sections of their answers (the
 * answers themselves stay as they were decided on). Checked again
 * under the request's lock, so two posts make one appeal (the database holds one per request too).
 */
export async function appealDecision(viewer: TViewer, input: TAppealInput, baseUrl: string) {
  const request = await getOwnRequest(viewer, input.requestId);
  const event = requesterAppealEvent(request.status);
  const additions = appealAdditions(input);
  const before = await appealFacts(db(), request, now());
  refuse(viewer, { status: request.status, requesterId: viewer.id }, before.permission, event);
  await runEvent(
    {
      event,
      actor: { kind: "requester", userId: viewer.id },
      requestId: request.id,
      version: input.version,
      write: async (tx) => {
        const at = now();
        const facts = await appealFacts(tx, request, at);
        refuse(viewer, { status: request.status, requesterId: viewer.id }, facts.permission, event);
        await tx.appeal.create({
          data: {
            requestId: request.id,
            fromStatus: request.status,
            statement: input.statement,
            additionalInformation: input.additionalInformation,
            additions,
            appealedAt: at,
            original: facts.original,
            involvedIds: [...facts.permission.involvedIds],
          },
        });
        return { details: {} };
      },
      audit: { after: { additions, additionalInformation: input.additionalInformation || null }, note: input.statement },
    },
    baseUrl,
  );
  log.info("request.appealed", { requestId: request.id });
}

/**
 * A WMF reviewer who took no part in the decision appealed against decides the appeal: upheld, the
 * decision stands; overturned, a decline goes back to review (with the deciding reviewer as its
 * owner) and a withdrawn grant is restored (its entitlement follows through the pipeline). The
 * requester is emailed the outcome with the reasons.
 */
export async function decideAppeal(viewer: TViewer, input: TAppealDecisionInput, baseUrl: string) {
  const request = await getReviewRequest(viewer, input.requestId);
  const { permission, appeal } = await appealFacts(db(), request, now());
  if (!appeal || appeal.outcome || (appeal.fromStatus !== "DECLINED" && appeal.fromStatus !== "WITHDRAWN"))
    throw new DomainError("transition-error-decide-appeal-not-now");
  const event = appealDecisionEvent(appeal.fromStatus, input.outcome);
  refuse(viewer, request, permission, event);
  const at = now();
  await runEvent(
    {
      event,
      actor: actorFor(viewer, request.requesterId),
      requestId: request.id,
      version: input.version,
      set: event === "overturn_decline" ? { decidedAt: null, assigneeId: viewer.id } : undefined,
      write: async (tx) => {
        const current = await tx.appeal.findUniqueOrThrow({ where: { requestId: request.id }, select: { outcome: true, involvedIds: true } });
        if (current.outcome) throw new DomainError("transition-error-decide-appeal-not-now");
        if (tookPart(viewer.id, current.involvedIds)) throw new DomainError("appeal-error-involved");
        await tx.appeal.update({
          where: { requestId: request.id },
          data: { outcome: input.outcome === "uphold" ? "UPHELD" : "OVERTURNED", reasons: input.reasons, decidedById: viewer.id, decidedAt: at },
        });
        if (event === "overturn_decline") await tx.decision.delete({ where: { requestId: request.id } });
        if (event === "overturn_withdrawal")
          await tx.decision.update({
            where: { requestId: request.id },
            data: { endedAt: null, endedById: null, endReason: null, endNote: null, updatedAt: at },
          });
        return { details: { reasons: input.reasons } };
      },
      audit: { after: { outcome: input.outcome }, note: input.reasons },
    },
    baseUrl,
  );
  log.info("request.appeal_decided", { requestId: request.id, outcome: input.outcome });
}
