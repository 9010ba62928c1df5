// `npm run worker`: sends the emails in the outbox, retrying failures, until SIGINT or SIGTERM.
// Runs with `--conditions=react-server` because the mail transport is a server-only module.
import { createDb } from "@/lib/db";
import { EnvError, parseEnv, publicUrl } from "@/lib/env";
import { lapseOverdueRequests } from "@/lib/jobs/lapse";
import { deliverDueEmails, type TOutcome } from "@/lib/jobs/outbox";
import { log, maskEmail } from "@/lib/log";
import { sendMail } from "@/lib/mail/transport";

const BATCH_SIZE = 20;
const IDLE_MS = 1_000;
const BUSY_MS = 50;
const AFTER_ERROR_MS = 5_000;

function settings() {
  try {
    const parsed = parseEnv(process.env);
    if (parsed.databaseUrl) return { databaseUrl: parsed.databaseUrl, baseUrl: publicUrl(parsed) };
    console.error("DATABASE_URL is not set: start the worker with `npm start`, which provides it, or set it yourself.");
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
  }
  process.exit(1);
}

function report(outcome: TOutcome) {
  const fields = { id: outcome.id, to: maskEmail(outcome.to), attempts: outcome.attempts };
  if (outcome.status === "sent") log.info("outbox.sent", fields);
  if (outcome.status === "retried") {
    log.warn("outbox.retry_scheduled", { ...fields, error: outcome.error, nextAttemptAt: outcome.nextAttemptAt.toISOString() });
  }
  if (outcome.status === "failed") log.error("outbox.failed", { ...fields, error: outcome.error });
}

const { databaseUrl, baseUrl } = settings();
const db = createDb(databaseUrl);
const SCHEDULED_EVERY_MS = 60_000;
let nextScheduledRun = 0;

/** Time-driven changes, about once a minute: questions past their reply-by date lapse. */
async function runScheduled() {
  if (Date.now() < nextScheduledRun) return;
  nextScheduledRun = Date.now() + SCHEDULED_EVERY_MS;
  const lapsed = await lapseOverdueRequests(db, { baseUrl });
  if (lapsed > 0) log.info("requests.lapsed", { count: lapsed });
}
let stopping = false;
let wake = () => {};

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (!stopping) log.info("worker.stopping", { signal });
    stopping = true;
    wake();
  });
}

function pause(ms: number) {
  return new Promise<void>((resolve) => {
    if (stopping) return resolve();
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}

log.info("worker.started", { batchSize: BATCH_SIZE });
while (!stopping) {
  try {
    await runScheduled();
    const { sent, retried, failed } = await deliverDueEmails(db, sendMail, { batchSize: BATCH_SIZE, onOutcome: report });
    await pause(sent + retried + failed === BATCH_SIZE ? BUSY_MS : IDLE_MS);
  } catch (error) {
    log.error("outbox.delivery_failed", { error: error instanceof Error ? error.message : String(error) });
    await pause(AFTER_ERROR_MS);
  }
}
await db.$disconnect();
log.info("worker.stopped");
process.exit(0);
