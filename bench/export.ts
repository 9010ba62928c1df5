// `npm run bench:export`: the reviewers' CSV export of whole queue views at 100,000 requests, on a
// throwaway database: time, rows, memory, and whether each batch's query plan uses the same
// indexes as the queue page's. Figures go to bench/results/export.json and export.md.
// `npm run bench:export -- --size 10000` for a quicker look.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { db, type TDb } from "@/lib/db";
import { encodeCursor, ZQueueParams } from "@/lib/domain/review/queue";
import { Prisma } from "@/lib/generated/prisma/client";
import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translator";
import type { TViewer } from "@/lib/server/session";
import { BULK_REVIEWERS, seedBulkRequests } from "@/prisma/seed-bulk";
import { startTestDatabase } from "@/test-support/database";

const RESULTS_DIR = path.join(import.meta.dirname, "results");
const { values: args } = parseArgs({ options: { size: { type: "string", default: "100000" } } });
const size = Number(args.size);

type TExport = { name: string; role: "WMF" | "WMDE"; input: Record<string, string> };
const EXPORTS: TExport[] = [
  { name: "decided", role: "WMF", input: { view: "decided" } },
  { name: "decided · newest", role: "WMF", input: { view: "decided", sort: "newest" } },
  { name: "decided · activity", role: "WMF", input: { view: "decided", sort: "activity" } },
  { name: "decided · kind+api+flagged", role: "WMF", input: { view: "decided", kind: "commercial", api: "realtime", flagged: "1" } },
  { name: "decided · search common word", role: "WMF", input: { view: "decided", q: "wikipedia" } },
  { name: "decided · search rare word", role: "WMF", input: { view: "decided", q: "herpetology" } },
  { name: "new", role: "WMF", input: { view: "new" } },
  { name: "decided (WMDE)", role: "WMDE", input: { view: "decided" } },
  { name: "joint (WMDE)", role: "WMDE", input: { view: "joint" } },
];

type TPlanNode = { "Node Type": string; "Index Name"?: string; Plans?: TPlanNode[] };

/** The indexes a plan reads, by name, or the scans it makes without one. */
function accessPaths(node: TPlanNode): string[] {
  const own = node["Index Name"] ?? (node["Node Type"] === "Seq Scan" ? "sequential scan" : undefined);
  return [...new Set([...(own ? [own] : []), ...(node.Plans ?? []).flatMap(accessPaths)])].sort();
}

