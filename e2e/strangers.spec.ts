// What a stranger on the network can reach of a development app: nothing, unless BIND_HOST opens
// it; and then neither the development mailbox (every sign-in link is in it), nor the demo
// accounts, nor the demo Wikimedia sign-in (its stand-in signs anyone in as any demo account). An
// app of its own, with demo data, no SMTP server and no Wikimedia consumer, reached from this
// machine's other network address; runs in the last project, beside the resilience spec.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";

import { expect, expectAccessible, test } from "./support/fixtures";
import { healthStatus, OWN_APP_ENV, printAppLog, reportAppLog } from "./support/own-app";
import { E2E } from "./support/settings";
import { removeEmbeddedDb } from "../scripts/embedded-db";

test.describe.configure({ mode: "serial" });

// Ports of their own for each worker running this file, so repeated runs side by side never meet.
let port = 0;
// A folder only its owner may enter (mkdtemp makes it 0700), as a clone under /root is: run as
// root, the launcher keeps the database where the "postgres" user can reach it.
const root = mkdtempSync(path.join(os.tmpdir(), "exceptional-access-strangers-"));
let launcher: ChildProcess | undefined;
let dbPort = 0;

/** This machine's address on a network other than loopback, as a stranger would reach it. */
function networkAddress() {
  const candidates = Object.values(os.networkInterfaces())
    .flat()
    .filter((entry) => entry && !entry.internal && !entry.address.startsWith("fe80:"));
  const address = candidates.find((entry) => entry!.family === "IPv4") ?? candidates[0];
  if (!address) throw new Error("These tests need a network interface besides loopback, to reach the app as another machine would.");
  return address.family === "IPv6" ? `[${address.address}]` : address.address;
}

const local = () => `http://localhost:${port}`;
const remote = () => `http://${networkAddress()}:${port}`;

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a hook uses from this pattern; it uses none
test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(180_000);
  port = E2E.appPort + 30 + testInfo.parallelIndex;
  dbPort = E2E.dbPort + 30 + testInfo.parallelIndex;
  launcher = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: "::",
      DATABASE_URL: "",
      DATA_DIR: path.join(root, "app"),
      EMBEDDED_DB_PORT: String(dbPort),
      APP_ENV: "development",
      DEMO_DATA: "true",
      SMTP_URL: "",
      AUTH_URL: "",
      // As a newcomer's installation: no Wikimedia consumer, so the launcher runs its demo stand-in.
      AUTH_WIKIMEDIA_ID: "",
      AUTH_WIKIMEDIA_SECRET: "",
      ...OWN_APP_ENV,
    },
    stdio: ["ignore", openSync(path.join(root, "app.log"), "a"), openSync(path.join(root, "app.log"), "a")],
    // A process group of its own, as a service manager starts it, so the last test can stop it so.
    detached: true,
  });
  try {
    await expect.poll(() => healthStatus(local()), { timeout: 150_000, intervals: [500] }).toBe(200);
  } catch (error) {
    printAppLog(path.join(root, "app.log"));
    throw error;
  }
});

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a hook uses from this pattern; it uses none
test.afterEach(async ({}, testInfo) => reportAppLog(testInfo, path.join(root, "app.log")));

test.afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher!.once("exit", resolve));
    launcher.kill("SIGTERM");
    await exited;
  }
  if (launcher?.pid && groupAlive(launcher.pid)) process.kill(-launcher.pid, "SIGKILL");
  removeEmbeddedDb(path.join(root, "app"));
  rmSync(root, { recursive: true, force: true });
});

