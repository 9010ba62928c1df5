import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DomainError, NotFoundError } from "@/lib/domain/errors";
import type { TViewer } from "@/lib/server/session";
import { withDataLayerDatabase } from "@/test-support/database";

let admin: TViewer;
let reviewer: TViewer;

const database = withDataLayerDatabase(async () => {
  const adminUser = await database.db.user.create({ data: { email: "admin@example.org", role: "ADMIN" } });
  const reviewerUser = await database.db.user.create({ data: { email: "reviewer@example.org", role: "WMF_REVIEWER" } });
  admin = { id: adminUser.id, email: adminUser.email, name: null, role: "ADMIN" };
  reviewer = { id: reviewerUser.id, email: reviewerUser.email, name: null, role: "WMF_REVIEWER" };
});
const undelivered = database.module(() => import("./undelivered-emails"));

async function outboxEmail(key: string, data: { status: "PENDING" | "SENT" | "FAILED"; attempts: number; lastError?: string; createdAt: Date }) {
  return database.db.outboxEmail.create({
    data: { idempotencyKey: key, to: `${key}@example.org`, subject: `About ${key}`, text: "Text", html: "<p>Text</p>", ...data },
  });
}

describe("undelivered emails for admins", () => {
  it("lists failed and retrying emails apart, newest first, a page at a time, and only to admins", async () => {
    const start = Date.UTC(2026, 0, 1);
    for (let index = 0; index < 30; index++) {
      await outboxEmail(`failed:${index}`, { status: "FAILED", attempts: 8, lastError: "ECONNREFUSED", createdAt: new Date(start + index * 60_000) });
    }
    await outboxEmail("retrying:1", { status: "PENDING", attempts: 2, lastError: "timeout", createdAt: new Date(start) });
    await outboxEmail("waiting:1", { status: "PENDING", attempts: 0, createdAt: new Date(start) });
    await outboxEmail("sent:1", { status: "SENT", attempts: 1, createdAt: new Date(start) });

    const first = await undelivered.listUndeliveredEmails(admin, "failed");
    assert.equal(first.emails.length, 25);
    assert.equal(first.emails[0]?.subject, "About failed:29");
    assert.equal(first.emails[0]?.kind, "failed");
    assert.ok(first.next);
    const second = await undelivered.listUndeliveredEmails(admin, "failed", first.next);
    assert.deepEqual(
      second.emails.map(({ subject }) => subject),
      ["About failed:4", "About failed:3", "About failed:2", "About failed:1", "About failed:0"],
    );
    assert.equal(second.next, undefined);

    const retrying = await undelivered.listUndeliveredEmails(admin, "retrying");
    assert.deepEqual(
      retrying.emails.map(({ subject, attempts, lastError }) => ({ subject, attempts, lastError })),
      [{ subject: "About retrying:1", attempts: 2, lastError: "timeout" }],
    );

    await assert.rejects(undelivered.listUndeliveredEmails(reviewer, "failed"), NotFoundError);
  });

  it("lets an admin send a failed email again, once, and records who did", async () => {
    const email = await outboxEmail("granted:resend", { status: "FAILED", attempts: 8, lastError: "ECONNREFUSED", createdAt: new Date() });

    await assert.rejects(undelivered.resendFailedEmail(reviewer, email.id), NotFoundError);
    await undelivered.resendFailedEmail(admin, email.id);
    await assert.rejects(
      undelivered.resendFailedEmail(admin, email.id),
      (error: unknown) => error instanceof DomainError && error.messageKey === "admin-emails-error-not-failed",
    );
    await assert.rejects(undelivered.resendFailedEmail(admin, "no-such-email"), NotFoundError);

    const resent = await database.db.outboxEmail.findUniqueOrThrow({ where: { id: email.id } });
    assert.deepEqual(
      { status: resent.status, attempts: resent.attempts, dispatchedAt: resent.dispatchedAt },
      { status: "PENDING", attempts: 0, dispatchedAt: null },
    );
    const audit = await database.db.auditEntry.findMany({ where: { subjectType: "email", subjectId: email.id } });
    assert.deepEqual(
      audit.map(({ action, actorId }) => ({ action, actorId })),
      [{ action: "email.resent", actorId: admin.id }],
    );
  });
});
