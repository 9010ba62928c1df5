import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { digestDue, digestPeriod, digestSince, isEmptyDigest, type TDigestContent } from "./digest";

const at = (iso: string) => new Date(iso);

describe("digest periods", () => {
  it("a daily digest's period is the UTC day; a weekly one's starts on the Monday (UTC)", () => {
    assert.deepEqual(digestPeriod("DAILY", at("2026-12-09T23:59:59Z")), { start: at("2026-12-09T00:00:00Z"), key: "daily:2026-12-09" });
    // 9 December 2026 is a Wednesday; 7 December the Monday; a Sunday belongs to the week before it.
    assert.deepEqual(digestPeriod("WEEKLY", at("2026-12-09T08:00:00Z")), { start: at("2026-12-07T00:00:00Z"), key: "weekly:2026-12-07" });
    assert.equal(digestPeriod("WEEKLY", at("2026-12-13T23:00:00Z")).key, "weekly:2026-12-07");
    assert.equal(digestPeriod("WEEKLY", at("2026-12-14T00:00:00Z")).key, "weekly:2026-12-14");
  });

  it("is due once per period, never when none was asked for", () => {
    const now = at("2026-12-09T00:01:00Z");
    assert.equal(digestDue("DAILY", null, now), true);
    assert.equal(digestDue("DAILY", at("2026-12-08T00:01:00Z"), now), true);
    assert.equal(digestDue("DAILY", at("2026-12-09T00:00:30Z"), now), false);
    assert.equal(digestDue("WEEKLY", at("2026-12-07T00:00:30Z"), now), false);
    assert.equal(digestDue("WEEKLY", at("2026-12-06T23:59:00Z"), now), true);
    assert.equal(digestDue("NONE", null, now), false);
  });

  it("covers what happened since the last digest, and at most one period back", () => {
    const now = at("2026-12-09T00:01:00Z");
    assert.deepEqual(digestSince("DAILY", null, now), at("2026-12-08T00:01:00Z"));
    assert.deepEqual(digestSince("DAILY", at("2026-12-08T06:00:00Z"), now), at("2026-12-08T06:00:00Z"));
    assert.deepEqual(digestSince("DAILY", at("2026-11-01T00:00:00Z"), now), at("2026-12-08T00:01:00Z"));
    assert.deepEqual(digestSince("WEEKLY", null, now), at("2026-12-02T00:01:00Z"));
  });
});

describe("an empty digest", () => {
  const empty: TDigestContent = {
    confirmations: { count: 0, items: [] },
    appeals: { count: 0, items: [] },
    answers: { count: 0, items: [] },
    newRequests: { count: 0, items: [] },
    pastTarget: { count: 0, items: [] },
    expiringSoon: { count: 0, items: [] },
  };

  it("is one with nothing in any section", () => {
    assert.equal(isEmptyDigest(empty), true);
    assert.equal(isEmptyDigest({ ...empty, expiringSoon: { count: 1, items: [{ id: "r", reference: "EA-2026-0001", name: "Org" }] } }), false);
  });
});
