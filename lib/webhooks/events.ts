// Writing webhook events: one event row, and one delivery for each endpoint that takes its type,
// inside the caller's transaction, so an event is sent if and only if its change commits. Prisma
// only: the pipeline, the worker's sweeps and the admin pages write through it.
import { randomUUID } from "node:crypto";

import { type TWebhookData, webhookMessageId, webhookPayload } from "@/lib/domain/webhooks";
import { Prisma } from "@/lib/generated/prisma/client";

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
  const [id] = await recordWebhookEvents(tx, [{ ...event, endpointIds }]);
  return id ?? null;
}

type TEventToWrite = Omit<TNewEvent<keyof TWebhookData>, "endpointIds"> & { endpointIds: readonly string[] };

/**
 * Writes events, in the order given (their sequence follows it), and each one's deliveries to
 * its endpoints, in one statement: a decision that tells receivers waits for one round trip
 * however many events it makes. Returns the events' ids.
 */
export async function recordWebhookEvents(tx: Prisma.TransactionClient, events: readonly TEventToWrite[]) {
  const written = events.filter((event) => event.endpointIds.length > 0).map((event) => ({ ...event, id: webhookMessageId(randomUUID().replaceAll("-", "")) }));
  if (written.length === 0) return [];
  const rows = written.map(
    (event) =>
      Prisma.sql`(${event.id}, ${event.type}, ${event.requestId}, ${event.key ?? null}, ${JSON.stringify(webhookPayload(event.type, event.at, event.data))}::jsonb, ${event.at.toISOString()}::timestamp)`,
  );
  const pairs = written.flatMap((event) => event.endpointIds.map((endpointId) => [event.id, endpointId] as const));
  await tx.$executeRaw`
    WITH "event" AS (
      INSERT INTO "WebhookEvent" ("id", "type", "requestId", "key", "payload", "createdAt")
      VALUES ${Prisma.join(rows)}
      RETURNING "id", "sequence", "requestId", "createdAt"
    )
    INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "requestId", "sequence", "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid()::text, "event"."id", "target"."endpointId", "event"."requestId", "event"."sequence", "event"."createdAt", "event"."createdAt"
    FROM unnest(${pairs.map(([eventId]) => eventId)}::text[], ${pairs.map(([, endpointId]) => endpointId)}::text[]) AS "target" ("eventId", "endpointId")
    JOIN "event" ON "event"."id" = "target"."eventId"`;
  return written.map((event) => event.id);
}
