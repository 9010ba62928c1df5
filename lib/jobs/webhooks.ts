// Sending webhook deliveries (lib/webhooks/events.ts writes them in the change's transaction).
// The worker runs its own loop instead of a pg-boss job per delivery: one request's events must
// reach each receiver strictly in order, and a failed one must hold the later ones back until an
// admin sends it again, which a queue of independent jobs cannot promise
// (docs/decisions/012-webhooks-and-entitlements.md).
//
// A delivery is claimed with a lease (lockedUntil) in one short statement, sent outside any
// transaction, and its attempt recorded only if the lease is still ours: several workers may run
// side by side, and none sends what another holds. Due times are compared with the app's clock
// (rows are written with it); signatures carry the real time, which receivers check theirs against.
import { audit } from "@/lib/audit";
import { currentTime } from "@/lib/clock";
import { isRetryable, retryAfterSeconds, retryDelaySeconds, type TWebhookPayload, WEBHOOK_TEST_TYPE } from "@/lib/domain/webhooks";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { signedHeaders } from "@/lib/webhooks/signing";

/** The most of a receiver's answer kept (as text) to show an admin what it said. */
export const RESPONSE_KEEP_CHARS = 1_000;
/** Bytes read of an answer at most: enough for RESPONSE_KEEP_CHARS in any encoding, never a whole large body. */
const RESPONSE_READ_BYTES = 4 * RESPONSE_KEEP_CHARS;
const ERROR_LENGTH = 1_000;
/** A lease outlasts the attempt's timeout by this much, for recording the outcome. */
const LEASE_MARGIN_MS = 30_000;
const AFTER_ERROR_MS = 5_000;
const USER_AGENT = "Wikimedia-Enterprise-Exceptional-Access-Webhooks/1.0";

export type TDeliverySettings = {
  /** Seconds before the first retry; doubled after each further failure (WEBHOOK_RETRY_DELAY_SECONDS). */
  retryDelaySeconds: number;
  /** Retries after the first attempt before a delivery is failed (WEBHOOK_RETRY_LIMIT). */
  retryLimit: number;
  /** How long an attempt may take, answer included (WEBHOOK_TIMEOUT_SECONDS). */
  timeoutSeconds: number;
};

/** What one attempt came to, as the worker logs it: ids and figures, never a payload, address or secret. */
export type TDeliveryOutcome = {
  status: "delivered" | "retrying" | "failed" | "released";
  id: string;
  eventId: string;
  endpointId: string;
  type: string;
  attempts: number;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
};

/** What a receiver did with one attempt: its status code (null: no answer in time, or no connection). */
export type TAttemptResult = { statusCode: number | null; retryAfter: string | null; location: string | null; error: string | null };

/**
 * The state a delivery takes after an attempt (`attempts` counts this one): delivered on a 2xx;
 * another try later on a retryable failure, at the backoff or the receiver's Retry-After,
 * whichever is later, until `retryLimit` retries are spent; failed at once on anything else,
 * including a redirect, which is never followed (the address an admin registered is the only one
 * trusted with the data).
 */
export function attemptVerdict(
  result: TAttemptResult,
  { attempts, now, random, settings }: { attempts: number; now: Date; random: number; settings: Pick<TDeliverySettings, "retryDelaySeconds" | "retryLimit"> },
): { status: "DELIVERED" } | { status: "PENDING"; nextAttemptAt: Date; error: string } | { status: "FAILED"; error: string } {
  const { statusCode } = result;
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { status: "DELIVERED" };
  const error = describeAttempt(result);
  if (!isRetryable({ statusCode }) || attempts > settings.retryLimit) return { status: "FAILED", error };
  const delay = retryDelaySeconds(attempts, { baseSeconds: settings.retryDelaySeconds, random, retryAfter: retryAfterSeconds(result.retryAfter, now) });
  return { status: "PENDING", nextAttemptAt: new Date(now.getTime() + delay * 1000), error };
}

function describeAttempt({ statusCode, location, error }: TAttemptResult) {
  if (statusCode === null) return error ?? "No answer";
  if (statusCode >= 300 && statusCode < 400) return `Redirect (HTTP ${statusCode}${location ? ` to ${location}` : ""}) not followed`.slice(0, ERROR_LENGTH);
  return `HTTP ${statusCode}`;
}

/** The start of an answer's body as text: reads at most RESPONSE_READ_BYTES, then lets the rest go. */
export async function readStart(response: Response) {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_READ_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const bytes = Buffer.concat(chunks).subarray(0, RESPONSE_READ_BYTES);
  return new TextDecoder().decode(bytes).slice(0, RESPONSE_KEEP_CHARS);
}

function errorText(cause: unknown): string {
  if (cause instanceof Error && cause.name === "TimeoutError") return "Timed out";
  if (cause instanceof Error) {
    // fetch reports "fetch failed" and keeps the reason (ECONNREFUSED, a TLS problem) in `cause`.
    const inner = cause.cause;
    const detail = inner instanceof Error ? ("code" in inner && typeof inner.code === "string" ? inner.code : inner.message) : null;
    return (detail ? `${cause.message}: ${detail}` : cause.message).slice(0, ERROR_LENGTH);
  }
  return String(cause).slice(0, ERROR_LENGTH);
}

