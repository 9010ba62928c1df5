import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { Prisma, RequestStatus } from "@/lib/generated/prisma/client";
import { completeAnswers } from "@/test-support/answers";
import { startTestDatabase, type TTestDatabase } from "@/test-support/database";

import { anonymiseClosedRequests, anonymisedAnswers } from "./retention";
import { runSweeps } from "./sweeps";
import { DAY_MS as DAY } from "@/lib/domain/time";

let database: TTestDatabase;

before(async () => {
  database = await startTestDatabase();
});

after(async () => {
  await database?.stop();
});

const NOW = new Date("2028-06-01T12:00:00Z");

async function requestOf(status: RequestStatus, daysSinceActivity: number) {
  const email = `retention-${Math.random()}@example.org`;
  const user = await database.db.user.create({ data: { email, name: "Kept Name" } });
  const answers = completeAnswers("2026-12-01");
  return database.db.request.create({
    data: {
      requesterId: user.id,
      status,
      answers: { ...answers, who: { ...answers.who, email } } as Prisma.InputJsonValue,
      contactName: "Ada Lovelace",
      organisation: "Open Knowledge Lab",
      searchText: `Ada Lovelace ${email}`,
      lastActivityAt: new Date(NOW.getTime() - daysSinceActivity * DAY),
    },
  });
}

describe("the retention sweep", () => {
  it("anonymises only requests closed longer than the retention period, once, as the system", async () => {
    const old = await Promise.all((["DECLINED", "CANCELLED", "LAPSED", "EXPIRED", "WITHDRAWN"] as const).map((status) => requestOf(status, 731)));
    const recent = await requestOf("DECLINED", 729);
    const openOld = await Promise.all((["SUBMITTED", "IN_REVIEW", "AWAITING_REQUESTER", "GRANTED", "DRAFT"] as const).map((status) => requestOf(status, 1000)));
    await database.db.outboxEmail.create({
      data: { idempotencyKey: `declined:${old[0]!.id}`, to: "x@example.org", subject: "s", text: "t", html: "h", requestId: old[0]!.id, status: "SENT" },
    });

    assert.equal(await anonymiseClosedRequests(database.db, { now: NOW, afterDays: 730 }), 5);
    assert.equal(await anonymiseClosedRequests(database.db, { now: NOW, afterDays: 730 }), 0);

    for (const request of old) {
      const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id }, include: { requester: true } });
      assert.ok(stored.anonymisedAt);
      assert.equal(stored.contactName, null);
      assert.equal((stored.answers as { who: Record<string, string> }).who.email, undefined);
      assert.ok(!stored.searchText.includes("Ada Lovelace"));
      assert.equal(stored.requester.name, "Kept Name", "the sweep works on requests, not accounts");
      assert.equal(await database.db.auditEntry.count({ where: { subjectId: request.id, action: "request.anonymised", actorId: null } }), 1);
    }
    assert.equal(await database.db.outboxEmail.count({ where: { requestId: old[0]!.id } }), 0);
    for (const request of [recent, ...openOld]) {
      const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
      assert.equal(stored.anonymisedAt, null);
      assert.equal(stored.contactName, "Ada Lovelace");
    }
  });

  it("drops what a requester's Wikimedia account said once none of their requests is left to review", async () => {
    const old = await requestOf("DECLINED", 800);
    const facts = (userId: string) => ({ userId, username: "Example", editCount: 10, groups: ["user"], blocked: false, checkedAt: NOW });
    await database.db.wikimediaAccountFacts.create({ data: facts(old.requesterId) });
    const kept = await requestOf("WITHDRAWN", 800);
    await database.db.wikimediaAccountFacts.create({ data: facts(kept.requesterId) });
    await database.db.request.create({
      data: { requesterId: kept.requesterId, status: "IN_REVIEW", answers: {}, lastActivityAt: NOW },
    });

    await anonymiseClosedRequests(database.db, { now: NOW, afterDays: 730 });
    assert.equal(await database.db.wikimediaAccountFacts.count({ where: { userId: old.requesterId } }), 0);
    assert.equal(await database.db.wikimediaAccountFacts.count({ where: { userId: kept.requesterId } }), 1, "a request still in review keeps them");
  });

  it("blanks the account name in the entitlement records and deletes the webhook events sent about it", async () => {
    const request = await requestOf("EXPIRED", 731);
    const recordedAt = new Date(NOW.getTime() - 800 * DAY);
    const expiresAt = new Date(NOW.getTime() - 731 * DAY);
    await database.db.entitlementChange.create({
      data: { requestId: request.id, reference: "EA-2026-09999", username: "ada-lab", apis: ["snapshot"], startsAt: recordedAt, expiresAt, recordedAt },
    });
    const endpoint = await database.db.webhookEndpoint.create({
      data: { url: "https://accounts.example.org/hooks", eventTypes: ["entitlement.changed"], secret: "whsec_dGVzdA==" },
    });
    const event = async (id: string, status: "DELIVERED" | "FAILED" | "PENDING") => {
      const payload = { type: "entitlement.changed", timestamp: recordedAt.toISOString(), data: { username: "ada-lab" } };
      const { sequence } = await database.db.webhookEvent.create({
        data: { id, type: "entitlement.changed", requestId: request.id, payload, createdAt: recordedAt },
      });
      await database.db.webhookDelivery.create({
        data: { eventId: id, endpointId: endpoint.id, requestId: request.id, sequence, status, nextAttemptAt: recordedAt, createdAt: recordedAt },
      });
    };
    await event(`msg_sent_${request.id}`, "DELIVERED");
    await event(`msg_failed_${request.id}`, "FAILED");
    await event(`msg_waiting_${request.id}`, "PENDING");

    assert.ok((await anonymiseClosedRequests(database.db, { now: NOW, afterDays: 730 })) >= 1);

    const records = await database.db.entitlementChange.findMany({ where: { requestId: request.id } });
    assert.deepEqual(
      records.map(({ username, reference }) => [username, reference]),
      [["", "EA-2026-09999"]],
    );
    const left = await database.db.webhookEvent.findMany({ where: { requestId: request.id }, select: { id: true } });
    assert.deepEqual(
      left.map(({ id }) => id),
      [`msg_waiting_${request.id}`],
      "only the event still to be sent stays",
    );
  });

  it("runs with the other sweeps when the retention period is given", async () => {
    const old = await requestOf("CANCELLED", 40);
    const changed = await runSweeps(database.db, { now: NOW, baseUrl: "http://localhost:3000", retentionDays: 30 });
    assert.ok(changed.anonymised >= 1);
    assert.ok((await database.db.request.findUniqueOrThrow({ where: { id: old.id } })).anonymisedAt);
  });

  it("keeps what is not personal: the kind, the country and, except for individuals, the organisation", () => {
    const who = { requesterKind: "nonprofit", contactName: "Ada", email: "a@example.org", enterpriseUsername: "ada", organisation: "Lab", country: "GB" };
    assert.deepEqual(anonymisedAnswers({ who }).who, { requesterKind: "nonprofit", organisation: "Lab", country: "GB" });
    assert.deepEqual(anonymisedAnswers({ who: { ...who, requesterKind: "individual" } }).who, { requesterKind: "individual", country: "GB" });
  });
});
