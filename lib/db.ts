import { PrismaPg } from "@prisma/adapter-pg";

import { connectionFields } from "@/lib/database-url";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createDb(databaseUrl: string) {
  return new PrismaClient({ adapter: new PrismaPg(connectionFields(databaseUrl)) });
}

export type TDb = ReturnType<typeof createDb>;

const globalForDb = globalThis as unknown as { db?: TDb };

/** The process-wide client, made on first use so that building the app needs no database. */
export function db(): TDb {
  if (!globalForDb.db) {
    const url = env().databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it.");
    globalForDb.db = createDb(url);
  }
  return globalForDb.db;
}
