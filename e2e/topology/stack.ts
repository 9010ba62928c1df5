// The production topology for playwright.topology.config.ts, started as an operator would start
// it (docs/deployment.md): a PostgreSQL server of its own, migrations once, two app instances and
// two workers with the same settings, and nginx in front. Runs until SIGTERM, then stops nginx,
// the instances and workers, and the database, in that order.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type ChildProcess, spawnSync } from "node:child_process";

import { clockFile, resetClock } from "../support/clock";
import { healthStatus } from "../support/own-app";
import { baseURL, E2E, WIKIMEDIA_CONSUMER, wikimediaURL } from "../support/settings";

import { logFile, nginxPrefix, postgresDir, startPart, stopPart, TOPOLOGY, type TPart } from "./layout";
import { nginxBin, startNginx, writeNginxConfig } from "./nginx";
import { postgresBin, startPostgresServer, type TPostgresServer } from "./postgres";

const log = (line: string) => console.log(`[topology] ${line}`);

// Both are needed: say so before anything starts.
try {
  nginxBin();
  postgresBin("initdb");
} catch (error) {
  console.error(`[topology] ${(error as Error).message}`);
  process.exit(1);
}

// A fresh start: the mail folder is the SMTP sink's (started before this), everything else goes.
for (const name of ["logs", "database-url", "admin-database-url", "instance-env.json"]) rmSync(path.join(E2E.dataDir, name), { recursive: true, force: true });
rmSync(TOPOLOGY.outside, { recursive: true, force: true });
mkdirSync(TOPOLOGY.logs, { recursive: true });
mkdirSync(nginxPrefix, { recursive: true });
resetClock();

let nginx: ChildProcess | undefined;
let database: TPostgresServer | undefined;
let stopping = false;
const parts: TPart[] = ["worker-1", "worker-2", "app-1", "app-2", "app-restored"];
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

database = await startPostgresServer({ dir: postgresDir, port: TOPOLOGY.dbPort, log });
writeFileSync(path.join(E2E.dataDir, "database-url"), database.url);
// The superuser's, for the suite's backup and restore into a fresh database.
writeFileSync(path.join(E2E.dataDir, "admin-database-url"), database.adminUrl, { mode: 0o600 });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: database.url,
  BIND_HOST: "127.0.0.1",
  // One secret and one public address for every instance: a session or a sign-in link made by
  // one is good at the other.
  AUTH_SECRET: randomBytes(33).toString("base64"),
  AUTH_URL: baseURL,
  // nginx sets X-Forwarded-For: the client's address for rate limits is the last entry.
  AUTH_TRUST_HOST: "true",
  SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
  MAIL_FROM: "Exceptional access tests <tests@example.org>",
  AUTH_WIKIMEDIA_ID: WIKIMEDIA_CONSUMER.id,
  AUTH_WIKIMEDIA_SECRET: WIKIMEDIA_CONSUMER.secret,
  AUTH_WIKIMEDIA_URL: wikimediaURL,
  APP_ENV: "development",
  DEMO_DATA: "false",
  ADMIN_EMAILS: E2E.adminEmail,
  DATA_DIR: E2E.dataDir,
  CLOCK_FILE: clockFile,
  WORKER_SWEEP_SECONDS: "1",
  // Every journey signs in from 127.0.0.1; the per-address limit on bad API tokens is what the
  // suite tests across instances and through nginx's X-Forwarded-For.
  SIGNIN_LINKS_PER_IP_PER_HOUR: "100000",
  API_AUTH_FAILURES_PER_IP_PER_MINUTE: "5",
};
writeFileSync(TOPOLOGY.envFile, JSON.stringify(env));

// Once per deploy, before any instance starts: the command docs/deployment.md gives.
log("Applying migrations (npm run prisma -- migrate deploy)");
const migrate = spawnSync("npm", ["run", "--silent", "prisma", "--", "migrate", "deploy"], { env, encoding: "utf8" });
if (migrate.status !== 0) {
  console.error(migrate.stdout, migrate.stderr);
  await shutdown(1);
}

startPart("worker-1", env);
startPart("worker-2", env);
startPart("app-1", env, TOPOLOGY.instancePorts[0]);
startPart("app-2", env, TOPOLOGY.instancePorts[1]);
for (const port of TOPOLOGY.instancePorts) await waitForHealth(`http://127.0.0.1:${port}`);

nginx = startNginx(nginxPrefix, writeNginxConfig({ prefix: nginxPrefix, port: TOPOLOGY.nginxPort, instances: TOPOLOGY.instancePorts }));
nginx.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[nginx] ${chunk}`));
log(`nginx on ${baseURL}, in front of ports ${TOPOLOGY.instancePorts.join(" and ")}; logs in ${TOPOLOGY.logs}`);

async function waitForHealth(base: string) {
  for (let attempt = 0; attempt < 480; attempt++) {
    if ((await healthStatus(base)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.error(`${base} did not become healthy: see ${logFile("app-1")} and ${logFile("app-2")}`);
  await shutdown(1);
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (nginx && nginx.exitCode === null) {
    const running = nginx;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGQUIT");
    await exited;
  }
  // Started by this process or again by the suite: each is found by its pid file.
  await Promise.all(parts.map((part) => stopPart(part).catch((error: Error) => log(error.message))));
  await database?.stop();
  process.exit(code);
}
