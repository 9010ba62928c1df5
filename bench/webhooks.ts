// `npm run bench:webhooks`: what webhooks cost a decision, and how fast the worker sends them.
// On a throwaway database, 1,000 grants are made through the real pipeline with no endpoint
// listening and 1,000 with one, in alternating blocks; then the deliverer sends every event to a
// local receiver that answers after 200 ms, which checks each signature and counts each
// webhook-id. The figures go to bench/results/webhooks.json and webhooks.md (see bench/README.md).
// `npm run bench:webhooks -- --decisions 200` for a quicker look.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { Webhook } from "standardwebhooks";

import { newWebhookSecret } from "@/lib/webhooks/signing";
import { createRequest, createViewer, freePort, startTestDatabase } from "@/test-support/database";
import { TEST_BASE_URL as BASE_URL } from "@/test-support/days";
import { grantInput } from "@/test-support/grants";

type TFigures = { samples: number; p50: number; p95: number; max: number };

const RESULTS_DIR = path.join(import.meta.dirname, "results");
const BLOCK = 100;
/** Decisions under way at once: a burst of reviewers deciding together. */
const BURST = 4;
const RECEIVER_DELAY_MS = 200;
const EVENT_TYPES = ["grant.created", "entitlement.changed"];

const round2 = (value: number) => Math.round(value * 100) / 100;
const grouped = (value: number) => value.toLocaleString("en-GB");

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], fraction: number) {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

function figures(samples: number[]): TFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: sorted.length, p50: round2(percentile(sorted, 0.5)), p95: round2(percentile(sorted, 0.95)), max: round2(sorted.at(-1) ?? 0) };
}

/** A receiver that checks every signature, counts every webhook-id, and answers 204 after a delay. */
async function startReceiver(secret: string) {
  const verifier = new Webhook(secret);
  const counts = new Map<string, number>();
  let refused = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        verifier.verify(Buffer.concat(chunks).toString("utf8"), request.headers as Record<string, string>);
      } catch {
        refused += 1;
        return response.writeHead(401).end();
      }
      const id = String(request.headers["webhook-id"]);
      counts.set(id, (counts.get(id) ?? 0) + 1);
      setTimeout(() => response.writeHead(204).end(), RECEIVER_DELAY_MS);
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { port, counts, refused: () => refused, close: () => new Promise((resolve) => server.close(resolve)) };
}

function markdown(report: {
  date: string;
  machine: string;
  loadAverage: number;
  postgres: string;
  decisions: number;
  without: TFigures;
  with: TFigures;
  delivery: { events: number; concurrency: number; seconds: number; perSecond: number; onceEach: boolean };
}) {
  const row = (name: string, f: TFigures) => `| ${name} | ${grouped(f.samples)} | ${f.p50} | ${f.p95} | ${f.max} |`;
  return `# Webhooks

${report.date} · ${report.machine} · PostgreSQL ${report.postgres} · load average ${report.loadAverage} at the end (other work on the machine slows both alike)

Decision latency: \`grantRequest\` through the real pipeline, ${BURST} at a time, ${grouped(report.decisions)} grants each way in
alternating blocks of ${BLOCK}, the worker not running. With an endpoint, each grant also writes two events and their deliveries.

| Grants | Samples | p50, ms | p95, ms | max, ms |
| --- | ---: | ---: | ---: | ---: |
${row("no endpoint listening", report.without)}
${row("one endpoint listening", report.with)}

Delivery: the deliverer (concurrency ${report.delivery.concurrency}) sends the ${grouped(report.delivery.events)} events to a local receiver that
answers after ${RECEIVER_DELAY_MS} ms: drained in ${report.delivery.seconds} s, ${report.delivery.perSecond} events/s; each webhook-id arrived exactly once,
signature verified: ${report.delivery.onceEach ? "yes" : "NO"}.
`;
}