type TClaimed = { id: string; eventId: string; endpointId: string; attempts: number; lockedUntil: Date };

/**
 * Takes up to `limit` due deliveries: pending, due by `now`, not leased, their endpoint enabled,
 * and no earlier delivery of the same request to the same endpoint still pending or failed.
 * Rows another worker is claiming are skipped, and so are those this worker is still sending
 * (`sending`): a test clock moved ahead must not make its own leases look expired. Times are
 * passed as UTC text, as Prisma stores them.
 */
export async function claimDueDeliveries(
  db: PrismaClient,
  { now, limit, leaseMs, sending = [] }: { now: Date; limit: number; leaseMs: number; sending?: string[] },
): Promise<TClaimed[]> {
  const lockedUntil = new Date(now.getTime() + leaseMs);
  const at = now.toISOString();
  const rows = await db.$queryRaw<{ id: string; eventId: string; endpointId: string; attempts: number }[]>`
    UPDATE "WebhookDelivery" AS d SET "lockedUntil" = ${lockedUntil.toISOString()}::timestamp
    WHERE d."id" IN (
      SELECT c."id" FROM "WebhookDelivery" c
      JOIN "WebhookEndpoint" e ON e."id" = c."endpointId"
      WHERE c."status" = 'PENDING'
        AND c."nextAttemptAt" <= ${at}::timestamp
        AND (c."lockedUntil" IS NULL OR c."lockedUntil" < ${at}::timestamp)
        AND e."enabled"
        AND NOT (c."id" = ANY(${sending}::text[]))
        AND (c."requestId" IS NULL OR NOT EXISTS (
          SELECT 1 FROM "WebhookDelivery" p
          WHERE p."endpointId" = c."endpointId" AND p."requestId" = c."requestId"
            AND p."sequence" < c."sequence" AND p."status" IN ('PENDING', 'FAILED')
        ))
      ORDER BY c."nextAttemptAt", c."sequence"
      LIMIT ${limit}::int
      FOR UPDATE OF c SKIP LOCKED
    )
    RETURNING d."id", d."eventId", d."endpointId", d."attempts"`;
  return rows.map((row) => ({ ...row, lockedUntil }));
}

type TSendOptions = TDeliverySettings & { now: () => Date; random: () => number; signal?: AbortSignal };

/**
 * Sends one claimed delivery and records the attempt, if the lease is still ours. An attempt cut
 * short by the worker stopping gives the delivery back as it was, uncounted.
 */
export async function sendClaimed(db: PrismaClient, claimed: TClaimed, options: TSendOptions): Promise<TDeliveryOutcome> {
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: claimed.id },
    select: { event: { select: { type: true, payload: true } }, endpoint: { select: { url: true, secret: true } } },
  });
  const { event, endpoint } = delivery;
  // The envelope in its documented order (the database keeps JSON keys in its own), serialised once for every header and the body.
  const { type, timestamp, data } = event.payload as TWebhookPayload;
  const body = JSON.stringify({ type, timestamp, data });
  const started = performance.now();
  const timeout = AbortSignal.timeout(options.timeoutSeconds * 1000);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let result: TAttemptResult;
  let response = "";
  try {
    const answer = await fetch(endpoint.url, {
      method: "POST",
      body,
      redirect: "manual",
      signal,
      headers: { "content-type": "application/json", "user-agent": USER_AGENT, ...signedHeaders(endpoint.secret, claimed.eventId, new Date(), body) },
    });
    result = { statusCode: answer.status, retryAfter: answer.headers.get("retry-after"), location: answer.headers.get("location"), error: null };
    response = await readStart(answer).catch(() => "");
  } catch (cause) {
    result = { statusCode: null, retryAfter: null, location: null, error: errorText(cause) };
  }
  const durationMs = Math.round(performance.now() - started);
  const base = { id: claimed.id, eventId: claimed.eventId, endpointId: claimed.endpointId, type: event.type, statusCode: result.statusCode, durationMs };
  const lease = { id: claimed.id, status: "PENDING" as const, lockedUntil: claimed.lockedUntil };

  if (options.signal?.aborted && result.statusCode === null) {
    await db.webhookDelivery.updateMany({ where: lease, data: { lockedUntil: null } });
    return { ...base, status: "released", attempts: claimed.attempts, error: null };
  }

  const now = options.now();
  const attempts = claimed.attempts + 1;
  const verdict = attemptVerdict(result, { attempts, now, random: options.random(), settings: options });
  const attempt = {
    attempts,
    lastAttemptAt: now,
    lastStatusCode: result.statusCode,
    lastDurationMs: durationMs,
    lastResponse: response || null,
    lockedUntil: null,
  };
  if (verdict.status === "DELIVERED") {
    await db.webhookDelivery.updateMany({ where: lease, data: { ...attempt, status: "DELIVERED", deliveredAt: now, lastError: null } });
    return { ...base, status: "delivered", attempts, error: null };
  }
  if (verdict.status === "PENDING") {
    await db.webhookDelivery.updateMany({ where: lease, data: { ...attempt, nextAttemptAt: verdict.nextAttemptAt, lastError: verdict.error } });
    return { ...base, status: "retrying", attempts, error: verdict.error };
  }
  await db.webhookDelivery.updateMany({ where: lease, data: { ...attempt, status: "FAILED", lastError: verdict.error } });
  return { ...base, status: "failed", attempts, error: verdict.error };
}

