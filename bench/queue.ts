// `npm run bench`: the review queue's server latency at 1,000, 10,000 and 100,000 requests, on a
// throwaway database per size; the figures go to bench/results/queue.json and queue.md (see bench/README.md).
// `npm run bench -- --sizes 1000,10000 --rounds 20` for a quicker look.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { CLOSED_STATUSES, ZQueueParams, type TQueueParams } from "@/lib/domain/review/queue";
import { APIS, EXCEPTION_TYPES, REQUESTER_KINDS } from "@/lib/domain/request/options";
import { db, type TDb } from "@/lib/db";
import type { TViewer } from "@/lib/server/session";
import { BULK_REVIEWERS, seedBulkRequests } from "@/prisma/seed-bulk";
import { startTestDatabase, type TTestDatabase } from "@/test-support/database";

type TQueueModule = typeof import("@/lib/server/review/queue");
type TRole = "WMF" | "WMDE";
type TCall = { name: string; run: (round: number) => Promise<unknown> };
type TFigures = { samples: number; p50: number; p95: number; max: number };
type TSizeResult = { size: number; rounds: number; load: [number, number]; overall: TFigures; types: Record<string, TFigures> };
type TSize = { size: number; database: TTestDatabase; calls: TCall[] };

const TARGET_RATIO = 1.5;
const TARGET_P95_MS = 150;
const WARMUP_ROUNDS = 3;
/** Measuring stops early, after fewer rounds, once it takes longer than this per size, so the whole run stays bounded. */
const SIZE_BUDGET_MS = 120_000;
const RESULTS_DIR = path.join(import.meta.dirname, "results");

const COMMON_WORDS = ["wikipedia", "readers", "articles", "snapshot"];
const MEDIUM_WORDS = ["library", "kenya", "teachers", "chatbot", "nordic", "journalists"];
const RARE_WORDS = ["herpetology", "quechua", "volcanology", "speleology", "numismatics", "herpetology kenya", "quechua teachers"];

// --- Statistics --------------------------------------------------------------------------------

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], fraction: number) {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

function figures(samples: number[]): TFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: sorted.length, p50: round2(percentile(sorted, 0.5)), p95: round2(percentile(sorted, 0.95)), max: round2(sorted.at(-1) ?? 0) };
}

