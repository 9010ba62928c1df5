import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { datePartOrder, formatMoney, formatNumber, groupedInput, longDate, longDateTime, shortDate, shortDateTime } from "./format";

const MOMENT = new Date("2026-12-06T07:40:00Z");

describe("one way per language to write dates and numbers", () => {
  it("writes a long and a short date, from a day or an instant, in UTC", () => {
    assert.equal(longDate("2026-12-06", "en-GB"), "6 December 2026");
    assert.equal(longDate(new Date("2026-12-06T23:59:59.999Z"), "en-GB"), "6 December 2026");
    assert.equal(shortDate(MOMENT, "en-GB"), "6 Dec 2026");
    assert.equal(longDate(MOMENT, "de-DE"), "6. Dezember 2026");
    assert.equal(shortDate(MOMENT, "de-DE"), "06.12.2026");
  });

  it("says a time is in UTC", () => {
    assert.equal(shortDateTime(MOMENT, "en-GB"), "6 Dec 2026, 07:40 UTC");
    assert.ok(longDateTime(MOMENT, "de-DE").startsWith("6. Dezember 2026"));
    assert.ok(longDateTime(MOMENT, "de-DE").endsWith("07:40 UTC"));
  });

  it("groups numbers the language's way, and shows a typed whole number back grouped", () => {
    assert.equal(formatNumber(10_080_254, "en-GB"), "10,080,254");
    assert.equal(formatNumber(10_080_254, "de-DE"), "10.080.254");
    assert.equal(groupedInput("10080254", "de-DE"), "10.080.254");
    assert.equal(groupedInput("10 000 abc", "en-GB"), "10 000 abc", "what is not a number stays as typed");
    assert.equal(groupedInput(undefined, "en-GB"), "");
  });

  it("writes dollars from cents, the language's way", () => {
    assert.equal(formatMoney(123_450, "en-GB"), "$1,234.50");
    assert.equal(formatMoney(123_450, "de-DE"), "1.234,50\u00a0$");
    assert.equal(formatMoney(5, "en-GB"), "$0.05");
  });

  it("knows the order a language writes a date's parts in", () => {
    assert.deepEqual(datePartOrder("en-GB"), ["day", "month", "year"]);
    assert.deepEqual(datePartOrder("de-DE"), ["day", "month", "year"]);
    assert.deepEqual(datePartOrder("en-US"), ["month", "day", "year"]);
  });
});
