// Sending webhooks to a real receiver on this machine, from a real database: signatures that
// verify, retries and their waits, strict order per request, a failure holding later events back
// until it is sent again, redirects refused, timeouts, and two workers never sending one twice.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { describe, it } from "node:test";

import { Webhook } from "standardwebhooks";

import { newWebhookSecret } from "@/lib/webhooks/signing";
import { createViewer, freePort, withDataLayerDatabase } from "@/test-support/database";
import { TEST_BASE_URL as BASE_URL } from "@/test-support/days";
import { grantedRequest } from "@/test-support/grants";

import { attemptVerdict, readStart, type TDelivererOptions } from "./webhooks";

const database = withDataLayerDatabase();
const decisions = database.module(() => import("@/lib/server/review/decisions"));
const webhooks = database.module(() => import("./webhooks"));

// --- A receiver -----------------------------------------------------------------------------------

type TReceived = { id: string; type: string; body: string; headers: Record<string, string>; at: number; path: string };
type TAnswer = (received: TReceived, response: ServerResponse, index: number) => void;

/** A webhook receiver on a free port; `answer` decides each reply (204 unless told otherwise). */
async function startReceiver(port?: number) {
  const received: TReceived[] = [];
  let answer: TAnswer = (_received, response) => response.writeHead(204).end();
  const sockets = new Set<import("node:net").Socket>();
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      const type = body ? (JSON.parse(body) as { type: string }).type : "";
      const entry = { id: headers["webhook-id"] ?? "", type, body, headers, at: Date.now(), path: request.url ?? "" };
      received.push(entry);
      answer(entry, response, received.length - 1);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const listenOn = port ?? (await freePort());
  await new Promise<void>((resolve) => server.listen(listenOn, "127.0.0.1", resolve));
  return {
    port: listenOn,
    received,
    answer(next: TAnswer) {
      answer = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- The app's side -------------------------------------------------------------------------------

const FAST: TDelivererOptions = { retryDelaySeconds: 0.2, retryLimit: 4, timeoutSeconds: 2, intervalMs: 50, random: () => 0 };

async function freshEndpoint(port: number, eventTypes = ["grant.created", "entitlement.changed"]) {
  // Each test sees only its own endpoint and deliveries (they go with the endpoint).
  await database.db.webhookEndpoint.deleteMany();
  const secret = newWebhookSecret();
  const endpoint = await database.db.webhookEndpoint.create({
    data: { url: `http://127.0.0.1:${port}/hooks`, eventTypes, secret, allowPlainHttp: true },
  });
  return { ...endpoint, secret };
}

async function grant() {
  const { request } = await grantedRequest(database.db, decisions.grantRequest, { baseUrl: BASE_URL });
  return request.id;
}

async function withDeliverer<T>(options: Partial<TDelivererOptions>, run: () => Promise<T>) {
  const deliverer = webhooks.startWebhookDeliverer(database.db, { ...FAST, ...options });
  try {
    return await run();
  } finally {
    await deliverer.stop({ graceMs: 100 });
  }
}

const deliveriesOf = (requestId: string | null, endpointId: string) =>
  database.db.webhookDelivery.findMany({ where: { requestId, endpointId }, orderBy: { sequence: "asc" }, include: { event: { select: { type: true } } } });

const allDelivered = async (endpointId: string, count: number) => {
  const delivered = await database.db.webhookDelivery.count({ where: { endpointId, status: "DELIVERED" } });
  return delivered === count;
};

const ok: TAnswer = (_received, response) => response.writeHead(204).end();

// --- Pure parts -----------------------------------------------------------------------------------

describe("what an attempt comes to", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  const settings = { retryDelaySeconds: 5, retryLimit: 2 };
  const result = (statusCode: number | null, extra: { retryAfter?: string; location?: string; error?: string } = {}) => ({
    statusCode,
    retryAfter: extra.retryAfter ?? null,
    location: extra.location ?? null,
    error: extra.error ?? null,
  });

  it("delivers on any 2xx", () => {
    for (const code of [200, 202, 204, 299]) assert.deepEqual(attemptVerdict(result(code), { attempts: 1, now, random: 0, settings }), { status: "DELIVERED" });
  });

  it("retries no answer, a 5xx and a 429 with a doubling wait, then fails after the last retry", () => {
    const first = attemptVerdict(result(null, { error: "Timed out" }), { attempts: 1, now, random: 0, settings });
    assert.deepEqual(first, { status: "PENDING", nextAttemptAt: new Date(now.getTime() + 5_000), error: "Timed out" });
    const second = attemptVerdict(result(503), { attempts: 2, now, random: 0.5, settings });
    assert.deepEqual(second, { status: "PENDING", nextAttemptAt: new Date(now.getTime() + 15_000), error: "HTTP 503" });
    assert.deepEqual(attemptVerdict(result(429), { attempts: 3, now, random: 0, settings }), { status: "FAILED", error: "HTTP 429" });
  });

  it("waits as long as a Retry-After asks when that is longer", () => {
    const verdict = attemptVerdict(result(429, { retryAfter: "120" }), { attempts: 1, now, random: 0, settings });
    assert.deepEqual(verdict, { status: "PENDING", nextAttemptAt: new Date(now.getTime() + 120_000), error: "HTTP 429" });
  });

  it("fails at once on a 4xx or a redirect, which is not followed", () => {
    assert.deepEqual(attemptVerdict(result(400), { attempts: 1, now, random: 0, settings }), { status: "FAILED", error: "HTTP 400" });
    assert.deepEqual(attemptVerdict(result(410), { attempts: 1, now, random: 0, settings }), { status: "FAILED", error: "HTTP 410" });
    assert.deepEqual(attemptVerdict(result(301, { location: "https://elsewhere.example/" }), { attempts: 1, now, random: 0, settings }), {
      status: "FAILED",
      error: "Redirect (HTTP 301 to https://elsewhere.example/) not followed",
    });
  });

  it("keeps at most a thousand characters of an answer, whatever its size", async () => {
    assert.equal(await readStart(new Response("short")), "short");
    const kept = await readStart(new Response("é".repeat(100_000)));
    assert.equal(kept.length, 1_000);
    assert.equal(await readStart(new Response(null, { status: 204 })), "");
  });
});

// --- Against a receiver ---------------------------------------------------------------------------

describe("delivering webhooks", () => {
  it("delivers a grant's events in order, signed so that a receiver can verify them and refuse a forgery", async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = await freshEndpoint(receiver.port);
      const requestId = await grant();
      await withDeliverer({}, () => waitFor(() => allDelivered(endpoint.id, 2), "both events delivered"));
      assert.deepEqual(
        receiver.received.map(({ type }) => type),
        ["grant.created", "entitlement.changed"],
      );
      const verifier = new Webhook(endpoint.secret);
      for (const { body, headers } of receiver.received) {
        const payload = verifier.verify(body, headers) as { type: string; data: { reference: string } };
        assert.ok(payload.type);
        assert.equal(headers["content-type"], "application/json");
        assert.match(body, /^\{"type":"[a-z._]+","timestamp":"[^"]+","data":\{/, "the envelope in its documented order");
        assert.match(headers["user-agent"] ?? "", /Exceptional-Access/);
      }
      const [first] = receiver.received;
      assert.ok(first);
      assert.throws(() => verifier.verify(first.body.replace("weekly", "daily"), first.headers), "an altered body is refused");
      assert.throws(() => new Webhook(newWebhookSecret()).verify(first.body, first.headers), "another secret's signature is refused");
      assert.throws(() => verifier.verify(first.body, { ...first.headers, "webhook-id": "msg_forged" }), "another id is refused");
      const deliveries = await deliveriesOf(requestId, endpoint.id);
      assert.deepEqual(
        deliveries.map(({ status, attempts, lastStatusCode }) => [status, attempts, lastStatusCode]),
        [
          ["DELIVERED", 1, 204],
          ["DELIVERED", 1, 204],
        ],
      );
    } finally {
      await receiver.close();
    }
  });

  it("retries a 503 with the same webhook-id and never sends again once delivered", async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = await freshEndpoint(receiver.port);
      receiver.answer((_received, response, index) => (index < 2 ? response.writeHead(503).end("down for a moment") : response.writeHead(200).end("thanks")));
      const eventId = await webhooks.sendTestEvent(database.db, endpoint.id, { actorId: null, now: new Date() });
      assert.ok(eventId);
      await withDeliverer({}, async () => {
        await waitFor(() => allDelivered(endpoint.id, 1), "the test event delivered");
        await settle(500);
      });
      assert.deepEqual(
        receiver.received.map(({ id, type }) => [id, type]),
        [
          [eventId, "webhook.test"],
          [eventId, "webhook.test"],
          [eventId, "webhook.test"],
        ],
      );
      const [delivery] = await deliveriesOf(null, endpoint.id);
      assert.equal(delivery?.attempts, 3);
      assert.equal(delivery?.lastResponse, "thanks");
      assert.ok(delivery?.deliveredAt);
      const audited = await database.db.auditEntry.findFirst({ where: { subjectType: "webhook", subjectId: endpoint.id, action: "webhook.test_sent" } });
      assert.ok(audited);
    } finally {
      await receiver.close();
    }
  });

  it("waits at least as long as a 429's Retry-After", async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = await freshEndpoint(receiver.port);
      receiver.answer((_received, response, index) => (index === 0 ? response.writeHead(429, { "retry-after": "1" }).end() : response.writeHead(204).end()));
      await webhooks.sendTestEvent(database.db, endpoint.id, { actorId: null, now: new Date() });
      await withDeliverer({}, () => waitFor(() => allDelivered(endpoint.id, 1), "the test event delivered"));
      const [first, second] = receiver.received;
      assert.ok(first && second);
      assert.ok(second.at - first.at >= 1_000, `waited ${second.at - first.at} ms`);
    } finally {
      await receiver.close();
    }
  });

  it("delivers a decision made while the receiver was down once it is back", async () => {
    const port = await freePort();
    const endpoint = await freshEndpoint(port);
    const requestId = await grant();
    await withDeliverer({ retryLimit: 8 }, async () => {
      const refused = await waitFor(async () => {
        const [first] = await deliveriesOf(requestId, endpoint.id);
        return first && first.attempts > 0 ? first : undefined;
      }, "a refused attempt");
      assert.equal(refused.status, "PENDING");
      assert.match(refused.lastError ?? "", /ECONNREFUSED/);
      const receiver = await startReceiver(port);
      try {
        await waitFor(() => allDelivered(endpoint.id, 2), "both events delivered");
        assert.deepEqual(
          receiver.received.map(({ type }) => type),
          ["grant.created", "entitlement.changed"],
        );
      } finally {
        await receiver.close();
      }
    });
  });

  it("holds a request's later event back while an earlier one is retried", async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = await freshEndpoint(receiver.port);
      receiver.answer((_received, response, index) => (index === 0 ? response.writeHead(500).end() : response.writeHead(204).end()));
      const requestId = await grant();
      await withDeliverer({ retryDelaySeconds: 0.5 }, () => waitFor(() => allDelivered(endpoint.id, 2), "both events delivered"));
      assert.deepEqual(
        receiver.received.map(({ type }) => type),
        ["grant.created", "grant.created", "entitlement.changed"],
      );
      const [created, changed] = await deliveriesOf(requestId, endpoint.id);
      assert.ok(created?.deliveredAt && changed?.deliveredAt && created.deliveredAt <= changed.deliveredAt);
    } finally {
      await receiver.close();
    }
  });

  it("fails a 400 at once, holds the request's later events back, and sends them in order after a resend", async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = await freshEndpoint(receiver.port);
      receiver.answer((_received, response) => response.writeHead(400, { "content-type": "text/plain" }).end("x".repeat(5_000)));
      const requestId = await grant();
      const admin = await createViewer(database.db, "ADMIN");
      await withDeliverer({}, async () => {
        const failed = await waitFor(async () => {
          const [first] = await deliveriesOf(requestId, endpoint.id);
          return first?.status === "FAILED" ? first : undefined;
        }, "the first event failed");
        assert.equal(failed.attempts, 1);
        assert.equal(failed.lastStatusCode, 400);
        assert.equal(failed.lastResponse?.length, 1_000);
        await settle(400);
        const [, held] = await deliveriesOf(requestId, endpoint.id);
        assert.deepEqual([held?.status, held?.attempts], ["PENDING", 0], "the later event waits behind the failed one");
        assert.equal(receiver.received.length, 1);

        receiver.answer(ok);
        assert.equal(await webhooks.resendDelivery(database.db, failed.id, { actorId: admin.id }), true);
        assert.equal(await webhooks.resendDelivery(database.db, failed.id, { actorId: admin.id }), false, "only a failed delivery is sent again");
        await waitFor(() => allDelivered(endpoint.id, 2), "both events delivered");
      });
      assert.deepEqual(
        receiver.received.map(({ type }) => type),
        ["grant.created", "grant.created", "entitlement.changed"],
      );
      const audited = await database.db.auditEntry.findMany({ where: { subjectType: "webhook", action: "webhook.delivery_resent" } });
      assert.equal(audited.length, 1);
      assert.equal(audited[0]?.actorId, admin.id);
    } finally {
      await receiver.close();
    }
  });

  it("does not follow a redirect", async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = await freshEndpoint(receiver.port);
      receiver.answer((_received, response) => response.writeHead(307, { location: `http://127.0.0.1:${receiver.port}/elsewhere` }).end());
      await webhooks.sendTestEvent(database.db, endpoint.id, { actorId: null, now: new Date() });
      await withDeliverer({}, async () => {
        const [failed] = await waitFor(async () => {
          const deliveries = await deliveriesOf(null, endpoint.id);
          return deliveries[0]?.status === "FAILED" ? deliveries : undefined;
        }, "the delivery failed");
        assert.equal(failed?.lastStatusCode, 307);
        assert.match(failed?.lastError ?? "", /Redirect.*not followed/);
      });
      assert.deepEqual(
        receiver.received.map(({ path }) => path),
        ["/hooks"],
      );
    } finally {
      await receiver.close();
    }
  });

  it("gives up on a receiver that never answers after the timeout", async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = await freshEndpoint(receiver.port);
      receiver.answer(() => {});
      await webhooks.sendTestEvent(database.db, endpoint.id, { actorId: null, now: new Date() });
      const started = Date.now();
      await withDeliverer({ timeoutSeconds: 0.3, retryLimit: 0 }, async () => {
        const [failed] = await waitFor(async () => {
          const deliveries = await deliveriesOf(null, endpoint.id);
          return deliveries[0]?.status === "FAILED" ? deliveries : undefined;
        }, "the delivery failed");
        assert.equal(failed?.lastError, "Timed out");
        assert.equal(failed?.lastStatusCode, null);
        assert.ok((failed?.lastDurationMs ?? 0) >= 290, `took ${failed?.lastDurationMs} ms`);
      });
      assert.ok(Date.now() - started >= 300);
    } finally {
      await receiver.close();
    }
  });

  it("does not send a delivery again while sending it, when the app's clock jumps ahead past its lease", async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = await freshEndpoint(receiver.port);
      receiver.answer((_received, response) => setTimeout(() => response.writeHead(204).end(), 400));
      let offsetMs = 0;
      await webhooks.sendTestEvent(database.db, endpoint.id, { actorId: null, now: new Date() });
      await withDeliverer({ now: () => new Date(Date.now() + offsetMs) }, async () => {
        await waitFor(() => receiver.received.length === 1, "the first attempt");
        offsetMs = 7 * 24 * 3600 * 1000;
        await waitFor(() => allDelivered(endpoint.id, 1), "the test event delivered");
      });
      assert.equal(receiver.received.length, 1);
    } finally {
      await receiver.close();
    }
  });

  it("never sends one delivery twice with two workers side by side", async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = await freshEndpoint(receiver.port);
      receiver.answer((_received, response) => setTimeout(() => response.writeHead(204).end(), 5 + Math.floor(Math.random() * 20)));
      const now = new Date();
      const ids = [];
      for (let index = 0; index < 40; index++) ids.push(await webhooks.sendTestEvent(database.db, endpoint.id, { actorId: null, now }));
      const requestIds = [await grant(), await grant(), await grant()];
      const other = webhooks.startWebhookDeliverer(database.db, { ...FAST, concurrency: 4 });
      try {
        await withDeliverer({ concurrency: 4 }, () => waitFor(() => allDelivered(endpoint.id, 46), "every event delivered"));
      } finally {
        await other.stop({ graceMs: 100 });
      }
      const counts = new Map<string, number>();
      for (const { id } of receiver.received) counts.set(id, (counts.get(id) ?? 0) + 1);
      assert.equal(counts.size, 46);
      assert.deepEqual(
        [...counts.values()].filter((count) => count !== 1),
        [],
        "each webhook-id arrived exactly once",
      );
      for (const id of ids) assert.equal(counts.get(id ?? ""), 1);
      for (const requestId of requestIds) {
        const events = await database.db.webhookEvent.findMany({ where: { requestId }, orderBy: { sequence: "asc" }, select: { id: true } });
        const arrived = receiver.received.filter(({ id }) => events.some((event) => event.id === id)).map(({ id }) => id);
        assert.deepEqual(
          arrived,
          events.map(({ id }) => id),
          "one request's events arrive in order",
        );
      }
    } finally {
      await receiver.close();
    }
  });

  it("reaches the reference receiver, which verifies, takes each webhook-id once and keeps the entitlement", async () => {
    const port = await freePort();
    const secret = newWebhookSecret();
    const child = spawn(process.execPath, ["examples/webhook-receiver/receiver.mjs"], { env: { ...process.env, WEBHOOK_SECRET: secret, PORT: String(port) } });
    try {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      await waitFor(() => output.includes(`listening on ${port}`), "the receiver to listen");
      const endpoint = await freshEndpoint(port);
      await database.db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret } });
      const requestId = await grant();
      await withDeliverer({}, async () => {
        await waitFor(() => allDelivered(endpoint.id, 2), "both events delivered");
        // A repeat, as after a worker lost its lease: sent again with the same webhook-id.
        await database.db.webhookDelivery.updateMany({ where: { endpointId: endpoint.id }, data: { status: "PENDING", nextAttemptAt: new Date() } });
        await waitFor(() => allDelivered(endpoint.id, 2), "both events delivered again");
      });

      const base = `http://127.0.0.1:${port}`;
      const events = await database.db.webhookEvent.findMany({ where: { requestId }, orderBy: { sequence: "asc" }, select: { id: true, type: true } });
      const { reference } = await database.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { reference: true } });
      assert.deepEqual(
        await (await fetch(`${base}/received`)).json(),
        events.map((event) => ({ ...event, reference })),
      );
      const [entitlement] = (await (await fetch(`${base}/entitlements`)).json()) as { username: string; state: string }[];
      assert.deepEqual([entitlement?.username, entitlement?.state], ["ada-lab", "active"]);
      const forged = await fetch(`${base}/hooks`, {
        method: "POST",
        body: "{}",
        headers: { "webhook-id": "msg_x", "webhook-timestamp": "1", "webhook-signature": "v1,AAAA" },
      });
      assert.equal(forged.status, 401);
    } finally {
      child.kill();
    }
  });
});
