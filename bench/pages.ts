// `npm run bench:pages`: how close each page of the app comes to a bare Next.js page, measured in
// one run on one machine. Starts a bare app kept in bench/floor/ (built from the project's own
// dependencies) and the production app (embedded database, demo data and 10,000 bulk requests),
// signs in a reviewer and a requester without the UI, then per page:
//   1. requests per second and p50/p95 latency with autocannon, the floor and the page taking
//      turns, so a busy spell on the machine slows both alike;
//   2. scripts and total bytes over the wire with a cold cache, in Chromium (CDP's encoded lengths);
//   3. Lighthouse 12.2.3's mobile scores, with Debian's Chromium.
// Results go to bench/results/pages.{json,md}, each target with `met`. See bench/README.md.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { chromium } from "@playwright/test";
import pg from "pg";

import { createDb } from "@/lib/db";
import { runSweeps } from "@/lib/jobs/sweeps";
import { completeAnswers } from "@/test-support/answers";

import { autocannon, databaseUrl, figures, pause, round2, seedRequests, session, sessionCookie, startApp, stopApp } from "./support/app";

// --- Settings ----------------------------------------------------------------------------------

const { values: flags } = parseArgs({
  options: {
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "12" },
    requests: { type: "string", default: "10000" },
    port: { type: "string", default: "3650" },
    "floor-port": { type: "string", default: "3651" },
    "db-port": { type: "string", default: "54381" },
    "data-dir": { type: "string", default: ".data/pages" },
    only: { type: "string" },
    "no-lighthouse": { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
  },
});

const wholeFlag = (name: keyof typeof flags, min: number, max: number) => {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
};

