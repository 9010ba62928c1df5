// Signing as Standard Webhooks define it (HMAC-SHA256 over `id.timestamp.body`, base64, "v1,"),
// through the `standardwebhooks` package, the same one receivers use to verify.
import { randomBytes } from "node:crypto";

import { Webhook } from "standardwebhooks";

/** A new signing secret: `whsec_` and 32 random bytes in base64, as the specification suggests. */
export function newWebhookSecret() {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export type TWebhookHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };

/** The three headers of one attempt: the id stays the same across attempts, the timestamp is the attempt's own. */
export function signedHeaders(secret: string, id: string, sentAt: Date, body: string): TWebhookHeaders {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, sentAt, body),
  };
}
