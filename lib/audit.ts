// The one writer of the audit trail (append-only in the database itself: see the init migration).
// Prisma only, so the app and the worker both write through it.
import type { TRequestAuditAction } from "@/lib/domain/audit";
import type { Prisma } from "@/lib/generated/prisma/client";

type TJson = Prisma.InputJsonValue;

/** Audit actions about something other than a request. */
export type TUserAuditAction =
  | "user.created"
  | "user.role_changed"
  | "user.name_changed"
  | "user.digest_changed"
  | "user.erased"
  | "contact.link_sent"
  | "contact.confirmed";

/** Audit actions about an API token: made and revoked by an admin, used by the system holding it. */
export type TApiTokenAuditAction = "api_token.created" | "api_token.revoked" | "api_token.used";

/** An admin's work on webhooks; the entry's id is the endpoint's (the delivery's for a resend). Never a secret in it. */
export type TWebhookAuditAction =
  | "webhook.endpoint_created"
  | "webhook.endpoint_changed"
  | "webhook.secret_rotated"
  | "webhook.delivery_resent"
  | "webhook.test_sent";

/** One entry, by what it is about; a null actor is the system (a job, a setting such as ADMIN_EMAILS). */
export type TAuditEntry = { actorId: string | null; before?: TJson | null; after?: TJson | null; note?: string | null } & (
  | { subject: "request"; id: string; action: TRequestAuditAction }
  | { subject: "user"; id: string; action: TUserAuditAction }
  | { subject: "queue"; id: string; action: "queue.exported" }
  | { subject: "email"; id: string; action: "email.resent" }
  | { subject: "api_token"; id: string; action: TApiTokenAuditAction }
  | { subject: "webhook"; id: string; action: TWebhookAuditAction }
  | { subject: "unit_cost"; id: string; action: "unit_cost.added" }
  | { subject: "review_policy"; id: string; action: "review_policy.approvals_changed" | "review_policy.targets_changed" }
);

/** Appends one entry, inside the transaction of the change it records. */
export function audit(tx: Pick<Prisma.TransactionClient, "auditEntry">, entry: TAuditEntry) {
  return tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subject,
      subjectId: entry.id,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      note: entry.note ?? undefined,
    },
  });
}
