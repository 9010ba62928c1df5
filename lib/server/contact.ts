import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { contactAddressOf, sameAddress } from "@/lib/domain/request/contact";
import { addDays } from "@/lib/domain/time";
import { emailLocaleOfUser, enqueueEmail } from "@/lib/jobs/outbox";
import { log } from "@/lib/log";
import { contactConfirmationEmail } from "@/lib/mail/templates/contact-confirmation";

import { now } from "./clock";
import { consumeRateLimit, enforceRateLimit } from "./rate-limit";
import type { TViewer } from "./session";

// A contact address other than the sign-in address is the requester's word only: mail about their
// requests goes there once someone followed a link sent to it, and to the sign-in address until
// then. A link is offered when the Who section is saved, and again on request.

const LINK_DAYS = 7;
/** Saving the Who section again soon after sends no second link; the button does. */
const QUIET_MINUTES = 10;

export const CONFIRM_PATH = "/contact/confirm";

function hashOf(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** Where email about a request stands, for the requester's pages; none when it goes to the sign-in address anyway. */
export type TContactStatus = { contact: string; signInEmail: string | null; confirmed: boolean; sentAt: Date | null };

export async function contactStatus(viewer: TViewer, answers: unknown): Promise<TContactStatus | undefined> {
  const contact = contactAddressOf(answers);
  if (!contact || sameAddress(contact, viewer.email)) return undefined;
  const row = await db().contactAddress.findUnique({
    where: { userId_email: { userId: viewer.id, email: contact } },
    select: { confirmedAt: true, sentAt: true },
  });
  return { contact, signInEmail: viewer.email, confirmed: Boolean(row?.confirmedAt), sentAt: row?.sentAt ?? null };
}

/**
 * After the Who section is saved: when its contact address needs confirming and no link went to
 * it in the last few minutes, sends one, within the person's daily budget of links. Quiet when
 * the budget is spent: the page offers the button, which explains.
 */
export async function offerContactConfirmation(viewer: TViewer, answers: unknown, baseUrl: string) {
  const status = await contactStatus(viewer, answers);
  if (!status || status.confirmed) return;
  if (status.sentAt && now().getTime() - status.sentAt.getTime() < QUIET_MINUTES * 60_000) return;
  if (!(await consumeRateLimit("contactLink", viewer.id)).ok) return;
  await sendLink(viewer, status.contact, baseUrl);
}

/** The button on the requester's pages: a fresh link to the contact address of one of their requests. */
export async function resendContactLink(viewer: TViewer, input: { requestId: string }, baseUrl: string) {
  const request = await db().request.findFirst({ where: { id: input.requestId, requesterId: viewer.id }, select: { answers: true } });
  if (!request) throw new NotFoundError();
  const status = await contactStatus(viewer, request.answers);
  if (!status || status.confirmed) return;
  await enforceRateLimit("contactLink", viewer.id);
  await sendLink(viewer, status.contact, baseUrl);
}

/** A new token for the address (any earlier link stops working) and the email carrying it, together. */
async function sendLink(viewer: TViewer, contact: string, baseUrl: string) {
  const token = randomBytes(32).toString("base64url");
  const sentAt = now();
  const fields = { tokenHash: hashOf(token), sentAt, expiresAt: addDays(sentAt, LINK_DAYS) };
  await db().$transaction(async (tx) => {
    const row = await tx.contactAddress.upsert({
      where: { userId_email: { userId: viewer.id, email: contact } },
      create: { userId: viewer.id, email: contact, ...fields },
      update: fields,
      select: { id: true },
    });
    await audit(tx, { subject: "user", id: viewer.id, actorId: viewer.id, action: "contact.link_sent", after: { contactAddressId: row.id } });
    await enqueueEmail(tx, {
      idempotencyKey: `contact-link:${row.id}:${sentAt.getTime()}`,
      to: contact,
      ...contactConfirmationEmail(
        { url: `${baseUrl}${CONFIRM_PATH}?token=${token}`, name: viewer.name, days: LINK_DAYS },
        await emailLocaleOfUser(tx, viewer.id),
      ),
    });
  });
  log.info("contact.link_sent", { userId: viewer.id });
}

/** What a confirmation link stands for, for its page: the address, and whether the link still works. */
export async function contactLink(token: string | undefined) {
  if (!token || token.length > 100) return undefined;
  const row = await db().contactAddress.findUnique({
    where: { tokenHash: hashOf(token) },
    select: { email: true, expiresAt: true, user: { select: { name: true } } },
  });
  if (!row) return undefined;
  return { email: row.email, name: row.user.name, expired: !row.expiresAt || row.expiresAt.getTime() <= now().getTime() };
}

/**
 * Whoever holds the link confirms the address: following it proves the mailbox is theirs. The
 * link works once; the address then gets the mail about the person's requests.
 */
export async function confirmContact(token: string) {
  if (!token) throw new DomainError("contact-error-link");
  const at = now();
  const confirmed = await db().$transaction(async (tx) => {
    const row = await tx.contactAddress.findUnique({ where: { tokenHash: hashOf(token) }, select: { id: true, userId: true, email: true, expiresAt: true } });
    if (!row?.expiresAt || row.expiresAt.getTime() <= at.getTime()) throw new DomainError("contact-error-link");
    const updated = await tx.contactAddress.updateMany({
      where: { id: row.id, tokenHash: hashOf(token) },
      data: { confirmedAt: at, tokenHash: null, expiresAt: null },
    });
    if (updated.count === 0) throw new DomainError("contact-error-link");
    await audit(tx, { subject: "user", id: row.userId, actorId: null, action: "contact.confirmed", after: { contactAddressId: row.id } });
    return row;
  });
  log.info("contact.confirmed", { userId: confirmed.userId });
  return { email: confirmed.email };
}
