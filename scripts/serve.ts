// The app's HTTP server: Next.js behind the front door (lib/http/front-door.ts), which answers
// hostile requests itself and decides which forwarded headers Next.js may believe. `npm start`
// runs it (scripts/start.ts); `--dev` serves `next dev` instead of the build. It honours PORT and
// BIND_HOST, and stops on SIGTERM or SIGINT once open requests are answered.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";

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

const server = createServer((request, response) => {
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

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    // Requests still open after a while are not waited for.
    setTimeout(() => process.exit(0), 7_000).unref();
  });
}
