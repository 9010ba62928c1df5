import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { parseEntitlementQuery } from "./query";

const parse = (query: string) => parseEntitlementQuery(new URLSearchParams(query));

describe("the entitlements API's query", () => {
  it("takes nothing, at, changed_since, or both", () => {
    assert.deepEqual(parse(""), { ok: true, query: {} });
    assert.deepEqual(parse("at=2026-12-06T18:00:00Z"), { ok: true, query: { at: new Date("2026-12-06T18:00:00Z") } });
    assert.deepEqual(parse("changed_since=2026-12-06T19:00:00.250%2B01:00"), { ok: true, query: { changedSince: new Date("2026-12-06T18:00:00.250Z") } });
    assert.deepEqual(parse("changed_since=2026-01-01T00:00Z&at=2026-12-06T18:00:00Z"), {
      ok: true,
      query: { changedSince: new Date("2026-01-01T00:00Z"), at: new Date("2026-12-06T18:00:00Z") },
    });
  });

  it("refuses what it cannot read, with a problem a program can tell apart", () => {
    const errorOf = (query: string) => {
      const result = parse(query);
      return result.ok ? undefined : result.problem.error;
    };
    assert.equal(errorOf("at=2026-12-06"), "invalid_parameter", "a date is not an instant");
    assert.equal(errorOf("at=2026-12-06T18:00:00"), "invalid_parameter", "no time zone");
    assert.equal(errorOf("at=2026-02-30T18:00:00Z"), "invalid_parameter");
    assert.equal(errorOf("at=yesterday"), "invalid_parameter");
    assert.equal(errorOf("at="), "invalid_parameter");
    assert.equal(errorOf("since=2026-12-06T18:00:00Z"), "unknown_parameter");
    assert.equal(errorOf("at=2026-12-06T18:00:00Z&at=2026-12-07T18:00:00Z"), "repeated_parameter");
    assert.equal(errorOf("at=2026-01-01T00:00:00Z&changed_since=2026-12-06T18:00:00Z"), "invalid_parameter");
  });
});