async function planOf(sql: Prisma.Sql) {
  const [row] = await db().$queryRaw<{ "QUERY PLAN": [{ Plan: TPlanNode }] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
  return accessPaths(row!["QUERY PLAN"][0].Plan);
}

async function main() {
  const database = await startTestDatabase();
  try {
    (globalThis as unknown as { db?: TDb }).db = database.db;
    if (db() !== database.db) throw new Error("The bench could not point the data layer at its database");
    const seedingStarted = performance.now();
    await seedBulkRequests(database.db, { count: size, seed: 1, now: new Date() });
    await database.db.$executeRawUnsafe(`VACUUM (ANALYZE)`);
    const seconds = Math.round((performance.now() - seedingStarted) / 1000);

    const queue = await import("@/lib/server/review/queue");
    const { exportQueue } = await import("@/lib/server/review/export");
    const t = createTranslator("en", messagesFor("en"));
    const viewers = Object.fromEntries(
      await Promise.all(
        (["WMF", "WMDE"] as const).map(async (role) => {
          const email = BULK_REVIEWERS.find((reviewer) => reviewer.role === `${role}_REVIEWER`)!.email;
          const viewer: TViewer = await database.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true } });
          return [role, viewer] as const;
        }),
      ),
    ) as Record<"WMF" | "WMDE", TViewer>;

    const results = [];
    for (const { name, role, input } of EXPORTS) {
      const viewer = viewers[role];
      const params = ZQueueParams.parse(input);
      // A cursor deep into the view, as a later batch has.
      const deep = await database.db.$queryRawUnsafe<{ at: Date; id: string }[]>(
        `SELECT ${params.sort === "activity" ? `"lastActivityAt"` : `"submittedAt"`} AS at, id FROM "Request" WHERE status <> 'DRAFT' ORDER BY md5(id) LIMIT 1`,
      );
      const after = deep[0] ? encodeCursor(deep[0].at, deep[0].id) : undefined;
      const page = await planOf(queue.queuePageSql(viewer, params, queue.QUEUE_PAGE_SIZE));
      const batch = await planOf(queue.queuePageSql(viewer, params, queue.EXPORT_BATCH_SIZE));
      const laterBatch = await planOf(queue.queuePageSql(viewer, { ...params, after }, queue.EXPORT_BATCH_SIZE));

      // Live heap, after a full collection every few batches: what the export holds, not its garbage.
      const collect = global.gc ?? (() => {});
      collect();
      const heapBefore = process.memoryUsage().heapUsed;
      let heapPeak = heapBefore;
      const started = performance.now();
      const { body } = await exportQueue(viewer, params, t, "https://access.example.org");
      let bytes = 0;
      let lines = 0;
      let chunks = 0;
      const reader = body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        bytes += chunk.value.byteLength;
        for (const byte of chunk.value) if (byte === 0x0a) lines += 1;
        chunks += 1;
        if (chunks % 10 === 0) {
          collect();
          heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        }
      }
      const ms = Math.round(performance.now() - started);
      const rows = lines - 1;
      results.push({
        name,
        rows,
        ms,
        rowsPerSecond: Math.round(rows / (ms / 1000)),
        megabytes: Math.round(bytes / 1e5) / 10,
        heapPeakMb: Math.round((heapPeak - heapBefore) / 1e5) / 10,
        indexes: { page, batches: [...new Set([...batch, ...laterBatch])].sort() },
      });
      console.log(`[bench] ${name}: ${rows} rows in ${ms} ms`);
    }

    const report = {
      date: new Date().toISOString().slice(0, 10),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
      size,
      seedingSeconds: seconds,
      batchSize: queue.EXPORT_BATCH_SIZE,
      results,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, "export.json"), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(RESULTS_DIR, "export.md"), markdown(report));
    console.log(markdown(report));
  } finally {
    await database.stop();
  }
}

type TResult = {
  name: string;
  rows: number;
  ms: number;
  rowsPerSecond: number;
  megabytes: number;
  heapPeakMb: number;
  indexes: { page: string[]; batches: string[] };
};

function markdown(report: { date: string; machine: string; size: number; seedingSeconds: number; batchSize: number; results: TResult[] }) {
  const list = (names: string[]) => names.map((name) => (name === "sequential scan" ? "**sequential scan**" : `\`${name}\``)).join(", ");
  const lines = [
    "# CSV export of queue views",
    "",
    `${report.date} · ${report.machine} · ${report.size.toLocaleString("en-US")} requests (seeded in ${report.seedingSeconds} s) · batches of ${report.batchSize}.`,
    "",
    "Time to stream the whole file from `exportQueue` in the server process, including a full garbage collection every 10 batches;",
    "live heap: the most the heap held after those collections, above where it started. Batch plans: `EXPLAIN` of the first",
    "batch and of a batch deep in the view; page plan: the queue page's query with the same filters.",
    "",
    "| Export | Rows | ms | Rows/s | File, MB | Live heap, MB | Batch plans read | Page plan reads |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ...report.results.map(
      (result) =>
        `| ${result.name} | ${result.rows.toLocaleString("en-US")} | ${result.ms.toLocaleString("en-US")} | ${result.rowsPerSecond.toLocaleString("en-US")} | ${result.megabytes} | ${result.heapPeakMb} | ${list(result.indexes.batches)} | ${list(result.indexes.page)} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

await main();
