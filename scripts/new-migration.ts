// `npm run db:migration -- <name>`: writes a migration for what schema.prisma changed since the
// migrations already in prisma/migrations. The JS schema engine replays those migrations into a
// shadow database (created here and dropped after) and diffs the result against the schema.
import { mkdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

import { parseEnv } from "@/lib/env";

import { startEmbeddedDb } from "./embedded-db";

const name = process.argv[2]?.replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <what_changed>");
  process.exit(1);
}

const config = parseEnv(process.env);
const database = config.embeddedDatabase ? await startEmbeddedDb({ dataDir: config.dataDir, port: config.embeddedDbPort, log: console.log }) : undefined;
try {
  const env = { ...process.env, DATABASE_URL: database?.url ?? config.databaseUrl };
  const prisma = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const diff = spawnSync(
    process.execPath,
    [prisma, "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { env, encoding: "utf8" },
  );
  if (diff.status !== 0) throw new Error(diff.stderr);
  const sql = diff.stdout.trim();
  if (!sql || sql === "-- This is an empty migration.") {
    console.log("The schema matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
    console.log(`Wrote ${dir}/migration.sql. Read it, then apply it with \`npm start\` or \`npm run prisma -- migrate deploy\`.`);
  }
} finally {
  await database?.stop();
}
