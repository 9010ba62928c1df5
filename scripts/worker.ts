// `npm run worker`: sends the emails in the outbox, retrying failures, until SIGINT or SIGTERM.
// Runs with `--conditions=react-server` because the mail transport is a server-only module.
import { createDb } from "@/lib/db";
import { EnvError, parseEnv } from "@/lib/env";
import { deliverDueEmails, type TOutcome } from "@/lib/jobs/outbox";
import { log, maskEmail } from "@/lib/log";
import { sendMail } from "@/lib/mail/transport";

const BATCH_SIZE = 20;
const IDLE_MS = 1_000;
const BUSY_MS = 50;
const AFTER_ERROR_MS = 5_000;

function databaseUrl() {
  try {
    const url = parseEnv(process.env).databaseUrl;
    if (url) return url;
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

const db = createDb(databaseUrl());
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
