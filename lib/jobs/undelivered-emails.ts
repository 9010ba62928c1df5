import "server-only";

import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { isRecordId } from "@/lib/domain/request/fields";
import { canAdminister } from "@/lib/domain/roles";
import { log } from "@/lib/log";
import type { TViewer } from "@/lib/server/session";

import { resendEmail } from "./outbox";

const PAGE_SIZE = 25;

/** Failed: no attempt left, waiting for an admin. Retrying: failed at least once, tries left. */
export type TUndelivered = "failed" | "retrying";

export type TUndeliveredEmail = {
  id: string;
  to: string;
  subject: string;
  kind: string;
  request: { id: string; reference: string | null } | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
};

function assertAdmin(viewer: TViewer) {
  if (!canAdminister(viewer.role)) throw new NotFoundError();
}

const WHERE = {
  failed: { status: "FAILED" },
  retrying: { status: "PENDING", lastError: { not: null } },
} as const;

/** One page of emails not delivered, newest first, by keyset on (createdAt, id). */
export async function listUndeliveredEmails(viewer: TViewer, which: TUndelivered, after?: string): Promise<{ emails: TUndeliveredEmail[]; next?: string }> {
  assertAdmin(viewer);
  const cursor = isRecordId(after) ? await db().outboxEmail.findUnique({ where: { id: after }, select: { id: true, createdAt: true } }) : null;
  const rows = await db().outboxEmail.findMany({
    where: {
      ...WHERE[which],
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      to: true,
      subject: true,
      kind: true,
      idempotencyKey: true,
      requestId: true,
      attempts: true,
      lastError: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const requestIds = [...new Set(page.flatMap(({ requestId }) => (requestId ? [requestId] : [])))];
  const requests = await db().request.findMany({ where: { id: { in: requestIds } }, select: { id: true, reference: true } });
  const referenceOf = new Map(requests.map((request) => [request.id, request.reference]));
  const emails = page.map(({ idempotencyKey, requestId, kind, ...email }) => ({
    ...email,
    // Emails written before kinds were recorded: the key starts with it ("request-submitted:<id>").
    kind: kind ?? idempotencyKey.split(":")[0] ?? idempotencyKey,
    request: requestId ? { id: requestId, reference: referenceOf.get(requestId) ?? null } : null,
  }));
  return { emails, next: rows.length > PAGE_SIZE ? page.at(-1)?.id : undefined };
}

/** An admin sends a failed email again: back in the outbox with a fresh set of attempts, audited. */
export async function resendFailedEmail(viewer: TViewer, id: string) {
  assertAdmin(viewer);
  const exists = await db().outboxEmail.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw new NotFoundError();
  if (!(await resendEmail(db(), id, { actorId: viewer.id }))) throw new DomainError("admin-emails-error-not-failed");
  log.info("outbox.resend_requested", { id, by: viewer.id });
}
