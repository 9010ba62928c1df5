import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { entitlementJson, entitlementState, entitlementsAt, type TEntitlementRecord } from "./entitlements";

const at = (iso: string) => new Date(iso);

function record(fields: Partial<TEntitlementRecord> = {}): TEntitlementRecord {
  return {
    requestId: "r1",
    reference: "EA-2026-0001",
    username: "maps-lab",
    apis: ["on_demand", "snapshot"],
    onDemandPerMonth: 50_000,
    snapshotFrequency: "weekly",
    realtime: false,
    startsAt: at("2026-12-01T00:00:00.000Z"),
    expiresAt: at("2027-11-30T23:59:59.999Z"),
    endedAt: null,
    endReason: null,
    recordedAt: at("2026-11-20T10:00:00.000Z"),
    sequence: 1n,
    ...fields,
  };
}

describe("an entitlement's state", () => {
  it("is scheduled before its first day, active from it, and ended from its expiry, whether or not the expiry is recorded", () => {
    const grant = record();
    assert.equal(entitlementState(grant, at("2026-11-30T23:59:59.999Z")), "scheduled");
    assert.equal(entitlementState(grant, at("2026-12-01T00:00:00.000Z")), "active");
    assert.equal(entitlementState(grant, at("2027-11-30T23:59:59.998Z")), "active");
    const after = at("2027-11-30T23:59:59.999Z");
    assert.equal(entitlementState(grant, after), "ended");
    assert.deepEqual([entitlementJson(grant, after).end_reason, entitlementJson(grant, after).ended_at], ["expired", "2027-11-30T23:59:59.999Z"]);
  });

  it("ends at a withdrawal or give-up with its reason, and not before it", () => {
    const withdrawn = record({ endedAt: at("2027-02-01T12:00:00.000Z"), endReason: "given_up" });
    assert.equal(entitlementState(withdrawn, at("2027-02-01T11:59:59.000Z")), "active");
    const json = entitlementJson(withdrawn, at("2027-03-01T00:00:00.000Z"));
    assert.deepEqual([json.state, json.end_reason, json.ended_at], ["ended", "given_up", "2027-02-01T12:00:00.000Z"]);
  });

  it("names each granted API with its limit, and only those granted", () => {
    const json = entitlementJson(record(), at("2027-01-01T00:00:00.000Z"));
    assert.deepEqual(json.scope, { on_demand: { requests_per_month: 50_000 }, snapshot: { frequency: "weekly" }, realtime: false });
    const realtimeOnly = entitlementJson(
      record({ apis: ["realtime"], onDemandPerMonth: null, snapshotFrequency: null, realtime: true }),
      at("2027-01-01T00:00:00.000Z"),
    );
    assert.deepEqual(realtimeOnly.scope, { on_demand: null, snapshot: null, realtime: true });
  });
});

describe("the entitlements at a moment", () => {
  const made = record();
  const extended = record({ expiresAt: at("2028-05-31T23:59:59.999Z"), recordedAt: at("2027-06-01T09:00:00.000Z"), sequence: 2n });
  const other = record({
    requestId: "r2",
    reference: "EA-2026-0002",
    username: "atlas",
    startsAt: at("2026-10-01T00:00:00.000Z"),
    expiresAt: at("2027-01-31T23:59:59.999Z"),
    sequence: 3n,
  });

  it("takes each grant's last record made by then, so the past reads as it stood", () => {
    assert.equal(
      entitlementsAt([made, extended, other], at("2027-01-15T00:00:00.000Z")).find((e) => e.reference === "EA-2026-0001")?.expires_at,
      "2027-11-30T23:59:59.999Z",
    );
    assert.equal(entitlementsAt([made, extended, other], at("2027-07-01T00:00:00.000Z"))[0]?.expires_at, "2028-05-31T23:59:59.999Z");
  });

  it("lists only those in force, or with changed_since every one that changed after it, ended ones included", () => {
    const feb = at("2027-02-15T00:00:00.000Z");
    assert.deepEqual(
      entitlementsAt([made, other], feb).map((e) => e.reference),
      ["EA-2026-0001"],
    );
    const changed = entitlementsAt([made, other], feb, { changedSince: at("2027-01-01T00:00:00.000Z") });
    assert.deepEqual(
      changed.map((e) => [e.reference, e.state, e.changed_at]),
      [["EA-2026-0002", "ended", "2027-01-31T23:59:59.999Z"]],
    );
    assert.deepEqual(
      entitlementsAt([made, other], at("2026-11-25T00:00:00.000Z")).map((e) => e.reference),
      ["EA-2026-0002"],
      "the first grant has not started",
    );
  });
});
