// The outbox and the worker's jobs against a real PostgreSQL (pg-boss in it) and a real SMTP
// server: what arrives, how often, and what the table says afterwards. Retries wait one second
// and up; every wait is for a state, never a fixed time.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it, type TestContext } from "node:test";

import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { Pool } from "pg";
import type PgBoss from "pg-boss";
import { SMTPServer } from "smtp-server";

import { connectionFields } from "@/lib/database-url";
import type { TDb } from "@/lib/db";
import { startTestDatabase, type TTestDatabase } from "@/test-support/database";

import {
  createJobQueue,
  createQueues,
  dispatchPending,
  staleAfterSeconds,
  EMAIL_QUEUE,
  scheduleSweeps,
  startDispatcher,
  SWEEP_QUEUE,
  workEmails,
  type TRetryPolicy,
} from "./job-queue";
import { enqueueEmail, messageIdFor, resendEmail, type TOutboxMail, type TSendMail } from "./outbox";

const DOMAIN = "example.org";

type TReceived = { to: string[]; subject: string; text: string; messageId: string };

/** An SMTP server on a fixed port that keeps what it receives, and can be taken down and back up. */
class Mailbox {
  received: TReceived[] = [];
  port = 0;
  private server: SMTPServer | undefined;

  async start() {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      disableReverseLookup: true,
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = session.envelope.rcptTo.map(({ address }) => address);
            this.received.push({ to, subject: parsed.subject ?? "", text: parsed.text ?? "", messageId: parsed.messageId ?? "" });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", resolve);
    });
    this.port = (server.server.address() as { port: number }).port;
    this.server = server;
  }

  async stop() {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(resolve));
  }

  subjects() {
    return this.received.map(({ subject }) => subject).sort();
  }
}

const mailbox = new Mailbox();
let database: TTestDatabase | undefined;
let pool: Pool | undefined;

function db(): TDb {
  assert.ok(database, "the test database did not start");
  return database.db;
}

function pg(): Pool {
  assert.ok(pool, "the test database did not start");
  return pool;
}

/** Sends through the test mailbox, one connection per email, as the worker's transport does. */
const send: TSendMail = async (mail) => {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: mailbox.port, secure: false, ignoreTLS: true });
  await transport.sendMail({ from: `no-reply@${DOMAIN}`, ...mail });
};

const RETRY: TRetryPolicy = { retryLimit: 5, retryDelaySeconds: 1 };

function email(key: string): TOutboxMail & { idempotencyKey: string } {
  return {
    idempotencyKey: key,
    to: `${key}@example.org`,
    subject: `Your request ${key}`,
    text: `Request ${key} has changed.`,
    html: `<p>Request ${key} has changed.</p>`,
  };
}

async function enqueue(...keys: string[]) {
  await db().$transaction(async (tx) => {
    for (const key of keys) await enqueueEmail(tx, email(key));
  });
}

async function row(key: string) {
  return db().outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: key } });
}

/** Polls `check` until it holds; fails with `what` if it never does. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A pg-boss instance on the test database with the worker's queues, stopped when the test ends. */
async function startBoss(t: TestContext) {
  assert.ok(database, "the test database did not start");
  const boss = createJobQueue(database.url);
  const errors: string[] = [];
  boss.on("error", (error) => errors.push(error.message));
  await boss.start();
  await createQueues(boss, pg());
  t.after(async () => {
    const seen = [...errors];
    await boss.stop({ graceful: true, timeout: 5_000 });
    assert.deepEqual(seen, [], "pg-boss reported no errors");
  });
  return boss;
}

/** What the worker runs for emails: jobs sent from the test mailbox, polled every half second. */
async function startEmailWorker(t: TestContext, sender: TSendMail = send) {
  const boss = await startBoss(t);
  await workEmails(boss, { db: db(), send: sender, messageDomain: DOMAIN, pollingIntervalSeconds: 0.5 });
  return boss;
}

async function jobState(boss: PgBoss, jobId: string) {
  const job = await boss.getJobById(EMAIL_QUEUE, jobId);
  assert.ok(job, `job ${jobId} exists`);
  return job;
}

