// Two of everything (docs/deployment.md): nginx in front of two app instances and two workers on a
// PostgreSQL server of its own (e2e/topology/stack.ts). The requester's and reviewer's journeys
// went through nginx before this spec (playwright.topology.config.ts); these tests, in order and
// alone, check what two instances must get right. nginx takes the instances in strict turn (round
// robin, one worker process), and this spec is then its only client.
import { spawn, spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";

import pg from "pg";

import { dayOf, endOfDay, startOfDay } from "../../lib/domain/time";
import { resetClock, setClock } from "../support/clock";
import { testDb, uniqueEmail } from "../support/database";
import { expect, test } from "../support/fixtures";
import { firstLink, readAll, waitForMail } from "../support/mailbox";
import { healthStatus } from "../support/own-app";
import { createRequestIn, type TSubmitted } from "../support/requests";
import { baseURL, E2E } from "../support/settings";

import { isRunning, logFile, nginxPrefix, sharedEnv, startPart, stopPart, TOPOLOGY, unitExecStart } from "./layout";
import { servedBy } from "./nginx";
import { postgresBin } from "./postgres";

test.describe.configure({ mode: "serial" });
test.afterAll(() => resetClock());

const DAY = 86_400_000;
const [FIRST, SECOND] = TOPOLOGY.instancePorts.map((port) => `127.0.0.1:${port}`) as [string, string];
const BOTH = [FIRST, SECOND].sort();

/** The access log's entries from `from` on (its length before a step), optionally for one path. */
function logSince(from: number, pathStart = "/") {
  return servedBy(nginxPrefix)
    .slice(from)
    .filter((line) => line.path.startsWith(pathStart));
}
const logLength = () => servedBy(nginxPrefix).length;
const instancesOf = (lines: { upstream: string }[]) => [...new Set(lines.map((line) => line.upstream))].sort();

const instanceHealth = (port: number) => healthStatus(`http://127.0.0.1:${port}`);

test("the journeys went through nginx, their pages and form posts answered by both instances in turn", () => {
  // Every part started together, and is still running.
  expect((["app-1", "app-2", "worker-1", "worker-2"] as const).filter((part) => !isRunning(part))).toEqual([]);
  const lines = servedBy(nginxPrefix).filter((line) => !line.path.startsWith("/_next/"));
  expect(lines.length).toBeGreaterThan(100);
  expect(instancesOf(lines.filter((line) => line.method === "GET"))).toEqual(BOTH);
  expect(instancesOf(lines.filter((line) => line.method === "POST"))).toEqual(BOTH);
  expect(lines.filter((line) => line.status >= 500)).toEqual([]);
});

test("a sign-in link asked for at one instance signs in at the other, and the session holds at both", async ({ request }) => {
  const email = uniqueEmail("roaming");
  const start = logLength();
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const asked = await request.post("/api/auth/signin/nodemailer", { form: { email, csrfToken, callbackUrl: "/requests" }, maxRedirects: 0 });
  expect(asked.status()).toBe(302);
  expect(asked.headers().location).toContain("/api/auth/verify-request");
  const [csrf, post] = logSince(start);
  // The form's CSRF token, made by one instance, was accepted by the other.
  expect([csrf!.upstream, post!.upstream].sort()).toEqual(BOTH);

  const link = firstLink(await waitForMail(email, /sign-in link/));
  const callback = await request.get(link, { maxRedirects: 0 });
  expect(callback.status()).toBe(302);
  expect(callback.headers().location).toBe(`${baseURL}/requests`);
  const [callbackLine] = logSince(start, "/api/auth/callback");
  expect(callbackLine!.upstream).not.toBe(post!.upstream);

  const afterSignIn = logLength();
  for (let visit = 0; visit < 2; visit++) {
    const page = await request.get("/requests", { maxRedirects: 0 });
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain("Your requests");
  }
  expect(instancesOf(logSince(afterSignIn, "/requests"))).toEqual(BOTH);
});

/** A GET through nginx from one of the loopback addresses (127.0.0.0/8 all reach it), as another client would. */
function getFrom(localAddress: string, pathname: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const call = httpRequest({ host: "127.0.0.1", port: TOPOLOGY.nginxPort, path: pathname, localAddress, headers }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    call.on("error", reject);
    call.end();
  });
}

