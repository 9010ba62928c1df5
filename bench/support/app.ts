// What the benches that drive the production app share: starting it with `npm start`'s launcher
// on ports and a data folder of their own, its database, signed-in sessions without the UI,
// seeding bulk requests, and autocannon typed for what they use.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import type pg from "pg";

import { createDb } from "@/lib/db";
import { seedBulkRequests } from "@/prisma/seed-bulk";

export const round2 = (value: number) => Math.round(value * 100) / 100;
export const grouped = (value: number) => value.toLocaleString("en-US");
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- autocannon, typed for what the benches use --------------------------------------------------

export type TRequest = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: Buffer };
export type TClient = {
  setRequests: (
    requests: {
      setupRequest: (defaults: TRequest) => TRequest;
      onResponse: (status: number, body: string, context: unknown, headers: Record<string, string>) => void;
    }[],
  ) => void;
  on: (event: "response", listener: (status: number, bytes: number, duration: number) => void) => void;
};
export type TAutocannonResult = {
  duration: number;
  requests: { total: number; average: number };
  throughput: { total: number };
  errors: number;
  timeouts: number;
  "1xx": number;
  "2xx": number;
  "3xx": number;
  "4xx": number;
  "5xx": number;
};
type TAutocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: TRequest[];
  setupClient?: (client: TClient) => void;
}) => Promise<TAutocannonResult>;
// autocannon ships no types; createRequire keeps the benches free of `any`.
export const autocannon = createRequire(import.meta.url)("autocannon") as TAutocannon;

export type TFigures = { requests: number; p50: number; p95: number; p99: number; max: number };

/** Percentiles of latency samples in milliseconds, each the sample at or above that share of them. */
export function figures(samples: number[]): TFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => round2(sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0);
  return { requests: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round2(sorted.at(-1) ?? 0) };
}

// --- The app -----------------------------------------------------------------------------------

export type TAppSettings = {
  base: string;
  port: number;
  dbPort: number;
  dataDir: string;
  /** Seed the demo accounts and requests, as `npm start` does for a newcomer. */
  demoData: boolean;
  /** Measure an app already running there, started by hand. */
  reuse: boolean;
  log: (line: string) => void;
};

export async function healthy(base: string) {
  try {
    return (await fetch(`${base}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** Starts `npm start`'s launcher on its own port and data folder, unless `reuse` says it already runs there. */
export async function startApp(settings: TAppSettings): Promise<ChildProcess | undefined> {
  const { base, dataDir, log } = settings;
  if (settings.reuse) {
    if (!(await healthy(base))) throw new Error(`--reuse: nothing answers on ${base}`);
    return undefined;
  }
  if (await healthy(base)) throw new Error(`Something already answers on ${base}: stop it, or pass --reuse to measure it`);
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, "app.log");
  log(`Starting the production build on ${base} (data in ${dataDir}, log in ${logFile})`);
  const output = openSync(logFile, "a");
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(settings.port),
      EMBEDDED_DB_PORT: String(settings.dbPort),
      DATA_DIR: dataDir,
      BIND_HOST: "127.0.0.1",
      DEMO_DATA: String(settings.demoData),
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", output, output],
  });
  // Building takes a few minutes the first time.
  for (let waited = 0; !(await healthy(base)); waited += 1) {
    if (app.exitCode !== null) throw new Error(`The app stopped while starting: see ${logFile}`);
    if (waited > 900) throw new Error(`The app did not start within 15 minutes: see ${logFile}`);
    await pause(1000);
  }
  return app;
}

export async function stopApp(app: ChildProcess | undefined) {
  if (!app || app.exitCode !== null) return;
  const exited = new Promise((resolve) => app.once("exit", resolve));
  app.kill("SIGTERM");
  await exited;
}

/** The app's database, as its launcher wrote it down; never one on another machine. */
export function databaseUrl(dataDir: string) {
  const file = path.join(dataDir, "database-url");
  if (!existsSync(file)) throw new Error(`No ${file}: is the app running with DATA_DIR=${dataDir}?`);
  const url = readFileSync(file, "utf8").trim();
  if (!["localhost", "127.0.0.1", "::1"].includes(new URL(url).hostname)) throw new Error("Refusing a database that is not on this machine");
  return url;
}

/** Fills the database up to `count` submitted requests (seeded once, then reused), with fresh statistics. */
export async function seedRequests(pool: pg.Pool, url: string, count: number, log: (line: string) => void) {
  const { rows } = await pool.query<{ count: string }>(`SELECT count(*) FROM "Request" WHERE status <> 'DRAFT'`);
  const existing = Number(rows[0]!.count);
  if (existing >= count) return log(`Reusing the ${grouped(existing)} requests already there`);
  log(`Seeding ${grouped(count - existing)} requests (a minute or two per 100,000)`);
  const db = createDb(url);
  try {
    await seedBulkRequests(db, { count: count - existing, seed: count, now: new Date() });
  } finally {
    await db.$disconnect();
  }
  await pool.query(`VACUUM (ANALYZE) "Request", "User"`);
}

/** A session for the user, as if they had signed in: the value of their session cookie. */
export async function session(pool: pg.Pool, userId: string) {
  const token = randomBytes(32).toString("hex");
  await pool.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires, "createdAt", "updatedAt") VALUES ($1, $2, $3, now() + interval '1 day', now(), now())`,
    [randomUUID(), token, userId],
  );
  return token;
}

/** The cookie a signed-in browser sends (Auth.js's session cookie over http). */
export const sessionCookie = (token: string) => `authjs.session-token=${token}`;
