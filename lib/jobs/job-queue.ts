// The worker's jobs, on pg-boss in the app's own PostgreSQL (schema "pgboss"). A dispatcher hands
// outbox rows to `email` jobs; pg-boss runs them with retries and exponential backoff; a `sweeps`
// job that queues its own successor runs the time-driven changes. Only the worker imports this.
import type { Pool } from "pg";
import PgBoss from "pg-boss";

import { connectionFields } from "@/lib/database-url";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { deliverEmail, type TOutcome, type TSendMail } from "./outbox";

export const EMAIL_QUEUE = "email";
export const SWEEP_QUEUE = "sweeps";

export type TEmailJob = { id: string };
/** pg-boss's retry settings for an email: the first retry after `retryDelaySeconds` to twice that, then doubling. */
export type TRetryPolicy = { retryLimit: number; retryDelaySeconds: number };

/** A pg-boss instance on the app's database; `start` installs or upgrades its schema. */
export function createJobQueue(databaseUrl: string) {
  const { host, port, user, password, database, ssl } = connectionFields(databaseUrl);
  return new PgBoss({
    host,
    port,
    user,
    password: typeof password === "string" ? password : undefined,
    database,
    ssl,
    schema: "pgboss",
    application_name: "exceptional-access-worker",
    max: 4,
  });
}

const CREATE_QUEUES_LOCK = "SELECT pg_advisory_lock(hashtext('exceptional-access:create-queues'))";
const CREATE_QUEUES_UNLOCK = "SELECT pg_advisory_unlock(hashtext('exceptional-access:create-queues'))";

/**
 * Creates the queues the worker uses; safe to repeat, and to run from several workers at once.
 * Two workers starting together on a new database would create the same queue at the same moment,
 * and pg-boss's create_queue then deadlocks (each adds a partition to its job table), ending one
 * worker: so one at a time, under an advisory lock on a connection of `pool`.
 */
export async function createQueues(boss: PgBoss, pool: Pool) {
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    await client.query(CREATE_QUEUES_LOCK);
    try {
      await boss.createQueue(EMAIL_QUEUE, { name: EMAIL_QUEUE });
      // "short": at most one sweep waits at a time, however many workers queue the next one.
      await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "short", retryLimit: 0, expireInSeconds: 300 });
    } finally {
      await client.query(CREATE_QUEUES_UNLOCK);
    }
  } catch (error) {
    failed = error as Error;
    throw error;
  } finally {
    // A connection that failed is closed, which also lets go of the lock.
    client.release(failed);
  }
}

/**
 * How long after its hand-over an email still pending is taken to have lost its job (for example,
 * the database was unreachable through every retry): well past the longest retry chain, plus an
 * hour, so an email still being retried is never handed over twice.
 */
export function staleAfterSeconds({ retryLimit, retryDelaySeconds }: TRetryPolicy) {
  return 2 * retryDelaySeconds * 2 ** (retryLimit + 1) + 3600;
}

/**
 * Hands pending outbox emails to the job queue (and again, any whose job was lost: see
 * staleAfterSeconds), in one transaction: the rows are locked (rows
 * another dispatcher holds are skipped), a job is queued for each on the same connection, and each
 * row is marked dispatched. Either all of that commits or none of it, so an email is handed over
 * exactly once, however many dispatchers run and wherever one stops.
 */
export async function dispatchPending(pool: Pool, boss: PgBoss, { retryLimit, retryDelaySeconds, batchSize = 50 }: TRetryPolicy & { batchSize?: number }) {
  // Idle most of the time: one cheap look before taking a connection for a transaction.
  const stale = staleAfterSeconds({ retryLimit, retryDelaySeconds });
  const due = `"status" = 'PENDING' AND ("dispatchedAt" IS NULL OR "dispatchedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => $1))`;
  const waiting = await pool.query(`SELECT 1 FROM "OutboxEmail" WHERE ${due} LIMIT 1`, [stale]);
  if (waiting.rowCount === 0) return [];
  const client = await pool.connect();
  // A checked-out connection the server drops between two queries (while the job queue looks up its
  // queue, say) reports it as an event; unheard, that would end the process. The next query fails
  // instead, the transaction rolls back and the connection is thrown away.
  let lost: Error | undefined;
  const onLost = (error: Error) => {
    lost = error;
  };
  client.on("error", onLost);
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `SELECT "id" FROM "OutboxEmail"
       WHERE ${due}
       ORDER BY "createdAt"
       LIMIT $2
       FOR UPDATE SKIP LOCKED`,
      [stale, batchSize],
    );
    const inTransaction = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
    const handedOver: { id: string; jobId: string }[] = [];
    for (const { id } of rows) {
      const jobId = await boss.send(EMAIL_QUEUE, { id } satisfies TEmailJob, {
        db: inTransaction,
        singletonKey: id,
        retryLimit,
        retryDelay: retryDelaySeconds,
        retryBackoff: true,
      });
      if (!jobId) throw new Error(`The job queue refused email ${id}`);
      handedOver.push({ id, jobId });
    }
    if (handedOver.length > 0) {
      // The column holds UTC without a zone, as Prisma writes it.
      await client.query(`UPDATE "OutboxEmail" SET "dispatchedAt" = now() AT TIME ZONE 'UTC' WHERE "id" = ANY($1::text[])`, [handedOver.map(({ id }) => id)]);
    }
    await client.query("COMMIT");
    return handedOver;
  } catch (error) {
    if (lost) throw lost;
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.removeListener("error", onLost);
    client.release(lost);
  }
}

