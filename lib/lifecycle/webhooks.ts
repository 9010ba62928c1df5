// Which request events are told to webhook receivers, as which event types, with what data. Each
// is written with its deliveries inside the event's transaction (lib/webhooks/events.ts); the
// worker sends them after commit. A grant's entitlement is read back as the database recorded it
// in this same transaction (the entitlement_record trigger), so the payload and the entitlements
// API always agree.
import { entitlementJson, type TEntitlementRecord } from "@/lib/domain/entitlements";
import type { TWebhookData, TWebhookEventType } from "@/lib/domain/webhooks";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordWebhookEvents, subscribedEndpoints } from "@/lib/webhooks/events";

import type { TAppliedEvent, TEventConsumer, TLifecycleEvent } from "./types";

/** The webhook event types of each request event that has any, in the order they are sent. */
export const WEBHOOK_TYPES_OF: Partial<Record<TLifecycleEvent, readonly TWebhookEventType[]>> = {
  submit: ["request.submitted"],
  decline: ["request.declined"],
  grant: ["grant.created", "entitlement.changed"],
  extend: ["grant.extended", "entitlement.changed"],
  withdraw: ["grant.withdrawn", "entitlement.changed"],
  give_up: ["grant.given_up", "entitlement.changed"],
  expire: ["grant.expired", "entitlement.changed"],
  // A withdrawn grant restored on appeal: its entitlement is in force again.
  overturn_withdrawal: ["entitlement.changed"],
};

/** The grant's entitlement as last recorded (null for a request that holds none). */
export async function latestEntitlement(tx: Prisma.TransactionClient, requestId: string): Promise<TEntitlementRecord | null> {
  return tx.entitlementChange.findFirst({ where: { requestId }, orderBy: { sequence: "desc" } });
}

type TData = { [T in TWebhookEventType]: TWebhookData[T] };

/** The data of each type for this event; undefined when the event has nothing to say of that kind. */
function dataOf(applied: TAppliedEvent, record: TEntitlementRecord | null, previousExpiry: Date | null): Partial<TData> {
  const { request, context } = applied;
  const reference = request.reference ?? "";
  const submittedAt = context.now.toISOString();
  if (!record) return { "request.submitted": { reference, submitted_at: submittedAt }, "request.declined": { reference, decided_at: submittedAt } };
  const entitlement = entitlementJson(record, context.now);
  const ended = { reference, username: record.username, ended_at: entitlement.ended_at ?? context.now.toISOString() };
  return {
    "grant.created": { reference, username: record.username, entitlement },
    "grant.extended": {
      reference,
      username: record.username,
      expires_at: record.expiresAt.toISOString(),
      previous_expires_at: previousExpiry?.toISOString() ?? null,
    },
    "grant.withdrawn": ended,
    "grant.given_up": ended,
    "grant.expired": ended,
    "entitlement.changed": entitlement,
  };
}

/** The expiry before an extension: the one recorded before the latest. */
async function previousExpiry(tx: Prisma.TransactionClient, requestId: string) {
  const [, before] = await tx.entitlementChange.findMany({ where: { requestId }, orderBy: { sequence: "desc" }, take: 2, select: { expiresAt: true } });
  return before?.expiresAt ?? null;
}

export const sendWebhooks: TEventConsumer = async (tx, applied) => {
  const types = WEBHOOK_TYPES_OF[applied.event];
  if (!types) return;
  // Nobody listening (the usual case until an endpoint is registered): one small query, nothing written.
  const endpoints = await subscribedEndpoints(tx, types);
  if (endpoints.length === 0) return;
  const grantEvent = types.includes("entitlement.changed");
  const record = grantEvent ? await latestEntitlement(tx, applied.request.id) : null;
  // A grant event on a request with no entitlement (no reference, no expiry) has nothing to tell.
  if (grantEvent && !record) return;
  const data = dataOf(applied, record, applied.event === "extend" ? await previousExpiry(tx, applied.request.id) : null);
  const events = types.flatMap((type) => {
    const payload = data[type];
    const endpointIds = endpoints.filter(({ eventTypes }) => eventTypes.includes(type)).map(({ id }) => id);
    return payload && endpointIds.length > 0 ? [{ type, data: payload, at: applied.context.now, requestId: applied.request.id, endpointIds }] : [];
  });
  await recordWebhookEvents(tx, events);
};