/** A fixed shuffle per round, so no call always runs right after the same other one. */
function shuffled<T>(items: T[], round: number): T[] {
  let state = (round + 1) * 2_654_435_761;
  const random = () => {
    state = Math.imul(state ^ (state >>> 13), 0x5bd1e995) >>> 0;
    return state / 4_294_967_296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

// --- The calls a reviewer makes ------------------------------------------------------------------

const params = (input: Record<string, string>): TQueueParams => ZQueueParams.parse(input);
const rotate = <T>(items: readonly T[], round: number): T => items[round % items.length]!;

/** Keyset cursors of pages 2 to 5 of a view, found by following `next` from the first page. */
async function cursorsOf(queue: TQueueModule, viewer: TViewer, input: Record<string, string>) {
  const cursors: string[] = [];
  let next = (await queue.listQueue(viewer, params(input))).next;
  while (next && cursors.length < 4) {
    cursors.push(next);
    next = (await queue.listQueue(viewer, params({ ...input, after: next }))).next;
  }
  return cursors;
}

/** Names of organisations, from the most to the least frequent, typed as they are (no quotes). */
async function organisationsOf(database: TTestDatabase) {
  const rows = await database.db.$queryRawUnsafe<{ organisation: string }[]>(
    `SELECT organisation FROM "Request" WHERE organisation IS NOT NULL GROUP BY organisation ORDER BY count(*) DESC, organisation`,
  );
  return [0, 0.1, 0.3, 0.6, 0.9].map((rank) => rows[Math.floor(rank * rows.length)]!.organisation);
}

async function referencesOf(database: TTestDatabase, role: TRole) {
  const rows = await database.db.$queryRawUnsafe<{ reference: string }[]>(
    `SELECT reference FROM "Request" WHERE status::text = ANY($1) ${role === "WMDE" ? "AND joint" : ""} ORDER BY md5(id) LIMIT 50`,
    CLOSED_STATUSES,
  );
  return rows.map((row) => row.reference);
}

/** A realistic mix of what a reviewer does on the queue page, as one viewer. */
async function callsFor(queue: TQueueModule, database: TTestDatabase, role: TRole, viewer: TViewer): Promise<TCall[]> {
  const list = (name: string, input: (round: number) => Record<string, string>): TCall => ({
    name: `${role} ${name}`,
    run: (round) => queue.listQueue(viewer, params(input(round))),
  });
  const references = await referencesOf(database, role);
  const organisations = await organisationsOf(database);
  const oldestPages = await cursorsOf(queue, viewer, { view: "decided" });
  const newestPages = await cursorsOf(queue, viewer, { view: "decided", sort: "newest" });
  return [
    ...(["new", "in_review", "awaiting", "joint", "decided"] as const).map((view) => list(view, () => ({ view }))),
    list("decided · newest", () => ({ view: "decided", sort: "newest" })),
    list("decided · activity", () => ({ view: "decided", sort: "activity" })),
    list("new · newest", () => ({ view: "new", sort: "newest" })),
    list("in_review · activity", () => ({ view: "in_review", sort: "activity" })),
    list("new · kind", (round) => ({ view: "new", kind: rotate(REQUESTER_KINDS, round) })),
    list("new · assignee none", () => ({ view: "new", assignee: "none" })),
    list("new · flagged", () => ({ view: "new", flagged: "1" })),
    list("in_review · assignee me", () => ({ view: "in_review", assignee: "me" })),
    list("decided · kind", (round) => ({ view: "decided", kind: rotate(REQUESTER_KINDS, round) })),
    list("decided · exception", (round) => ({ view: "decided", exception: rotate(EXCEPTION_TYPES, round) })),
    list("decided · api", (round) => ({ view: "decided", api: rotate(APIS, round) })),
    list("decided · assignee me", () => ({ view: "decided", assignee: "me" })),
    list("decided · flagged", () => ({ view: "decided", flagged: "1" })),
    list("decided · kind+api+flagged", () => ({ view: "decided", kind: "commercial", api: "realtime", flagged: "1" })),
    list("decided · search common word", (round) => ({ view: "decided", q: rotate(COMMON_WORDS, round) })),
    list("decided · search medium word", (round) => ({ view: "decided", q: rotate(MEDIUM_WORDS, round) })),
    list("decided · search rare words", (round) => ({ view: "decided", q: rotate(RARE_WORDS, round) })),
    list("decided · search no match", () => ({ view: "decided", q: "xylophonist" })),
    list("decided · search organisation", (round) => ({ view: "decided", q: rotate(organisations, round) })),
    list("decided · search reference", (round) => ({ view: "decided", q: rotate(references, round) })),
    list("new · search common word", (round) => ({ view: "new", q: rotate(COMMON_WORDS, round) })),
    list("decided · pages 2-5", (round) => ({ view: "decided", after: rotate(oldestPages, round) })),
    list("decided · newest pages 2-5", (round) => ({ view: "decided", sort: "newest", after: rotate(newestPages, round) })),
    { name: `${role} counts`, run: () => queue.queueCounts(viewer) },
  ];
}

// --- Measuring ---------------------------------------------------------------------------------

/**
 * Points the data layer at one size's database. The queue module reads the process-wide client
 * that `db()` keeps on globalThis; the check fails loudly if that ever stops being so.
 */
function use(database: TTestDatabase) {
  (globalThis as unknown as { db?: TDb }).db = database.db;
  if (db() !== database.db) throw new Error("The bench could not point the data layer at its database: see use() in bench/queue.ts");
}

/**
 * Every size in the same stretch of time: each round runs every size's calls, the sizes in a
 * shuffled order, so a busy spell on the machine slows all sizes alike instead of the one that
 * happened to be measured then.
 */
async function measure(sizes: TSize[], rounds: number): Promise<TSizeResult[]> {
  for (const { database, calls } of sizes) {
    use(database);
    for (let round = 0; round < WARMUP_ROUNDS; round++) for (const call of calls) await call.run(round);
  }
  const samples = new Map(sizes.map(({ size, calls }) => [size, new Map<string, number[]>(calls.map((call) => [call.name, []]))]));
  const loadBefore = os.loadavg()[0]!;
  const began = performance.now();
  let done = 0;
  while (done < rounds && performance.now() - began < SIZE_BUDGET_MS * sizes.length) {
    for (const { size, database, calls } of shuffled(sizes, done)) {
      use(database);
      for (const call of shuffled(calls, done)) {
        const start = performance.now();
        await call.run(done);
        samples
          .get(size)!
          .get(call.name)!
          .push(performance.now() - start);
      }
    }
    done++;
  }
  if (done < rounds) console.log(`[bench] stopped after ${done} of ${rounds} rounds (time budget)`);
  const load: [number, number] = [round2(loadBefore), round2(os.loadavg()[0]!)];
  return sizes.map(({ size }) => {
    const bySize = samples.get(size)!;
    return {
      size,
      rounds: done,
      load,
      overall: figures([...bySize.values()].flat()),
      types: Object.fromEntries([...bySize].map(([name, values]) => [name, figures(values)])),
    };
  });
}

async function viewerOf(database: TTestDatabase, email: string): Promise<TViewer> {
  return database.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true } });
}

