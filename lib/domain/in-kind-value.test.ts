import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { centsOf, costsOn, estimateValue, type TUnitCost, termMonths, ZUnitCostInput } from "./in-kind-value";

const PRICES: TUnitCost[] = [
  { kind: "on_demand_million", amountCents: 4_000, validFrom: "2026-01-01" },
  { kind: "snapshot_download", amountCents: 250, validFrom: "2026-01-01" },
  { kind: "realtime_month", amountCents: 150_000, validFrom: "2026-01-01" },
  { kind: "development_day", amountCents: 80_000, validFrom: "2026-01-01" },
];

const YEAR = { startsOn: "2026-03-01", expiresOn: "2027-02-28" };

describe("the prices in force on a day", () => {
  it("takes per kind the price with the latest start on or before the day", () => {
    const history: TUnitCost[] = [
      ...PRICES,
      { kind: "on_demand_million", amountCents: 5_000, validFrom: "2026-07-01" },
      { kind: "on_demand_million", amountCents: 6_000, validFrom: "2027-01-01" },
    ];
    assert.equal(costsOn(history, "2026-06-30").on_demand_million, 4_000);
    assert.equal(costsOn(history, "2026-07-01").on_demand_million, 5_000, "a price applies from its first day");
    assert.equal(costsOn(history, "2026-12-31").on_demand_million, 5_000);
    assert.equal(costsOn(history, "2027-03-01").on_demand_million, 6_000);
    assert.equal(costsOn(history, "2027-03-01").realtime_month, 150_000, "other kinds keep theirs");
  });

  it("has no price for a kind before its first one", () => {
    assert.deepEqual(costsOn(PRICES, "2025-12-31"), {});
  });

  it("does not depend on the order prices are listed in", () => {
    const history: TUnitCost[] = [
      { kind: "realtime_month", amountCents: 2, validFrom: "2026-05-01" },
      { kind: "realtime_month", amountCents: 1, validFrom: "2026-01-01" },
      { kind: "realtime_month", amountCents: 3, validFrom: "2026-09-01" },
    ];
    assert.equal(costsOn(history, "2026-06-01").realtime_month, 2);
    assert.equal(costsOn([...history].reverse(), "2026-06-01").realtime_month, 2);
  });
});

describe("a grant's term in months", () => {
  it("counts both ends and writes it to one decimal", () => {
    assert.equal(termMonths("2026-01-01", "2026-12-31"), 12);
    assert.equal(termMonths("2026-03-01", "2026-03-31"), 1);
    assert.equal(termMonths("2026-01-01", "2026-01-15"), 0.5);
    assert.equal(termMonths("2026-01-01", "2027-12-31"), 24);
  });
});

describe("the in-kind value of a scope", () => {
  it("spells out one line per API granted, and the monthly and whole-term totals", () => {
    const estimate = estimateValue(
      { apis: ["on_demand", "snapshot", "realtime"], onDemandPerMonth: 2_000_000, snapshotFrequency: "twice_monthly", realtime: true, ...YEAR },
      costsOn(PRICES, "2026-02-01"),
    );
    assert.deepEqual(estimate.lines, [
      { kind: "on_demand_million", requests: 2_000_000, unitCents: 4_000, monthlyCents: 8_000 },
      { kind: "snapshot_download", frequency: "twice_monthly", downloads: 2, unitCents: 250, monthlyCents: 500 },
      { kind: "realtime_month", unitCents: 150_000, monthlyCents: 150_000 },
    ]);
    assert.deepEqual(estimate.missing, []);
    assert.equal(estimate.monthlyCents, 158_500);
    assert.equal(estimate.months, 12);
    assert.equal(estimate.termCents, 1_902_000);
  });

  it("counts snapshot downloads a month by frequency", () => {
    const downloads = (snapshotFrequency: string) =>
      estimateValue({ apis: ["snapshot"], snapshotFrequency, realtime: false, ...YEAR }, { snapshot_download: 100 }).monthlyCents;
    assert.equal(downloads("daily"), 3_042, "365 / 12 downloads at $1.00, rounded to the cent");
    assert.equal(downloads("weekly"), 433);
    assert.equal(downloads("twice_monthly"), 200);
    assert.equal(downloads("monthly"), 100);
  });

  it("adds custom development once to the whole term, never to the month", () => {
    const estimate = estimateValue({ apis: ["realtime"], realtime: true, developmentDays: 5, ...YEAR }, costsOn(PRICES, "2026-02-01"));
    assert.equal(estimate.monthlyCents, 150_000);
    assert.equal(estimate.termCents, 150_000 * 12 + 5 * 80_000);
    assert.deepEqual(estimate.lines.at(-1), { kind: "development_day", days: 5, unitCents: 80_000, onceCents: 400_000 });
  });

  it("values only what is granted: limits of APIs not granted are ignored", () => {
    const estimate = estimateValue(
      { apis: ["realtime"], onDemandPerMonth: 9_000_000, snapshotFrequency: "daily", realtime: true, ...YEAR },
      costsOn(PRICES, "2026-02-01"),
    );
    assert.deepEqual(
      estimate.lines.map((line) => line.kind),
      ["realtime_month"],
    );
  });

  it("says which prices are missing rather than counting them as nothing", () => {
    const estimate = estimateValue(
      { apis: ["on_demand", "realtime"], onDemandPerMonth: 1_000_000, realtime: true, developmentDays: 2, ...YEAR },
      { on_demand_million: 4_000 },
    );
    assert.deepEqual(estimate.missing, ["realtime_month", "development_day"]);
    assert.equal(estimate.monthlyCents, 4_000, "the totals are of the priced lines only, and flagged incomplete by `missing`");
  });

  it("rounds each line to the cent, so the totals are the sums of the lines shown", () => {
    const estimate = estimateValue(
      { apis: ["on_demand"], onDemandPerMonth: 1_234_567, realtime: false, startsOn: "2026-01-01", expiresOn: "2026-02-14" },
      {
        on_demand_million: 3_333,
      },
    );
    assert.equal(estimate.monthlyCents, 4_115, "1.234567 × $33.33 = $41.148…");
    assert.equal(estimate.months, 1.5);
    assert.equal(estimate.termCents, 6_173, "$41.15 × 1.5 months, rounded half up");
  });

  it("keeps an older grant's estimate when a price is added later", () => {
    const scope = { apis: ["on_demand"], onDemandPerMonth: 3_000_000, realtime: false, ...YEAR };
    const before = estimateValue(scope, costsOn(PRICES, "2026-02-15"));
    const later = [...PRICES, { kind: "on_demand_million" as const, amountCents: 9_900, validFrom: "2026-06-01" }];
    assert.deepEqual(estimateValue(scope, costsOn(later, "2026-02-15")), before);
    assert.equal(estimateValue(scope, costsOn(later, "2026-06-01")).monthlyCents, 29_700, "a grant decided on the new price's first day uses it");
  });
});

