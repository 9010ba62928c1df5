// Outages and crashes, against an app of its own: a second `npm start` on a database this spec
// starts and stops itself, so the shared app of the other specs is never disturbed. Runs last
// (its own Playwright project) and in order.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { request as httpRequest, type APIRequestContext } from "@playwright/test";
import pg from "pg";

import { completeAnswers } from "../test-support/answers";
import { startEmbeddedDb, type EmbeddedDb } from "../scripts/embedded-db";

import { expect, test } from "./support/fixtures";
import { healthStatus, OWN_APP_ENV, printAppLog, reportAppLog } from "./support/own-app";
import { callActionDirectly } from "./support/requests";
import { E2E } from "./support/settings";

test.describe.configure({ mode: "serial" });

const port = E2E.appPort + 20;
const dbPort = E2E.dbPort + 20;
const baseURL = `http://localhost:${port}`;
// A folder of the spec's own for each run (a repeated run gets a new one).
let root = "";
let database: EmbeddedDb | undefined;
let pool: pg.Pool | undefined;
let launcher: ChildProcess | undefined;

async function startDatabase() {
  database = await startEmbeddedDb({ dataDir: path.join(root, "db"), port: dbPort, log: () => {} });
  return database.url;
}

/** The spec's own connections; an idle one cut by a restart is replaced on the next query. */
function connect(url: string) {
  const connections = new pg.Pool({ connectionString: url, max: 4 });
  connections.on("error", () => {});
  return connections;
}

/** `npm start` on the spec's own database, as an operator would run it; resolves once healthy. */
async function startApp(url: string) {
  launcher = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: url,
      APP_ENV: "development",
      DATA_DIR: path.join(root, "app"),
      DEMO_DATA: "false",
      AUTH_URL: baseURL,
      SMTP_URL: "",
      ...OWN_APP_ENV,
    },
    // The app's own log, kept beside its data for a failed run's report.
    stdio: ["ignore", openSync(path.join(root, "app.log"), "a"), openSync(path.join(root, "app.log"), "a")],
  });
  try {
    await expect.poll(() => healthStatus(baseURL), { timeout: 120_000, intervals: [500] }).toBe(200);
  } catch (error) {
    printAppLog(path.join(root, "app.log"));
    throw error;
  }
}

async function stopApp() {
  if (!launcher || launcher.exitCode !== null) return;
  const exited = new Promise((resolve) => launcher!.once("exit", resolve));
  launcher.kill("SIGTERM");
  await exited;
}