describe("email outbox and worker", () => {
  before(async () => {
    database = await startTestDatabase();
    pool = new Pool({ ...connectionFields(database.url), max: 4 });
    await mailbox.start();
  });

  after(async () => {
    try {
      await mailbox.stop();
      await pool?.end();
    } finally {
      await database?.stop();
    }
  });

  beforeEach(async () => {
    await mailbox.start();
    mailbox.received = [];
    await db().outboxEmail.deleteMany();
  });

  it("hands a new email to the job queue within about a second and delivers it once", async (t) => {
    const boss = await startEmailWorker(t);
    const dispatcher = startDispatcher(pg(), boss, { ...RETRY, intervalMs: 1_000 });
    t.after(() => dispatcher.stop());

    const enqueued = Date.now();
    await enqueue("EA-1");
    await waitFor("the email is sent", async () => (await row("EA-1")).status === "SENT", 3_000);
    assert.ok(Date.now() - enqueued < 3_000);

    assert.deepEqual(mailbox.received, [
      {
        to: ["EA-1@example.org"],
        subject: "Your request EA-1",
        text: "Request EA-1 has changed.",
        messageId: messageIdFor("EA-1", DOMAIN),
      },
    ]);
    const sent = await row("EA-1");
    assert.ok(sent.sentAt, "sentAt is recorded");
    assert.ok(sent.dispatchedAt, "dispatchedAt is recorded");
    assert.equal(sent.attempts, 1);
    assert.equal(sent.lastError, null);
    assert.deepEqual(await dispatchPending(pg(), boss, RETRY), [], "nothing is handed over twice");
  });

  it("keeps nothing when the change it belongs to is rolled back", async (t) => {
    const boss = await startBoss(t);
    await assert.rejects(
      db().$transaction(async (tx) => {
        await enqueueEmail(tx, email("EA-2"));
        throw new Error("the change failed");
      }),
      /the change failed/,
    );

    assert.equal(await db().outboxEmail.count(), 0);
    assert.deepEqual(await dispatchPending(pg(), boss, RETRY), []);
  });

  it("sends one email when the same idempotency key is enqueued twice", async (t) => {
    const boss = await startEmailWorker(t);
    await enqueue("EA-3");
    await enqueue("EA-3");

    assert.equal(await db().outboxEmail.count(), 1);
    const [handedOver, ...more] = await dispatchPending(pg(), boss, RETRY);
    assert.ok(handedOver);
    assert.deepEqual(more, []);
    await waitFor("the job is done", async () => (await jobState(boss, handedOver.jobId)).state === "completed");
    assert.deepEqual(mailbox.subjects(), ["Your request EA-3"]);
  });

  it("hands an email over again when its job was lost long ago, but never while it may still be retried", async (t) => {
    const boss = await startEmailWorker(t);
    await enqueue("EA-LOST");
    const longAgo = new Date(Date.now() - (staleAfterSeconds(RETRY) + 60) * 1000);
    const recently = new Date(Date.now() - (staleAfterSeconds(RETRY) - 600) * 1000);
    await db().outboxEmail.update({ where: { idempotencyKey: "EA-LOST" }, data: { dispatchedAt: recently } });
    assert.deepEqual(await dispatchPending(pg(), boss, RETRY), [], "still within the retry window");
    await db().outboxEmail.update({ where: { idempotencyKey: "EA-LOST" }, data: { dispatchedAt: longAgo } });
    const [handedOver, ...more] = await dispatchPending(pg(), boss, RETRY);
    assert.ok(handedOver);
    assert.deepEqual(more, []);
    await waitFor("the email is sent", async () => (await row("EA-LOST")).status === "SENT");
    assert.deepEqual(
      mailbox.subjects().filter((subject) => subject.includes("EA-LOST")),
      ["Your request EA-LOST"],
    );
  });

  it("keeps a decision when the SMTP server is down, and delivers its email exactly once after it is back", async (t) => {
    await mailbox.stop();
    let tries = 0;
    const boss = await startEmailWorker(t, async (mail) => {
      tries += 1;
      await send(mail);
    });

    await db().$transaction(async (tx) => {
      await tx.auditEntry.create({ data: { action: "request.granted", subjectType: "request", subjectId: "EA-4" } });
      await enqueueEmail(tx, email("EA-4"));
    });
    assert.equal(await db().auditEntry.count({ where: { subjectId: "EA-4", action: "request.granted" } }), 1, "the decision stands");

    const [handedOver] = await dispatchPending(pg(), boss, RETRY);
    assert.ok(handedOver);
    await waitFor("the email has been tried twice", async () => (await row("EA-4")).attempts >= 2);
    const waiting = await row("EA-4");
    assert.equal(waiting.status, "PENDING");
    assert.match(waiting.lastError ?? "", /ECONNREFUSED/);
    assert.equal(mailbox.received.length, 0);

    await mailbox.start();
    await waitFor("the job is done", async () => (await jobState(boss, handedOver.jobId)).state === "completed");
    const sent = await row("EA-4");
    assert.equal(sent.status, "SENT");
    assert.equal(sent.attempts, tries);
    assert.equal(sent.lastError, null);
    assert.deepEqual(mailbox.subjects(), ["Your request EA-4"]);
    assert.equal(await boss.getQueueSize(EMAIL_QUEUE), 0, "no job is left to send it again");
    assert.deepEqual(await dispatchPending(pg(), boss, RETRY), []);
  });

  it("waits longer after each failure, keeps the email failed after the last retry, and sends it when an admin asks", async (t) => {
    await mailbox.stop();
    const tried: number[] = [];
    const boss = await startEmailWorker(t, async (mail) => {
      tried.push(Date.now());
      await send(mail);
    });
    await enqueue("EA-5");

    const [handedOver] = await dispatchPending(pg(), boss, { retryLimit: 2, retryDelaySeconds: 1 });
    assert.ok(handedOver);
    const delays: number[] = [];
    for (const retryCount of [0, 1]) {
      await waitFor(`retry ${retryCount + 1} is scheduled`, async () => {
        const job = await jobState(boss, handedOver.jobId);
        return job.state === "retry" && job.retryCount === retryCount;
      });
      const job = await jobState(boss, handedOver.jobId);
      delays.push(job.startAfter.getTime() - tried.at(-1)!);
    }
    await waitFor("the job has failed", async () => (await jobState(boss, handedOver.jobId)).state === "failed");

    // pg-boss's backoff: the first retry after 1-2 s, the second after 2-4 s.
    assert.ok(delays[0]! >= 1_000 && delays[0]! <= 2_500, `first retry after 1-2 s, was ${delays[0]} ms`);
    assert.ok(delays[1]! >= 2_000 && delays[1]! <= 4_500, `second retry after 2-4 s, was ${delays[1]} ms`);
    assert.equal(tried.length, 3);
    assert.ok(tried[1]! - tried[0]! >= 1_000 && tried[2]! - tried[1]! >= 2_000, "each retry waited its delay");
    const failed = await row("EA-5");
    assert.equal(failed.status, "FAILED");
    assert.equal(failed.attempts, 3);
    assert.match(failed.lastError ?? "", /ECONNREFUSED/);

    await mailbox.start();
    assert.deepEqual(await dispatchPending(pg(), boss, RETRY), [], "a failed email is not retried on its own");
    assert.equal(mailbox.received.length, 0);

    const admin = await db().user.create({ data: { email: "admin-ea-5@example.org", role: "ADMIN" } });
    assert.equal(await resendEmail(db(), failed.id, { actorId: admin.id }), true);
    const resent = await row("EA-5");
    assert.equal(resent.status, "PENDING");
    assert.equal(resent.attempts, 0);
    assert.equal(resent.dispatchedAt, null);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { subjectType: "email", subjectId: failed.id } });
    assert.equal(audit.action, "email.resent");
    assert.equal(audit.actorId, admin.id);

    const [again, ...more] = await dispatchPending(pg(), boss, RETRY);
    assert.ok(again);
    assert.deepEqual(more, []);
    await waitFor("the resent job is done", async () => (await jobState(boss, again.jobId)).state === "completed");
    assert.deepEqual(mailbox.subjects(), ["Your request EA-5"]);
    assert.equal((await row("EA-5")).status, "SENT");
    assert.equal(await resendEmail(db(), failed.id, { actorId: admin.id }), false, "only a failed email can be sent again");
  });

  it("gives an email back, and keeps running, when the database drops the connection in the middle of a hand-over", async (t) => {
    await enqueue("EA-7");
    const dispatching = new Pool({ ...connectionFields(database!.url), max: 1 });
    const watching = new Pool({ ...connectionFields(database!.url), max: 1 });
    t.after(async () => {
      await dispatching.end();
      await watching.end();
    });
    // Stands in for the job queue: between the transaction's queries it drops that transaction's
    // connection, as a restart or an administrator would, and waits until the server has let it go.
    const droppingQueue = {
      send: async (
        _queue: string,
        _data: object,
        { db }: { db: { executeSql: (text: string, values: unknown[]) => Promise<{ rows: { pid: number }[] }> } },
      ) => {
        const [{ pid }] = (await db.executeSql("SELECT pg_backend_pid() AS pid", [])).rows as [{ pid: number }];
        await watching.query("SELECT pg_terminate_backend($1)", [pid]);
        await waitFor("the connection is gone", async () => (await watching.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid])).rowCount === 0);
        return "job";
      },
    } as unknown as PgBoss;

    await assert.rejects(dispatchPending(dispatching, droppingQueue, RETRY), /terminat/i);
    assert.equal((await row("EA-7")).dispatchedAt, null, "the hand-over was rolled back");

    const boss = await startBoss(t);
    const [handedOver] = await dispatchPending(dispatching, boss, RETRY);
    assert.equal(handedOver?.id, (await row("EA-7")).id, "a new connection hands it over");
  });

  it("hands each email over once and sends it once, however many dispatchers and workers run", async (t) => {
    const keys = Array.from({ length: 20 }, (_, index) => `EA-6-${String(index).padStart(2, "0")}`);
    await enqueue(...keys);
    const [first, second] = [await startBoss(t), await startBoss(t)];
    const otherPool = new Pool({ ...connectionFields(database!.url), max: 2 });
    t.after(() => otherPool.end());

    // Small batches make the two dispatchers' transactions overlap.
    const dispatcher = async (connections: Pool, boss: PgBoss) => {
      const ids: string[] = [];
      for (;;) {
        const batch = await dispatchPending(connections, boss, { ...RETRY, batchSize: 2 });
        if (batch.length === 0) return ids;
        ids.push(...batch.map(({ id }) => id));
      }
    };
    const handedOver = (await Promise.all([dispatcher(pg(), first), dispatcher(otherPool, second)])).flat();
    assert.equal(handedOver.length, keys.length);
    assert.equal(new Set(handedOver).size, keys.length);

    for (const boss of [first, second]) {
      await workEmails(boss, { db: db(), send, messageDomain: DOMAIN, pollingIntervalSeconds: 0.5, batchSize: 2 });
    }
    await waitFor("every email is sent", async () => (await db().outboxEmail.count({ where: { status: "SENT" } })) === keys.length);
    assert.deepEqual(mailbox.subjects(), keys.map((key) => `Your request ${key}`).sort());
  });

  it("lets workers starting together on a new database create their queues side by side", async () => {
    for (let round = 0; round < 5; round++) {
      await pg().query("DROP SCHEMA IF EXISTS pgboss CASCADE");
      const bosses = [createJobQueue(database!.url), createJobQueue(database!.url), createJobQueue(database!.url)];
      try {
        await Promise.all(bosses.map((boss) => boss.start()));
        await Promise.all(bosses.map((boss) => createQueues(boss, pg())));
        // pg-boss's own queues (named __pgboss__…) aside.
        const { rows } = await pg().query<{ name: string }>("SELECT name FROM pgboss.queue WHERE name NOT LIKE '\\_\\_pgboss%' ORDER BY name");
        assert.deepEqual(
          rows.map((row) => row.name),
          [EMAIL_QUEUE, SWEEP_QUEUE].sort(),
        );
      } finally {
        await Promise.all(bosses.map((boss) => boss.stop({ graceful: false, timeout: 1_000 })));
      }
    }
  });

  it("runs the sweeps every second, as one chain however many workers schedule them", async (t) => {
    let sweeps = 0;
    const sweep = async () => {
      sweeps += 1;
    };
    const bosses = [await startBoss(t), await startBoss(t)];
    for (const boss of bosses) await scheduleSweeps(boss, { everySeconds: 1, sweep });

    const started = Date.now();
    let mostWaiting = 0;
    await waitFor("three sweeps have run", async () => {
      mostWaiting = Math.max(mostWaiting, await bosses[0]!.getQueueSize(SWEEP_QUEUE));
      return sweeps >= 3;
    });
    assert.ok(Date.now() - started < 5_000, `three sweeps took ${Date.now() - started} ms`);
    assert.ok(mostWaiting <= 1, `at most one sweep waits at a time, saw ${mostWaiting}`);
  });
});
