import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { CONTRIBUTION_KINDS, contributionRowChange, promisedContributions, rowsToShow } from "./contributions";

const ROWS = {
  contributionKind: ["reports", "", "tools", "forged", "content_data"],
  contributionDescription: [" A yearly report ", "", "Our packager", "Something", ""],
  contributionLink: ["", "", "https://example.org/packager", "", "not a link"],
  contributionBy: ["2027-06-01", "", "2027-02-30", "", ""],
};

describe("promised contributions", () => {
  it("are the rows with a known kind and a description, trimmed, with a link and a date only where valid", () => {
    assert.deepEqual(promisedContributions({ obligation: ROWS }), [
      { kind: "reports", description: "A yearly report", expectedBy: "2027-06-01" },
      { kind: "tools", description: "Our packager", link: "https://example.org/packager" },
    ]);
  });

  it("are none when the requester ticked that they give nothing back, or answered nothing", () => {
    assert.deepEqual(promisedContributions({ obligation: { ...ROWS, noContributions: "yes" } }), []);
    assert.deepEqual(promisedContributions({}), []);
    assert.deepEqual(promisedContributions({ obligation: { contributionKind: "tools", contributionDescription: "A tool" } }), [
      { kind: "tools", description: "A tool" },
    ]);
  });

  it("come in every kind but 'none'", () => {
    assert.ok(!(CONTRIBUTION_KINDS as readonly string[]).includes("none"));
    assert.equal(CONTRIBUTION_KINDS.length, 6);
  });
});

describe("the rows of the form", () => {
  const two = { contributionKind: ["reports", "tools"], contributionDescription: ["A", "B"], contributionLink: ["", ""], contributionBy: ["", ""] };

  it("shows the saved rows and one empty row, never more than ten", () => {
    assert.equal(rowsToShow(two).length, 3);
    assert.equal(rowsToShow({}).length, 1);
    const full = Object.fromEntries(Object.entries(two).map(([key]) => [key, Array.from({ length: 10 }, () => "x")]));
    assert.equal(rowsToShow(full).length, 10);
  });

  it("adds an empty row, and goes to it", () => {
    const change = contributionRowChange("add-contribution", two);
    assert.deepEqual(change?.values.contributionKind, ["reports", "tools", ""]);
    assert.equal(change?.focus, "contribution-3-kind");
  });

  it("removes the row asked for, and goes to the one that took its place", () => {
    const change = contributionRowChange("remove-contribution-1", { ...two, other: "kept" });
    assert.deepEqual(change?.values.contributionDescription, ["B"]);
    assert.equal(change?.values.other, "kept");
    assert.equal(change?.focus, "contribution-1-kind");
    assert.equal(contributionRowChange("remove-contribution-2", two)?.focus, "contribution-1-kind");
  });

  it("leaves other buttons alone", () => {
    assert.equal(contributionRowChange("continue", two), undefined);
    assert.equal(contributionRowChange("save", two), undefined);
  });
});
