// The embedded PostgreSQL across a project's life: deleted and cloned again to the same folder,
// and wiped for a fresh start, including (as root) when the postgres user cannot enter the
// project and the database lives under /var/tmp.
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, it } from "node:test";

import pg from "pg";

import { freePort } from "@/test-support/database";

import { removeEmbeddedDb, startEmbeddedDb } from "./embedded-db";

// A folder only its owner may enter, as a clone inside /root is.
const parent = mkdtempSync(path.join(os.tmpdir(), "exceptional-access-embedded-"));
chmodSync(parent, 0o700);
const dataDir = path.join(parent, "project", ".data");

after(() => {
  removeEmbeddedDb(dataDir);
  rmSync(parent, { recursive: true, force: true });
});

async function withDatabase<T>(use: (client: pg.Client) => Promise<T>) {
  const db = await startEmbeddedDb({ dataDir, port: await freePort(), log: () => {} });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
    await db.stop();
  }
}

const hasMarker = (client: pg.Client) => client.query("SELECT to_regclass('public.marker') IS NOT NULL AS present").then((result) => result.rows[0].present);

it("starts again, on a database of its own, after the project is deleted and cloned to the same folder; and starts from nothing once removed", async () => {
  await withDatabase((client) => client.query("CREATE TABLE marker (x int)"));
  assert.equal(await withDatabase(hasMarker), true, "a restart keeps the data");

  rmSync(path.join(parent, "project"), { recursive: true, force: true });
  assert.equal(await withDatabase(hasMarker), false, "the new clone starts with a database of its own, which it can sign in to");

  await withDatabase((client) => client.query("CREATE TABLE marker (x int)"));
  removeEmbeddedDb(dataDir);
  assert.equal(await withDatabase(hasMarker), false, "removed, it starts from nothing");
});