async function signedInRequester(): Promise<{ id: string; token: string }> {
  const id = `test_${randomUUID()}`;
  const token = randomBytes(32).toString("hex");
  await pool!.query(
    `INSERT INTO "User" (id, email, name, role, "emailVerified", "createdAt", "updatedAt") VALUES ($1, $2, 'Resilient', 'REQUESTER', now(), now(), now())`,
    [id, `${id}@example.org`],
  );
  await pool!.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires, "createdAt", "updatedAt") VALUES ($1, $2, $3, now() + interval '1 day', now(), now())`,
    [randomUUID(), token, id],
  );
  return { id, token };
}

/** A draft with every section answered, ready to submit. */
async function completeDraft(requesterId: string) {
  const id = `test_${randomUUID()}`;
  const answers = completeAnswers(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  answers.who.email = `${requesterId}@example.org`;
  await pool!.query(`INSERT INTO "Request" (id, "requesterId", status, answers, "createdAt", "updatedAt") VALUES ($1, $2, 'DRAFT', $3, now(), now())`, [
    id,
    requesterId,
    JSON.stringify(answers),
  ]);
  return id;
}

async function client(token: string): Promise<APIRequestContext> {
  return httpRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: `authjs.session-token=${token}` }, maxRedirects: 0 });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = mkdtempSync(path.join(os.tmpdir(), "exceptional-access-resilience-"));
  // When tests run as root, PostgreSQL runs as the "postgres" user, who must enter this folder.
  chmodSync(root, 0o755);
  const url = await startDatabase();
  pool = connect(url);
  await startApp(url);
});

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a hook uses from this pattern; it uses none
test.afterEach(async ({}, testInfo) => reportAppLog(testInfo, path.join(root, "app.log")));

test.afterAll(async () => {
  await stopApp();
  await pool?.end().catch(() => {});
  await database?.stop().catch(() => {});
  if (process.env.KEEP_RESILIENCE) console.log(`resilience files in ${root}`);
  else rmSync(root, { recursive: true, force: true });
});

test("the app reports a database outage, shows a friendly page, and recovers with nothing acknowledged lost", async ({ page }) => {
  test.setTimeout(120_000);
  const requester = await signedInRequester();
  const draft = await completeDraft(requester.id);
  const api = await client(requester.token);
  const submitted = await callActionDirectly(api, `/requests/${draft}/check`, "submitRequestAction", { requestId: draft, version: "0" });
  expect(submitted.status()).toBeLessThan(400);
  await expect.poll(async () => (await pool!.query(`SELECT status FROM "Request" WHERE id = $1`, [draft])).rows[0]?.status).toBe("SUBMITTED");

  // The database goes away under the running app.
  await pool!.end();
  await database!.stop();
  await expect.poll(() => healthStatus(baseURL), { timeout: 20_000 }).toBe(503);
  await page.context().addCookies([{ name: "authjs.session-token", value: requester.token, url: baseURL }]);
  await page.goto(`${baseURL}/requests/${draft}`);
  await expect(page.getByRole("heading", { level: 1, name: "Sorry, something went wrong" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/ECONNREFUSED|Prisma|at \w+ \(/);

  // It comes back: the app recovers without a restart, and the acknowledged submission is there.
  const url = await startDatabase();
  pool = connect(url);
  await expect.poll(() => healthStatus(baseURL), { timeout: 30_000 }).toBe(200);
  await page.goto(`${baseURL}/requests/${draft}`);
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();
  await api.dispose();
});

test("a crash in the middle of a burst of submissions loses none that were acknowledged", async () => {
  test.setTimeout(180_000);
  const requesters = await Promise.all(Array.from({ length: 12 }, () => signedInRequester()));
  const drafts = await Promise.all(requesters.map(async (requester) => ({ requester, id: await completeDraft(requester.id) })));
  const clients = await Promise.all(requesters.map((requester) => client(requester.token)));

  // All at once; the app is killed (SIGKILL, no goodbye) once the first answers arrive.
  const appPid = Number(readFileSync(path.join(root, "app", "app.pid"), "utf8"));
  let killed = false;
  const acknowledged: string[] = [];
  await Promise.all(
    drafts.map(async ({ id }, index) => {
      try {
        const response = await callActionDirectly(clients[index]!, `/requests/${id}/check`, "submitRequestAction", { requestId: id, version: "0" });
        if (response.status() < 400) acknowledged.push(id);
      } catch {
        // The connection died with the app: not acknowledged, so the requester would try again.
      }
      if (!killed) {
        killed = true;
        process.kill(appPid, "SIGKILL");
      }
    }),
  );
  expect(acknowledged.length).toBeGreaterThan(0);
  await Promise.all(clients.map((context) => context.dispose()));

  // After a restart, every acknowledged submission is stored, with its reference and its email.
  await stopApp();
  await startApp(database!.url);
  const { rows } = await pool!.query<{ id: string; status: string; reference: string | null; emails: number }>(
    `SELECT r.id, r.status, r.reference, (SELECT count(*)::int FROM "OutboxEmail" o WHERE o."requestId" = r.id) AS emails
     FROM "Request" r WHERE r.id = ANY($1::text[])`,
    [acknowledged],
  );
  expect(rows).toHaveLength(acknowledged.length);
  for (const row of rows) {
    expect(row.status).toBe("SUBMITTED");
    expect(row.reference).toMatch(/^EA-\d{4}-\d{4,}$/);
    expect(row.emails).toBe(1);
  }
  // Nothing half-done either: a request is submitted with its reference and email, or still a draft.
  const { rows: all } = await pool!.query<{ status: string; reference: string | null }>(`SELECT status, reference FROM "Request" WHERE id = ANY($1::text[])`, [
    drafts.map((draft) => draft.id),
  ]);
  for (const row of all) expect(row.status === "SUBMITTED" ? Boolean(row.reference) : row.status === "DRAFT" && row.reference === null).toBe(true);
});
