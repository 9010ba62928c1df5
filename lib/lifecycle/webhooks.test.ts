// What the pipeline hands to webhook receivers and records as entitlements, against a real
// database: each decision writes its events and deliveries in its own transaction, and the
// entitlement read back is the one the database recorded.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { entitlementsAt } from "@/lib/domain/entitlements";
import { DAY_MS } from "@/lib/domain/time";
import { withDataLayerDatabase } from "@/test-support/database";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";
import { grantedRequest } from "@/test-support/grants";

const database = withDataLayerDatabase();
const decisions = database.module(() => import("@/lib/server/review/decisions"));
const followUps = database.module(() => import("@/lib/server/follow-ups"));
const expiry = database.module(() => import("@/lib/jobs/expiry"));

async function endpoint(eventTypes: string[]) {
  return database.db.webhookEndpoint.create({ data: { url: "https://accounts.example.org/hooks", eventTypes, secret: "whsec_dGVzdA==" } });
}

const granted = () => grantedRequest(database.db, decisions.grantRequest, { terms: { apis: ["snapshot", "on_demand"] }, baseUrl: BASE_URL });

const eventsOf = (requestId: string) =>
  database.db.webhookEvent.findMany({
    where: { requestId },
    orderBy: { sequence: "asc" },
    include: { deliveries: { select: { endpointId: true, status: true } } },
  });

describe("webhook events from the pipeline", () => {
  it("writes nothing when no endpoint listens, and still records the entitlement", async () => {
    await database.db.webhookEndpoint.deleteMany();
    const { request } = await granted();
    assert.equal((await eventsOf(request.id)).length, 0);
    const changes = await database.db.entitlementChange.findMany({ where: { requestId: request.id } });
    assert.equal(changes.length, 1);
    assert.equal(changes[0]!.username, "ada-lab");
    assert.deepEqual(changes[0]!.apis, ["snapshot", "on_demand"]);
    assert.equal(changes[0]!.onDemandPerMonth, 50000);
  });

  it("sends a grant's events, in order, to each endpoint that takes them, with the entitlement and no personal answers", async () => {
    await database.db.webhookEndpoint.deleteMany();
    const all = await endpoint(["grant.created", "entitlement.changed", "grant.withdrawn", "grant.extended"]);
    const onlyEntitlements = await endpoint(["entitlement.changed"]);
    const { reviewer, request } = await granted();

    const events = await eventsOf(request.id);
    assert.deepEqual(
      events.map((event) => event.type),
      ["grant.created", "entitlement.changed"],
    );
    assert.deepEqual(
      events[0]!.deliveries.map((delivery) => delivery.endpointId),
      [all.id],
    );
    assert.deepEqual(events[1]!.deliveries.map((delivery) => delivery.endpointId).sort(), [all.id, onlyEntitlements.id].sort());
    assert.match(events[0]!.id, /^msg_[0-9a-f]{32}$/);
    const changed = events[1]!.payload as { type: string; data: Record<string, unknown> };
    assert.equal(changed.type, "entitlement.changed");
    assert.equal(changed.data.username, "ada-lab");
    assert.equal(changed.data.state, "active");
    assert.deepEqual(changed.data.scope, { on_demand: { requests_per_month: 50000 }, snapshot: { frequency: "weekly" }, realtime: false });
    const text = JSON.stringify(events.map((event) => event.payload));
    assert.doesNotMatch(text, /@|Open Knowledge Lab|Ada/, "no email address, organisation or name");

    await decisions.extendGrant(
      reviewer,
      { requestId: request.id, version: request.version, expiresOn: day(500), lengthOverride: "", message: "More time." },
      BASE_URL,
      "en-GB",
    );
    const extended = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    await decisions.withdrawGrant(reviewer, { requestId: request.id, version: extended.version, reason: "POLICY", message: "Stopped." }, BASE_URL);

    const later = await eventsOf(request.id);
    assert.deepEqual(
      later.map((event) => event.type),
      ["grant.created", "entitlement.changed", "grant.extended", "entitlement.changed", "grant.withdrawn", "entitlement.changed"],
    );
    const extendedData = (later[2]!.payload as { data: { expires_at: string; previous_expires_at: string } }).data;
    assert.equal(extendedData.expires_at, `${day(500)}T23:59:59.999Z`);
    assert.equal(extendedData.previous_expires_at, `${day(365)}T23:59:59.999Z`);
    const ended = (later[5]!.payload as { data: { state: string; end_reason: string } }).data;
    assert.equal(ended.state, "ended");
    assert.equal(ended.end_reason, "withdrawn");
    const sequences = later.map((event) => event.sequence);
    assert.deepEqual(
      [...sequences].sort((a, b) => (a < b ? -1 : 1)),
      sequences,
    );
  });

  it("tells of a give-up and an expiry, and the entitlements derived from the records agree", async () => {
    await database.db.webhookEndpoint.deleteMany();
    await endpoint(["entitlement.changed", "grant.given_up", "grant.expired"]);
    const gaveUp = await granted();
    await followUps.giveUpGrant(gaveUp.requester, { requestId: gaveUp.request.id, version: gaveUp.request.version, note: "" }, BASE_URL);
    assert.deepEqual(
      (await eventsOf(gaveUp.request.id)).map((event) => event.type),
      ["entitlement.changed", "grant.given_up", "entitlement.changed"],
    );

    const expiring = await granted();
    const expiresAt = new Date(Date.now() + 2 * DAY_MS);
    await database.db.request.update({ where: { id: expiring.request.id }, data: { expiresAt } });
    const records = async () => database.db.entitlementChange.findMany({ where: { requestId: { in: [gaveUp.request.id, expiring.request.id] } } });
    // Before the worker runs, a grant past its expiry is already not in force.
    const after = new Date(expiresAt.getTime() + 1000);
    assert.deepEqual(
      entitlementsAt(await records(), new Date()).map((entitlement) => entitlement.reference),
      [expiring.request.reference],
    );
    assert.deepEqual(entitlementsAt(await records(), after), []);
    await expiry.expireGrants(database.db, { now: after, baseUrl: BASE_URL });
    const events = await eventsOf(expiring.request.id);
    assert.deepEqual(
      events.map((event) => event.type),
      ["entitlement.changed", "grant.expired", "entitlement.changed"],
      "the grant, then its expiry (the test moved the date behind the pipeline's back)",
    );
    const last = (events.at(-1)!.payload as { data: { state: string; end_reason: string; ended_at: string } }).data;
    assert.deepEqual([last.state, last.end_reason, last.ended_at], ["ended", "expired", expiresAt.toISOString()]);
  });
});