type TDispatcherOptions = TRetryPolicy & {
  intervalMs?: number;
  batchSize?: number;
  onDispatched?: (handedOver: { id: string; jobId: string }[]) => void;
  onError?: (error: unknown) => void;
};

const AFTER_ERROR_MS = 5_000;

/**
 * Runs `dispatchPending` every `intervalMs` (at once again while there is a backlog) until
 * stopped: a new email is handed over within about that long, at one small query when idle.
 */
export function startDispatcher(pool: Pool, boss: PgBoss, { intervalMs = 1_000, batchSize = 50, onDispatched, onError, ...retry }: TDispatcherOptions) {
  let stopping = false;
  let wake = () => {};
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping) return resolve();
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopping) {
      try {
        const handedOver = await dispatchPending(pool, boss, { ...retry, batchSize });
        if (handedOver.length > 0) onDispatched?.(handedOver);
        if (handedOver.length < batchSize) await pause(intervalMs);
      } catch (error) {
        onError?.(error);
        await pause(AFTER_ERROR_MS);
      }
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake();
      await loop;
    },
  };
}

type TEmailWorkerOptions = {
  db: PrismaClient;
  send: TSendMail;
  messageDomain: string;
  pollingIntervalSeconds?: number;
  batchSize?: number;
  onOutcome?: (outcome: TOutcome) => void;
  onError?: (id: string, error: unknown) => void;
};

/**
 * Sends the emails of `email` jobs. A failed send fails its job, which pg-boss retries after its
 * backoff; the attempt number and whether it is the last come from the job itself.
 */
export function workEmails(boss: PgBoss, { db, send, messageDomain, pollingIntervalSeconds = 1, batchSize = 5, onOutcome, onError }: TEmailWorkerOptions) {
  return boss.work<TEmailJob>(EMAIL_QUEUE, { includeMetadata: true, pollingIntervalSeconds, batchSize }, async (jobs) => {
    for (const job of jobs) {
      // Each job completes or fails on its own: pg-boss completes the rest of the batch afterwards.
      try {
        const outcome = await deliverEmail(db, send, job.data.id, {
          attempt: job.retryCount + 1,
          lastAttempt: job.retryCount >= job.retryLimit,
          messageDomain,
        });
        onOutcome?.(outcome);
        if (outcome.status === "retrying" || outcome.status === "failed") {
          await boss.fail(EMAIL_QUEUE, job.id, { message: outcome.error });
        }
      } catch (error) {
        onError?.(job.data.id, error);
        await boss.fail(EMAIL_QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) });
      }
    }
  });
}

/**
 * Runs `sweep` about every `everySeconds`: each sweep job queues the next one when it ends. A
 * once-a-minute schedule restarts the chain should it ever break (a worker killed mid-sweep); the
 * queue's "short" policy refuses a second waiting sweep, so chains never multiply.
 */
export async function scheduleSweeps(boss: PgBoss, { everySeconds, sweep }: { everySeconds: number; sweep: () => Promise<void> }) {
  const pollingIntervalSeconds = Math.max(0.5, Math.min(everySeconds / 2, 5));
  const nextAfterSeconds = Math.max(0, everySeconds - pollingIntervalSeconds);
  await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds }, async () => {
    try {
      await sweep();
    } finally {
      await boss.send(SWEEP_QUEUE, {}, { startAfter: nextAfterSeconds });
    }
  });
  await boss.schedule(SWEEP_QUEUE, "* * * * *");
  await boss.send(SWEEP_QUEUE, {});
}
