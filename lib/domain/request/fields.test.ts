import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { z } from "zod";

import {
  choice,
  choices,
  decimalNumber,
  isOneEmailAddress,
  isoDate,
  isRealDate,
  isRecordId,
  isWebLink,
  linkList,
  message,
  parseMessage,
  requiredText,
  text,
  ticked,
  wholeNumber,
} from "./fields";

/** The messages of a failed parse, as [path, message] pairs; empty when it passes. */
function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

function parsedValue(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  assert.ok(result.success, `expected ${JSON.stringify(input)} to pass, got ${JSON.stringify(issuesOf(schema, input))}`);
  return result.data;
}

describe("error messages", () => {
  it("carries a message's parameters with it and reads them back", () => {
    assert.equal(message("error-too-long", 5000), "error-too-long|5000");
    assert.deepEqual(parseMessage(message("error-too-long", 5000)), { key: "error-too-long", params: ["5000"] });
    assert.deepEqual(parseMessage(message("error-email-invalid")), { key: "error-email-invalid", params: [] });
  });

  it("shows a generic 'invalid' message for anything that is not one of ours, such as zod's own English text", () => {
    assert.deepEqual(parseMessage('Invalid option: expected one of "yes"|"no"'), { key: "error-invalid", params: ['"no"'] });
    assert.equal(parseMessage("Required").key, "error-invalid");
    assert.equal(parseMessage("").key, "error-invalid");
  });
});

describe("isRealDate", () => {
  it("accepts calendar dates, including 29 February in a leap year", () => {
    assert.equal(isRealDate("2026-11-22"), true);
    assert.equal(isRealDate("2028-02-29"), true);
  });

  it("rejects dates that do not exist or are not written as YYYY-MM-DD", () => {
    assert.equal(isRealDate("2026-02-30"), false);
    assert.equal(isRealDate("2027-02-29"), false);
    assert.equal(isRealDate("2026-13-01"), false);
    assert.equal(isRealDate("2026-1-5"), false);
    assert.equal(isRealDate("22/11/2026"), false);
    assert.equal(isRealDate(""), false);
  });
});

describe("isWebLink", () => {
  it("accepts http and https addresses on a real host name", () => {
    assert.equal(isWebLink("https://meta.wikimedia.org/wiki/Wikimedia_Enterprise"), true);
    assert.equal(isWebLink("http://example.org/path?query=1#part"), true);
  });

  it("rejects script, file-transfer and other non-web schemes", () => {
    assert.equal(isWebLink("javascript:alert(1)"), false);
    assert.equal(isWebLink("ftp://files.example.org/data"), false);
    assert.equal(isWebLink("mailto:someone@example.org"), false);
    assert.equal(isWebLink("data:text/html,hello"), false);
  });

  it("rejects addresses without a proper host and text that is not an address at all", () => {
    assert.equal(isWebLink("http://localhost/"), false);
    assert.equal(isWebLink("https://intranet"), false);
    assert.equal(isWebLink("example.org"), false);
    assert.equal(isWebLink("not a link"), false);
  });

  it("rejects addresses longer than 2000 characters", () => {
    const base = "https://example.org/";
    assert.equal(isWebLink(base + "a".repeat(2000 - base.length)), true);
    assert.equal(isWebLink(base + "a".repeat(2001 - base.length)), false);
  });
});

