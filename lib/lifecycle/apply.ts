// The lifecycle pipeline: every request event, whoever makes it, goes through applyEvent. Prisma
// only, so people's actions (lib/server) and the worker's jobs (lib/jobs) share it.
import { audit } from "@/lib/audit";
import { EVENT_AUDIT_ACTION } from "@/lib/domain/audit";
import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { interestOf, interestRefusal } from "@/lib/domain/permissions";
import { activityAllowed, effectiveStatus, REQUEST_EVENTS, transition, type TRequestEvent } from "@/lib/domain/request/state-machine";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TMessageKey } from "@/lib/i18n/translator";

import { CLOCK_FIELDS, clockColumns } from "./clock";
import { EVENT_CONSUMERS } from "./consumers";
import type { TActor, TEventContext, TEventInput, TEventRequest, TLifecycleEvent, TWritten } from "./types";

const EVENT_REQUEST_FIELDS = {
  id: true,
  reference: true,
  status: true,
  version: true,
  requesterId: true,
  assigneeId: true,
  expiresAt: true,
  answers: true,
  joint: true,
} as const;

/** Why an event was refused: the message is the person's to read; the reason is the caller's to act on. */
export class EventRefused extends DomainError {
  constructor(
    readonly reason: "conflict" | "not_allowed_from_status" | "not_allowed_for_actor",
    messageKey: TMessageKey,
  ) {
    super(messageKey);
    this.name = "EventRefused";
  }
}

function isTransition(event: TLifecycleEvent): event is TRequestEvent {
  return (REQUEST_EVENTS as readonly string[]).includes(event);
}

/**
 * Applies one request event inside the caller's transaction: locks the request, checks the move
 * or activity against the state machine's tables (people against the status they see, expiry
 * derived; the system against the stored one) after the version the person saw, writes the
 * event's own records and one typed audit entry, updates the request, and hands the event to
 * every consumer (notifications first). Returns where the request went; refuses with EventRefused.
 */
export async function applyEvent<E extends TLifecycleEvent>(tx: Prisma.TransactionClient, context: TEventContext, input: TEventInput<E>) {
  // Records the database writes by itself (a grant's entitlement) carry the pipeline's clock.
  await tx.$queryRaw`SELECT set_config('app.now', ${context.now.toISOString()}, true)`;
  // Events on one request take turns, so two reviewers never both act on what they saw.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Request" WHERE id = ${input.requestId} FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError();
  const request = await tx.request.findUniqueOrThrow({ where: { id: input.requestId }, select: { ...EVENT_REQUEST_FIELDS, ...CLOCK_FIELDS } });

  // A person who saw an older version is told the request changed, before anything about the move
  // (in the requester's words on their pages, in the reviewers' on theirs).
  const conflictKey = input.actor.kind === "requester" ? "request-error-conflict" : "review-error-conflict";
  if (input.version !== undefined && input.version !== request.version) throw new EventRefused("conflict", conflictKey);
  const from = request.status;
  const seen = input.actor.kind === "system" ? from : effectiveStatus(from, request.expiresAt, context.now);
  const to = checked(input.event, seen, input.actor.kind) ?? from;
  await checkInterest(tx, input.event, input.actor, input.requestId);
  input.guard?.(request);

  const moves = to !== from;
  // The event's own records and its audit entry come first: the database accepts a status change
  // only once the transaction has recorded it (the status_changes_audited migration).
  const written: TWritten<E> = input.write ? await input.write(tx, request) : { details: input.details };
  const fields = { ...input.audit, ...written.audit };
  await audit(tx, {
    subject: "request",
    id: request.id,
    actorId: input.actor.userId,
    action: fields.action ?? EVENT_AUDIT_ACTION[input.event],
    before: moves ? { status: from, ...fields.before } : (fields.before ?? null),
    after: moves ? { status: to, ...fields.after } : (fields.after ?? null),
    note: fields.note,
  });

  const bumpsVersion = isTransition(input.event) || input.version !== undefined;
  const data: Prisma.RequestUncheckedUpdateManyInput = {
    ...input.set,
    ...clockColumns(request, { from, to, actor: input.actor, now: context.now }),
    ...(moves ? { status: to } : {}),
    ...(bumpsVersion ? { version: { increment: 1 } } : {}),
    ...(input.touch === false ? {} : { lastActivityAt: context.now }),
  };
  // An event that changes nothing on the row (a reminder) leaves it, and its updatedAt, alone.
  if (Object.keys(data).length > 0) {
    const updated = await tx.request.updateMany({ where: { id: request.id, version: request.version, status: from }, data });
    if (updated.count === 0) throw new EventRefused("conflict", conflictKey);
  }

  const after: TEventRequest = await tx.request.findUniqueOrThrow({ where: { id: request.id }, select: EVENT_REQUEST_FIELDS });
  const applied = { event: input.event, actor: input.actor, from, to, request: after, details: written.details, context };
  for (const consume of EVENT_CONSUMERS) await consume(tx, applied);
  return { from, to, version: after.version };
}

/** Where the event takes the request, if the state machine allows it; undefined for an activity, which leaves it. */
function checked(event: TLifecycleEvent, status: TEventRequest["status"], actor: TEventInput<TLifecycleEvent>["actor"]["kind"]) {
  if (isTransition(event)) {
    const result = transition(status, event, actor);
    if (!result.ok) throw new EventRefused(result.reason === "not_allowed_for_actor" ? "not_allowed_for_actor" : "not_allowed_from_status", result.messageKey);
    return result.to;
  }
  const result = activityAllowed(event, status, actor);
  if (!result.ok) throw new EventRefused(result.reason, result.messageKey);
  return undefined;
}

/** A reviewer acts on a request only as their declaration of interest allows, read under the request's lock. */
async function checkInterest(tx: Prisma.TransactionClient, event: TLifecycleEvent, actor: TActor, requestId: string) {
  const { kind, userId } = actor;
  if ((kind !== "wmf" && kind !== "wmde") || !userId) return;
  const declaration = await tx.conflictDeclaration.findUnique({
    where: { requestId_reviewerId: { requestId, reviewerId: userId } },
    select: { hasConflict: true, liftedAt: true },
  });
  const refusal = interestRefusal(event, interestOf(declaration));
  if (refusal) throw new EventRefused("not_allowed_for_actor", refusal);
}
