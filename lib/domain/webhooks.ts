// Outgoing webhooks, as the Standard Webhooks specification (standardwebhooks.com) defines them:
// which events there are, what each carries, which addresses may receive them, and how long to
// wait before trying again. Pure: the pipeline's consumer (lib/lifecycle/webhooks.ts) and the
// worker (lib/jobs/webhooks.ts) do the writing and the sending.
import { z } from "zod";

import type { TEntitlementJson } from "./entitlements";

export const WEBHOOK_EVENT_TYPES = [
  "request.submitted",
  "request.declined",
  "grant.created",
  "grant.extended",
  "grant.withdrawn",
  "grant.given_up",
  "grant.expired",
  "entitlement.changed",
] as const;
export type TWebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by an admin's "send a test event", to that one endpoint, whatever it subscribes to. */
export const WEBHOOK_TEST_TYPE = "webhook.test";

/** The data of each event type: no answers, no names, no email addresses; only what an account system acts on. */
export type TWebhookData = {
  "request.submitted": { reference: string; submitted_at: string };
  "request.declined": { reference: string; decided_at: string };
  "grant.created": { reference: string; username: string; entitlement: TEntitlementJson };
  "grant.extended": { reference: string; username: string; expires_at: string; previous_expires_at: string | null };
  "grant.withdrawn": { reference: string; username: string; ended_at: string };
  "grant.given_up": { reference: string; username: string; ended_at: string };
  "grant.expired": { reference: string; username: string; ended_at: string };
  "entitlement.changed": TEntitlementJson;
  "webhook.test": { message: string };
};

/** The body of every webhook: Standard Webhooks' envelope. */
export type TWebhookPayload<T extends keyof TWebhookData = keyof TWebhookData> = { type: T; timestamp: string; data: TWebhookData[T] };

export function webhookPayload<T extends keyof TWebhookData>(type: T, at: Date, data: TWebhookData[T]): TWebhookPayload<T> {
  return { type, timestamp: at.toISOString(), data };
}

/** A `webhook-id`: unique per event, the same on every attempt, so a receiver can tell a repeat. */
export function webhookMessageId(random: string) {
  return `msg_${random}`;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string) {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export type TEndpointUrlProblem = "error-webhook-url" | "error-webhook-url-https" | "error-webhook-url-credentials";

/**
 * Whether webhooks may go to `url`: https always; plain http only when an admin ticked "allow
 * plain http" for it, and then only outside production or to this machine (loopback). No
 * user name or password in the address, no fragment.
 */
export function endpointUrlProblem(url: string, { allowPlainHttp, production }: { allowPlainHttp: boolean; production: boolean }): TEndpointUrlProblem | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "error-webhook-url";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "error-webhook-url";
  if (parsed.username || parsed.password) return "error-webhook-url-credentials";
  if (parsed.protocol === "http:" && !(allowPlainHttp && (!production || isLoopbackHost(parsed.hostname)))) return "error-webhook-url-https";
  return null;
}

export const MAX_WEBHOOK_URL_LENGTH = 2_000;

/** The endpoint form, shared by the page and the server action. */
export const ZWebhookEndpointInput = z.object({
  url: z.string().trim().min(1, "error-webhook-url").max(MAX_WEBHOOK_URL_LENGTH, "error-webhook-url"),
  description: z.string().trim().max(200, "error-webhook-description"),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES, { error: "error-webhook-event-types" })).min(1, "error-webhook-event-types"),
  allowPlainHttp: z.boolean(),
});
export type TWebhookEndpointInput = z.infer<typeof ZWebhookEndpointInput>;

/** Which answers are worth another try: no answer in time, no connection, the receiver's own trouble (5xx), or "slow down" (429). */
export function isRetryable(outcome: { statusCode: number | null }) {
  const { statusCode } = outcome;
  return statusCode === null || statusCode === 429 || statusCode >= 500;
}

const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

/**
 * The wait a `Retry-After` header asks for, in seconds (a number of seconds or an HTTP date),
 * at most a day; null when there is none or it makes no sense.
 */
export function retryAfterSeconds(header: string | null, now: Date): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value), MAX_RETRY_AFTER_SECONDS);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, Math.ceil((at - now.getTime()) / 1000)), MAX_RETRY_AFTER_SECONDS);
}

/**
 * Seconds before attempt `attempt + 1`, after `attempt` failed ones: `baseSeconds` doubled after
 * each failure, plus up to as much again at random (`random` in [0, 1)) so receivers coming back
 * from an outage are not hit by every sender at once. A receiver's `Retry-After` wins when longer.
 */
export function retryDelaySeconds(attempt: number, { baseSeconds, random, retryAfter }: { baseSeconds: number; random: number; retryAfter: number | null }) {
  const backoff = baseSeconds * 2 ** Math.max(0, attempt - 1);
  const jittered = backoff * (1 + random);
  return Math.max(jittered, retryAfter ?? 0);
}
