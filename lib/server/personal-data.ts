import { APPEALED_STATUSES, isAppealed } from "@/lib/domain/review/appeals";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import "server-only";

import { z } from "zod";

import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, FieldRuleError } from "@/lib/domain/errors";
import { REQUESTER_VISIBLE_ACTIONS } from "@/lib/domain/audit";
import { effectiveStatus, isOpen, OPEN_STATUSES } from "@/lib/domain/request/state-machine";
import { anonymiseRequest, contactAddresses } from "@/lib/jobs/retention";
import { log } from "@/lib/log";

import { CHECK_IN_RECORD_FIELDS } from "./check-ins";
import { now } from "./clock";
import { OWN_DECISION_FIELDS } from "./decision-fields";
import { CONTRIBUTION_EXPORT_FIELDS } from "./review/contributions";
import type { TViewer } from "./session";

/**
 * Everything held about the viewer that they may see, as one JSON-able object: the account, its
 * sign-in methods (no tokens), what their Wikimedia account said of itself, and each of their requests with its answers, decision, messages,
 * questions, promised contributions, check-ins (their answers, and when a reviewer acknowledged
 * them, not who) and visible history. Reviewers' internal notes, assessments and rationale stay out.
 */
export async function exportPersonalData(viewer: TViewer) {
  const at = now();
  const user = await db().user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: {
      email: true,
      name: true,
      role: true,
      createdAt: true,
      emailVerified: true,
      locale: true,
      lastLocale: true,
      digest: true,
      digestSentAt: true,
      accounts: { select: { provider: true, providerAccountId: true, createdAt: true } },
      wikimedia: { select: { username: true, editCount: true, registeredAt: true, groups: true, blocked: true, checkedAt: true } },
      contactAddresses: { orderBy: { createdAt: "asc" }, select: { email: true, sentAt: true, confirmedAt: true } },
    },
  });
  const requests = await db().request.findMany({
    where: { requesterId: viewer.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      reference: true,
      status: true,
      expiresAt: true,
      answers: true,
      importedAt: true,
      importedAnswers: true,
      createdAt: true,
      updatedAt: true,
      submittedAt: true,
      anonymisedAt: true,
      basedOn: { select: { reference: true } },
      decision: { select: OWN_DECISION_FIELDS },
      comments: { where: { kind: "MESSAGE" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { body: true, createdAt: true } },
      infoRequests: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { question: true, replyBy: true, sections: true, createdAt: true, answer: true, answeredAt: true, lapsedAt: true },
      },
      contributions: { orderBy: { position: "asc" }, select: CONTRIBUTION_EXPORT_FIELDS },
      checkIns: {
        orderBy: { scheduledFor: "asc" },
        select: CHECK_IN_RECORD_FIELDS,
      },
      appeal: { select: { statement: true, additions: true, additionalInformation: true, appealedAt: true, outcome: true, reasons: true, decidedAt: true } },
    },
  });
  const history = await db().auditEntry.findMany({
    where: { subjectType: "request", subjectId: { in: requests.map((request) => request.id) }, action: { in: [...REQUESTER_VISIBLE_ACTIONS] } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { subjectId: true, at: true, action: true, actorId: true },
  });
  return {
    exportedAt: at.toISOString(),
    account: {
      email: user.email,
      name: user.name,
      role: user.role,
      createdAt: user.createdAt,
      emailVerifiedAt: user.emailVerified,
      language: user.locale,
      languageLastUsed: user.lastLocale,
      reviewDigest: user.digest,
      reviewDigestLastWritten: user.digestSentAt,
    },
    signInAccounts: user.accounts,
    // What the Wikimedia account said of itself at the last sign-in with it, as reviewers see it.
    wikimediaAccount: user.wikimedia,
    contactAddresses: user.contactAddresses,
    requests: requests.map(({ expiresAt, basedOn, comments, infoRequests, status, ...request }) => ({
      ...request,
      status: effectiveStatus(status, expiresAt, at),
      expiresAt,
      basedOn: basedOn?.reference ?? null,
      messages: comments,
      questions: infoRequests,
      history: history
        .filter((entry) => entry.subjectId === request.id)
        .map((entry) => ({ at: entry.at, action: entry.action, byYou: entry.actorId === viewer.id })),
    })),
  };
}

export type TPersonalData = Awaited<ReturnType<typeof exportPersonalData>>;

/** Staff names stand behind decisions: an admin changes the role to requester first (audited). */
export function mayEraseOwnData(viewer: TViewer) {
  return viewer.role === "REQUESTER";
}