test("rate limits count a client's calls at both instances together, by the address nginx saw", async () => {
  // Fresh addresses each run: the budget (5 failed API calls a minute, stack.ts) outlives a test.
  const client = `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;
  const other = `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;
  const badToken = { Authorization: "Bearer nonsense" };
  const start = logLength();
  for (let attempt = 0; attempt < 5; attempt++) expect(await getFrom(client, "/api/v1/entitlements", badToken)).toBe(401);
  expect(instancesOf(logSince(start))).toEqual(BOTH);
  // Spent across both instances: the sixth is refused, whichever answers.
  expect(await getFrom(client, "/api/v1/entitlements", badToken)).toBe(429);
  expect(await getFrom(client, "/api/v1/entitlements", badToken)).toBe(429);
  // A client naming another address itself changes nothing: nginx appends the one it saw.
  expect(await getFrom(client, "/api/v1/entitlements", { ...badToken, "X-Forwarded-For": "203.0.113.9" })).toBe(429);
  // Another client, through the same nginx, has its own budget.
  expect(await getFrom(other, "/api/v1/entitlements", badToken)).toBe(401);
  expect(logSince(start).map((line) => line.client)).toContain(other);
});

/** How many sweeps the workers have finished (pg-boss's record of its jobs). */
async function sweepsDone() {
  const { rows } = await testDb().query<{ count: number }>(`SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'sweeps' AND state = 'completed'`);
  return rows[0]!.count;
}

/** A grant that started 10 days ago and expires in 40, asking for its check-in 30 days before it ends. */
async function grantEndingIn40Days(): Promise<TSubmitted> {
  const expiresAt = endOfDay(dayOf(new Date(Date.now() + 40 * DAY)));
  const startsAt = startOfDay(dayOf(new Date(Date.now() - 10 * DAY)));
  const grant = await createRequestIn({ status: "GRANTED", expiresAt, decision: { outcome: "GRANTED", startsAt, expiresAt, apis: ["snapshot"] } });
  await testDb().query(`UPDATE "Request" SET "startsAt" = $2 WHERE id = $1`, [grant.id, startsAt]);
  return grant;
}

