// Set-ups that put requests straight into a status, as a seeded history would have them. The
// database refuses a status change without its audit entry (the status_changes_audited
// migration), so each move writes the entry a real arrival would have written.
import { audit } from "@/lib/audit";
import type { TRequestAuditAction } from "@/lib/domain/audit";
import type { TDb } from "@/lib/db";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The entry a request arrives in each status with. */
export const ARRIVAL: Record<Exclude<TRequestStatus, "DRAFT">, TRequestAuditAction> = {
  SUBMITTED: "request.submitted",
  IN_REVIEW: "request.assigned",
  AWAITING_REQUESTER: "request.information_requested",
  GRANTED: "request.granted",
  DECLINED: "request.declined",
  CANCELLED: "request.cancelled",
  LAPSED: "request.lapsed",
  EXPIRED: "request.expired",
  WITHDRAWN: "request.withdrawn",
  DECLINE_APPEALED: "request.appealed",
  WITHDRAWAL_APPEALED: "request.appealed",
};

/** Moves the requests `where` selects to `status` in one statement, each with its audit entry. */
export async function moveStatus(
  db: TDb,
  where: Prisma.RequestWhereInput,
  status: Exclude<TRequestStatus, "DRAFT">,
  data: Prisma.RequestUpdateManyMutationInput = {},
) {
  return db.$transaction(async (tx) => {
    const rows = await tx.request.findMany({ where, select: { id: true, status: true } });
    for (const row of rows) {
      await audit(tx, {
        subject: "request",
        id: row.id,
        actorId: null,
        action: ARRIVAL[status],
        before: { status: row.status },
        after: { status },
        note: "test set-up",
      });
    }
    return tx.request.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { ...data, status } });
  });
}