// --- Reporting ---------------------------------------------------------------------------------

const grouped = (value: number) => value.toLocaleString("en-US");

function targetsOf(results: TSizeResult[]) {
  const smallest = results[0]!;
  const largest = results.at(-1)!;
  const ratio = round2(largest.overall.p95 / smallest.overall.p95);
  return {
    compared: { smallest: smallest.size, largest: largest.size },
    ratio: { limit: TARGET_RATIO, value: ratio, met: ratio <= TARGET_RATIO },
    p95: { limitMs: TARGET_P95_MS, valueMs: largest.overall.p95, met: largest.overall.p95 < TARGET_P95_MS },
  };
}

function markdown(report: {
  date: string;
  machine: string;
  postgres: string;
  seeding: { size: number; seconds: number }[];
  results: TSizeResult[];
  targets: ReturnType<typeof targetsOf>;
}) {
  const { results, targets } = report;
  const smallest = results[0]!;
  const largest = results.at(-1)!;
  const sizes = results.map((result) => result.size);
  const lines = [
    "# Review queue latency",
    "",
    `${report.date} · ${report.machine} · PostgreSQL ${report.postgres}. Milliseconds, measured around \`listQueue\` / \`queueCounts\` in the server process.`,
    "",
    "| Requests | Rounds | Samples | p50 | p95 | max | Load (1 min) | Seeding |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map((result) => {
      const seeded = report.seeding.find((step) => step.size === result.size);
      return `| ${grouped(result.size)} | ${result.rounds} | ${result.overall.samples} | ${result.overall.p50} | ${result.overall.p95} | ${result.overall.max} | ${result.load.join(" → ")} | ${seeded ? `${seeded.seconds} s` : ""} |`;
    }),
    "",
    `- p95 at ${grouped(targets.compared.largest)} / p95 at ${grouped(targets.compared.smallest)}: **${targets.ratio.value}** (target ≤ ${TARGET_RATIO}): ${targets.ratio.met ? "met" : "**missed**"}`,
    `- p95 at ${grouped(targets.compared.largest)}: **${targets.p95.valueMs} ms** (target < ${TARGET_P95_MS} ms): ${targets.p95.met ? "met" : "**missed**"}`,
    "",
    "## By call (p95, and p50 / max at the largest size)",
    "",
    `| Call | ${sizes.map((size) => `p95 ${grouped(size)}`).join(" | ")} | p50 ${grouped(largest.size)} | max ${grouped(largest.size)} | × |`,
    `|---|${sizes.map(() => "---:").join("|")}|---:|---:|---:|`,
    ...Object.keys(largest.types).map((name) => {
      const large = largest.types[name]!;
      const ratio = round2(large.p95 / (smallest.types[name]?.p95 ?? Number.NaN));
      const slow = large.p95 >= TARGET_P95_MS || ratio > TARGET_RATIO;
      return `| ${slow ? `**${name}**` : name} | ${results.map((result) => result.types[name]?.p95 ?? "").join(" | ")} | ${large.p50} | ${large.max} | ${ratio} |`;
    }),
    "",
    `Bold: p95 at ${grouped(largest.size)} of ${TARGET_P95_MS} ms or more, or more than ${TARGET_RATIO}× its p95 at ${grouped(smallest.size)}.`,
    "",
  ];
  return lines.join("\n");
}

