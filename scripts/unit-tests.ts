// `npm run test:unit`: every *.test.ts outside e2e/ (or the files named after `--`), on Node's own test runner. The react-server
// condition lets server modules (those importing "server-only") be tested directly. One embedded
// PostgreSQL serves the whole run: the app's migrations are applied once, to a template that each
// test file's database is copied from (test-support/database.ts).
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort, TEMPLATE_ENV } from "@/test-support/database";

import { startEmbeddedDb } from "./embedded-db";
import { runNodeBin } from "./run-bin";

const ROOTS = ["lib", "scripts", "prisma", "app", "components", "test-support"];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : testFiles(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

// `npm run test:unit -- lib/x.test.ts …` runs only those files.
const named = process.argv.slice(2);
const files = named.length > 0 ? named : ROOTS.flatMap(testFiles);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "exceptional-access-unit-"));
// When tests run as root, PostgreSQL runs as the "postgres" user, who must enter this folder.
chmodSync(dataDir, 0o755);
/**
 * Test files run side by side: most of their time is spent waiting on the database, so more files
 * than cores keep both busy (Node runs one per core but one by default). Each file has its own database.
 */
const UNIT_CONCURRENCY = Math.max(2, Number(process.env.UNIT_TEST_CONCURRENCY) || 4);
let status = 1;
try {
  const server = await startEmbeddedDb({ dataDir, port: await freePort(), log: (line) => line.startsWith("PostgreSQL:") && console.error(line) });
  try {
    await runNodeBin("prisma", ["migrate", "deploy"], { ...process.env, DATABASE_URL: server.url }, { quiet: true });
    // Not spawnSync: this process reads the database server's log while the tests run, and a
    // blocked event loop would leave that pipe full and the server stuck writing to it.
    const tests = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "--test", `--test-concurrency=${UNIT_CONCURRENCY}`, ...files], {
      stdio: "inherit",
      env: { ...process.env, [TEMPLATE_ENV]: server.url },
    });
    status = await new Promise<number>((resolve) => tests.once("exit", (code) => resolve(code ?? 1)));
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
