// A grant given with a later first day is announced again on that day, once, and only to those
// who take `entitlement.changed`.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DAY_MS } from "@/lib/domain/time";
import { withDataLayerDatabase } from "@/test-support/database";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";
import { grantedRequest } from "@/test-support/grants";

const database = withDataLayerDatabase();
const decisions = database.module(() => import("@/lib/server/review/decisions"));
const starts = database.module(() => import("./entitlement-starts"));
const sweeps = database.module(() => import("./sweeps"));

async function grantStarting(startsOn: string) {
  const { request } = await grantedRequest(database.db, decisions.grantRequest, { terms: { startsOn, expiresOn: day(200) }, baseUrl: BASE_URL });
  return request;
}

const changesOf = async (requestId: string) =>
  (await database.db.webhookEvent.findMany({ where: { requestId, type: "entitlement.changed" }, orderBy: { sequence: "asc" } })).map(
    (event) => event as typeof event & { payload: { data: { state: string; username: string } } },
  );

describe("announcing a grant's start", () => {
  it("announces nothing while nobody takes entitlement.changed", async () => {
    await database.db.webhookEndpoint.deleteMany();
    const later = await grantStarting(day(3));
    const after = new Date(later.startsAt!.getTime() + 60_000);
    assert.equal(await starts.announceStartedEntitlements(database.db, { now: after }), 0);
    assert.equal((await changesOf(later.id)).length, 0);
  });

  it("announces a later start once, when its day has come, as active", async () => {
    await database.db.webhookEndpoint.deleteMany();
    await database.db.webhookEndpoint.create({
      data: { url: "https://accounts.example.org/hooks", eventTypes: ["entitlement.changed"], secret: "whsec_dGVzdA==" },
    });
    const later = await grantStarting(day(3));
    const today = await grantStarting(day(0));
    const startsAt = later.startsAt!;
    assert.deepEqual(
      (await changesOf(later.id)).map((event) => event.payload.data.state),
      ["scheduled"],
    );

    assert.equal(await starts.announceStartedEntitlements(database.db, { now: new Date(startsAt.getTime() - 1) }), 0, "not before its day");
    const now = new Date(startsAt.getTime() + 60_000);
    const changed = await sweeps.runSweeps(database.db, { now, baseUrl: BASE_URL });
    assert.ok(changed.started >= 1, "with the other sweeps");
    assert.equal(await starts.announceStartedEntitlements(database.db, { now: new Date(now.getTime() + DAY_MS) }), 0, "once");

    const events = await changesOf(later.id);
    assert.deepEqual(
      events.map((event) => event.payload.data.state),
      ["scheduled", "active"],
    );
    assert.equal(events[1]!.key, starts.entitlementStartedKey(later.id, startsAt));
    assert.equal(events[1]!.payload.data.username, "ada-lab");
    assert.equal((await database.db.webhookDelivery.findMany({ where: { eventId: events[1]!.id } })).length, 1);
    assert.equal((await changesOf(today.id)).length, 1, "a grant that started on its decision day was announced then");
  });
});
