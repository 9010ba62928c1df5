import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { quarterBuckets } from "./figures";
import { targetShares } from "./targets";

describe("the share decided within the decision target", () => {
  it("is given per quarter and for the whole period, only from 5 counted requests", () => {
    const buckets = quarterBuckets("2026-01-01", "2026-09-30");
    const shares = targetShares(buckets, [
      { quarter: "2026-Q1", within: 4, counted: 5 },
      { quarter: "2026-Q2", within: 1, counted: 3 },
    ]);
    assert.deepEqual(
      shares.quarters.map(({ bucket, figures }) => [bucket.key, figures]),
      [
        ["2026-Q1", { within: 4, counted: 5, share: 0.8 }],
        ["2026-Q2", { within: 1, counted: 3 }],
        ["2026-Q3", { within: 0, counted: 0 }],
      ],
    );
    assert.deepEqual(shares.total, { within: 5, counted: 8, share: 5 / 8 });
  });
});