/** The person types their address to confirm: nothing is erased by a stray or forged post. */
export const ZErasure = z.object({ confirmEmail: z.string().trim().min(1, "error-erase-confirm").max(254, "error-erase-confirm") });

/** Requests that keep the viewer from erasing their data: open ones, appeals not yet decided, and grants in force. */
export async function erasureBlockers(viewer: TViewer) {
  const at = now();
  const requests = await db().request.findMany({
    where: { requesterId: viewer.id, status: { in: [...OPEN_STATUSES, ...APPEALED_STATUSES, "GRANTED"] } },
    select: { status: true, expiresAt: true },
  });
  return requests.filter((request) => stillNeedsContact(request, at)).length;
}

/** A request that still needs its requester's contact: open, under appeal, or a grant in force. */
function stillNeedsContact(request: { status: TRequestStatus; expiresAt: Date | null }, at: Date) {
  return isOpen(request.status) || isAppealed(request.status) || effectiveStatus(request.status, request.expiresAt, at) === "GRANTED";
}

/**
 * Erases the viewer's personal data in one transaction: drafts go, every other request of theirs
 * is anonymised, the account keeps its id (decisions and the audit trail point to it) but loses
 * its name and address, sign-in methods and sessions are deleted, and emails to them are dropped.
 * Refused while a request is open or a grant is in force: it still needs a contact.
 */
export async function eraseMyData(viewer: TViewer, input: z.infer<typeof ZErasure>) {
  if (!mayEraseOwnData(viewer)) throw new DomainError("error-erase-staff");
  if (!viewer.email || input.confirmEmail.toLowerCase() !== viewer.email.toLowerCase()) {
    throw new FieldRuleError({ confirmEmail: { key: "error-erase-confirm" } });
  }
  const at = now();
  const result = await db().$transaction(async (tx) => {
    // Locks the person's requests, so none is submitted or answered while this runs.
    await tx.$queryRaw`SELECT id FROM "Request" WHERE "requesterId" = ${viewer.id} FOR UPDATE`;
    const requests = await tx.request.findMany({ where: { requesterId: viewer.id }, select: { id: true, status: true, expiresAt: true, answers: true } });
    const open = requests.filter((request) => stillNeedsContact(request, at));
    if (open.length > 0) throw new DomainError("error-erase-open");

    const user = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { email: true, contactAddresses: { select: { email: true } } } });
    const addresses = [
      ...new Set(
        [user.email, ...user.contactAddresses.map((contact) => contact.email), ...requests.flatMap((request) => contactAddresses(request.answers))].filter(
          (address): address is string => Boolean(address),
        ),
      ),
    ];

    const drafts = requests.filter((request) => request.status === "DRAFT");
    await tx.request.deleteMany({ where: { id: { in: drafts.map((draft) => draft.id) }, status: "DRAFT" } });
    for (const draft of drafts) {
      await audit(tx, { subject: "request", id: draft.id, actorId: viewer.id, action: "request.draft_deleted", before: { status: "DRAFT" }, note: "erasure" });
    }
    let anonymised = 0;
    for (const request of requests.filter((request) => request.status !== "DRAFT")) {
      if (await anonymiseRequest(tx, request.id, { now: at, actorId: viewer.id, reason: "erasure" })) anonymised += 1;
    }

    const byAddress = addresses.map((address) => ({ equals: address, mode: "insensitive" as const }));
    await tx.outboxEmail.deleteMany({ where: { OR: byAddress.map((to) => ({ to })) } });
    await tx.devMail.deleteMany({ where: { OR: byAddress.map((to) => ({ to })) } });
    await tx.verificationToken.deleteMany({ where: { OR: byAddress.map((identifier) => ({ identifier })) } });
    await tx.contactAddress.deleteMany({ where: { userId: viewer.id } });
    await tx.session.deleteMany({ where: { userId: viewer.id } });
    await tx.account.deleteMany({ where: { userId: viewer.id } });
    await tx.wikimediaAccountFacts.deleteMany({ where: { userId: viewer.id } });
    await tx.user.update({ where: { id: viewer.id }, data: { email: null, name: null, image: null, emailVerified: null, erasedAt: at } });
    await audit(tx, {
      subject: "user",
      id: viewer.id,
      actorId: viewer.id,
      action: "user.erased",
      after: { requestsAnonymised: anonymised, draftsDeleted: drafts.length },
    });
    return { anonymised, draftsDeleted: drafts.length };
  });
  log.info("user.erased", { userId: viewer.id, ...result });
  return result;
}
