// An admin's two ways to make the worker send: a failed delivery put back in line, and a test
// event for one endpoint. Prisma only, so the app and the worker share it.
import { audit } from "@/lib/audit";
import { WEBHOOK_TEST_TYPE } from "@/lib/domain/webhooks";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordWebhookEvent } from "@/lib/webhooks/events";

/** A FAILED delivery back to PENDING with a fresh set of attempts, audited; false when it was not failed. */
export async function resendDelivery(db: PrismaClient, id: string, { actorId }: { actorId: string | null }) {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({ where: { id }, select: { status: true, attempts: true, lastStatusCode: true } });
    if (delivery?.status !== "FAILED") return false;
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null },
    });
    if (count === 0) return false;
    await audit(tx, {
      subject: "webhook",
      id,
      actorId,
      action: "webhook.delivery_resent",
      before: { status: "FAILED", attempts: delivery.attempts, lastStatusCode: delivery.lastStatusCode },
      after: { status: "PENDING" },
    });
    return true;
  });
}

/** Records a `webhook.test` event for one endpoint only, whatever it subscribes to, audited; returns its webhook-id. */
export async function sendTestEvent(db: PrismaClient, endpointId: string, { actorId, now }: { actorId: string | null; now: Date }) {
  return db.$transaction(async (tx) => {
    const eventId = await recordWebhookEvent(tx, {
      type: WEBHOOK_TEST_TYPE,
      data: { message: "A test event from Wikimedia Enterprise exceptional access." },
      at: now,
      requestId: null,
      endpointIds: [endpointId],
    });
    await audit(tx, { subject: "webhook", id: endpointId, actorId, action: "webhook.test_sent", after: { eventId } });
    return eventId;
  });
}
