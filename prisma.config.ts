// Configuration for the Prisma CLI (generate, migrate). The app builds its own client in lib/db.ts.
// Prisma 6.19 runs its schema engine as WebAssembly through the pg driver adapter, so the CLI
// never downloads a native engine. The shims below work around defects of that engine and apply
// to CLI processes only; see docs/decisions/001-database.md.
import { randomUUID } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

import { connectionFields } from "./lib/database-url";

// Shim 1 (prisma/orm#27403): the engine reads pg_catalog columns of type `name` (oid 19) and
// `"char"` (oid 18), which adapter-pg cannot deserialise. Reporting them as `text` (oid 25) is
// lossless: both arrive from PostgreSQL as plain strings.
const TEXT_OID = 25;
type ResultInternals = { addFields(this: unknown, fields: pg.FieldDef[]): void };
const resultPrototype = pg.Result.prototype as unknown as ResultInternals;
const addFields = resultPrototype.addFields;
resultPrototype.addFields = function (fields) {
  for (const field of fields) {
    if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = TEXT_OID;
  }
  addFields.call(this, fields);
};

// Shim 2: the engine leaves 10-60 s timers behind, so the CLI would hang after finishing its work.
// No CLI command waits on a timer that long, so letting such timers not hold the process open is safe.
const setTimeoutOriginal = globalThis.setTimeout;
const setTimeoutUnrefLong = (handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
  const timer = setTimeoutOriginal(handler, timeout, ...args) as unknown as NodeJS.Timeout;
  if ((timeout ?? 0) >= 10_000) timer.unref();
  return timer;
};
globalThis.setTimeout = Object.assign(setTimeoutUnrefLong, setTimeoutOriginal) as unknown as typeof setTimeout;

// Shim 4: the adapter drops its temporary shadow database before closing the pool connected to
// it, which PostgreSQL refuses ("is being accessed by other users"). Same steps, right order.
type ShadowCapable = { config: pg.PoolConfig; connect: PrismaPg["connect"] };
PrismaPg.prototype.connectToShadowDb = async function (this: ShadowCapable) {
  const main = await this.connect();
  const database = `prisma_migrate_shadow_db_${randomUUID()}`;
  await main.executeScript(`CREATE DATABASE "${database}"`);
  const shadow = await new PrismaPg({ ...this.config, database }).connect(); // whole scripts, via shim 5
  const dispose = async () => {
    await shadow.dispose();
    await main.executeScript(`DROP DATABASE "${database}"`);
    await main.dispose();
  };
  return Object.assign(Object.create(shadow) as typeof shadow, { dispose });
};

// Shim 5: the adapter runs migration scripts by splitting them at every ";", which breaks any
// statement with a semicolon inside (a PL/pgSQL function body, a string). PostgreSQL runs a whole
// script sent as one simple query, in one implicit transaction, which is what a migration wants.
type ScriptRunner = { executeScript(script: string): Promise<void>; underlyingDriver(): pg.Pool | pg.PoolClient; onError(error: unknown): never };
function runScriptsWhole<T>(adapter: T): T {
  const runner = adapter as unknown as ScriptRunner;
  runner.executeScript = async (script) => {
    try {
      await runner.underlyingDriver().query(script);
    } catch (error) {
      runner.onError(error);
    }
  };
  return adapter;
}
const connect = PrismaPg.prototype.connect;
PrismaPg.prototype.connect = async function (this: PrismaPg) {
  return runScriptsWhole(await connect.call(this));
};

const databaseUrl = process.env.DATABASE_URL;
// `prisma generate` needs no database, but with the variable unresolved the CLI falls back to the
// native engine and tries to download it. A placeholder keeps it on the JS engine.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/unused";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  // Shim 3: separate connection fields, not a connection string. `migrate dev` makes its shadow
  // database by overriding `database`, which a connection string would silently win over.
  adapter: async () => {
    if (!databaseUrl) throw new Error("DATABASE_URL must be set to run Prisma migrations.");
    // allowExitOnIdle: without it the CLI waits for idle connections to time out before exiting.
    return new PrismaPg({ ...connectionFields(databaseUrl), allowExitOnIdle: true });
  },
});
