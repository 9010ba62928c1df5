import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { startTestDatabase, type TTestDatabase } from "@/test-support/database";
import { moveStatus } from "@/test-support/status";

import { lapseOverdueRequests } from "./lapse";

let database: TTestDatabase;

before(async () => {
  database = await startTestDatabase();
});

after(async () => {
  await database?.stop();
});

async function awaitingRequest(replyBy: Date) {
  const requester = await database.db.user.create({ data: { email: `lapse-${replyBy.getTime()}-${Math.random()}@example.org` } });
  const reviewer = await database.db.user.create({ data: { email: `reviewer-${Math.random()}@example.org`, role: "WMF_REVIEWER" } });
  const request = await database.db.request.create({
    data: { requesterId: requester.id, status: "AWAITING_REQUESTER", reference: `EA-2026-${Math.floor(Math.random() * 9000) + 1000}`, submittedAt: new Date() },
  });
  await database.db.informationRequest.create({ data: { requestId: request.id, askedById: reviewer.id, question: "When?", replyBy } });
  return { request, requester };
}

describe("lapsing unanswered questions", () => {
  it("lapses a request whose question is past its reply-by date, records it, and emails the requester once", async () => {
    const now = new Date("2026-12-20T12:00:00Z");
    const overdue = await awaitingRequest(new Date("2026-12-19T23:59:59Z"));
    const notYet = await awaitingRequest(new Date("2026-12-21T23:59:59Z"));

    assert.equal(await lapseOverdueRequests(database.db, { now, baseUrl: "http://localhost:3000" }), 1);
    assert.equal(await lapseOverdueRequests(database.db, { now, baseUrl: "http://localhost:3000" }), 0);

    const lapsed = await database.db.request.findUniqueOrThrow({ where: { id: overdue.request.id } });
    assert.equal(lapsed.status, "LAPSED");
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: notYet.request.id } })).status, "AWAITING_REQUESTER");
    const emails = await database.db.outboxEmail.findMany({ where: { requestId: overdue.request.id } });
    assert.equal(emails.length, 1);
    assert.equal(emails[0]!.to, overdue.requester.email);
    assert.match(emails[0]!.subject, /has lapsed/);
    const audit = await database.db.auditEntry.findMany({ where: { subjectId: overdue.request.id, action: "request.lapsed" } });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actorId, null);
  });

  it("leaves a request alone once it was answered, even if the date has passed", async () => {
    const answered = await awaitingRequest(new Date("2026-12-01T23:59:59Z"));
    await database.db.informationRequest.updateMany({
      where: { requestId: answered.request.id },
      data: { answeredAt: new Date("2026-11-30T10:00:00Z"), answer: "Soon" },
    });
    await moveStatus(database.db, { id: answered.request.id }, "IN_REVIEW");
    await lapseOverdueRequests(database.db, { now: new Date("2026-12-20T12:00:00Z"), baseUrl: "http://localhost:3000" });
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: answered.request.id } })).status, "IN_REVIEW");
  });
});
