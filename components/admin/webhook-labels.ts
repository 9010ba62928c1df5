import type { TDeliveryState } from "@/lib/domain/webhook-endpoint-form";
import type { TWebhookEventType } from "@/lib/domain/webhooks";
import type { TMessageKey } from "@/lib/i18n/translator";

/** What each event type tells a receiver, in a line. */
export const WEBHOOK_TYPE_HINT: Record<TWebhookEventType, TMessageKey> = {
  "request.submitted": "admin-webhooks-type-request-submitted",
  "request.declined": "admin-webhooks-type-request-declined",
  "grant.created": "admin-webhooks-type-grant-created",
  "grant.extended": "admin-webhooks-type-grant-extended",
  "grant.withdrawn": "admin-webhooks-type-grant-withdrawn",
  "grant.given_up": "admin-webhooks-type-grant-given-up",
  "grant.expired": "admin-webhooks-type-grant-expired",
  "entitlement.changed": "admin-webhooks-type-entitlement-changed",
};

/** A delivery's state as a tag: its words and tone. */
export const DELIVERY_STATE: Record<TDeliveryState, { label: TMessageKey; tone: string }> = {
  delivered: { label: "admin-webhooks-state-delivered", tone: "tag--success" },
  failed: { label: "admin-webhooks-state-failed", tone: "tag--error" },
  paused: { label: "admin-webhooks-state-paused", tone: "" },
  waiting: { label: "admin-webhooks-state-waiting", tone: "tag--warning" },
  retrying: { label: "admin-webhooks-state-retrying", tone: "tag--warning" },
  queued: { label: "admin-webhooks-state-queued", tone: "tag--progressive" },
};
