import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  defaultFrom,
  MIN_DECISIONS_FOR_TIMES,
  niceScale,
  parseFiguresQuery,
  percentile,
  quarterBuckets,
  quarterEnd,
  quarterOf,
  shiftQuarter,
  summariseFigures,
  type TCountRow,
} from "./figures";

const TODAY = "2026-11-22";

describe("quarters", () => {
  it("knows which quarter a day is in, and where quarters end", () => {
    assert.deepEqual(quarterOf("2026-01-01"), { year: 2026, quarter: 1 });
    assert.deepEqual(quarterOf("2026-03-31"), { year: 2026, quarter: 1 });
    assert.deepEqual(quarterOf("2026-04-01"), { year: 2026, quarter: 2 });
    assert.deepEqual(quarterOf("2026-12-31"), { year: 2026, quarter: 4 });
    assert.equal(quarterEnd(2026, 1), "2026-03-31");
    assert.equal(quarterEnd(2028, 1), "2028-03-31");
    assert.equal(quarterEnd(2026, 2), "2026-06-30");
    assert.equal(quarterEnd(2026, 4), "2026-12-31");
  });

  it("steps across years both ways", () => {
    assert.deepEqual(shiftQuarter({ year: 2026, quarter: 4 }, 1), { year: 2027, quarter: 1 });
    assert.deepEqual(shiftQuarter({ year: 2026, quarter: 1 }, -1), { year: 2025, quarter: 4 });
    assert.deepEqual(shiftQuarter({ year: 2026, quarter: 4 }, -7), { year: 2025, quarter: 1 });
  });

  it("lists every quarter a period touches, marking those it cuts", () => {
    assert.deepEqual(quarterBuckets("2025-02-15", "2025-07-10"), [
      { key: "2025-Q1", year: 2025, quarter: 1, from: "2025-02-15", to: "2025-03-31", partial: true },
      { key: "2025-Q2", year: 2025, quarter: 2, from: "2025-04-01", to: "2025-06-30", partial: false },
      { key: "2025-Q3", year: 2025, quarter: 3, from: "2025-07-01", to: "2025-07-10", partial: true },
    ]);
    assert.deepEqual(
      quarterBuckets("2025-10-01", "2025-12-31").map((bucket) => [bucket.key, bucket.partial]),
      [["2025-Q4", false]],
    );
    assert.deepEqual(
      quarterBuckets("2025-11-05", "2025-11-05").map((bucket) => [bucket.key, bucket.from, bucket.to]),
      [["2025-Q4", "2025-11-05", "2025-11-05"]],
    );
  });

  it("has forty quarters in ten years", () => {
    assert.equal(quarterBuckets("2016-01-01", "2025-12-31").length, 40);
  });
});

describe("parseFiguresQuery", () => {
  it("shows this quarter and the seven before it when no period is given", () => {
    assert.equal(defaultFrom(TODAY), "2025-01-01");
    assert.deepEqual(parseFiguresQuery({}, TODAY), { ok: true, range: { from: "2025-01-01", to: TODAY }, values: { from: "", to: "" } });
    assert.deepEqual(parseFiguresQuery({ from: " ", to: "" }, TODAY).ok, true);
  });

  it("fills in a missing end with today, and a missing start from the end", () => {
    assert.deepEqual(parseFiguresQuery({ from: "2026-01-01" }, TODAY), {
      ok: true,
      range: { from: "2026-01-01", to: TODAY },
      values: { from: "2026-01-01", to: "" },
    });
    assert.deepEqual(parseFiguresQuery({ to: "2020-05-05" }, TODAY), {
      ok: true,
      range: { from: "2018-07-01", to: "2020-05-05" },
      values: { from: "", to: "2020-05-05" },
    });
  });

  it("names each field with a date that is not one", () => {
    const result = parseFiguresQuery({ from: "2026-02-30", to: "next week" }, TODAY);
    assert.deepEqual(result, {
      ok: false,
      errors: { from: { key: "error-figures-from-invalid" }, to: { key: "error-figures-to-invalid" } },
      values: { from: "2026-02-30", to: "next week" },
    });
    assert.equal(parseFiguresQuery({ from: "2026-1-5" }, TODAY).ok, false);
    assert.equal(parseFiguresQuery({ to: "20260105" }, TODAY).ok, false);
  });

  it("keeps dates within the years it can show", () => {
    assert.deepEqual(parseFiguresQuery({ from: "1999-12-31", to: "2000-01-31" }, TODAY), {
      ok: false,
      errors: { from: { key: "error-figures-out-of-bounds" } },
      values: { from: "1999-12-31", to: "2000-01-31" },
    });
    assert.equal(parseFiguresQuery({ from: "2000-01-01", to: "2000-01-31" }, TODAY).ok, true);
    assert.equal(parseFiguresQuery({ to: "2100-01-01" }, TODAY).ok, false);
  });

  it("refuses an end before the start, and a period over ten years", () => {
    assert.deepEqual(parseFiguresQuery({ from: "2026-05-01", to: "2026-04-30" }, TODAY), {
      ok: false,
      errors: { to: { key: "error-figures-order" } },
      values: { from: "2026-05-01", to: "2026-04-30" },
    });
    assert.equal(parseFiguresQuery({ from: "2026-05-01", to: "2026-05-01" }, TODAY).ok, true);
    assert.equal(parseFiguresQuery({ from: "2016-01-01", to: "2025-12-31" }, TODAY).ok, true);
    const tooLong = parseFiguresQuery({ from: "2016-01-01", to: "2026-01-01" }, TODAY);
    assert.deepEqual(tooLong.ok ? undefined : tooLong.errors, { to: { key: "error-figures-too-long", params: [10] } });
  });

  it("takes no more than a date's worth of whatever is sent", () => {
    const result = parseFiguresQuery({ from: "x".repeat(10_000) }, TODAY);
    assert.equal(result.values.from.length, 40);
    assert.equal(result.ok, false);
  });
});