describe("an amount typed in dollars", () => {
  it("reads points, decimal commas, grouping and other scripts' digits", () => {
    assert.equal(centsOf("40"), 4_000);
    assert.equal(centsOf("40.5"), 4_050);
    assert.equal(centsOf("40,50"), 4_050);
    assert.equal(centsOf("1,250.75"), 125_075);
    assert.equal(centsOf("1.250,75"), 125_075);
    assert.equal(centsOf("$ 12"), 1_200);
    assert.equal(centsOf("٤٠٫٥"), 4_050);
    assert.equal(centsOf(".25"), 25);
  });

  it("refuses what is not an amount", () => {
    for (const typed of ["", "abc", "1.2345", "1e5", "--5", "5-", "Infinity", "0x10", "1,2,3"]) assert.ok(Number.isNaN(centsOf(typed)), typed);
    assert.equal(centsOf("1.234"), 123_400, "a point before three digits groups thousands, as in German");
  });

  it("keeps a minus sign, for the form to refuse with its own message", () => {
    assert.equal(centsOf("-5"), -500);
    assert.equal(centsOf("−5"), -500);
  });
});

describe("the form adding a price", () => {
  const errorsOf = (values: Record<string, string>) => {
    const parsed = ZUnitCostInput.safeParse(values);
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  };

  it("turns dollars into cents", () => {
    assert.deepEqual(ZUnitCostInput.parse({ kind: "realtime_month", amount: "1,500", validFrom: "2026-07-01" }), {
      kind: "realtime_month",
      amountCents: 150_000,
      validFrom: "2026-07-01",
    });
  });

  it("refuses negative, absurd and non-numbers, and an unknown kind", () => {
    assert.deepEqual(errorsOf({ kind: "", amount: "", validFrom: "" }), {
      kind: "error-unit-cost-kind",
      amount: "error-unit-cost-amount",
      validFrom: "error-unit-cost-valid-from",
    });
    assert.equal(errorsOf({ kind: "gold", amount: "1", validFrom: "2026-01-01" }).kind, "error-unit-cost-kind");
    assert.equal(errorsOf({ kind: "realtime_month", amount: "-1", validFrom: "2026-01-01" }).amount, "error-unit-cost-negative");
    assert.equal(errorsOf({ kind: "realtime_month", amount: "ten", validFrom: "2026-01-01" }).amount, "error-unit-cost-number");
    assert.equal(errorsOf({ kind: "realtime_month", amount: "1.5.5", validFrom: "2026-01-01" }).amount, "error-unit-cost-number");
    assert.equal(errorsOf({ kind: "realtime_month", amount: "1000000.01", validFrom: "2026-01-01" }).amount, "error-unit-cost-max");
    assert.deepEqual(errorsOf({ kind: "realtime_month", amount: "1000000", validFrom: "2026-01-01" }), {});
    assert.equal(errorsOf({ kind: "realtime_month", amount: "1", validFrom: "2026-02-30" }).validFrom, "error-date");
  });
});
