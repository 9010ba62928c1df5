// The lifecycle pipeline against a real database: what it checks, what it writes, and the
// database's own refusal of a status change that skipped it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { createRequest, createViewer, withDataLayerDatabase } from "@/test-support/database";

const CONTEXT = { now: new Date(), baseUrl: "http://localhost:3000" };

const database = withDataLayerDatabase();
const lifecycle = database.module(() => import("./apply"));

async function submitted(status: "SUBMITTED" | "IN_REVIEW" | "AWAITING_REQUESTER" = "SUBMITTED") {
  const requester = await createViewer(database.db, "REQUESTER");
  const request = await createRequest(database.db, requester, { status });
  return { requester, request };
}

const footprint = async (id: string) => ({
  request: await database.db.request.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, assigneeId: true } }),
  audit: await database.db.auditEntry.count({ where: { subjectId: id } }),
  emails: await database.db.outboxEmail.count({ where: { requestId: id } }),
});

describe("the database", () => {
  it("refuses a status change without its audit entry, however it is written", async () => {
    const { request } = await submitted();
    await assert.rejects(database.db.$executeRaw`UPDATE "Request" SET status = 'GRANTED' WHERE id = ${request.id}`, /without an audit entry/);
    await assert.rejects(database.db.request.update({ where: { id: request.id }, data: { status: "CANCELLED" } }), /without an audit entry/);
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "SUBMITTED");
  });

  it("refuses an audit entry of an earlier transaction, or one that names another status", async () => {
    const { request } = await submitted();
    await database.db.auditEntry.create({
      data: { action: "request.cancelled", subjectType: "request", subjectId: request.id, after: { status: "CANCELLED" } },
    });
    await assert.rejects(database.db.request.update({ where: { id: request.id }, data: { status: "CANCELLED" } }), /without an audit entry/);
    await assert.rejects(
      database.db.$transaction(async (tx) => {
        await tx.auditEntry.create({ data: { action: "request.cancelled", subjectType: "request", subjectId: request.id, after: { status: "WITHDRAWN" } } });
        await tx.request.update({ where: { id: request.id }, data: { status: "CANCELLED" } });
      }),
      /without an audit entry/,
    );
  });

  it("accepts the change when the same transaction records it, and leaves other columns free", async () => {
    const { request } = await submitted();
    await database.db.$transaction(async (tx) => {
      await tx.auditEntry.create({ data: { action: "request.cancelled", subjectType: "request", subjectId: request.id, after: { status: "CANCELLED" } } });
      await tx.request.update({ where: { id: request.id }, data: { status: "CANCELLED" } });
    });
    await database.db.request.update({ where: { id: request.id }, data: { joint: true } });
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "CANCELLED");
  });
});

describe("applyEvent", () => {
  it("moves the request, writes one typed audit entry with the status before and after, and the event's email", async () => {
    const { requester, request } = await submitted();
    const result = await database.db.$transaction((tx) =>
      lifecycle.applyEvent(tx, CONTEXT, {
        event: "cancel",
        actor: { kind: "requester", userId: requester.id },
        requestId: request.id,
        version: 0,
        details: {},
      }),
    );
    assert.deepEqual(result, { from: "SUBMITTED", to: "CANCELLED", version: 1 });
    const entries = await database.db.auditEntry.findMany({ where: { subjectId: request.id } });
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.actorId, entry.before, entry.after]),
      [["request.cancelled", requester.id, { status: "SUBMITTED" }, { status: "CANCELLED" }]],
    );

    const other = await submitted("IN_REVIEW");
    const reviewer = await createViewer(database.db, "WMF_REVIEWER");
    await database.db.$transaction((tx) =>
      lifecycle.applyEvent(tx, CONTEXT, {
        event: "message",
        actor: { kind: "wmf", userId: reviewer.id },
        requestId: other.request.id,
        details: { commentId: "c1", body: "Which editions first?" },
      }),
    );
    const emails = await database.db.outboxEmail.findMany({ where: { requestId: other.request.id } });
    assert.deepEqual(
      emails.map((email) => [email.to, email.kind, email.idempotencyKey]),
      [[other.requester.email, "message", "message:c1"]],
    );
  });

  it("refuses what the state machine does not allow, and a stale version, writing nothing", async () => {
    const { requester, request } = await submitted();
    const wmde = await createViewer(database.db, "WMDE_REVIEWER");
    const wmf = await createViewer(database.db, "WMF_REVIEWER");
    const before = await footprint(request.id);
    const refusal = async (input: Parameters<typeof lifecycle.applyEvent>[2]) => {
      try {
        await database.db.$transaction((tx) => lifecycle.applyEvent(tx, CONTEXT, input));
      } catch (error) {
        assert.ok(error instanceof lifecycle.EventRefused, String(error));
        return [error.reason, error.messageKey];
      }
      assert.fail("not refused");
    };
    const grant = { message: "", scope: { apis: [], onDemandPerMonth: null, snapshotFrequency: null }, startsOn: "2027-01-01", expiresOn: "2027-06-30" };
    assert.deepEqual(await refusal({ event: "grant", actor: { kind: "wmde", userId: wmde.id }, requestId: request.id, version: 0, details: grant }), [
      "not_allowed_for_actor",
      "transition-error-wmf-only",
    ]);
    assert.deepEqual(await refusal({ event: "grant", actor: { kind: "wmf", userId: wmf.id }, requestId: request.id, version: 0, details: grant }), [
      "not_allowed_from_status",
      "transition-error-grant-not-now",
    ]);
    // A stale version is refused in the words of the actor's own pages.
    assert.deepEqual(await refusal({ event: "cancel", actor: { kind: "requester", userId: requester.id }, requestId: request.id, version: 7, details: {} }), [
      "conflict",
      "request-error-conflict",
    ]);
    assert.deepEqual(await refusal({ event: "take", actor: { kind: "wmf", userId: wmf.id }, requestId: request.id, version: 7, details: {} }), [
      "conflict",
      "review-error-conflict",
    ]);
    assert.deepEqual(await refusal({ event: "recommend", actor: { kind: "wmf", userId: wmf.id }, requestId: request.id, details: {} }), [
      "not_allowed_for_actor",
      "decision-error-wmde-only",
    ]);
    assert.deepEqual(await footprint(request.id), before);
  });

  it("lets two events on one request take turns: the second sees the first's version and is refused", async () => {
    const { requester, request } = await submitted();
    const cancel = () =>
      database.db.$transaction((tx) =>
        lifecycle.applyEvent(tx, CONTEXT, {
          event: "cancel",
          actor: { kind: "requester", userId: requester.id },
          requestId: request.id,
          version: 0,
          details: {},
        }),
      );
    const outcomes = await Promise.allSettled([cancel(), cancel()]);
    assert.equal(outcomes.filter((outcome) => outcome.status === "fulfilled").length, 1);
    assert.equal(await database.db.auditEntry.count({ where: { subjectId: request.id } }), 1);
  });
});
