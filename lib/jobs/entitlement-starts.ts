// A grant given with a later first day is announced as `entitlement.changed` (state "scheduled")
// when it is made; this sweep announces it again (state "active") once that day has come, so a
// receiver that acts on events alone switches the access on at the right time. Each start is
// announced once (the event's key), and only while someone takes `entitlement.changed`.
import { entitlementJson } from "@/lib/domain/entitlements";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { latestEntitlement } from "@/lib/lifecycle/webhooks";
import { recordWebhookEvent, subscribedEndpoints } from "@/lib/webhooks/events";

const BATCH = 100;

/** The key that makes a start's announcement once; the start is part of it, so a moved start is announced again. */
export function entitlementStartedKey(requestId: string, startsAt: Date) {
  return `entitlement-started:${requestId}:${startsAt.toISOString()}`;
}

/**
 * Records one `entitlement.changed` for each grant that began after its decision, whose first day
 * has come by `now`, still in force and not announced yet. Returns how many were announced.
 */
export async function announceStartedEntitlements(db: PrismaClient, { now }: { now: Date }) {
  // Nobody listening (the usual case until an endpoint is registered): one small query.
  if ((await subscribedEndpoints(db, ["entitlement.changed"])).length === 0) return 0;
  const at = now.toISOString();
  // The key is built as entitlementStartedKey builds it: timestamp(3) in UTC, as toISOString writes it.
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT r."id" FROM "Request" r
    WHERE r."status" = 'GRANTED' AND r."startsAt" <= ${at}::timestamp AND r."expiresAt" > ${at}::timestamp
      AND r."decidedAt" < r."startsAt"
      AND NOT EXISTS (
        SELECT 1 FROM "WebhookEvent" e
        WHERE e."key" = 'entitlement-started:' || r."id" || ':' || to_char(r."startsAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      )
    ORDER BY r."startsAt", r."id"
    LIMIT ${BATCH}::int`;
  let announced = 0;
  for (const { id } of due) {
    const eventId = await db.$transaction(async (tx) => {
      // Two workers sweeping at once: the second waits here, then finds the key written.
      const [request] = await tx.$queryRaw<
        { startsAt: Date | null; status: string }[]
      >`SELECT "startsAt", "status" FROM "Request" WHERE "id" = ${id} FOR UPDATE`;
      if (!request?.startsAt || request.status !== "GRANTED") return null;
      const record = await latestEntitlement(tx, id);
      if (!record) return null;
      return recordWebhookEvent(tx, {
        type: "entitlement.changed",
        data: entitlementJson(record, now),
        at: now,
        requestId: id,
        key: entitlementStartedKey(id, request.startsAt),
      });
    });
    if (eventId) announced += 1;
  }
  return announced;
}
