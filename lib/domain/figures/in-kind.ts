import type { TQuarter } from "./figures";

// The public figures of in-kind value: what the grants decided in each quarter are worth over their
// whole term, what the grants active today are worth, and how many promised contributions were
// delivered. PostgreSQL sums (lib/server/in-kind-sql.ts); these shape its totals for the page.

/** Grants decided in one quarter, as the database sums them: how many, their whole-term value in cents, and how many lack a price. */
export type TValueRow = { quarter: string; grants: number; termCents: number; incomplete: number };

export type TQuarterValue = { grants: number; termCents: number; incomplete: number };

const NONE: TQuarterValue = { grants: 0, termCents: 0, incomplete: 0 };

/** The value granted in each quarter of the period, and in all of it. */
export function valueByQuarter(buckets: TQuarter[], rows: TValueRow[]) {
  const byKey = new Map(rows.map((row) => [row.quarter, row]));
  const quarters = buckets.map((bucket) => {
    const row = byKey.get(bucket.key);
    return { bucket, value: row ? { grants: row.grants, termCents: row.termCents, incomplete: row.incomplete } : NONE };
  });
  const total = quarters.reduce<TQuarterValue>(
    (sum, { value }) => ({ grants: sum.grants + value.grants, termCents: sum.termCents + value.termCents, incomplete: sum.incomplete + value.incomplete }),
    NONE,
  );
  return { quarters, total };
}

/** The share (0 to 1) of promised contributions delivered; none when none was promised. */
export function deliveredShare({ delivered, promised }: { delivered: number; promised: number }): number | undefined {
  return promised > 0 ? delivered / promised : undefined;
}