// --- Run ---------------------------------------------------------------------------------------

async function main() {
  const { values } = parseArgs({ options: { sizes: { type: "string", default: "1000,10000,100000" }, rounds: { type: "string", default: "50" } } });
  const sizes = values.sizes.split(",").map(Number);
  const rounds = Number(values.rounds);
  if (sizes.some((size, index) => !Number.isInteger(size) || size < 1 || size <= (sizes[index - 1] ?? 0)) || !Number.isInteger(rounds) || rounds < 1) {
    throw new Error("Usage: npm run bench -- [--sizes 1000,10000,100000] [--rounds 50] (sizes increasing)");
  }

  // The data layer reads its settings on first use; use() then points it at each size's database.
  process.env.APP_ENV = "development";
  const queue: TQueueModule = await import("@/lib/server/review/queue");
  const now = new Date();
  const seeding: { size: number; added: number; seconds: number }[] = [];
  const prepared: TSize[] = [];
  try {
    for (const size of sizes) {
      const database = await startTestDatabase();
      process.env.DATABASE_URL = database.url;
      prepared.push({ size, database, calls: [] });
      // The same requests as growing one database size by size: each smaller size's batch first.
      console.log(`[bench] Seeding ${grouped(size)} requests`);
      const began = performance.now();
      let previous = 0;
      for (const step of sizes.filter((other) => other <= size)) {
        await seedBulkRequests(database.db, { count: step - previous, seed: step, now });
        previous = step;
      }
      seeding.push({ size, added: size, seconds: round2((performance.now() - began) / 1000) });
      // Bulk inserts leave the visibility map empty, which autovacuum fills in a live database.
      await database.db.$executeRawUnsafe(`VACUUM (ANALYZE) "Request", "User"`);
    }

    for (const entry of prepared) {
      use(entry.database);
      const viewers = {
        WMF: await viewerOf(entry.database, BULK_REVIEWERS.find((reviewer) => reviewer.role === "WMF_REVIEWER")!.email),
        WMDE: await viewerOf(entry.database, BULK_REVIEWERS.find((reviewer) => reviewer.role === "WMDE_REVIEWER")!.email),
      };
      entry.calls = [...(await callsFor(queue, entry.database, "WMF", viewers.WMF)), ...(await callsFor(queue, entry.database, "WMDE", viewers.WMDE))];
    }
    const [{ server_version: version } = { server_version: "unknown" }] =
      await prepared[0]!.database.db.$queryRawUnsafe<{ server_version: string }[]>("SHOW server_version");
    console.log(`[bench] Measuring ${prepared[0]!.calls.length} calls × ${rounds} rounds at ${sizes.map(grouped).join(", ")}, the sizes interleaved`);
    const results = await measure(prepared, rounds);
    for (const result of results)
      console.log(`[bench] ${grouped(result.size)}: p50 ${result.overall.p50} ms, p95 ${result.overall.p95} ms, max ${result.overall.max} ms`);

    const targets = targetsOf(results);
    const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
    const report = {
      date: now.toISOString(),
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      cpu: { model: cpu, cores: os.availableParallelism() },
      memoryGb: round2(os.totalmem() / 2 ** 30),
      postgres: version,
      sizes,
      rounds,
      warmupRounds: WARMUP_ROUNDS,
      seeding,
      results,
      targets: { ...targets, met: targets.ratio.met && targets.p95.met },
    };
    const text = markdown({
      date: report.date.slice(0, 10),
      machine: `${cpu}, ${report.cpu.cores} cores, Node ${process.version}`,
      postgres: version,
      seeding,
      results,
      targets,
    });
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, "queue.json"), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(RESULTS_DIR, "queue.md"), text);
    console.log(`\n${text}`);
    console.log(`[bench] Targets ${report.targets.met ? "met" : "missed"}; written to ${path.relative(process.cwd(), RESULTS_DIR)}/queue.{json,md}`);
  } finally {
    for (const { database } of prepared) await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
