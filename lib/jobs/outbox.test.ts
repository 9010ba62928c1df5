// The outbox against a real PostgreSQL and a real SMTP server: what arrives, how often, and what
// the table says afterwards. Time moves by passing a later `now`, never by sleeping.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";

import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

import type { TDb } from "@/lib/db";
import { startTestDatabase, type TTestDatabase } from "@/test-support/database";

import { deliverDueEmails, enqueueEmail, resendEmail, type TOutboxMail, type TSendMail } from "./outbox";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type TReceived = { to: string[]; subject: string; text: string };

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
            this.received.push({ to, subject: parsed.subject ?? "", text: parsed.text ?? "" });
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

function db(): TDb {
  assert.ok(database, "the test database did not start");
  return database.db;
}

/** Sends through the test mailbox, one connection per email, as the worker's transport does. */
const send: TSendMail = async (mail) => {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: mailbox.port, secure: false, ignoreTLS: true });
  await transport.sendMail({ from: "no-reply@localhost", ...mail });
};

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

function later(ms: number) {
  return new Date(Date.now() + ms);
}

describe("email outbox", () => {
  before(async () => {
    database = await startTestDatabase();
    await mailbox.start();
  });

  after(async () => {
    try {
      await mailbox.stop();
    } finally {
      await database?.stop();
    }
  });

  beforeEach(async () => {
    await mailbox.start();
    mailbox.received = [];
    await db().outboxEmail.deleteMany();
  });

  it("delivers an enqueued email once and records when it was sent", async () => {
    await enqueue("EA-1");

    assert.deepEqual(await deliverDueEmails(db(), send), { sent: 1, retried: 0, failed: 0 });
    assert.deepEqual(mailbox.received, [
      { to: ["EA-1@example.org"], subject: "Your request EA-1", text: "Request EA-1 has changed." },
    ]);
    const sent = await row("EA-1");
    assert.equal(sent.status, "SENT");
    assert.ok(sent.sentAt, "sentAt is recorded");
    assert.equal(sent.attempts, 1);
    assert.equal(sent.lastError, null);

    assert.deepEqual(await deliverDueEmails(db(), send, { now: later(24 * HOUR) }), { sent: 0, retried: 0, failed: 0 });
    assert.equal(mailbox.received.length, 1);
  });

  it("keeps nothing when the change it belongs to is rolled back", async () => {
    await assert.rejects(
      db().$transaction(async (tx) => {
        await enqueueEmail(tx, email("EA-2"));
        throw new Error("the change failed");
      }),
      /the change failed/,
    );

    assert.equal(await db().outboxEmail.count(), 0);
    assert.deepEqual(await deliverDueEmails(db(), send), { sent: 0, retried: 0, failed: 0 });
    assert.equal(mailbox.received.length, 0);
  });

  it("sends one email when the same idempotency key is enqueued twice", async () => {
    await enqueue("EA-3");
    await enqueue("EA-3");

    assert.equal(await db().outboxEmail.count(), 1);
    assert.deepEqual(await deliverDueEmails(db(), send), { sent: 1, retried: 0, failed: 0 });
    assert.deepEqual(mailbox.subjects(), ["Your request EA-3"]);
  });

  it("keeps an email while the SMTP server is down and delivers it once after it is back", async () => {
    await enqueue("EA-4");
    await mailbox.stop();

    const firstTry = new Date();
    assert.deepEqual(await deliverDueEmails(db(), send, { now: firstTry }), { sent: 0, retried: 1, failed: 0 });
    const waiting = await row("EA-4");
    assert.equal(waiting.status, "PENDING");
    assert.equal(waiting.attempts, 1);
    assert.match(waiting.lastError ?? "", /ECONNREFUSED/);
    const backoff = waiting.nextAttemptAt.getTime() - firstTry.getTime();
    assert.ok(backoff >= 30_000 && backoff <= 33_000, `first retry after about 30 s, was ${backoff} ms`);

    await mailbox.start();
    assert.deepEqual(await deliverDueEmails(db(), send, { now: firstTry }), { sent: 0, retried: 0, failed: 0 }, "not due yet");
    assert.equal(mailbox.received.length, 0);

    assert.deepEqual(await deliverDueEmails(db(), send, { now: later(MINUTE) }), { sent: 1, retried: 0, failed: 0 });
    assert.deepEqual(await deliverDueEmails(db(), send, { now: later(HOUR) }), { sent: 0, retried: 0, failed: 0 });
    assert.deepEqual(mailbox.subjects(), ["Your request EA-4"]);
    const sent = await row("EA-4");
    assert.equal(sent.status, "SENT");
    assert.equal(sent.attempts, 2);
  });

  it("waits twice as long after each failure, and gives up after the last attempt until resent", async () => {
    await enqueue("EA-5");
    await mailbox.stop();

    const delays: number[] = [];
    const results = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const now = later(attempt * 2 * HOUR);
      results.push(await deliverDueEmails(db(), send, { now, maxAttempts: 3 }));
      delays.push((await row("EA-5")).nextAttemptAt.getTime() - now.getTime());
    }
    assert.deepEqual(results, [
      { sent: 0, retried: 1, failed: 0 },
      { sent: 0, retried: 1, failed: 0 },
      { sent: 0, retried: 0, failed: 1 },
    ]);
    assert.ok(delays[0]! >= 30_000 && delays[0]! <= 33_000, `first retry after about 30 s, was ${delays[0]} ms`);
    assert.ok(delays[1]! >= 60_000 && delays[1]! <= 66_000, `second retry after about 1 min, was ${delays[1]} ms`);
    const failed = await row("EA-5");
    assert.equal(failed.status, "FAILED");
    assert.equal(failed.attempts, 3);
    assert.match(failed.lastError ?? "", /ECONNREFUSED/);

    await mailbox.start();
    assert.deepEqual(await deliverDueEmails(db(), send, { now: later(30 * 24 * HOUR) }), { sent: 0, retried: 0, failed: 0 });
    assert.equal(mailbox.received.length, 0, "a failed email is not retried on its own");

    assert.equal(await resendEmail(db(), failed.id), true);
    assert.deepEqual(await deliverDueEmails(db(), send), { sent: 1, retried: 0, failed: 0 });
    assert.deepEqual(mailbox.subjects(), ["Your request EA-5"]);
    assert.equal((await row("EA-5")).status, "SENT");
    assert.equal(await resendEmail(db(), failed.id), false, "only a failed email can be resent");
  });

  it("never sends an email twice when several workers deliver at the same time", async () => {
    const keys = Array.from({ length: 20 }, (_, index) => `EA-6-${String(index).padStart(2, "0")}`);
    await enqueue(...keys);

    // Small batches and four workers make their claims overlap; two rarely do on two cores.
    const worker = async () => {
      let sent = 0;
      for (;;) {
        const batch = await deliverDueEmails(db(), send, { batchSize: 2 });
        if (batch.sent + batch.retried + batch.failed === 0) return sent;
        sent += batch.sent;
      }
    };
    const sentByWorker = await Promise.all([worker(), worker(), worker(), worker()]);

    assert.equal(sentByWorker.reduce((sum, sent) => sum + sent, 0), keys.length);
    assert.deepEqual(mailbox.subjects(), keys.map((key) => `Your request ${key}`).sort());
  });

  it("does not let a second worker take an email that is being sent", async () => {
    await enqueue("EA-7");
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let sending = () => {};
    const sendingStarted = new Promise<void>((resolve) => (sending = resolve));
    const slowSend: TSendMail = async (mail) => {
      sending();
      await released;
      await send(mail);
    };

    const now = new Date();
    const first = deliverDueEmails(db(), slowSend, { now });
    let secondCounts;
    try {
      await Promise.race([sendingStarted, first]);
      secondCounts = [
        await deliverDueEmails(db(), send, { now }),
        await deliverDueEmails(db(), send, { now: later(10 * MINUTE) }),
      ];
    } finally {
      release();
    }

    assert.deepEqual(await first, { sent: 1, retried: 0, failed: 0 });
    assert.deepEqual(secondCounts, [
      { sent: 0, retried: 0, failed: 0 },
      { sent: 0, retried: 0, failed: 0 },
    ]);
    assert.deepEqual(mailbox.subjects(), ["Your request EA-7"]);
  });
});
