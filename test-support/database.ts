// A real, throwaway PostgreSQL for integration tests: its own data directory, its own port, the
// app's migrations applied; `stop` removes every trace.
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

import { createDb, type TDb } from "@/lib/db";
import type { TRole } from "@/lib/domain/roles";
import type { TViewer } from "@/lib/server/session";
import { startEmbeddedDb } from "@/scripts/embedded-db";
import { runNodeBin } from "@/scripts/run-bin";

export type TTestDatabase = { url: string; db: TDb; stop: () => Promise<void> };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export async function startTestDatabase(): Promise<TTestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "exceptional-access-test-"));
  // When tests run as root, PostgreSQL runs as the "postgres" user, who must enter this folder.
  chmodSync(dataDir, 0o755);
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });

  const server = await startEmbeddedDb({ dataDir, port: await freePort(), log: quietUnlessError }).catch((error: unknown) => {
    removeDataDir();
    throw error;
  });
  const stopServer = async () => {
    await server.stop();
    removeDataDir();
  };

  try {
    assertLocalDatabase(server.url);
    await runNodeBin("prisma", ["migrate", "deploy"], { ...process.env, DATABASE_URL: server.url }, { quiet: true });
  } catch (error) {
    await stopServer();
    throw error;
  }

  const db = createDb(server.url);
  return {
    url: server.url,
    db,
    stop: async () => {
      await db.$disconnect();
      await stopServer();
    },
  };
}

/** A new person with this role, as the data layer sees them once signed in. */
export async function createViewer(db: TDb, role: TRole): Promise<TViewer> {
  const key = randomUUID().slice(0, 8);
  const email = `${role.toLowerCase()}-${key}@example.org`;
  const user = await db.user.create({ data: { email, name: `${role} ${key}`, role } });
  return { id: user.id, email, name: user.name, role };
}

/** Tests empty tables at will: never let them near a database on another machine. */
export function assertLocalDatabase(url: string) {
  const { hostname } = new URL(url);
  if (!LOCAL_HOSTS.has(hostname)) {
    throw new Error(`Refusing to run tests against ${hostname}: the test database must be on this machine.`);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function quietUnlessError(line: string) {
  if (line.startsWith("PostgreSQL:")) console.error(line);
}

/**
 * A throwaway database with the app's data layer pointed at it. Call it in `before`, then import
 * the server modules under test: the data layer reads its settings on first use.
 */
export async function startDataLayerDatabase(): Promise<TTestDatabase> {
  const database = await startTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.APP_ENV = "development";
  return database;
}
