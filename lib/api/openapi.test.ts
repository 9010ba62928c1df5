import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ENTITLEMENT_END_REASONS, entitlementJson, type TEntitlementRecord } from "@/lib/domain/entitlements";

import { OPENAPI } from "./openapi";

type TSchema = { properties?: Record<string, TSchema>; required?: readonly string[]; oneOf?: readonly TSchema[] };

/** Every field path of a JSON value, nested objects included: "scope.on_demand.requests_per_month". */
function fieldPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...fieldPaths(inner, `${prefix}${key}.`)]);
}

/** Every field path a schema names, through oneOf alternatives. */
function schemaPaths(schema: TSchema, prefix = ""): string[] {
  const own = Object.entries(schema.properties ?? {}).flatMap(([key, inner]) => [`${prefix}${key}`, ...schemaPaths(inner, `${prefix}${key}.`)]);
  return [...own, ...(schema.oneOf ?? []).flatMap((alternative) => schemaPaths(alternative, prefix))];
}

const RECORD: TEntitlementRecord = {
  requestId: "r1",
  reference: "EA-2026-00001",
  username: "ada-lab",
  apis: ["on_demand", "snapshot", "realtime"],
  onDemandPerMonth: 50000,
  snapshotFrequency: "weekly",
  realtime: true,
  startsAt: new Date("2026-01-01T00:00:00Z"),
  expiresAt: new Date("2027-01-01T00:00:00Z"),
  endedAt: new Date("2026-06-01T00:00:00Z"),
  endReason: "withdrawn",
  recordedAt: new Date("2026-06-01T00:00:00Z"),
  sequence: 1n,
};

describe("the OpenAPI document", () => {
  const entitlement = OPENAPI.components.schemas.Entitlement as unknown as TSchema;

  it("names every field of a real entitlement, and no other, each of them required", () => {
    const json = entitlementJson(RECORD, new Date("2026-07-01T00:00:00Z"));
    assert.deepEqual(schemaPaths(entitlement).sort(), fieldPaths(json).sort());
    assert.deepEqual([...(entitlement.required ?? [])].sort(), Object.keys(json).sort());
    assert.deepEqual([...(entitlement.properties?.scope?.required ?? [])].sort(), Object.keys(json.scope).sort());
  });

  it("lists the states and end reasons the domain has", () => {
    assert.deepEqual(OPENAPI.components.schemas.Entitlement.properties.state.enum, ["scheduled", "active", "ended"]);
    assert.deepEqual(OPENAPI.components.schemas.Entitlement.properties.end_reason.enum, [...ENTITLEMENT_END_REASONS, null]);
  });

  it("describes both endpoints with their refusals, behind the bearer scheme", () => {
    assert.equal(OPENAPI.openapi, "3.1.0");
    assert.deepEqual(OPENAPI.security, [{ bearer: [] }]);
    for (const path of ["/api/v1/entitlements", "/api/v1/entitlements/{username}"] as const) {
      assert.deepEqual(Object.keys(OPENAPI.paths[path].get.responses).sort(), ["200", "400", "401", "429"]);
      assert.deepEqual(
        OPENAPI.paths[path].get.parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name),
        ["at", "changed_since"],
      );
    }
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(OPENAPI)));
  });
});
