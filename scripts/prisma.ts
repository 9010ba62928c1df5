// `npm run prisma -- <args>`: runs the Prisma CLI against DATABASE_URL, or against the embedded
// database (started for the command and stopped after it) when DATABASE_URL is unset.
import { parseEnv } from "@/lib/env";

import { startEmbeddedDb } from "./embedded-db";
import { runNodeBin } from "./run-bin";

const config = parseEnv(process.env);
const database = config.embeddedDatabase ? await startEmbeddedDb({ dataDir: config.dataDir, port: config.embeddedDbPort, log: console.log }) : undefined;
try {
  await runNodeBin("prisma", process.argv.slice(2), { ...process.env, DATABASE_URL: database?.url ?? config.databaseUrl });
} finally {
  await database?.stop();
}