test("with the clock moved forward, each reminder, expiry and email happens once across the two workers", async () => {
  test.setTimeout(120_000);
  expect(isRunning("worker-1") && isRunning("worker-2")).toBe(true);
  const grants = await Promise.all([1, 2, 3, 4, 5, 6].map(() => grantEndingIn40Days()));
  const expiresAt = endOfDay(dayOf(new Date(Date.now() + 40 * DAY)));

  // 29 days before the end: both workers sweep every second, and each requester hears once.
  setClock(new Date(expiresAt.getTime() - 29 * DAY));
  for (const grant of grants) await waitForMail(grant.requester.email, new RegExp(`Your access for request ${grant.reference} ends on`));
  // Past the end: each grant expires, once.
  setClock(new Date(expiresAt.getTime() + 60_000));
  for (const grant of grants) await waitForMail(grant.requester.email, new RegExp(`Your access for request ${grant.reference} has expired`));

  // Then a few more sweeps by the two workers, which must find nothing left to do.
  const done = await sweepsDone();
  await expect.poll(sweepsDone, { timeout: 30_000 }).toBeGreaterThanOrEqual(done + 6);

  const ids = grants.map((grant) => grant.id);
  const addresses = grants.map((grant) => grant.requester.email);
  const received = (await readAll()).filter((mail) => addresses.some((address) => mail.to.includes(address)));
  const counts = new Map<string, number>();
  for (const mail of received) counts.set(`${mail.to} · ${mail.subject}`, (counts.get(`${mail.to} · ${mail.subject}`) ?? 0) + 1);
  expect(
    [...counts].filter(([, count]) => count !== 1),
    "emails received more than once",
  ).toEqual([]);
  for (const grant of grants) {
    const own = received.filter((mail) => mail.to.includes(grant.requester.email)).map((mail) => mail.subject);
    expect(own.filter((subject) => subject.includes("ends on"))).toHaveLength(1);
    expect(own.filter((subject) => subject.includes("has expired"))).toHaveLength(1);
  }
  const audit = await testDb().query<{ action: string; count: number }>(
    `SELECT action, count(*)::int AS count FROM "AuditEntry" WHERE "subjectId" = ANY($1) AND action IN ('request.expired') GROUP BY "subjectId", action`,
    [ids],
  );
  expect(audit.rows.map((row) => row.count)).toEqual(ids.map(() => 1));
  const reminders = await testDb().query(`SELECT "requestId" FROM "ExpiryReminder" WHERE "requestId" = ANY($1) AND "daysAhead" = 30`, [ids]);
  expect(reminders.rows).toHaveLength(ids.length);
  const outbox = await testDb().query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "OutboxEmail" WHERE "to" = ANY($1) GROUP BY "to", subject HAVING count(*) > 1`,
    [addresses],
  );
  expect(outbox.rows).toEqual([]);
  resetClock();
});

type TLoadReport = {
  total: number;
  errors: { total: number; socket: number; timeouts: number; status4xx: number; status5xx: number; refused: number };
  writes: {
    ok: boolean;
    comments: { acknowledged: number; lost: number; unexpected: number };
    saves: { acknowledged: number; lost: number; unexpected: number };
  };
  failures: { status: number; detail: string; at: number }[];
};

test("stopping one instance under load loses no acknowledged write, and the other keeps answering", async ({ request }) => {
  test.setTimeout(180_000);
  const results = path.join(E2E.dataDir, "load");
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const bench = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "bench/load.ts",
      `--url=${baseURL}`,
      `--data-dir=${E2E.dataDir}`,
      `--results=${results}`,
      "--requests=100",
      "--connections=8",
      "--duration=24",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  bench.stdout.on("data", (chunk: Buffer) => (output += chunk));
  bench.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const finished = new Promise<number | null>((resolve) => bench.once("exit", resolve));

  // The other keeps answering: nginx's health, asked throughout.
  const health: number[] = [];
  let watching = true;
  const watch = (async () => {
    while (watching) {
      health.push((await request.get("/api/health", { timeout: 10_000 }).catch(() => undefined))?.status() ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();

  await expect.poll(() => output, { timeout: 60_000, message: output }).toContain("Driving");
  const loadStarted = logLength();
  // A few seconds into the load, the first instance is stopped as systemd stops it.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  const stoppedAt = Date.now();
  const tookMs = await stopPart("app-1");
  expect(tookMs).toBeLessThan(15_000);
  const afterStop = logLength();
  const code = await finished;
  watching = false;
  await watch;

  const report = JSON.parse(readFileSync(path.join(results, "load.json"), "utf8")) as TLoadReport;
  const failures = report.failures.slice(0, 5).map((failure) => ({ ...failure, msAfterStop: failure.at - stoppedAt }));
  const summary = `${output.split("\n").slice(-30).join("\n")}\nfailures: ${JSON.stringify(failures)}`;
  expect(logSince(loadStarted).length, "requests before the stop, through both instances").toBeGreaterThan(0);
  expect(instancesOf(logSince(loadStarted).slice(0, afterStop - loadStarted))).toEqual(BOTH);
  // Writes: every acknowledged one is in the database, nothing else is.
  expect(report.writes.ok, summary).toBe(true);
  expect(report.writes.comments.acknowledged + report.writes.saves.acknowledged).toBeGreaterThan(0);
  expect(report.writes.saves.lost + report.writes.comments.lost).toBe(0);
  // Answers: none failed, before, during or after the stop.
  expect(report.errors, summary).toEqual({ total: 0, socket: 0, timeouts: 0, status4xx: 0, status5xx: 0, refused: 0 });
  expect(code, summary).toBe(0);
  // After the stop, only the second instance answered, and it answered everything.
  const after = logSince(afterStop);
  expect(after.length).toBeGreaterThan(10);
  expect(instancesOf(after)).toEqual([SECOND]);
  expect(health.length).toBeGreaterThan(10);
  expect(health.filter((status) => status !== 200)).toEqual([]);

  // Started again, the first instance is taken back once nginx tries it (after its fail_timeout).
  startPart("app-1", sharedEnv(), TOPOLOGY.instancePorts[0]);
  await expect.poll(() => instanceHealth(TOPOLOGY.instancePorts[0]), { timeout: 120_000, intervals: [500] }).toBe(200);
  const rejoined = logLength();
  await expect
    .poll(
      async () => {
        await request.get("/api/health");
        return instancesOf(logSince(rejoined));
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toEqual(BOTH);
});

test("the nightly backup unit's pg_dump, restored into a fresh database, passes the health check", async () => {
  test.setTimeout(120_000);
  const env = sharedEnv();
  const source = env.DATABASE_URL!;
  // The command of deploy/systemd/exceptional-access-backup.service, into a folder of the test's own.
  const backups = path.join(E2E.dataDir, "backups");
  rmSync(backups, { recursive: true, force: true });
  mkdirSync(backups, { recursive: true });
  const command = unitExecStart("exceptional-access-backup.service").match(/^\/bin\/sh -c '(.+)'$/)?.[1];
  expect(command, "the backup unit runs a shell command").toBeTruthy();
  const backup = spawnSync("/bin/sh", ["-c", command!.replaceAll("/var/backups/exceptional-access", backups)], {
    env: { ...env, PATH: `${path.dirname(postgresBin("pg_dump"))}:${process.env.PATH}` },
    encoding: "utf8",
  });
  expect(backup.status, backup.stderr).toBe(0);
  const made = readdirSync(backups);
  expect(made).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{4}\.dump$/)]);
  const dump = path.join(backups, made[0]!);

  const admin = new pg.Client({ connectionString: readFileSync(path.join(E2E.dataDir, "admin-database-url"), "utf8").trim() });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS restored WITH (FORCE)");
  await admin.query("CREATE DATABASE restored OWNER exceptional_access");
  await admin.end();
  const restoredUrl = Object.assign(new URL(source), { pathname: "/restored" }).toString();
  const restore = spawnSync(postgresBin("pg_restore"), ["--no-owner", "--exit-on-error", `--dbname=${restoredUrl}`, dump], { encoding: "utf8" });
  expect(restore.status, restore.stderr).toBe(0);
  rmSync(backups, { recursive: true, force: true });

  // Nothing left to migrate, and the same requests and people.
  const status = spawnSync("npm", ["run", "--silent", "prisma", "--", "migrate", "status"], { env: { ...env, DATABASE_URL: restoredUrl }, encoding: "utf8" });
  expect(status.status, status.stdout + status.stderr).toBe(0);
  expect(status.stdout).toContain("Database schema is up to date");
  const restored = new pg.Client({ connectionString: restoredUrl });
  await restored.connect();
  const count = async (client: pg.Client | pg.Pool, table: string) =>
    (await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${table}"`)).rows[0]!.count;
  for (const table of ["Request", "User", "Decision"]) expect(await count(restored, table), table).toBe(await count(testDb(), table));
  await restored.end();

  // An app instance on the restored database answers its health check.
  startPart("app-restored", { ...env, DATABASE_URL: restoredUrl }, TOPOLOGY.restoredPort);
  try {
    await expect.poll(() => instanceHealth(TOPOLOGY.restoredPort), { timeout: 120_000, intervals: [500], message: `see ${logFile("app-restored")}` }).toBe(200);
  } finally {
    await stopPart("app-restored");
  }
});
