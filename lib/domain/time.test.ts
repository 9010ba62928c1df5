import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { addDays, addMonths, addYears, DAY_MS, dayOf, daysBetween, endOfDay, startOfDay } from "./time";

describe("addMonths", () => {
  // [from, months, expected]
  const cases: Record<string, [string, number, string][]> = {
    "moves to the same day": [
      ["2026-03-15", 1, "2026-04-15"],
      ["2026-03-15", 0, "2026-03-15"],
      ["2026-12-01", 12, "2027-12-01"],
    ],
    "ends on the month's last day when the month is shorter": [
      ["2026-01-31", 1, "2026-02-28"],
      ["2028-01-31", 1, "2028-02-29"],
      ["2026-03-31", 1, "2026-04-30"],
      ["2026-01-30", 1, "2026-02-28"],
      ["2026-01-29", 1, "2026-02-28"],
      ["2028-01-29", 1, "2028-02-29"],
    ],
    "keeps the day in a month that is long enough": [
      ["2026-01-31", 2, "2026-03-31"],
      ["2026-02-28", 1, "2026-03-28"],
    ],
    "takes 29 February to 28 February a year on": [
      ["2028-02-29", 12, "2029-02-28"],
      ["2028-02-29", 48, "2032-02-29"],
    ],
    "crosses years": [
      ["2026-11-30", 3, "2027-02-28"],
      ["2026-12-31", 1, "2027-01-31"],
      ["2027-12-31", 2, "2028-02-29"],
    ],
    "adds 24 months": [
      ["2026-12-01", 24, "2028-12-01"],
      ["2026-02-28", 24, "2028-02-28"],
      ["2027-02-28", 24, "2029-02-28"],
      ["2026-08-31", 24, "2028-08-31"],
    ],
    "goes back with a negative number": [
      ["2026-03-31", -1, "2026-02-28"],
      ["2026-01-15", -1, "2025-12-15"],
    ],
  };
  for (const [name, rows] of Object.entries(cases)) {
    it(name, () => {
      for (const [from, months, expected] of rows) assert.equal(addMonths(from, months), expected, `${from} + ${months} months`);
    });
  }
});

describe("startOfDay, endOfDay and dayOf", () => {
  it("give the first and last instants of a day, UTC", () => {
    assert.equal(startOfDay("2026-12-01").toISOString(), "2026-12-01T00:00:00.000Z");
    assert.equal(endOfDay("2026-12-01").toISOString(), "2026-12-01T23:59:59.999Z");
    assert.equal(endOfDay("2026-12-01").getTime() + 1, startOfDay("2026-12-02").getTime());
  });

  it("round-trip through dayOf", () => {
    for (const day of ["2026-01-01", "2026-12-31", "2028-02-29", "2027-02-28"]) {
      assert.equal(dayOf(startOfDay(day)), day);
      assert.equal(dayOf(endOfDay(day)), day);
    }
  });

  it("gives the UTC day of any instant", () => {
    assert.equal(dayOf(new Date("2026-12-01T12:34:56Z")), "2026-12-01");
    assert.equal(dayOf(new Date("2026-12-01T23:30:00-02:00")), "2026-12-02");
    assert.equal(dayOf(new Date("2026-12-01T00:30:00+02:00")), "2026-11-30");
  });
});

describe("addDays, daysBetween and addYears", () => {
  it("counts days of 24 hours, either way", () => {
    const at = new Date("2026-12-06T08:00:00Z");
    assert.equal(addDays(at, 14).toISOString(), "2026-12-20T08:00:00.000Z");
    assert.equal(addDays(at, -1).toISOString(), "2026-12-05T08:00:00.000Z");
    assert.equal(daysBetween(at, new Date(at.getTime() + 3 * DAY_MS - 1)), 2);
    assert.equal(daysBetween(at, new Date(at.getTime() - DAY_MS)), -1);
  });

  it("moves a day whole years on", () => {
    assert.equal(addYears("2026-12-06", 5), "2031-12-06");
  });
});
