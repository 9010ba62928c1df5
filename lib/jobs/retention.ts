// Personal answers on a request are kept only while they serve the request (docs/retention.md).
// They are anonymised when the requester asks for erasure (lib/server/personal-data.ts) and, by
// the sweep below, once a request has been closed for RETENTION_DAYS. Decisions, references,
// entitlement records (without the account name) and the audit trail stay. No Next.js here: the worker and tests use it.
import { audit } from "@/lib/audit";
import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { reviewColumns } from "@/lib/domain/review/columns";
import { addDays } from "@/lib/domain/time";
import { Prisma, type PrismaClient, type RequestStatus } from "@/lib/generated/prisma/client";

/** Requests nothing more happens to; a grant is not among them until it ends. */
export const RETIRED_STATUSES: RequestStatus[] = ["DECLINED", "CANCELLED", "LAPSED", "EXPIRED", "WITHDRAWN"];

/** Fields of the Who section that name or reach a person. */
const PERSONAL_WHO_FIELDS = ["contactName", "email", "enterpriseUsername"];

const BATCH = 100;

function asAnswers(value: unknown): TDraftAnswers {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as TDraftAnswers) : {};
}

/**
 * The answers without the contact person. An organisation is not personal data, so it stays,
 * except for an individual requester, where it may be the person's own name or trade.
 */
export function anonymisedAnswers(value: unknown): TDraftAnswers {
  const answers = asAnswers(value);
  if (!answers.who) return answers;
  const who = { ...answers.who };
  for (const field of PERSONAL_WHO_FIELDS) delete who[field];
  if (who.requesterKind === "individual") delete who.organisation;
  return { ...answers, who };
}

/** The contact addresses a request's answers give, for erasing the emails sent to them. */
export function contactAddresses(value: unknown): string[] {
  const email = asAnswers(value).who?.email;
  return typeof email === "string" && email.trim() ? [email.trim()] : [];
}

/**
 * Anonymises one request inside the caller's transaction: its answers, the queue columns derived
 * from them, and the emails kept for it, with an audit entry. Returns false if it already was.
 */
export async function anonymiseRequest(
  tx: Prisma.TransactionClient,
  requestId: string,
  { now, actorId, reason }: { now: Date; actorId: string | null; reason: "erasure" | "retention" },
) {
  // Claiming the row first makes a second worker (or a simultaneous erasure) wait, then skip it.
  const claimed = await tx.request.updateMany({ where: { id: requestId, anonymisedAt: null }, data: { anonymisedAt: now, version: { increment: 1 } } });
  if (claimed.count === 0) return false;
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { answers: true, searchText: true, requesterId: true } });
  const answers = anonymisedAnswers(request.answers);
  const individual = answers.who?.requesterKind === "individual";
  // Only the search text is taken from the columns: routing and flags stay as reviewed.
  const { searchText } = reviewColumns(answers, { today: now.toISOString().slice(0, 10), wikidataShareThreshold: 100 });
  await tx.request.update({
    where: { id: requestId },
    data: {
      answers: answers as Prisma.InputJsonValue,
      // The email era's answers are prose, whose personal parts cannot be told from the rest: all go.
      importedAnswers: Prisma.DbNull,
      contactName: null,
      ...(individual ? { organisation: null } : {}),
      searchText: request.searchText ? searchText : "",
    },
  });
  // Emails hold the contact address; the audit trail keeps what was sent and when.
  await tx.outboxEmail.deleteMany({ where: { requestId } });
  // The Enterprise account name travels with the entitlement records and the webhooks that told
  // of them: the records keep their dates and scope, and the events already sent (or given up on)
  // go. One still to be sent stays, so a receiver learns of the change.
  await tx.entitlementChange.updateMany({ where: { requestId }, data: { username: "" } });
  await tx.webhookEvent.deleteMany({ where: { requestId, deliveries: { none: { status: "PENDING" } } } });
  // What the requester's Wikimedia account said of itself is kept for reviewers of their requests:
  // once none is left to review, it goes (a later sign-in with the account records it afresh).
  const stillHeld = await tx.request.count({ where: { requesterId: request.requesterId, anonymisedAt: null, status: { not: "DRAFT" } } });
  if (stillHeld === 0) await tx.wikimediaAccountFacts.deleteMany({ where: { userId: request.requesterId } });
  await audit(tx, { subject: "request", id: requestId, actorId, action: "request.anonymised", after: { reason } });
  return true;
}

/**
 * The retention sweep: anonymises requests closed (by their last activity) more than `afterDays`
 * ago, oldest first, at most BATCH per run. Idempotent: an anonymised request is never taken again.
 */
export async function anonymiseClosedRequests(db: PrismaClient, { now, afterDays }: { now: Date; baseUrl?: string; afterDays: number }) {
  const cutoff = addDays(now, -afterDays);
  const due = await db.request.findMany({
    where: { anonymisedAt: null, status: { in: RETIRED_STATUSES }, lastActivityAt: { lt: cutoff } },
    orderBy: [{ lastActivityAt: "asc" }, { id: "asc" }],
    take: BATCH,
    select: { id: true },
  });
  let anonymised = 0;
  for (const { id } of due) {
    if (await db.$transaction((tx) => anonymiseRequest(tx, id, { now, actorId: null, reason: "retention" }))) anonymised += 1;
  }
  return anonymised;
}
