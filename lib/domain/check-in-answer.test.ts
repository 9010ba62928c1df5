import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { readCheckInAnswer } from "./check-in-answer";

const asked = [
  { id: "c1", position: 1, description: "A map viewer" },
  { id: "c2", position: 2, description: "A report" },
];
const base = { requestId: "req1", checkInId: "chk1", useCase: "winding_down", usage: "unknown", message: "" };

describe("a check-in answer", () => {
  it("reads each contribution's fate, with a link only for a delivered one", () => {
    const read = readCheckInAnswer(
      {
        ...base,
        "contribution-1": "DELIVERED",
        "contribution-1-link": " https://maps.example.org ",
        "contribution-2": "IN_PROGRESS",
        "contribution-2-link": "https://ignored.example.org",
      },
      asked,
    );
    assert.ok(read.ok);
    assert.deepEqual(read.contributions, [
      { contributionId: "c1", status: "DELIVERED", link: "https://maps.example.org", note: null },
      { contributionId: "c2", status: "IN_PROGRESS", link: null, note: null },
    ]);
    assert.equal(read.answer.useCase, "winding_down");
  });

  it("names each problem by its field and contribution, never trusting a status the form does not offer", () => {
    const read = readCheckInAnswer({ ...base, useCase: "maybe", "contribution-1": "PROMISED", "contribution-2": "DROPPED", message: "x".repeat(5001) }, asked);
    assert.ok(!read.ok);
    assert.deepEqual(Object.keys(read.problems), ["useCase", "contribution-1", "contribution-2-note", "message"]);
    assert.deepEqual(read.problems["contribution-1"], { key: "error-check-in-contribution-status", params: ["A map viewer"] });
  });
});
