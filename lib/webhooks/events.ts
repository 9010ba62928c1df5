// Writing webhook events: one event row, and one delivery for each endpoint that takes its type,
// inside the caller's transaction, so an event is sent if and only if its change commits. Prisma
// only: the pipeline, the worker's sweeps and the admin pages write through it.
import { randomUUID } from "node:crypto";

import { type TWebhookData, webhookMessageId, webhookPayload } from "@/lib/domain/webhooks";
import type { Prisma } from "@/lib/generated/prisma/client";

type TNewEvent<T extends keyof TWebhookData> = {
  type: T;
  data: TWebhookData[T];
  at: Date;
  requestId: string | null;
  /** Makes a repeated write a no-op. */
  key?: string;
  /** Only these endpoints (a test event); otherwise every enabled endpoint that takes the type. */
  endpointIds?: string[];
};

/** The enabled endpoints that take any of `types`, with what they take; one small query. */
export function subscribedEndpoints(tx: Prisma.TransactionClient, types: readonly string[]) {
  return tx.webhookEndpoint.findMany({ where: { enabled: true, eventTypes: { hasSome: [...types] } }, select: { id: true, eventTypes: true } });
}

/**
 * Writes one event and its deliveries; returns the event's id (its `webhook-id`), or null when
 * nobody takes it or its key was written before.
 */
export async function recordWebhookEvent<T extends keyof TWebhookData>(tx: Prisma.TransactionClient, event: TNewEvent<T>) {
  const endpointIds = event.endpointIds ?? (await subscribedEndpoints(tx, [event.type])).map(({ id }) => id);
  if (endpointIds.length === 0) return null;
  if (event.key && (await tx.webhookEvent.findUnique({ where: { key: event.key }, select: { id: true } }))) return null;
  const id = webhookMessageId(randomUUID().replaceAll("-", ""));
  const payload = JSON.stringify(webhookPayload(event.type, event.at, event.data));
  const at = event.at.toISOString();
  // The event and its deliveries in one statement: the decision waits for one round trip, not two.
  await tx.$executeRaw`
    WITH "event" AS (
      INSERT INTO "WebhookEvent" ("id", "type", "requestId", "key", "payload", "createdAt")
      VALUES (${id}, ${event.type}, ${event.requestId}, ${event.key ?? null}, ${payload}::jsonb, ${at}::timestamp)
      RETURNING "id", "sequence"
    )
    INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "requestId", "sequence", "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid()::text, "event"."id", "endpoint", ${event.requestId}, "event"."sequence", ${at}::timestamp, ${at}::timestamp
    FROM "event", unnest(${endpointIds}::text[]) AS "endpoint"`;
  return id;
}
