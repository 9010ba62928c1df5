import "server-only";

import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, FieldRuleError, NotFoundError } from "@/lib/domain/errors";
import { isRecordId } from "@/lib/domain/request/fields";
import { canAdminister } from "@/lib/domain/roles";
import { deliveryState, STRUGGLING_ATTEMPTS, type TDeliveryState, type TWebhookEndpointEdit } from "@/lib/domain/webhook-endpoint-form";
import { endpointUrlProblem, type TWebhookEndpointInput } from "@/lib/domain/webhooks";
import { env } from "@/lib/env";
import { resendDelivery, sendTestEvent } from "@/lib/jobs/webhooks";
import { log } from "@/lib/log";
import { newWebhookSecret } from "@/lib/webhooks/signing";

import { now } from "../clock";
import type { TViewer } from "../session";

// The admin's webhook endpoints and their deliveries. Every function checks the viewer itself,
// and none returns an endpoint's secret except the two that have just made one, to be shown once.

const DELIVERIES_PAGE_SIZE = 50;
const RESPONSE_SHOWN = 500;

function assertAdmin(viewer: TViewer) {
  if (!canAdminister(viewer.role)) throw new NotFoundError();
}

/** The address checked against where the app runs: https in production, plain http only as ticked. */
function assertUrlAllowed(input: Pick<TWebhookEndpointInput, "url" | "allowPlainHttp">) {
  const problem = endpointUrlProblem(input.url, { allowPlainHttp: input.allowPlainHttp, production: env().appEnv === "production" });
  if (problem) throw new FieldRuleError({ url: { key: problem } });
}

export type TEndpointRow = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  lastDelivery: { state: "delivered" | "failed" | "retrying"; at: Date; statusCode: number | null } | null;
  failed: number;
};

/** Every endpoint (a handful at most), oldest first, with its last attempt's outcome and how many deliveries failed. */
export async function listEndpoints(viewer: TViewer): Promise<TEndpointRow[]> {
  assertAdmin(viewer);
  const endpoints = await db().webhookEndpoint.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, url: true, description: true, eventTypes: true, enabled: true },
  });
  const ids = endpoints.map(({ id }) => id);
  const [failed, last] = await Promise.all([
    db().webhookDelivery.groupBy({ by: ["endpointId"], where: { endpointId: { in: ids }, status: "FAILED" }, _count: { _all: true } }),
    Promise.all(
      ids.map((endpointId) =>
        db().webhookDelivery.findFirst({
          where: { endpointId, lastAttemptAt: { not: null } },
          orderBy: [{ lastAttemptAt: "desc" }, { id: "desc" }],
          select: { status: true, lastAttemptAt: true, lastStatusCode: true },
        }),
      ),
    ),
  ]);
  const failedOf = new Map(failed.map((row) => [row.endpointId, row._count._all]));
  return endpoints.map((endpoint, index) => {
    const attempt = last[index];
    return {
      ...endpoint,
      lastDelivery: attempt?.lastAttemptAt
        ? {
            state: attempt.status === "DELIVERED" ? "delivered" : attempt.status === "FAILED" ? "failed" : "retrying",
            at: attempt.lastAttemptAt,
            statusCode: attempt.lastStatusCode,
          }
        : null,
      failed: failedOf.get(endpoint.id) ?? 0,
    };
  });
}

export type TEndpoint = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  allowPlainHttp: boolean;
  version: number;
  createdAt: Date;
};

/** One endpoint as its page shows it: everything but the secret. */
export async function getEndpoint(viewer: TViewer, id: string): Promise<TEndpoint> {
  assertAdmin(viewer);
  if (!isRecordId(id)) throw new NotFoundError();
  const endpoint = await db().webhookEndpoint.findUnique({
    where: { id },
    select: { id: true, url: true, description: true, eventTypes: true, enabled: true, allowPlainHttp: true, version: true, createdAt: true },
  });
  if (!endpoint) throw new NotFoundError();
  return endpoint;
}

export type TDeliveryRow = {
  id: string;
  eventId: string;
  type: string;
  request: { id: string; reference: string | null } | null;
  state: TDeliveryState;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  lastResponse: string | null;
  createdAt: Date;
};