/** Whether any process of the group `pid` leads is still running. */
function groupAlive(pid: number) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function listening(portNumber: number) {
  return new Promise<boolean>((resolve) => {
    const socket = connect({ host: "127.0.0.1", port: portNumber });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

test("the shared test app, started without BIND_HOST, cannot be reached from the network at all", async () => {
  const outcome = await new Promise<string>((resolve) => {
    const socket = connect({ host: networkAddress().replace(/^\[|\]$/g, ""), port: E2E.appPort });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
  expect(outcome).toBe("ECONNREFUSED");
});

test("someone at this machine gets the demo accounts and the development mailbox", async ({ page }) => {
  await page.goto(`${local()}/signin`);
  await expect(page.getByText("admin@example.org")).toBeVisible();
  await expect(page.getByRole("link", { name: "development mailbox", exact: false })).toBeVisible();
  expect((await fetch(`${local()}/dev/mailbox`)).status).toBe(200);
});

test("without a Wikimedia consumer, npm start signs Wikimedia accounts in at its demo stand-in", async ({ page }) => {
  await page.goto(`${local()}/`);
  await expect(page.getByText("with your Wikimedia account or a link sent to your email")).toBeVisible();
  await page.goto(`${local()}/signin`);
  const wikimedia = page.getByRole("region", { name: "With your Wikimedia account" });
  await expect(wikimedia.getByRole("listitem")).toHaveText([/^Demo Editor – /, /^Demo Newcomer – /, /^Demo Blocked – /, /^Demo Unconfirmed – /]);
  await expectAccessible(page);
  await wikimedia.getByRole("button", { name: "Sign in with Wikimedia (demo)" }).click();
  await page.getByRole("radio", { name: "Demo Editor", exact: true }).check();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your requests" })).toBeVisible();
  // Demo Editor's confirmed address is the demo requester's: the same person, not a new one.
  await page.goto(`${local()}/account`);
  await expect(page.getByRole("main")).toContainText("requester@example.org");
});

test("the demo account without a confirmed email is refused, as Meta-Wiki's would be", async ({ page }) => {
  await page.goto(`${local()}/signin`);
  await page.getByRole("button", { name: "Sign in with Wikimedia (demo)" }).click();
  await page.getByRole("radio", { name: "Demo Unconfirmed", exact: true }).check();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByText("Your Wikimedia account has no confirmed email address")).toBeVisible();
});

test("a stranger on the network gets none of them, however the request is dressed up", async ({ page }) => {
  await page.goto(`${remote()}/signin`);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByText("admin@example.org")).toHaveCount(0);
  await expect(page.locator('a[href="/dev/mailbox"]')).toHaveCount(0);
  await page.goto(`${remote()}/signin/check-email`);
  await expect(page.locator('a[href="/dev/mailbox"]')).toHaveCount(0);
  // The demo Wikimedia sign-in is not offered either: the app promises email only.
  await page.goto(`${remote()}/signin`);
  await expect(page.getByRole("heading", { name: "With your Wikimedia account" })).toHaveCount(0);
  await expect(page.getByText("Demo Editor")).toHaveCount(0);
  await page.goto(`${remote()}/`);
  await expect(page.getByText("You will be asked to sign in first, with a link we send to your email address.")).toBeVisible();

  const dressedUp: Record<string, string>[] = [
    {},
    { "X-Forwarded-For": "127.0.0.1" },
    { "X-Forwarded-For": "::1", "X-Real-IP": "127.0.0.1", Forwarded: "for=127.0.0.1" },
    { "x-ea-client-address": "127.0.0.1", "x-ea-front-door": "guessed" },
  ];
  for (const headers of dressedUp) {
    const response = await fetch(`${remote()}/dev/mailbox`, { headers });
    expect(response.status, JSON.stringify(headers)).toBe(404);
  }
});

test("run as root from a folder the postgres user cannot enter, the database lives where it can, and the log says where", async () => {
  const log = readFileSync(path.join(root, "app.log"), "utf8");
  if (process.getuid?.() === 0) {
    const where = /The postgres user cannot enter (\S+): the database files are in (\S+)/.exec(log);
    expect(where?.[1]).toBe(path.join(root, "app"));
    expect(where?.[2]).toMatch(/^\/var\/tmp\/exceptional-access-data-[0-9a-f]{16}\/postgres$/);
    expect(existsSync(path.join(root, "app", "postgres"))).toBe(false);
  } else {
    // Anyone else runs PostgreSQL as themselves, who can enter their own folder: the data stays in it.
    expect(log).toContain(`data in ${path.join(root, "app", "postgres")})`);
    expect(existsSync(path.join(root, "app", "postgres", "PG_VERSION"))).toBe(true);
  }
});

test("stops like a service: SIGTERM to its process group stops the app, the worker and the database within 15 s, with exit code 0", async ({ page }) => {
  // Stopped while in use: a page just served and a keep-alive connection still open.
  await page.goto(`${local()}/signin`);
  const pid = launcher!.pid!;
  const exited = new Promise<number | null>((resolve) => launcher!.once("exit", (code) => resolve(code)));
  const started = Date.now();
  process.kill(-pid, "SIGTERM");
  const outcome = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve("still running after 15 s"), 15_000))]);
  expect(outcome).toBe(0);
  expect(Date.now() - started).toBeLessThan(15_000);
  // Nothing of it lingers: no process of its group, nothing on its ports.
  await expect.poll(() => groupAlive(pid), { timeout: 2_000 }).toBe(false);
  expect(await listening(port)).toBe(false);
  expect(await listening(dbPort)).toBe(false);
});
