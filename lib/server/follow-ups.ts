import "server-only";

import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { followUpAnswers } from "@/lib/domain/request/follow-up";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import type { TGiveUpInput } from "@/lib/domain/review/decisions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emailLocaleOfUser, enqueueEmail } from "@/lib/jobs/outbox";
import { log } from "@/lib/log";
import { requestRecipient } from "@/lib/mail/recipient";
import { requestEmail } from "@/lib/mail/templates/request-email";

import { auditRequest } from "./audit";
import { OWN_DECISION_FIELDS } from "./decision-fields";
import { now } from "./clock";
import { getOwnRequest } from "./requests";
import type { TViewer } from "./session";
import { nextStatus } from "./transitions";

/** A request that may be the start of a new one: a decision was made (granted, still or once, or declined). */
export function mayFollowUp(status: TRequestStatus) {
  return status === "GRANTED" || status === "EXPIRED" || status === "WITHDRAWN" || status === "DECLINED";
}

/**
 * A new draft that starts from one of the viewer's decided requests and is linked to it: a renewal
 * of a grant, or a new try after a decline. Starting again from the same request reuses the draft
 * already started, so a double click makes one draft.
 */
export async function startFollowUp(viewer: TViewer, previousId: string): Promise<string> {
  const previous = await getOwnRequest(viewer, previousId);
  if (!mayFollowUp(previous.status)) throw new DomainError("follow-up-error-not-decided");
  return db().$transaction(async (tx) => {
    // Serialises follow-ups of one request, so two clicks cannot both create a draft.
    await tx.$queryRaw`SELECT id FROM "Request" WHERE id = ${previous.id} FOR UPDATE`;
    const existing = await tx.request.findFirst({ where: { basedOnId: previous.id, requesterId: viewer.id, status: "DRAFT" }, select: { id: true } });
    if (existing) return existing.id;
    const answers = followUpAnswers(previous.answers);
    const draft = await tx.request.create({
      data: { requesterId: viewer.id, answers: answers as Prisma.InputJsonValue, basedOnId: previous.id },
      select: { id: true },
    });
    await auditRequest(tx, viewer.id, draft.id, "request.created", null, { status: "DRAFT", basedOn: previous.reference });
    return draft.id;
  });
}

/** The requester ends their own grant early; the decision's record keeps who and why. */
export async function giveUpGrant(viewer: TViewer, input: TGiveUpInput, baseUrl: string) {
  const request = await getOwnRequest(viewer, input.requestId);
  const status = nextStatus(request.status, "give_up", "requester");
  const at = now();
  await db().$transaction(async (tx) => {
    const updated = await tx.request.updateMany({
      where: { id: request.id, requesterId: viewer.id, version: input.version, status: "GRANTED", expiresAt: { gt: at } },
      data: { status, version: { increment: 1 }, lastActivityAt: at },
    });
    if (updated.count === 0) throw new DomainError("request-error-conflict");
    await tx.decision.update({
      where: { requestId: request.id },
      data: { endedAt: at, endedById: viewer.id, endReason: "REQUESTER_WISH", endNote: input.note || null, updatedAt: at },
    });
    await auditRequest(
      tx,
      viewer.id,
      request.id,
      "request.given_up",
      { status: request.status },
      { status, reason: "REQUESTER_WISH" },
      input.note || undefined,
    );
    const to = await requestRecipient(tx, { requesterId: viewer.id, answers: request.answers });
    if (to) {
      await enqueueEmail(tx, {
        idempotencyKey: `given-up:${request.id}`,
        to,
        requestId: request.id,
        ...requestEmail("given_up", { reference: request.reference ?? "", url: `${baseUrl}/requests/${request.id}` }, await emailLocaleOfUser(tx, viewer.id)),
      });
    }
  });
  log.info("request.given_up", { requestId: request.id });
}

/** The decision on one of the viewer's own requests (from getOwnRequest). */
export async function ownDecision(request: { id: string }) {
  return db().decision.findUnique({ where: { requestId: request.id }, select: OWN_DECISION_FIELDS });
}

/** The requests linked to this one: what it started from, and what was started from it. */
export async function ownLinks(viewer: TViewer, request: { id: string; basedOnId: string | null }) {
  const [basedOn, followUps] = await Promise.all([
    request.basedOnId ? db().request.findFirst({ where: { id: request.basedOnId, requesterId: viewer.id }, select: { id: true, reference: true } }) : null,
    db().request.findMany({
      where: { basedOnId: request.id, requesterId: viewer.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, reference: true, status: true },
    }),
  ]);
  return { basedOn, followUps };
}