describe("form field building blocks", () => {
  it("trims free text, treats a missing field as empty and names the limit when text is too long", () => {
    assert.equal(parsedValue(text(10), "  hello  "), "hello");
    assert.equal(parsedValue(text(10), undefined), "");
    assert.equal(parsedValue(text(10), ["first", "second"]), "first");
    assert.deepEqual(issuesOf(text(10), "x".repeat(11)), [["", "error-too-long|10"]]);
  });

  it("reports a required field left blank (or only spaces) with the field's own message", () => {
    assert.deepEqual(issuesOf(requiredText(10, "error-email-required"), "   "), [["", "error-email-required"]]);
    assert.deepEqual(issuesOf(requiredText(10, "error-email-required"), undefined), [["", "error-email-required"]]);
  });

  it("accepts only the offered choices, with the field's own message for anything else", () => {
    const yesNo = choice(["yes", "no"] as const, "error-email-required");
    assert.equal(parsedValue(yesNo, "yes"), "yes");
    assert.deepEqual(issuesOf(yesNo, ""), [["", "error-email-required"]]);
    assert.deepEqual(issuesOf(yesNo, "maybe"), [["", "error-email-required"]]);
  });

  it("reads a checkbox group from a list, a single ticked box or nothing, dropping repeats", () => {
    const group = choices(["a", "b", "c"] as const);
    assert.deepEqual(parsedValue(group, ["a", "c", "a"]), ["a", "c"]);
    assert.deepEqual(parsedValue(group, "b"), ["b"]);
    assert.deepEqual(parsedValue(group, undefined), []);
    assert.deepEqual(parsedValue(group, ""), []);
    assert.deepEqual(issuesOf(group, ["a", "forged"]), [["1", "error-invalid"]]);
  });

  it("counts a checkbox as ticked only when the browser sends a ticked value", () => {
    assert.equal(parsedValue(ticked, "yes"), true);
    assert.equal(parsedValue(ticked, "on"), true);
    assert.equal(parsedValue(ticked, "true"), true);
    assert.equal(parsedValue(ticked, undefined), false);
    assert.equal(parsedValue(ticked, "no"), false);
  });

  it("reads whole numbers written with thousands separators or spaces, and leaves an empty box empty", () => {
    const count = wholeNumber(1e12);
    assert.equal(parsedValue(count, "1,000,000"), 1_000_000);
    assert.equal(parsedValue(count, " 2 500 "), 2500);
    assert.equal(parsedValue(count, "250.000"), 250_000);
    assert.equal(parsedValue(count, "10\u202F080\u202F254"), 10_080_254, "narrow no-break spaces, as French groups");
    assert.equal(parsedValue(count, "\u0661\u0660\u066C\u0660\u0668\u0660\u066C\u0662\u0665\u0664"), 10_080_254, "Arabic-Indic digits and separator");
    assert.equal(parsedValue(count, "0"), 0);
    assert.equal(parsedValue(count, ""), undefined);
    assert.equal(parsedValue(count, undefined), undefined);
  });

  it("rejects negative, fractional and written-out numbers where a whole number is asked for", () => {
    const count = wholeNumber(1e12);
    for (const input of ["-5", "ten", "1.5", "1.50", "1e6"]) assert.deepEqual(issuesOf(count, input), [["", "error-whole-number"]], input);
    assert.deepEqual(issuesOf(wholeNumber(100), "101"), [["", "error-number-max|100"]]);
  });

  it("reads decimal numbers with a point or a comma and rejects anything else", () => {
    const rate = decimalNumber(1e6);
    assert.equal(parsedValue(rate, "2.5"), 2.5);
    assert.equal(parsedValue(rate, "2,5"), 2.5);
    assert.equal(parsedValue(rate, "40"), 40);
    assert.equal(parsedValue(rate, ""), undefined);
    for (const input of ["-1", "fast", "1.2.3"]) assert.deepEqual(issuesOf(rate, input), [["", "error-number"]], input);
    assert.deepEqual(issuesOf(rate, "1000001"), [["", "error-number-max|1000000"]]);
  });

  it("accepts a date as the date picker sends it, or nothing, and rejects impossible or free-form dates", () => {
    assert.equal(parsedValue(isoDate, "2026-12-01"), "2026-12-01");
    assert.equal(parsedValue(isoDate, " 2026-12-01 "), "2026-12-01");
    assert.equal(parsedValue(isoDate, undefined), "");
    assert.deepEqual(issuesOf(isoDate, "2026-02-30"), [["", "error-date"]]);
    assert.deepEqual([...new Set(issuesOf(isoDate, "1 December 2026").map(([, text]) => text))], ["error-date"]);
  });

  it("reads links one per line, skipping blank lines and surrounding spaces", () => {
    assert.deepEqual(parsedValue(linkList(3), "https://a.example.org\r\n\n  http://b.example.org/x  \n"), ["https://a.example.org", "http://b.example.org/x"]);
    assert.deepEqual(parsedValue(linkList(3), undefined), []);
  });

  it("names the line of every bad link, counting blank lines so the number matches what the person sees", () => {
    assert.deepEqual(issuesOf(linkList(3), "https://a.example.org\n\njavascript:alert(1)\nftp://b.example.org"), [
      ["", "error-link|3"],
      ["", "error-link|4"],
    ]);
  });

  it("refuses more links than allowed", () => {
    const four = ["https://a.example.org", "https://b.example.org", "https://c.example.org", "https://d.example.org"].join("\n");
    assert.deepEqual(issuesOf(linkList(3), four), [["", "error-links-too-many|3"]]);
  });
});
describe("isOneEmailAddress", () => {
  it("accepts one plain address", () => {
    for (const email of ["ada@example.org", "Ada.Lovelace+ea@sub.example.org"]) assert.equal(isOneEmailAddress(email), true, email);
  });

  it("refuses lists, display names, header injections, blanks and anything not a string", () => {
    for (const value of [
      "a@x.org, b@y.org",
      "a@x.org;b@y.org",
      "Ada <a@x.org>",
      "a@x.org\r\nBcc: b@y.org",
      "a@x.org\nTo: b@y.org",
      " a@x.org",
      "",
      `${"x".repeat(250)}@x.org`,
      null,
      ["a@x.org"],
      42,
    ]) {
      assert.equal(isOneEmailAddress(value), false, JSON.stringify(value));
    }
  });
});

describe("isRecordId", () => {
  it("accepts the ids the app makes, and refuses anything that could not name a record", () => {
    for (const id of ["cmxbkm26d0005v27dcppvxk8s", "test_0f0e-aa"]) assert.equal(isRecordId(id), true, id);
    for (const value of ["", "\u0000", "a\u0000b", "../x", "a b", "x".repeat(65), "\uFFFD", ["abc"], undefined])
      assert.equal(isRecordId(value), false, JSON.stringify(value));
  });
});
