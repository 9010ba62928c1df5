import "server-only";

import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { followUpAnswers, mayFollowUp } from "@/lib/domain/request/follow-up";
import type { TGiveUpInput } from "@/lib/domain/review/decisions";
import { audit } from "@/lib/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";

import { now } from "./clock";
import { OWN_DECISION_FIELDS } from "./decision-fields";
import { runEvent } from "./events";
import { getOwnRequest } from "./requests";
import type { TViewer } from "./session";

/**
 * A new draft that starts from one of the viewer's decided requests and is linked to it: a renewal
 * of a grant, or a new try after a decline. Starting again from the same request reuses the draft
 * already started, so a double click makes one draft.
 */
export async function startFollowUp(viewer: TViewer, previousId: string): Promise<string> {
  const previous = await getOwnRequest(viewer, previousId);
  if (!mayFollowUp(previous.status, previous.expiresAt, now())) {
    throw new DomainError(previous.status === "GRANTED" ? "follow-up-error-too-early" : "follow-up-error-not-decided");
  }
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
    await audit(tx, {
      subject: "request",
      id: draft.id,
      actorId: viewer.id,
      action: "request.created",
      after: { status: "DRAFT", basedOn: previous.reference },
    });
    return draft.id;
  });
}

/** The requester ends their own grant early; the decision's record keeps who and why. */
export async function giveUpGrant(viewer: TViewer, input: TGiveUpInput, baseUrl: string) {
  const request = await getOwnRequest(viewer, input.requestId);
  const at = now();
  await runEvent(
    {
      event: "give_up",
      actor: { kind: "requester", userId: viewer.id },
      requestId: request.id,
      version: input.version,
      write: async (tx) => {
        await tx.decision.update({
          where: { requestId: request.id },
          data: { endedAt: at, endedById: viewer.id, endReason: "REQUESTER_WISH", endNote: input.note || null, updatedAt: at },
        });
        return { details: {} };
      },
      audit: { after: { reason: "REQUESTER_WISH" }, note: input.note || null },
    },
    baseUrl,
  );
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
