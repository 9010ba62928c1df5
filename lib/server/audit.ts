import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

/** Appends to a request's history, inside the transaction that makes the change. Null actor: the system. */
export function auditRequest(
  tx: Prisma.TransactionClient,
  actorId: string | null,
  requestId: string,
  action: string,
  before: Prisma.InputJsonValue | null,
  after: Prisma.InputJsonValue | null,
  note?: string,
) {
  return tx.auditEntry.create({
    data: { actorId, action, subjectType: "request", subjectId: requestId, before: before ?? undefined, after: after ?? undefined, note },
  });
}
