// Mail about a request goes to the requester's sign-in address until the contact address they
// typed is confirmed by a link sent to it; then to the contact address.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DomainError } from "@/lib/domain/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { completeAnswers } from "@/test-support/answers";
import { createRequest, createViewer, withDataLayerDatabase } from "@/test-support/database";

import type { TViewer } from "./session";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";

const database = withDataLayerDatabase();
const requests = database.module(() => import("./requests"));
const contact = database.module(() => import("./contact"));
const recipient = database.module(() => import("@/lib/mail/recipient"));
const outbox = database.module(() => import("@/lib/jobs/outbox"));

/** A complete draft whose Who section still gives the sign-in address. */
async function draftOf(viewer: TViewer) {
  return createRequest(database.db, viewer);
}

async function saveWho(viewer: TViewer, requestId: string, email: string) {
  const row = await database.db.request.findUniqueOrThrow({ where: { id: requestId } });
  const who = (row.answers as { who: Record<string, string> }).who;
  return requests.saveSection(viewer, { requestId, section: "who", version: row.version, posted: { ...who, email }, check: true }, BASE_URL);
}

async function linksTo(address: string) {
  const emails = await database.db.outboxEmail.findMany({ where: { to: address, kind: "contact_confirmation" }, orderBy: { createdAt: "asc" } });
  return emails.map((email) => new URL(/https?:\/\/\S+/.exec(email.text)![0]).searchParams.get("token")!);
}

const recipientOf = (requestId: string) =>
  database.db.$transaction(async (tx) =>
    recipient.requestRecipient(tx, await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { requesterId: true, answers: true } })),
  );

describe("a contact address other than the sign-in address", () => {
  it("gets a link when Who is saved, and the request's mail only once the link is followed", async () => {
    const viewer = await createViewer(database.db, "REQUESTER");
    const draft = await draftOf(viewer);
    assert.equal(await recipientOf(draft.id), viewer.email);

    const result = await saveWho(viewer, draft.id, "  Office@Example.ORG ");
    assert.equal(result.outcome, "saved");
    const [token] = await linksTo("office@example.org");
    assert.ok(token, "a confirmation link went to the contact address");
    assert.equal(await recipientOf(draft.id), viewer.email, "mail went to an unconfirmed address");
    assert.deepEqual(await contact.contactStatus(viewer, (await database.db.request.findUniqueOrThrow({ where: { id: draft.id } })).answers), {
      contact: "office@example.org",
      signInEmail: viewer.email,
      confirmed: false,
      sentAt: (await database.db.contactAddress.findFirstOrThrow({ where: { userId: viewer.id } })).sentAt,
    });

    // Saving again at once sends no second link.
    await saveWho(viewer, draft.id, "office@example.org");
    assert.equal((await linksTo("office@example.org")).length, 1);

    assert.deepEqual(await contact.contactLink(token), { email: "office@example.org", name: viewer.name, expired: false });
    await contact.confirmContact(token!);
    assert.equal(await recipientOf(draft.id), "office@example.org");
    await assert.rejects(
      contact.confirmContact(token!),
      (error: unknown) => error instanceof DomainError && error.messageKey === "contact-error-link",
      "a link works once",
    );
    assert.equal(await contact.contactLink(token), undefined);
  });

  it("sends nothing for the sign-in address itself, whatever its case", async () => {
    const viewer = await createViewer(database.db, "REQUESTER");
    const draft = await draftOf(viewer);
    await saveWho(viewer, draft.id, viewer.email!.toUpperCase());
    assert.equal(await database.db.contactAddress.count({ where: { userId: viewer.id } }), 0);
    assert.equal(await recipientOf(draft.id), viewer.email);
  });

  it("refuses an expired link, and only the newest link works", async () => {
    const viewer = await createViewer(database.db, "REQUESTER");
    const draft = await draftOf(viewer);
    await saveWho(viewer, draft.id, "team@example.org");
    await contact.resendContactLink(viewer, { requestId: draft.id }, BASE_URL);
    const [first, second] = await linksTo("team@example.org");
    await assert.rejects(contact.confirmContact(first!), DomainError, "an earlier link still worked");

    await database.db.contactAddress.updateMany({ where: { userId: viewer.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    assert.equal((await contact.contactLink(second))?.expired, true);
    await assert.rejects(contact.confirmContact(second!), DomainError, "an expired link worked");
    assert.equal(await recipientOf(draft.id), viewer.email);
  });

  it("sends at most five links a day to the addresses one person types, and says when to try again", async () => {
    const viewer = await createViewer(database.db, "REQUESTER");
    const draft = await draftOf(viewer);
    for (let index = 0; index < 5; index++) await saveWho(viewer, draft.id, `someone${index}@example.org`);
    await saveWho(viewer, draft.id, "someone5@example.org");
    assert.equal(await database.db.outboxEmail.count({ where: { kind: "contact_confirmation", to: { startsWith: "someone" } } }), 5);
    await assert.rejects(
      contact.resendContactLink(viewer, { requestId: draft.id }, BASE_URL),
      (error: unknown) => error instanceof DomainError && error.messageKey === "contact-error-too-many",
    );
  });

  it("never sends a link for another person's request", async () => {
    const owner = await createViewer(database.db, "REQUESTER");
    const other = await createViewer(database.db, "REQUESTER");
    const draft = await draftOf(owner);
    await saveWho(owner, draft.id, "shared@example.org");
    await assert.rejects(contact.resendContactLink(other, { requestId: draft.id }, BASE_URL));
    assert.equal((await linksTo("shared@example.org")).length, 1);
  });
});

describe("where mail is addressed", () => {
  it("refuses to write an email to a list of addresses or a header trick", async () => {
    for (const to of ["a@example.org, b@example.org", "a@example.org\r\nBcc: b@example.org", "Ada <a@example.org>"]) {
      await assert.rejects(
        database.db.$transaction((tx) => outbox.enqueueEmail(tx, { idempotencyKey: `bad:${to}`, to, subject: "S", text: "T", html: "<p>T</p>" })),
        /not one email address/,
        JSON.stringify(to),
      );
    }
    assert.equal(await database.db.outboxEmail.count({ where: { idempotencyKey: { startsWith: "bad:" } } }), 0);
  });

  it("falls back to the sign-in address when the typed contact is not one address", async () => {
    const viewer = await createViewer(database.db, "REQUESTER");
    const answers = completeAnswers(day(10));
    const row = await database.db.request.create({
      data: { requesterId: viewer.id, answers: { ...answers, who: { ...answers.who, email: "a@example.org, b@example.org" } } as Prisma.InputJsonValue },
    });
    assert.equal(await recipientOf(row.id), viewer.email);
  });
});