/** One page of an endpoint's deliveries, newest first, by keyset on (createdAt, id). */
export async function listDeliveries(
  viewer: TViewer,
  endpoint: Pick<TEndpoint, "id" | "enabled">,
  after?: string,
): Promise<{ deliveries: TDeliveryRow[]; next?: string }> {
  assertAdmin(viewer);
  const cursor = isRecordId(after)
    ? await db().webhookDelivery.findFirst({ where: { id: after, endpointId: endpoint.id }, select: { id: true, createdAt: true } })
    : null;
  const rows = await db().webhookDelivery.findMany({
    where: {
      endpointId: endpoint.id,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERIES_PAGE_SIZE + 1,
    select: {
      id: true,
      eventId: true,
      requestId: true,
      sequence: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastStatusCode: true,
      lastDurationMs: true,
      lastError: true,
      lastResponse: true,
      createdAt: true,
      event: { select: { type: true, request: { select: { reference: true } } } },
    },
  });
  const page = rows.slice(0, DELIVERIES_PAGE_SIZE);
  const firstUndelivered = await firstUndeliveredByRequest(endpoint.id, page);
  const deliveries = page.map((row) => {
    const first = row.requestId ? firstUndelivered.get(row.requestId) : undefined;
    const state = deliveryState(row, { endpointEnabled: endpoint.enabled, heldBack: first !== undefined && first < row.sequence });
    return {
      id: row.id,
      eventId: row.eventId,
      type: row.event.type,
      request: row.requestId ? { id: row.requestId, reference: row.event.request?.reference ?? null } : null,
      state,
      attempts: row.attempts,
      nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt : null,
      lastStatusCode: row.lastStatusCode,
      lastDurationMs: row.lastDurationMs,
      lastError: row.lastError,
      lastResponse: row.lastResponse?.slice(0, RESPONSE_SHOWN) ?? null,
      createdAt: row.createdAt,
    };
  });
  return { deliveries, next: rows.length > DELIVERIES_PAGE_SIZE ? page.at(-1)?.id : undefined };
}

/** For the requests of the pending rows: the sequence of each one's earliest undelivered event for this endpoint. */
async function firstUndeliveredByRequest(endpointId: string, rows: { requestId: string | null; status: string }[]) {
  const requestIds = [...new Set(rows.flatMap((row) => (row.status === "PENDING" && row.requestId ? [row.requestId] : [])))];
  if (requestIds.length === 0) return new Map<string, bigint>();
  const firsts = await db().webhookDelivery.groupBy({
    by: ["requestId"],
    where: { endpointId, requestId: { in: requestIds }, status: { not: "DELIVERED" } },
    _min: { sequence: true },
  });
  return new Map(firsts.flatMap((row) => (row.requestId && row._min.sequence !== null ? [[row.requestId, row._min.sequence] as const] : [])));
}

/**
 * Runs a write that carries a secret. A database error's message may quote the values written, and
 * the action wrapper logs messages, so such an error is replaced by one naming its code alone.
 */
async function withSecretKept<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DomainError || error instanceof NotFoundError) throw error;
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "unknown";
    throw new Error(`The webhook endpoint could not be saved (database error ${code}; its message is withheld, as it may quote the secret)`);
  }
}

/** A new endpoint with a new secret, audited without it; the secret is returned to be shown once. */
export async function createEndpoint(viewer: TViewer, input: TWebhookEndpointInput) {
  assertAdmin(viewer);
  assertUrlAllowed(input);
  const secret = newWebhookSecret();
  const endpoint = await withSecretKept(() =>
    db().$transaction(async (tx) => {
      const created = await tx.webhookEndpoint.create({ data: { ...input, secret, createdById: viewer.id }, select: { id: true } });
      await audit(tx, { subject: "webhook", id: created.id, actorId: viewer.id, action: "webhook.endpoint_created", after: described(input, true) });
      return created;
    }),
  );
  log.info("webhook.endpoint_created", { id: endpoint.id, by: viewer.id });
  return { id: endpoint.id, secret };
}

