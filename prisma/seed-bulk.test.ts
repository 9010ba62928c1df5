import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { registerConsented } from "@/lib/domain/register/register";
import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { addMonths, dayOf } from "@/lib/domain/time";
import { startTestDatabase, type TTestDatabase } from "@/test-support/database";

import { seedBulkRequests } from "./seed-bulk";

let database: TTestDatabase;
const now = new Date("2026-11-22T12:00:00Z");

before(async () => {
  database = await startTestDatabase();
  await seedBulkRequests(database.db, { count: 400, seed: 7, now });
});

after(async () => {
  await database?.stop();
});

describe("bulk demo requests", () => {
  it("confirm the promises of granted requests only, some of them delivered with a link", async () => {
    const contributions = await database.db.contribution.findMany({ select: { status: true, deliveredLink: true, request: { select: { status: true } } } });
    assert.ok(contributions.length > 50);
    assert.ok(contributions.every((row) => ["GRANTED", "EXPIRED", "WITHDRAWN"].includes(row.request.status)));
    const delivered = contributions.filter((row) => row.status === "DELIVERED");
    assert.ok(delivered.length > 10 && delivered.every((row) => row.deliveredLink?.startsWith("https://")));
  });

  it("give every decided request a decision that matches its status", async () => {
    const decided = await database.db.request.findMany({
      where: { status: { in: ["GRANTED", "DECLINED", "EXPIRED", "WITHDRAWN"] } },
      select: { status: true, expiresAt: true, decision: true },
    });
    assert.ok(decided.length > 100);
    for (const request of decided) {
      assert.ok(request.decision, `a ${request.status} request without its decision`);
      assert.equal(request.decision.outcome, request.status === "DECLINED" ? "DECLINED" : "GRANTED");
      if (request.status === "DECLINED") {
        assert.equal(request.expiresAt, null);
        continue;
      }
      assert.ok(request.expiresAt && request.decision.startsAt);
      assert.ok(dayOf(request.expiresAt) <= addMonths(dayOf(request.decision.startsAt), 24), "no grant longer than 24 months");
      if (request.status === "GRANTED") assert.ok(request.expiresAt > now, "an active grant expires ahead");
      if (request.status === "EXPIRED") assert.ok(request.expiresAt < now, "an expired grant expired behind");
      if (request.status === "WITHDRAWN") assert.ok(request.decision.endedAt && request.decision.endReason);
    }
  });

  it("include grants expiring within 30 days, for the dashboard", async () => {
    const soon = await database.db.request.count({ where: { status: "GRANTED", expiresAt: { gt: now, lte: new Date(now.getTime() + 30 * 86_400_000) } } });
    assert.ok(soon > 0);
  });

  it("list the grants whose requesters consented in the public register, and no others", async () => {
    const decided = await database.db.request.findMany({
      where: { decision: { isNot: null } },
      select: { answers: true, requesterKind: true, contactName: true, decision: { select: { outcome: true, publicName: true, publicSummary: true } } },
    });
    const listed = decided.filter((request) => request.decision!.publicSummary !== null);
    assert.ok(listed.length > 20, `only ${listed.length} entries`);
    for (const request of decided) {
      const { outcome, publicName, publicSummary } = request.decision!;
      const consented = registerConsented(request.answers as TDraftAnswers);
      assert.equal(publicSummary !== null, consented && outcome === "GRANTED");
      if (publicSummary === null) continue;
      assert.ok(publicName && publicSummary, "an entry has a name and a summary");
      assert.ok(!publicName.includes(request.contactName!) && !publicSummary.includes(request.contactName!), "an entry never names the contact person");
    }
  });

  it("leave no decision on an open request", async () => {
    assert.equal(
      await database.db.decision.count({ where: { request: { status: { in: ["SUBMITTED", "IN_REVIEW", "AWAITING_REQUESTER", "CANCELLED", "LAPSED"] } } } }),
      0,
    );
  });
});