export type TDelivererOptions = TDeliverySettings & {
  /** Deliveries being sent at once, at most (one at a time per request and endpoint, whatever this says). */
  concurrency?: number;
  intervalMs?: number;
  /** The app's clock; due times are compared with it. */
  now?: () => Date;
  /** The jitter of the backoff, in [0, 1). */
  random?: () => number;
  onOutcome?: (outcome: TDeliveryOutcome) => void;
  onError?: (error: unknown) => void;
};

/**
 * Sends due deliveries until stopped: looks about every `intervalMs`, at once again while there
 * is a backlog or when a send finishes (it may free the next event of its request), with up to
 * `concurrency` sends under way. `stop` takes nothing more and waits for the sends under way, up
 * to `graceMs`, then cuts them short and gives their deliveries back.
 */
export function startWebhookDeliverer(db: PrismaClient, options: TDelivererOptions) {
  const { concurrency = 10, intervalMs = 1_000, now = currentTime, random = Math.random, onOutcome, onError } = options;
  const leaseMs = options.timeoutSeconds * 1000 + LEASE_MARGIN_MS;
  const abort = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const sending = new Set<string>();
  let stopping = false;
  let woken = false;
  let wakeUp: (() => void) | null = null;
  const wake = () => {
    if (wakeUp) wakeUp();
    else woken = true;
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping || woken) {
        woken = false;
        return resolve();
      }
      const done = () => {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeUp = done;
    });

  const send = (claimed: TClaimed) => {
    const running = sendClaimed(db, claimed, { ...options, now, random, signal: abort.signal })
      .then((outcome) => onOutcome?.(outcome))
      .catch((error: unknown) => onError?.(error))
      .finally(() => {
        inFlight.delete(running);
        sending.delete(claimed.id);
        wake();
      });
    inFlight.add(running);
    sending.add(claimed.id);
  };

  const loop = (async () => {
    while (!stopping) {
      const free = concurrency - inFlight.size;
      try {
        const claimed = free > 0 ? await claimDueDeliveries(db, { now: now(), limit: free, leaseMs, sending: [...sending] }) : [];
        for (const delivery of claimed) send(delivery);
        if (claimed.length === 0 || claimed.length < free) await pause(intervalMs);
      } catch (error) {
        onError?.(error);
        await pause(AFTER_ERROR_MS);
      }
    }
  })();

  return {
    /** Looks for due deliveries now instead of at the next interval. */
    wake,
    async stop({ graceMs = 5_000 }: { graceMs?: number } = {}) {
      stopping = true;
      wake();
      await loop;
      const cutShort = setTimeout(() => abort.abort(), graceMs);
      await Promise.all(inFlight);
      clearTimeout(cutShort);
    },
  };
}

/**
 * Puts a failed delivery back to be sent at once with a fresh set of attempts: the later events
 * of its request, held back behind it, follow in order. Audited. False if it had not failed.
 */
export async function resendDelivery(db: PrismaClient, id: string, { actorId }: { actorId: string | null }) {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({ where: { id }, select: { status: true, attempts: true, lastStatusCode: true, lastError: true } });
    if (delivery?.status !== "FAILED") return false;
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: currentTime(), lockedUntil: null },
    });
    if (count === 0) return false;
    await audit(tx, {
      subject: "webhook",
      id,
      actorId,
      action: "webhook.delivery_resent",
      before: { status: "FAILED", attempts: delivery.attempts, lastStatusCode: delivery.lastStatusCode, lastError: delivery.lastError },
      after: { status: "PENDING" },
    });
    return true;
  });
}

/**
 * Sends a `webhook.test` event to one endpoint, whatever types it takes, so an admin can check
 * the receiver verifies signatures (a disabled endpoint gets it once enabled again). Audited.
 * Returns the event's id, or null for no such endpoint.
 */
export async function sendTestEvent(db: PrismaClient, endpointId: string, { actorId, now }: { actorId: string | null; now: Date }) {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } });
    if (!endpoint) return null;
    const eventId = await recordWebhookEvent(tx, {
      type: WEBHOOK_TEST_TYPE,
      data: { message: "A test event from Wikimedia Enterprise exceptional access." },
      at: now,
      requestId: null,
      endpointIds: [endpoint.id],
    });
    await audit(tx, { subject: "webhook", id: endpoint.id, actorId, action: "webhook.test_sent", after: { eventId } });
    return eventId;
  });
}
