import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { quarterBuckets } from "./figures";
import { deliveredShare, valueByQuarter } from "./in-kind";

describe("the in-kind value in the public figures", () => {
  it("puts each quarter's sums in its place, with nothing for a quarter without grants, and totals them", () => {
    const { quarters, total } = valueByQuarter(quarterBuckets("2026-01-01", "2026-09-30"), [
      { quarter: "2026-Q3", grants: 1, termCents: 500, incomplete: 1 },
      { quarter: "2026-Q1", grants: 2, termCents: 1_000, incomplete: 0 },
      { quarter: "2025-Q4", grants: 9, termCents: 9_999, incomplete: 0 },
    ]);
    assert.deepEqual(
      quarters.map(({ bucket, value }) => [bucket.key, value]),
      [
        ["2026-Q1", { grants: 2, termCents: 1_000, incomplete: 0 }],
        ["2026-Q2", { grants: 0, termCents: 0, incomplete: 0 }],
        ["2026-Q3", { grants: 1, termCents: 500, incomplete: 1 }],
      ],
    );
    assert.deepEqual(total, { grants: 3, termCents: 1_500, incomplete: 1 }, "a row outside the period counts nowhere");
  });

  it("gives the share of contributions delivered, and none before any was promised", () => {
    assert.equal(deliveredShare({ delivered: 1, promised: 4 }), 0.25);
    assert.equal(deliveredShare({ delivered: 0, promised: 0 }), undefined);
  });
});
