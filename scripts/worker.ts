// `npm run worker`: hands the outbox's emails to pg-boss and sends them, with retries and backoff,
// sends webhooks (lib/jobs/webhooks.ts), and runs the time-driven changes (sweeps), until SIGINT
// or SIGTERM. `npm start` runs it too.
// Runs with `--conditions=react-server` because the mail transport is a server-only module.
import { Pool } from "pg";

import { currentTime } from "@/lib/clock";
import { connectionFields } from "@/lib/database-url";
import { createDb } from "@/lib/db";
import { EnvError, parseEnv, publicUrl, type TEnv } from "@/lib/env";
import { createJobQueue, createQueues, scheduleSweeps, startDispatcher, workEmails } from "@/lib/jobs/job-queue";
import { mailDomain, type TOutcome, type TSendMail } from "@/lib/jobs/outbox";
import { runSweeps } from "@/lib/jobs/sweeps";
import { startWebhookDeliverer, type TDeliveryOutcome } from "@/lib/jobs/webhooks";
import { log, maskEmail } from "@/lib/log";
import { sendMail } from "@/lib/mail/transport";

/** How long a stop waits for emails being sent; the launcher gives the worker 8 s in all. */
const STOP_TIMEOUT_MS = 6_000;

function settings(): TEnv & { databaseUrl: string } {
  try {
    const parsed = parseEnv(process.env);
    if (parsed.databaseUrl) return { ...parsed, databaseUrl: parsed.databaseUrl };
    console.error("DATABASE_URL is not set: start the worker with `npm start`, which provides it, or set it yourself.");
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
  }
  process.exit(1);
}

function message(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

function report(outcome: TOutcome) {
  if (outcome.status === "skipped") return log.info("outbox.skipped", { id: outcome.id });
  const fields = { id: outcome.id, to: maskEmail(outcome.to), attempts: outcome.attempts };
  if (outcome.status === "sent") log.info("outbox.sent", fields);
  if (outcome.status === "retrying") log.warn("outbox.retry_scheduled", { ...fields, error: outcome.error });
  if (outcome.status === "failed") log.error("outbox.failed", { ...fields, error: outcome.error });
}

/** Ids, type and figures only: never the payload, the endpoint's address or its secret. */
function reportWebhook(outcome: TDeliveryOutcome) {
  const { status, error, ...fields } = outcome;
  if (status === "delivered") log.info("webhook.delivered", fields);
  if (status === "retrying") log.warn("webhook.retry_scheduled", { ...fields, error });
  if (status === "failed") log.error("webhook.failed", { ...fields, error });
  if (status === "released") log.info("webhook.released", fields);
}

const config = settings();
const baseUrl = publicUrl(config);
const db = createDb(config.databaseUrl);
const pool = new Pool({ ...connectionFields(config.databaseUrl), max: 2, application_name: "exceptional-access-dispatcher" });
const boss = createJobQueue(config.databaseUrl);
boss.on("error", (error) => log.error("jobs.error", { error: error.message }));
// An idle connection dropped by the server is replaced on next use; without a listener it would end the process.
pool.on("error", (error) => log.error("outbox.connection_lost", { error: error.message }));

// pg-boss 10 marks a job done or failed without awaiting the query, so a database outage while a
// job runs surfaces as an unhandled rejection. Node would end the process on it (and the launcher
// the app with it); the job itself is safe, as pg-boss retries it once its lease expires, and the
// database's return is waited for anyway. So log it and carry on.
process.on("unhandledRejection", (reason) => log.error("worker.unhandled_rejection", { error: message(reason) }));

const send: TSendMail = (mail) => sendMail(mail);

await boss.start();
await createQueues(boss, pool);
const emailWorker = await workEmails(boss, {
  db,
  send,
  messageDomain: mailDomain(config.mailFrom),
  onOutcome: report,
  onError: (id, error) => log.error("outbox.delivery_failed", { id, error: message(error) }),
});
const dispatcher = startDispatcher(pool, boss, {
  retryLimit: config.emailRetryLimit,
  retryDelaySeconds: config.emailRetryDelaySeconds,
  // Wake the email worker at once instead of at its next poll.
  onDispatched: () => boss.notifyWorker(emailWorker),
  onError: (error) => log.error("outbox.dispatch_failed", { error: message(error) }),
});
const webhookDeliverer = startWebhookDeliverer(db, {
  retryDelaySeconds: config.webhookRetryDelaySeconds,
  retryLimit: config.webhookRetryLimit,
  timeoutSeconds: config.webhookTimeoutSeconds,
  onOutcome: reportWebhook,
  onError: (error) => log.error("webhook.delivery_loop_failed", { error: message(error) }),
});
await scheduleSweeps(boss, {
  everySeconds: config.sweepSeconds,
  sweep: async () => {
    try {
      const changed = await runSweeps(db, { now: currentTime(), baseUrl, retentionDays: config.retentionDays });
      if (Object.values(changed).some((count) => count > 0)) log.info("sweeps.changed", changed);
    } catch (error) {
      log.error("sweeps.failed", { error: message(error) });
      throw error;
    }
  },
});
log.info("worker.started", { sweepSeconds: config.sweepSeconds, retryLimit: config.emailRetryLimit, webhookRetryLimit: config.webhookRetryLimit });

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info("worker.stopping", { signal });
    void stop();
  });
}

/**
 * Hands over nothing more, lets the emails and webhooks being sent finish (a webhook cut short is
 * given back, to be sent by the next worker), then closes every connection.
 */
async function stop() {
  // Whatever still hangs then (an SMTP server that never answers) is not waited for.
  setTimeout(() => {
    log.error("worker.stop_timed_out", { waitedMs: STOP_TIMEOUT_MS + 1_000 });
    process.exit(1);
  }, STOP_TIMEOUT_MS + 1_000).unref();
  try {
    await Promise.all([
      webhookDeliverer.stop({ graceMs: STOP_TIMEOUT_MS - 1_000 }),
      (async () => {
        await dispatcher.stop();
        await boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS });
      })(),
    ]);
    await pool.end();
    await db.$disconnect();
    log.info("worker.stopped");
    process.exit(0);
  } catch (error) {
    log.error("worker.stop_failed", { error: message(error) });
    process.exit(1);
  }
}
