// A reference webhook receiver: what an Enterprise account system does with the webhooks of
// Wikimedia Enterprise exceptional access. It checks each signature (Standard Webhooks), takes
// each webhook-id once, keeps the entitlements it is told of in memory and prints what it hears.
//
//   WEBHOOK_SECRET=whsec_… PORT=4000 node receiver.mjs
//
// GET /entitlements and GET /received show what it holds, for trying it out and for tests.
// SPDX-License-Identifier: GPL-2.0-or-later
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

import { Webhook } from "standardwebhooks";

const MAX_BODY_BYTES = 1_000_000;

/** Starts a receiver; resolves with the server once it listens (port 0: any free port). */
export function startReceiver({ secret, port = 0, host = "127.0.0.1", print = console.log }) {
  const webhook = new Webhook(secret);
  /** username + reference → the latest entitlement.changed data. */
  const entitlements = new Map();
  const received = [];
  const seen = new Set();

  const apply = (type, data) => {
    const entitlement = type === "entitlement.changed" ? data : type === "grant.created" ? data.entitlement : null;
    if (!entitlement) return;
    const key = `${entitlement.username}|${entitlement.reference}`;
    const held = entitlements.get(key);
    // entitlement.changed is the whole truth about one grant: the newest wins, an older one is ignored.
    if (held && held.changed_at > entitlement.changed_at) return;
    entitlements.set(key, entitlement);
  };

  const server = createServer((request, response) => {
    const json = (status, value) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    if (request.method === "GET" && request.url === "/entitlements") return json(200, [...entitlements.values()]);
    if (request.method === "GET" && request.url === "/received") return json(200, received);
    if (request.method !== "POST") return response.writeHead(405).end();

    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy();
      else chunks.push(chunk);
    });
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let event;
      try {
        // Checks the signature against the exact bytes received, and that the timestamp is recent.
        event = webhook.verify(body, request.headers);
      } catch {
        print("refused: bad signature");
        return response.writeHead(401).end();
      }
      const id = request.headers["webhook-id"];
      // The same webhook-id again is a retry of something already handled: acknowledge it only.
      if (seen.has(id)) return response.writeHead(204).end();
      seen.add(id);
      received.push({ id, type: event.type, reference: event.data?.reference ?? null });
      apply(event.type, event.data);
      print(`${id} ${event.type} ${JSON.stringify(event.data)}`);
      response.writeHead(204).end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      print(`listening on ${server.address().port}`);
      resolve(server);
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const secret = process.env.WEBHOOK_SECRET;
  if (!secret?.startsWith("whsec_")) {
    console.error("Set WEBHOOK_SECRET to the endpoint's signing secret (whsec_…), as shown when it was registered.");
    process.exit(1);
  }
  const server = await startReceiver({ secret, port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? "127.0.0.1" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
}
