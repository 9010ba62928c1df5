// The app's HTTP server: Next.js behind the front door (lib/http/front-door.ts), which answers
// hostile requests itself and decides which forwarded headers Next.js may believe. `npm start`
// runs it (scripts/start.ts); `--dev` serves `next dev` instead of the build. It honours PORT and
// BIND_HOST, and stops on SIGTERM or SIGINT once open requests are answered.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { Server as NetServer } from "node:net";

import next from "next";

import { parseEnv } from "@/lib/env";
import { FRONT_DOOR_SECRET_ENV, frontDoor } from "@/lib/http/front-door";

const settings = parseEnv(process.env);
const dev = process.argv.includes("--dev");

// A fresh secret per process: the app (in this same process) believes only the front door's stamp.
const secret = randomBytes(32).toString("base64url");
process.env[FRONT_DOOR_SECRET_ENV] = secret;

const app = next({ dev, hostname: settings.bindHost ?? "localhost", port: settings.port });
await app.prepare();
const handle = app.getRequestHandler();
const door = { trustProxy: settings.trustProxy, publicUrl: settings.authUrl, secret };

let stopping = false;
const server = createServer((request, response) => {
  // Once stopping, each connection closes after its answer: a proxy opens its next one elsewhere.
  if (stopping) response.setHeader("Connection", "close");
  const verdict = frontDoor(
    { method: request.method ?? "GET", url: request.url ?? "/", headers: request.headers, remoteAddress: request.socket.remoteAddress },
    door,
  );
  if (!verdict.pass) {
    response.writeHead(verdict.status, verdict.headers);
    response.end(verdict.body);
    return;
  }
  request.url = verdict.url;
  request.headers = verdict.headers as IncomingHttpHeaders;
  void handle(request, response);
});
// Idle keep-alive connections stay open longer than clients and proxies keep theirs (nginx's
// upstream keepalive_timeout is 60 s), so the client always closes first: with Node's default of
// 5 s the server could close a connection just as a client reused it, resetting that request.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
if (dev) {
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
}

server.listen(settings.port, settings.bindHost, () => {
  console.log(`[serve] Listening on ${settings.bindHost ?? "every interface"}, port ${settings.port}${dev ? " (development)" : ""}`);
});

/** How long connections open at a stop may bring one more request before the idle ones are closed. */
const DRAIN_MS = 2_000;

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // No new connections: a proxy's next connection is refused, and it tries another instance
    // (nginx does so even for a POST, as nothing was sent). Not http.Server's close, which also
    // closes idle keep-alive connections at once: a proxy may be sending a request down one of
    // them at that very moment, and a POST cut off like that is not retried. They are given a
    // moment to carry one more request, answered with "Connection: close", then closed.
    NetServer.prototype.close.call(server, () => void app.close().finally(() => process.exit(0)));
    setTimeout(() => server.closeIdleConnections(), DRAIN_MS).unref();
    // Requests still open after a while are not waited for.
    setTimeout(() => process.exit(0), 7_000).unref();
  });
}
