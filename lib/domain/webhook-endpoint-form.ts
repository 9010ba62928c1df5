// The admin's webhook forms as they are posted: strings and lists turned into the endpoint input
// (lib/domain/webhooks.ts) and the ids and version each change is checked against. Pure: the
// server actions parse with these, the data layer checks the address against the environment.
import { z } from "zod";

import { choices, recordId, recordVersion, ticked } from "./request/fields";
import { WEBHOOK_EVENT_TYPES, ZWebhookEndpointInput } from "./webhooks";

const posted = {
  url: z.preprocess((value) => (typeof value === "string" ? value : ""), ZWebhookEndpointInput.shape.url),
  description: z.preprocess((value) => (typeof value === "string" ? value : ""), ZWebhookEndpointInput.shape.description),
  eventTypes: choices(WEBHOOK_EVENT_TYPES).pipe(ZWebhookEndpointInput.shape.eventTypes),
  allowPlainHttp: ticked,
};

/** A new endpoint, as the add form posts it. */
export const ZWebhookEndpointCreate = z.object(posted);

/** A change to an endpoint, against the version the admin saw; `enabled` turns its sending on or off. */
export const ZWebhookEndpointEdit = z.object({ ...posted, endpointId: recordId, version: recordVersion, enabled: ticked });
export type TWebhookEndpointEdit = z.infer<typeof ZWebhookEndpointEdit>;

/** A new signing secret for an endpoint, against the version the admin saw. */
export const ZWebhookSecretRotation = z.object({ endpointId: recordId, version: recordVersion });

export const ZWebhookEndpointRef = z.object({ endpointId: recordId });

export const ZWebhookDeliveryRef = z.object({ deliveryId: recordId });

/**
 * How one delivery stands, as an admin reads it: delivered; failed (no try left, waiting for an
 * admin); paused (its endpoint is off); waiting (held back behind an earlier undelivered event of
 * the same request, so receivers get one request's events in order); retrying (failed at least
 * once, tries left); queued (not tried yet).
 */
export type TDeliveryState = "delivered" | "failed" | "paused" | "waiting" | "retrying" | "queued";

export function deliveryState(
  delivery: { status: "PENDING" | "DELIVERED" | "FAILED"; attempts: number },
  { endpointEnabled, heldBack }: { endpointEnabled: boolean; heldBack: boolean },
): TDeliveryState {
  if (delivery.status === "DELIVERED") return "delivered";
  if (delivery.status === "FAILED") return "failed";
  if (!endpointEnabled) return "paused";
  if (heldBack) return "waiting";
  return delivery.attempts > 0 ? "retrying" : "queued";
}

/** Retried this many times and still not delivered: worth an admin's look on the dashboard. */
export const STRUGGLING_ATTEMPTS = 3;
