// The public figures' response times against the decision target: per quarter of submission, how
// many requests were decided within it (days waiting for the requester left out), of those that
// count: every decided request, and every request still open that has already waited longer.
import { MIN_DECISIONS_FOR_TIMES, type TQuarter } from "./figures";

/** One quarter as the database counts it. */
export type TTargetRow = { quarter: string; within: number; counted: number };

export type TTargetShare = {
  within: number;
  counted: number;
  /** Share decided within the target, 0 to 1; none below MIN_DECISIONS_FOR_TIMES counted requests, like the times to decision. */
  share?: number;
};

function shareOf(rows: readonly TTargetRow[]): TTargetShare {
  const within = rows.reduce((sum, row) => sum + row.within, 0);
  const counted = rows.reduce((sum, row) => sum + row.counted, 0);
  return counted >= MIN_DECISIONS_FOR_TIMES ? { within, counted, share: within / counted } : { within, counted };
}

/** Each quarter's share, and the whole period's. */
export function targetShares(buckets: readonly TQuarter[], rows: readonly TTargetRow[]) {
  return {
    quarters: buckets.map((bucket) => ({ bucket, figures: shareOf(rows.filter((row) => row.quarter === bucket.key)) })),
    total: shareOf(rows),
  };
}