async function main() {
  const { values } = parseArgs({ options: { decisions: { type: "string", default: "1000" }, concurrency: { type: "string", default: "10" } } });
  const decisions = Number(values.decisions);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(decisions) || decisions < BLOCK || decisions % BLOCK !== 0 || !Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`Usage: npm run bench:webhooks -- [--decisions 1000 (a multiple of ${BLOCK})] [--concurrency 10]`);
  }

  const database = await startTestDatabase();
  // The data layer reads its settings on first use: only now.
  process.env.DATABASE_URL = database.url;
  process.env.APP_ENV = "development";
  const { grantRequest } = await import("@/lib/server/review/decisions");
  const { startWebhookDeliverer } = await import("@/lib/jobs/webhooks");
  const secret = newWebhookSecret();
  const receiver = await startReceiver(secret);
  try {
    const db = database.db;
    const reviewer = await createViewer(db, "WMF_REVIEWER");
    const requesters = await Promise.all(Array.from({ length: 20 }, () => createViewer(db, "REQUESTER")));
    console.log(`[bench] Making ${grouped(2 * decisions)} requests to decide`);
    const requests: { id: string; version: number }[] = [];
    for (let index = 0; index < 2 * decisions; index++) {
      requests.push(await createRequest(db, requesters[index % requesters.length]!, { status: "IN_REVIEW", assigneeId: reviewer.id }));
    }
    const endpoint = await db.webhookEndpoint.create({
      data: { url: `http://127.0.0.1:${receiver.port}/hooks`, eventTypes: EVENT_TYPES, secret, allowPlainHttp: true, enabled: false },
    });

    const grant = async (request: (typeof requests)[number]) => {
      const started = performance.now();
      await grantRequest(reviewer, grantInput(request, { apis: ["snapshot", "on_demand"] }), BASE_URL);
      return performance.now() - started;
    };
    const burst = async (block: typeof requests) => {
      const samples: number[] = [];
      const queue = [...block];
      await Promise.all(
        Array.from({ length: BURST }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) samples.push(await grant(next));
        }),
      );
      return samples;
    };

    console.log(`[bench] Granting ${grouped(decisions)} without and ${grouped(decisions)} with an endpoint, in alternating blocks of ${BLOCK}`);
    const without: number[] = [];
    const withEndpoint: number[] = [];
    for (let block = 0; block < (2 * decisions) / BLOCK; block++) {
      const listening = block % 2 === 1;
      // A disabled endpoint is one nobody listens at: the same single query finds none.
      await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: listening } });
      const samples = await burst(requests.slice(block * BLOCK, (block + 1) * BLOCK));
      (listening ? withEndpoint : without).push(...samples);
    }
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: true } });

    const events = await db.webhookEvent.findMany({ select: { id: true } });
    console.log(`[bench] Delivering ${grouped(events.length)} events, ${concurrency} at a time, to a receiver answering after ${RECEIVER_DELAY_MS} ms`);
    const started = performance.now();
    const deliverer = startWebhookDeliverer(db, { retryDelaySeconds: 1, retryLimit: 8, timeoutSeconds: 10, concurrency, intervalMs: 100 });
    try {
      for (;;) {
        const left = await db.webhookDelivery.count({ where: { status: { not: "DELIVERED" } } });
        if (left === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await deliverer.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const onceEach = receiver.refused() === 0 && receiver.counts.size === events.length && events.every(({ id }) => receiver.counts.get(id) === 1);
    if (!onceEach) throw new Error("Some webhook-id did not arrive exactly once");

    const [{ server_version: postgres } = { server_version: "unknown" }] = await db.$queryRawUnsafe<{ server_version: string }[]>("SHOW server_version");
    const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      cpu: { model: cpu, cores: os.availableParallelism() },
      postgres,
      loadAverage: round2(os.loadavg()[0] ?? 0),
      decisions,
      burst: BURST,
      without: figures(without),
      with: figures(withEndpoint),
      delivery: {
        events: events.length,
        concurrency,
        receiverDelayMs: RECEIVER_DELAY_MS,
        seconds: round2(seconds),
        perSecond: round2(events.length / seconds),
        onceEach,
      },
    };
    const text = markdown({ ...report, date: report.date.slice(0, 10), machine: `${cpu}, ${report.cpu.cores} cores, Node ${process.version}` });
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, "webhooks.json"), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(RESULTS_DIR, "webhooks.md"), text);
    console.log(`\n${text}`);
  } finally {
    await receiver.close();
    await database.stop();
  }
}

await main();
