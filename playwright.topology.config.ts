// The production topology (docs/deployment.md), run after the main suite: nginx in front of two
// app instances and two workers on a PostgreSQL server of its own (e2e/topology/stack.ts). The
// requester's and reviewer's journeys run through nginx as they are, then e2e/topology/ tests
// what two of everything must get right.
import "./e2e/topology/env";

import { defineConfig, devices } from "@playwright/test";

import base, { supportServers } from "./playwright.config";
import { baseURL } from "./e2e/support/settings";

export default defineConfig({
  ...base,
  projects: [
    {
      name: "journeys",
      use: { ...devices["Desktop Chrome"] },
      testMatch: /(apply|review|sign-in|rate-limits)\.spec\.ts/,
    },
    // Moves the clock and stops an instance: alone, once the journeys are done.
    { name: "topology", use: { ...devices["Desktop Chrome"] }, testMatch: /topology\/.*\.spec\.ts/, dependencies: ["journeys"] },
  ],
  webServer: [
    ...supportServers,
    {
      command: "npx tsx e2e/topology/stack.ts",
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    },
  ],
});