describe("percentile", () => {
  it("interpolates between the nearest ranks, as percentile_cont does", () => {
    const days: [number, number][] = [
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
      [10, 1],
    ];
    assert.equal(percentile(days, 0.5), 3);
    assert.equal(percentile(days, 0.9), 7.6);
    assert.equal(percentile(days, 0), 1);
    assert.equal(percentile(days, 1), 10);
    assert.equal(
      percentile(
        [
          [5, 1],
          [7, 1],
        ],
        0.5,
      ),
      6,
    );
  });

  it("reads repeated values from their counts, in any order", () => {
    assert.equal(
      percentile(
        [
          [30, 2],
          [10, 3],
          [20, 5],
        ],
        0.5,
      ),
      20,
    );
    assert.equal(
      percentile(
        [
          [10, 3],
          [20, 5],
          [30, 2],
        ],
        0.9,
      ),
      30,
    );
    assert.equal(
      percentile(
        [
          [10, 3],
          [20, 5],
          [30, 2],
        ],
        0.25,
      ),
      12.5,
    );
    assert.equal(percentile([[4, 1]], 0.9), 4);
  });

  it("has none for no values", () => {
    assert.equal(percentile([], 0.5), undefined);
    assert.equal(percentile([[3, 0]], 0.5), undefined);
  });
});

describe("summariseFigures", () => {
  const buckets = quarterBuckets("2011-01-01", "2011-06-30");
  const counts: TCountRow[] = [
    { quarter: "2011-Q1", status: "GRANTED", joint: false, n: 2 },
    { quarter: "2011-Q1", status: "EXPIRED", joint: true, n: 1 },
    { quarter: "2011-Q1", status: "WITHDRAWN", joint: false, n: 1 },
    // Decided by email before the app, and imported: received and declined like any other.
    { quarter: "2011-Q1", status: "DECLINED", joint: false, imported: true, n: 1 },
    { quarter: "2011-Q1", status: "CANCELLED", joint: true, n: 1 },
    { quarter: "2011-Q2", status: "LAPSED", joint: false, n: 1 },
    { quarter: "2011-Q2", status: "IN_REVIEW", joint: false, n: 2 },
    { quarter: "2011-Q2", status: "AWAITING_REQUESTER", joint: true, n: 1 },
  ];
  const days = [
    { quarter: "2011-Q1", days: 1, n: 1 },
    { quarter: "2011-Q1", days: 2, n: 1 },
    { quarter: "2011-Q1", days: 3, n: 1 },
    { quarter: "2011-Q1", days: 4, n: 1 },
    { quarter: "2011-Q1", days: 10, n: 1 },
  ];
  const { quarters, total } = summariseFigures(buckets, counts, days);

  it("counts what became of each quarter's requests, a grant that ended still a grant", () => {
    assert.deepEqual(quarters[0]!.figures, {
      received: 6,
      granted: 4,
      declined: 1,
      cancelled: 1,
      lapsed: 0,
      open: 0,
      joint: 2,
      imported: 1,
      jointShare: 2 / 6,
      decisions: 5,
      medianDays: 3,
      p90Days: 7.6,
    });
    assert.deepEqual(quarters[1]!.figures, {
      received: 4,
      granted: 0,
      declined: 0,
      cancelled: 0,
      lapsed: 1,
      open: 3,
      joint: 1,
      imported: 0,
      jointShare: 0.25,
      decisions: 0,
    });
  });

  it("adds the whole period up, with its percentiles from every decision in it", () => {
    assert.deepEqual(total, {
      received: 10,
      granted: 4,
      declined: 1,
      cancelled: 1,
      lapsed: 1,
      open: 3,
      joint: 3,
      imported: 1,
      jointShare: 0.3,
      decisions: 5,
      medianDays: 3,
      p90Days: 7.6,
    });
  });

  it("shows no times to decision for a handful of decisions", () => {
    const few = summariseFigures(buckets, counts, days.slice(0, MIN_DECISIONS_FOR_TIMES - 1));
    assert.equal(few.quarters[0]!.figures.medianDays, undefined);
    assert.equal(few.total.p90Days, undefined);
  });

  it("gives an empty quarter zeros and no share", () => {
    const empty = summariseFigures(quarterBuckets("2012-01-01", "2012-03-31"), [], []);
    assert.deepEqual(empty.quarters[0]!.figures, {
      received: 0,
      granted: 0,
      declined: 0,
      cancelled: 0,
      lapsed: 0,
      open: 0,
      joint: 0,
      imported: 0,
      decisions: 0,
    });
  });
});

describe("niceScale", () => {
  it("reaches past the largest value in round steps", () => {
    assert.deepEqual(niceScale(0), { top: 1, ticks: [0, 1] });
    assert.deepEqual(niceScale(3), { top: 3, ticks: [0, 1, 2, 3] });
    assert.deepEqual(niceScale(7), { top: 8, ticks: [0, 2, 4, 6, 8] });
    assert.deepEqual(niceScale(10), { top: 10, ticks: [0, 5, 10] });
    assert.deepEqual(niceScale(87), { top: 100, ticks: [0, 50, 100] });
    assert.deepEqual(niceScale(1234), { top: 1500, ticks: [0, 500, 1000, 1500] });
    assert.deepEqual(niceScale(7.6), { top: 8, ticks: [0, 2, 4, 6, 8] });
  });
});
