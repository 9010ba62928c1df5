import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { joinDateParts, joinedDate, type TFormValues } from "./form-state";

describe("a date typed as day, month and year", () => {
  it("becomes one YYYY-MM-DD value, with Arabic-Indic digits read too", () => {
    assert.equal(joinedDate("5", "1", "2027"), "2027-01-05");
    assert.equal(joinedDate(" 31 ", "12", "2026"), "2026-12-31");
    assert.equal(joinedDate("\u0665", "\u0661", "\u0662\u0660\u0662\u0667"), "2027-01-05");
    assert.equal(joinedDate("", "", ""), "");
  });

  it("keeps what is not a date as typed, for the schema to refuse and the boxes to show again", () => {
    assert.equal(joinedDate("x", "2", "2027"), "2027-2-x");
    assert.equal(joinedDate("5", "", "27"), "27--5");
  });

  it("joins the boxes a form sent into the field, keeping the boxes, and leaves a field sent whole alone", () => {
    const sent: TFormValues = { "startsOn-day": "5", "startsOn-month": "1", "startsOn-year": "2027", expiresOn: "2028-01-01", other: "x" };
    const values = joinDateParts(sent);
    assert.equal(values.startsOn, "2027-01-05");
    assert.equal(values["startsOn-day"], "5");
    assert.equal(values.expiresOn, "2028-01-01");
    assert.deepEqual(joinDateParts({ "half-day": "5" }), { "half-day": "5" });
  });

  it("joins a date repeated in rows into one date a row, an empty one where a row has none", () => {
    const sent: TFormValues = { "by-day": ["5", "", "31"], "by-month": ["1", "", "2"], "by-year": ["2027", "", "2027"] };
    assert.deepEqual(joinDateParts(sent).by, ["2027-01-05", "", "2027-02-31"]);
    assert.equal(joinDateParts<TFormValues>({ "by-day": ["5", "6"], "by-month": ["1"], "by-year": ["2027", "2028"] }).by, undefined);
  });
});
