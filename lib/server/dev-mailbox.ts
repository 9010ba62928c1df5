import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** The newest mails kept for the development mailbox; nothing in production. */
export async function listDevMail(take = 50) {
  if (env().production) return [];
  return db().devMail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
  });
}
