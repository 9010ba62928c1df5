import { existsSync } from "node:fs";

import { chromium, defineConfig, devices } from "@playwright/test";

import { clockFile } from "./e2e/support/clock";
import { baseURL, E2E, WIKIMEDIA_CONSUMER, wikimediaURL } from "./e2e/support/settings";

/** Playwright's own Chromium when installed, else the system's (Debian: apt-get install chromium). */
function chromiumExecutable(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined;
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one with `npx playwright install chromium`, " +
      "or your system's package (Debian/Ubuntu: `apt-get install chromium`), or set CHROMIUM_PATH.",
  );
}

/** The run's SMTP server and its stand-in for Meta-Wiki's OAuth, for this run and playwright.topology.config.ts. */
export const supportServers = [
  {
    command: "npx tsx e2e/support/smtp-sink.ts",
    port: E2E.smtpPort,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5000 },
  },
  {
    command: "npx tsx e2e/support/wikimedia-stand-in.ts",
    port: E2E.wikimediaPort,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5000 },
  },
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [["list"], ["./e2e/support/summary-reporter.ts"], ...(process.env.CI ? [] : [["html", { open: "never" }] as const])],
  // Journeys walk through many pages, each checked with axe (1-2 s a page on an idle 2-core
  // machine, several seconds under the suite's own load): time enough for that, not for a hang.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // A trace records every step of every test to keep the failing ones': a tenth of the run's
    // time. E2E_TRACE=1 turns it on to look into a failure; the error context and a screenshot
    // are kept for every failure anyway.
    trace: process.env.E2E_TRACE ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    // Playwright starts Chromium without its sandbox by default, which running as root needs.
    launchOptions: { executablePath: chromiumExecutable() },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: [/(clock|resilience|strangers|screenshots)\.spec\.ts/, /topology\//] },
    // Moves the app's clock, so it runs alone, once everything else has finished.
    { name: "clock", use: { ...devices["Desktop Chrome"] }, testMatch: /clock\.spec\.ts/, dependencies: ["chromium"] },
    // Apps of their own (one whose database stops, one open to the network): last, when nothing else competes for the machine.
    { name: "resilience", use: { ...devices["Desktop Chrome"] }, testMatch: /(resilience|strangers)\.spec\.ts/, dependencies: ["clock"] },
    // Pictures for docs/screenshots/, only when asked for: `E2E_SCREENSHOTS=1 npx playwright test --project=screenshots`.
    ...(process.env.E2E_SCREENSHOTS ? [{ name: "screenshots", use: { ...devices["Desktop Chrome"] }, testMatch: /screenshots\.spec\.ts/ }] : []),
  ],
  webServer: [
    ...supportServers,
    {
      command: "npx tsx e2e/support/app-server.ts",
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15000 },
      env: {
        PORT: String(E2E.appPort),
        // Always the run's own embedded database, whatever a developer's .env says.
        DATABASE_URL: "",
        DATA_DIR: E2E.dataDir,
        EMBEDDED_DB_PORT: String(E2E.dbPort),
        SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
        AUTH_WIKIMEDIA_ID: WIKIMEDIA_CONSUMER.id,
        AUTH_WIKIMEDIA_SECRET: WIKIMEDIA_CONSUMER.secret,
        AUTH_WIKIMEDIA_URL: wikimediaURL,
        MAIL_FROM: "Exceptional access tests <tests@example.org>",
        APP_ENV: "development",
        DEMO_DATA: "false",
        ADMIN_EMAILS: E2E.adminEmail,
        AUTH_URL: baseURL,
        CLOCK_FILE: clockFile,
        WORKER_SWEEP_SECONDS: "1",
        // Every spec signs in from 127.0.0.1; rate-limits.spec.ts tests the per-email limit instead.
        SIGNIN_LINKS_PER_IP_PER_HOUR: "100000",
        API_AUTH_FAILURES_PER_IP_PER_MINUTE: "100000",
      },
    },
  ],
});