const CONNECTIONS = wholeFlag("connections", 1, 200);
const DURATION_S = wholeFlag("duration", 1, 120);
const REQUESTS = wholeFlag("requests", 100, 1_000_000);
const PORT = wholeFlag("port", 1024, 65535);
const FLOOR_PORT = wholeFlag("floor-port", 1024, 65535);
const DB_PORT = wholeFlag("db-port", 1024, 65535);
const DATA_DIR = path.resolve(flags["data-dir"]!);
const BASE = `http://127.0.0.1:${PORT}`;
const FLOOR = `http://127.0.0.1:${FLOOR_PORT}`;
const FLOOR_DIR = path.join(import.meta.dirname, "floor");
const RESULTS_DIR = path.join(import.meta.dirname, "results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

if ([3000, 3100].includes(PORT) || [3000, 3100].includes(FLOOR_PORT) || [54320, 54329].includes(DB_PORT))
  throw new Error("Pick ports other than those of `npm start` and the e2e tests");

const log = (line: string) => console.log(`[pages] ${line}`);

// --- The pages and their targets ----------------------------------------------------------------

/** Who sees the page: nobody signed in, the requester, or the WMF reviewer. */
type TWho = "public" | "requester" | "reviewer";

type TPage = {
  name: string;
  who: TWho;
  path: (ids: TIds) => string;
  /** The least share of the floor's requests per second the page must serve. */
  minRatio: number;
};

type TIds = { draft: string; submitted: string };

const PAGES: TPage[] = [
  { name: "start page /", who: "public", path: () => "/", minRatio: 0.6 },
  { name: "register", who: "public", path: () => "/register", minRatio: 0.6 },
  { name: "sign-in", who: "public", path: () => "/signin", minRatio: 0.6 },
  { name: "task list", who: "requester", path: ({ draft }) => `/requests/${draft}`, minRatio: 0.5 },
  { name: "section page", who: "requester", path: ({ draft }) => `/requests/${draft}/need`, minRatio: 0.5 },
  { name: "check answers", who: "requester", path: ({ draft }) => `/requests/${draft}/check`, minRatio: 0.5 },
  { name: "requester's request page", who: "requester", path: ({ submitted }) => `/requests/${submitted}`, minRatio: 0.5 },
  { name: "review queue", who: "reviewer", path: () => "/review", minRatio: 0.5 },
  { name: "reviewer's request page", who: "reviewer", path: ({ submitted }) => `/review/${submitted}`, minRatio: 0.33 },
];

/** Scripts over the wire: requester and public pages at most this many times the floor's. */
const MAX_SCRIPT_RATIO = 1.25;
/** Lighthouse (mobile) scores out of 100: requester and public pages, and reviewer pages. */
const SCORES = { people: { performance: 95, accessibility: 100, "best-practices": 100 }, staff: { performance: 90, accessibility: 90, "best-practices": 90 } };
type TCategory = keyof typeof SCORES.people;
const CATEGORIES = Object.keys(SCORES.people) as TCategory[];

// --- The floor ---------------------------------------------------------------------------------

/** Builds the bare app with the project's own Next.js (once; again when its build is gone) and starts it. */
async function startFloor(): Promise<ChildProcess> {
  if (await answers(FLOOR)) throw new Error(`Something already answers on ${FLOOR}: stop it first`);
  if (!existsSync(path.join(FLOOR_DIR, ".next", "BUILD_ID"))) {
    log("Building the floor app in bench/floor/");
    execFileSync(process.execPath, [NEXT_BIN, "build", FLOOR_DIR], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const output = openSync(path.join(DATA_DIR, "floor.log"), "a");
  const floor = spawn(process.execPath, [NEXT_BIN, "start", FLOOR_DIR, "-p", String(FLOOR_PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", output, output],
  });
  for (let waited = 0; !(await answers(FLOOR)); waited += 1) {
    if (floor.exitCode !== null) throw new Error(`The floor app stopped while starting: see ${DATA_DIR}/floor.log`);
    if (waited > 60) throw new Error("The floor app did not start within a minute");
    await pause(1000);
  }
  return floor;
}

async function answers(url: string) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * Does now what the app's worker would spend its next minutes on (reminders, check-ins, the
 * retention of old seeded requests), so it is idle while pages are measured, as in a live app
 * between its sweeps. The sweeps are keyed: running them beside the worker does each thing once.
 */
async function catchUp(url: string) {
  const db = createDb(url);
  try {
    for (let round = 0; round < 20; round++) {
      const changed = await runSweeps(db, { now: new Date(), baseUrl: BASE, retentionDays: Number(process.env.RETENTION_DAYS) || 730 });
      if (Object.values(changed).every((count) => count === 0)) return;
      log(`Catching up with the worker: ${JSON.stringify(changed)}`);
    }
  } finally {
    await db.$disconnect();
  }
}

// --- The people --------------------------------------------------------------------------------

type TPeople = { requester: string; reviewer: string; ids: TIds };

/**
 * The demo WMF reviewer, and the requester of a seeded request, each signed in; the requester also
 * has a draft with every section answered (made once, then reused), for the task list, a section
 * and check answers.
 */
async function people(pool: pg.Pool): Promise<TPeople> {
  const { rows: reviewers } = await pool.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'wmf.reviewer@example.org'`);
  if (!reviewers[0]) throw new Error("No demo WMF reviewer: the app should have seeded the demo accounts");
  const { rows: owners } = await pool.query<{ userId: string; requestId: string }>(
    `SELECT r."requesterId" AS "userId", r.id AS "requestId" FROM "Request" r JOIN "User" u ON u.id = r."requesterId"
     WHERE r.status = 'IN_REVIEW' AND u.role = 'REQUESTER' ORDER BY md5(r.id) LIMIT 1`,
  );
  const owner = owners[0];
  if (!owner) throw new Error("No request in review to measure: seed more requests");
  const { rows: drafts } = await pool.query<{ id: string }>(
    `SELECT id FROM "Request" WHERE "requesterId" = $1 AND status = 'DRAFT' AND id LIKE 'pages_%' LIMIT 1`,
    [owner.userId],
  );
  let draft = drafts[0]?.id;
  if (!draft) {
    draft = `pages_${randomUUID()}`;
    const answers = completeAnswers(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
    await pool.query(
      `INSERT INTO "Request" (id, "requesterId", status, answers, "createdAt", "updatedAt", "lastActivityAt") VALUES ($1, $2, 'DRAFT', $3, now(), now(), now())`,
      [draft, owner.userId, JSON.stringify(answers)],
    );
  }
  return {
    requester: await session(pool, owner.userId),
    reviewer: await session(pool, reviewers[0].id),
    ids: { draft, submitted: owner.requestId },
  };
}

function cookieFor(who: TWho, tokens: TPeople) {
  return who === "public" ? undefined : sessionCookie(who === "requester" ? tokens.requester : tokens.reviewer);
}

// --- 1. Requests per second ---------------------------------------------------------------------

type TThroughput = { rps: number; p50: number; p95: number; errors: number; non2xx: number };

/** One autocannon run at a page: its requests per second, latency, and answers that were not 200. */
async function hammer(base: string, pagePath: string, cookie: string | undefined, seconds: number): Promise<TThroughput> {
  const samples: number[] = [];
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    requests: [{ method: "GET", path: pagePath, headers }],
    setupClient: (client) => client.on("response", (_status, _bytes, duration) => samples.push(duration)),
  });
  const latency = figures(samples);
  return {
    rps: round2(result.requests.total / result.duration),
    p50: latency.p50,
    p95: latency.p95,
    errors: result.errors + result.timeouts,
    non2xx: result["1xx"] + result["3xx"] + result["4xx"] + result["5xx"],
  };
}

/** The floor, then the page, each warmed first: a ratio of two runs made side by side. */
async function throughputOf(page: TPage, pagePath: string, cookie: string | undefined) {
  await hammer(FLOOR, "/", undefined, 2);
  const floor = await hammer(FLOOR, "/", undefined, DURATION_S);
  await hammer(BASE, pagePath, cookie, 2);
  const app = await hammer(BASE, pagePath, cookie, DURATION_S);
  const ratio = round2(app.rps / floor.rps);
  return { floor, app, ratio, met: ratio >= page.minRatio && app.errors === 0 && app.non2xx === 0 };
}

// --- 2. Bytes over the wire ---------------------------------------------------------------------

type TBytes = { scripts: number; total: number; requests: number };

/** What a browser with an empty cache downloads to show the page: scripts and everything, as encoded on the wire. */
async function bytesOf(browser: import("@playwright/test").Browser, url: string, cookie: string | undefined): Promise<TBytes> {
  const context = await browser.newContext();
  if (cookie) {
    const [name, value] = cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url }]);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const types = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on("Network.responseReceived", (event) => types.set(event.requestId, event.type));
  cdp.on("Network.loadingFinished", (event) => sizes.set(event.requestId, event.encodedDataLength));
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  await context.close();
  let scripts = 0;
  let total = 0;
  for (const [id, size] of sizes) {
    total += size;
    if (types.get(id) === "Script") scripts += size;
  }
  return { scripts, total, requests: sizes.size };
}

// --- 3. Lighthouse -----------------------------------------------------------------------------

type TScores = Record<TCategory, number>;

/** Lighthouse's mobile run of the page (its default: a mid-range phone on a slow 4G connection, simulated). */
async function lighthouseOf(url: string, cookie: string | undefined): Promise<TScores> {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"] });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const categories = result.lhr.categories;
    return Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((categories[category]?.score ?? 0) * 100)])) as TScores;
  } finally {
    await chrome.kill();
  }
}

// --- The report --------------------------------------------------------------------------------

type TResult = {
  page: string;
  path: string;
  who: TWho;
  throughput: Awaited<ReturnType<typeof throughputOf>> & { target: number };
  bytes: TBytes & { scriptRatio: number; target?: number; met?: boolean };
  lighthouse?: TScores & { targets: TScores; met: boolean };
};

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const mark = (met: boolean | undefined) => (met === undefined ? "" : met ? " ✓" : " ✗");

function markdown(report: { date: string; machine: string; dataset: number; floorBytes: TBytes; floorScores?: TScores; results: TResult[]; allMet: boolean }) {
  const lines = [
    "# Pages against a bare Next.js page",
    "",
    `${report.date} · ${report.machine} · ${report.dataset.toLocaleString("en-US")} requests · ${CONNECTIONS} connections, ${DURATION_S} s per run`,
    "",
    `Every target met: **${report.allMet ? "yes" : "no"}** (✓ met, ✗ missed).`,
    "",
    "## Requests per second (the floor measured just before each page)",
    "",
    "| page | floor req/s | page req/s | ratio (target) | p50 ms | p95 ms |",
    "|---|--:|--:|--:|--:|--:|",
    ...report.results.map(
      ({ page, throughput: t }) => `| ${page} | ${t.floor.rps} | ${t.app.rps} | ${t.ratio} (≥ ${t.target})${mark(t.met)} | ${t.app.p50} | ${t.app.p95} |`,
    ),
    "",
    `## Bytes over the wire, cold cache (floor: scripts ${kB(report.floorBytes.scripts)}, in all ${kB(report.floorBytes.total)})`,
    "",
    "| page | scripts | × floor (target) | in all | requests |",
    "|---|--:|--:|--:|--:|",
    ...report.results.map(
      ({ page, bytes: b }) =>
        `| ${page} | ${kB(b.scripts)} | ${b.scriptRatio}${b.target ? ` (≤ ${b.target})${mark(b.met)}` : ""} | ${kB(b.total)} | ${b.requests} |`,
    ),
  ];
  if (report.results.some((result) => result.lighthouse)) {
    const floor = report.floorScores;
    const floorNote = floor
      ? ` (floor: performance ${floor.performance}, accessibility ${floor.accessibility}, best practices ${floor["best-practices"]})`
      : "";
    lines.push("", `## Lighthouse 12.2.3, mobile${floorNote}`, "", "| page | performance | accessibility | best practices |", "|---|--:|--:|--:|");
    for (const { page, lighthouse } of report.results) {
      if (!lighthouse) continue;
      const cell = (category: TCategory) =>
        `${lighthouse[category]} (≥ ${lighthouse.targets[category]})${mark(lighthouse[category] >= lighthouse.targets[category])}`;
      lines.push(`| ${page} | ${cell("performance")} | ${cell("accessibility")} | ${cell("best-practices")} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}

// --- The run -----------------------------------------------------------------------------------

async function main() {
  const floor = await startFloor();
  const app = await startApp({ base: BASE, port: PORT, dbPort: DB_PORT, dataDir: DATA_DIR, demoData: true, reuse: flags.reuse ?? false, log });
  const pool = new pg.Pool({ connectionString: databaseUrl(DATA_DIR), max: 2 });
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const tokens: string[] = [];
  try {
    await seedRequests(pool, databaseUrl(DATA_DIR), REQUESTS, log);
    await catchUp(databaseUrl(DATA_DIR));
    const signedIn = await people(pool);
    tokens.push(signedIn.requester, signedIn.reviewer);
    const { rows } = await pool.query<{ count: string }>(`SELECT count(*) FROM "Request" WHERE status <> 'DRAFT'`);
    const chosen = flags.only ? PAGES.filter((page) => page.name.includes(flags.only!)) : PAGES;
    const floorBytes = await bytesOf(browser, `${FLOOR}/`, undefined);
    // What a bare Next.js page scores on the same phone: how far the targets are from the framework's own.
    const floorScores = flags["no-lighthouse"] ? undefined : await lighthouseOf(`${FLOOR}/`, undefined);
    const results: TResult[] = [];
    for (const page of chosen) {
      const pagePath = page.path(signedIn.ids);
      const cookie = cookieFor(page.who, signedIn);
      log(`${page.name}: ${pagePath}`);
      const throughput = { ...(await throughputOf(page, pagePath, cookie)), target: page.minRatio };
      const bytes = await bytesOf(browser, `${BASE}${pagePath}`, cookie);
      const scriptRatio = round2(bytes.scripts / floorBytes.scripts);
      const people = page.who !== "reviewer";
      const result: TResult = {
        page: page.name,
        path: pagePath,
        who: page.who,
        throughput,
        bytes: { ...bytes, scriptRatio, ...(people ? { target: MAX_SCRIPT_RATIO, met: scriptRatio <= MAX_SCRIPT_RATIO } : {}) },
      };
      if (!flags["no-lighthouse"]) {
        const scores = await lighthouseOf(`${BASE}${pagePath}`, cookie);
        const targets = people ? SCORES.people : SCORES.staff;
        result.lighthouse = { ...scores, targets, met: CATEGORIES.every((category) => scores[category] >= targets[category]) };
      }
      log(`  ${throughput.app.rps} req/s (floor ${throughput.floor.rps}, ratio ${throughput.ratio}), scripts ${kB(bytes.scripts)} (×${scriptRatio})`);
      results.push(result);
    }
    const allMet = results.every((result) => result.throughput.met && result.bytes.met !== false && result.lighthouse?.met !== false);
    const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
    const report = {
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpu}, ${os.availableParallelism()} cores, Node ${process.version}`,
      dataset: Number(rows[0]!.count),
      floorBytes,
      floorScores,
      results,
      allMet,
    };
    const text = markdown(report);
    mkdirSync(RESULTS_DIR, { recursive: true });
    if (!flags.only) {
      writeFileSync(path.join(RESULTS_DIR, "pages.json"), `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(path.join(RESULTS_DIR, "pages.md"), text);
      log(`Written to ${path.relative(process.cwd(), RESULTS_DIR)}/pages.{json,md}`);
    }
    console.log(`\n${text}`);
  } finally {
    await pool.query(`DELETE FROM "Session" WHERE "sessionToken" = ANY($1)`, [tokens]).catch(() => undefined);
    await browser.close();
    await pool.end();
    await stopApp(app);
    await stopApp(floor);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