/** Saves an edit made on the version the admin saw; refused when someone saved another meanwhile. Returns the new version. */
export async function updateEndpoint(viewer: TViewer, { endpointId, version, enabled, ...input }: TWebhookEndpointEdit) {
  assertAdmin(viewer);
  assertUrlAllowed(input);
  const next = await db().$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({
      where: { id: endpointId },
      select: { url: true, description: true, eventTypes: true, allowPlainHttp: true, enabled: true },
    });
    if (!before) throw new NotFoundError();
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id: endpointId, version }, data: { ...input, enabled, version: { increment: 1 } } });
    if (count === 0) throw new DomainError("admin-webhooks-error-conflict");
    await audit(tx, {
      subject: "webhook",
      id: endpointId,
      actorId: viewer.id,
      action: "webhook.endpoint_changed",
      before: described(before, before.enabled),
      after: described(input, enabled),
    });
    return version + 1;
  });
  log.info("webhook.endpoint_changed", { id: endpointId, by: viewer.id });
  return next;
}

/** What an audit entry says of an endpoint: its settings, never its secret. */
function described(input: { url: string; description: string; eventTypes: readonly string[]; allowPlainHttp: boolean }, enabled: boolean) {
  return { url: input.url, description: input.description, eventTypes: [...input.eventTypes], allowPlainHttp: input.allowPlainHttp, enabled };
}

/** A new secret for an endpoint, on the version the admin saw; audited without it, returned to be shown once. */
export async function rotateSecret(viewer: TViewer, { endpointId, version }: { endpointId: string; version: number }) {
  assertAdmin(viewer);
  const secret = newWebhookSecret();
  const next = await withSecretKept(() =>
    db().$transaction(async (tx) => {
      if (!(await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } }))) throw new NotFoundError();
      const { count } = await tx.webhookEndpoint.updateMany({ where: { id: endpointId, version }, data: { secret, version: { increment: 1 } } });
      if (count === 0) throw new DomainError("admin-webhooks-error-conflict");
      await audit(tx, { subject: "webhook", id: endpointId, actorId: viewer.id, action: "webhook.secret_rotated" });
      return version + 1;
    }),
  );
  log.info("webhook.secret_rotated", { id: endpointId, by: viewer.id });
  return { secret, version: next };
}

/** A `webhook.test` event for this endpoint alone. */
export async function sendTest(viewer: TViewer, endpointId: string) {
  assertAdmin(viewer);
  await getEndpoint(viewer, endpointId);
  const eventId = await sendTestEvent(db(), endpointId, { actorId: viewer.id, now: now() });
  log.info("webhook.test_sent", { id: endpointId, eventId, by: viewer.id });
}

/** A failed delivery put back in line; returns its endpoint, whose page shows it. */
export async function resendFailedDelivery(viewer: TViewer, deliveryId: string) {
  assertAdmin(viewer);
  const delivery = await db().webhookDelivery.findUnique({ where: { id: deliveryId }, select: { endpointId: true } });
  if (!delivery) throw new NotFoundError();
  if (!(await resendDelivery(db(), deliveryId, { actorId: viewer.id }))) throw new DomainError("admin-webhooks-error-not-failed");
  log.info("webhook.delivery_resent", { id: deliveryId, by: viewer.id });
  return delivery.endpointId;
}

export type TStrugglingEndpoint = { id: string; url: string; description: string; failed: number; retrying: number };

/** Endpoints with failed deliveries, or deliveries tried STRUGGLING_ATTEMPTS times and still pending: for the dashboard. */
export async function strugglingEndpoints(viewer: TViewer): Promise<TStrugglingEndpoint[]> {
  assertAdmin(viewer);
  const [failed, retrying] = await Promise.all([
    db().webhookDelivery.groupBy({ by: ["endpointId"], where: { status: "FAILED" }, _count: { _all: true } }),
    db().webhookDelivery.groupBy({ by: ["endpointId"], where: { status: "PENDING", attempts: { gte: STRUGGLING_ATTEMPTS } }, _count: { _all: true } }),
  ]);
  const counts = new Map<string, { failed: number; retrying: number }>();
  for (const row of failed) counts.set(row.endpointId, { failed: row._count._all, retrying: 0 });
  for (const row of retrying) counts.set(row.endpointId, { failed: counts.get(row.endpointId)?.failed ?? 0, retrying: row._count._all });
  if (counts.size === 0) return [];
  const endpoints = await db().webhookEndpoint.findMany({
    where: { id: { in: [...counts.keys()] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, url: true, description: true },
  });
  return endpoints.map((endpoint) => ({ ...endpoint, failed: counts.get(endpoint.id)?.failed ?? 0, retrying: counts.get(endpoint.id)?.retrying ?? 0 }));
}
