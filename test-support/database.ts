// A real, throwaway PostgreSQL for integration tests: its own data directory, its own port, the
// app's migrations applied; `stop` removes every trace.
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before } from "node:test";

import pg from "pg";

import { createDb, type TDb } from "@/lib/db";
import type { TDraftAnswers } from "@/lib/domain/request/sections";
import type { TRole } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TViewer } from "@/lib/server/session";
import { startEmbeddedDb } from "@/scripts/embedded-db";
import { runNodeBin } from "@/scripts/run-bin";

import { completeAnswers } from "./answers";
import { dayFromToday } from "./days";

export type TTestDatabase = { url: string; db: TDb; stop: () => Promise<void> };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Set by `npm run test:unit` (scripts/unit-tests.ts): a server it started, with a database the
 * app's migrations were applied to once. Each test file then gets a copy of that database in a
 * fraction of a second, instead of a server of its own migrated from nothing.
 */
export const TEMPLATE_ENV = "TEST_DATABASE_TEMPLATE_URL";

export async function startTestDatabase(): Promise<TTestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  return template ? copyOfTemplate(template) : startOwnTestDatabase();
}

/** A fresh database copied from the migrated template on the shared test server; dropped by `stop`. */
async function copyOfTemplate(templateUrl: string): Promise<TTestDatabase> {
  assertLocalDatabase(templateUrl);
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  const at = (database: string) => {
    const url = new URL(templateUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
  const onServer = async (sql: string) => {
    const admin = new pg.Client({ connectionString: at("postgres") });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await onServer(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = at(name);
  const db = createDb(url);
  return {
    url,
    db,
    stop: async () => {
      await db.$disconnect();
      await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A server of its own, in a temporary folder, with the app's migrations applied. */
async function startOwnTestDatabase(): Promise<TTestDatabase> {
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

export async function freePort(): Promise<number> {
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

/**
 * The data layer's throwaway database for one test file: started before its tests, then `load`
 * runs and the modules asked for with `module` are imported (they read the data layer's settings
 * on first use, so only now); stopped after.
 */
export function withDataLayerDatabase(load: () => Promise<void> = async () => {}) {
  let started: TTestDatabase | undefined;
  const imports: (() => Promise<void>)[] = [];
  before(async () => {
    started = await startDataLayerDatabase();
    for (const importNow of imports) await importNow();
    await load();
  });
  after(async () => {
    await started?.stop();
  });
  const running = () => {
    if (!started) throw new Error("The test database starts before the tests; use it inside them.");
    return started;
  };
  return {
    get db() {
      return running().db;
    },
    get url() {
      return running().url;
    },
    /** A module under test, usable in the tests once the database runs: `const requests = database.module(() => import("./requests"))`. */
    module<M extends object>(importer: () => Promise<M>): M {
      let loaded: M | undefined;
      imports.push(async () => {
        loaded = await importer();
      });
      return new Proxy({} as M, {
        get(_target, property) {
          if (!loaded) throw new Error("Modules under test are imported once the test database runs; use them inside the tests.");
          return loaded[property as keyof M];
        },
      });
    },
  };
}

let requestSequence = 0;

/** The reviewer has said, on the request's page, that they have no conflict of interest with it. */
export async function declareNoConflict(db: TDb, requestId: string, reviewerId: string) {
  await db.conflictDeclaration.upsert({
    where: { requestId_reviewerId: { requestId, reviewerId } },
    create: { requestId, reviewerId, hasConflict: false },
    update: {},
  });
}

/**
 * A request of `requester`'s as the app would have left it: complete answers that give their
 * address (`answers` may change them), and once submitted a reference, a submission time and a
 * requester kind; a reviewer who holds it has declared no conflict of interest, as they would
 * before judging it. `data` sets or overrides any column.
 */
export async function createRequest(
  db: TDb,
  requester: { id: string; email: string | null },
  data: Partial<Prisma.RequestUncheckedCreateInput> = {},
  answers: (answers: Required<TDraftAnswers>) => TDraftAnswers = (given) => given,
) {
  requestSequence += 1;
  const complete = completeAnswers(dayFromToday(10));
  const submitted = data.status !== undefined && data.status !== "DRAFT";
  const request = await db.request.create({
    data: {
      requesterId: requester.id,
      answers: answers({ ...complete, who: { ...complete.who, email: requester.email ?? "" } }) as Prisma.InputJsonValue,
      ...(submitted ? { reference: `EA-2026-${String(requestSequence).padStart(5, "0")}`, submittedAt: new Date(), requesterKind: "nonprofit" } : {}),
      ...data,
    },
  });
  if (submitted && request.assigneeId) await declareNoConflict(db, request.id, request.assigneeId);
  return request;
}
