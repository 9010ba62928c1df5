import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { addDays } from "@/lib/domain/time";

import { clockChange, decidedWithinTarget, firstActionMet, pastTarget, type TClock, waitedDays, waitedMs, ZTargetsInput } from "./targets";

const SUBMITTED = new Date("2026-03-01T09:00:00.000Z");
const TARGETS = { firstActionDays: 10, decisionDays: 60 };
const DAY_SECONDS = 86_400;

const clock = (changes: Partial<TClock> = {}): TClock => ({
  submittedAt: SUBMITTED,
  decidedAt: null,
  firstActionAt: null,
  pausedSeconds: 0,
  pausedSince: null,
  ...changes,
});

describe("the waited time", () => {
  it("runs from submission to now while undecided, in whole days rounded down", () => {
    assert.equal(waitedDays(clock(), addDays(SUBMITTED, 0.9)), 0);
    assert.equal(waitedDays(clock(), addDays(SUBMITTED, 12.5)), 12);
  });

  it("stops at the decision", () => {
    assert.equal(waitedDays(clock({ decidedAt: addDays(SUBMITTED, 20) }), addDays(SUBMITTED, 300)), 20);
  });

  it("leaves out every finished wait for the requester", () => {
    assert.equal(waitedDays(clock({ pausedSeconds: 15 * DAY_SECONDS }), addDays(SUBMITTED, 40)), 25);
  });

  it("pauses while the request is awaiting its requester: the days of a wait going on do not count", () => {
    const waiting = clock({ pausedSeconds: 2 * DAY_SECONDS, pausedSince: addDays(SUBMITTED, 30) });
    assert.equal(waitedDays(waiting, addDays(SUBMITTED, 30)), 28);
    assert.equal(waitedDays(waiting, addDays(SUBMITTED, 90)), 28);
  });

  it("is zero before submission and never negative", () => {
    assert.equal(waitedMs(clock({ submittedAt: null }), SUBMITTED), 0);
    assert.equal(waitedMs(clock({ pausedSeconds: 99 * DAY_SECONDS }), addDays(SUBMITTED, 1)), 0);
  });
});

describe("the targets", () => {
  it("meets the first-action target when a reviewer acted within it, and misses it otherwise", () => {
    assert.equal(firstActionMet(clock({ firstActionAt: addDays(SUBMITTED, 10) }), TARGETS, addDays(SUBMITTED, 50)), true);
    assert.equal(firstActionMet(clock({ firstActionAt: addDays(SUBMITTED, 10.01) }), TARGETS, addDays(SUBMITTED, 50)), false);
    assert.equal(firstActionMet(clock(), TARGETS, addDays(SUBMITTED, 9)), null);
    assert.equal(firstActionMet(clock(), TARGETS, addDays(SUBMITTED, 11)), false);
  });

  it("counts a decision as within target by the waited time, not the calendar", () => {
    assert.equal(decidedWithinTarget(clock({ decidedAt: addDays(SUBMITTED, 70), pausedSeconds: 15 * DAY_SECONDS }), TARGETS), true);
    assert.equal(decidedWithinTarget(clock({ decidedAt: addDays(SUBMITTED, 70) }), TARGETS), false);
    assert.equal(decidedWithinTarget(clock(), TARGETS), null);
  });

  it("marks an open request past the first-action target while nobody has acted, and past the decision target once it waited longer", () => {
    assert.equal(pastTarget(clock(), true, TARGETS, addDays(SUBMITTED, 9)), null);
    assert.equal(pastTarget(clock(), true, TARGETS, addDays(SUBMITTED, 11)), "first_action");
    assert.equal(pastTarget(clock({ firstActionAt: addDays(SUBMITTED, 12) }), true, TARGETS, addDays(SUBMITTED, 20)), null);
    assert.equal(pastTarget(clock({ firstActionAt: addDays(SUBMITTED, 1) }), true, TARGETS, addDays(SUBMITTED, 61)), "decision");
    assert.equal(pastTarget(clock(), true, TARGETS, addDays(SUBMITTED, 61)), "decision");
  });

  it("does not mark a request whose days over the target were spent waiting for its requester, nor a closed one", () => {
    const answeredLate = clock({ firstActionAt: addDays(SUBMITTED, 1), pausedSeconds: 30 * DAY_SECONDS });
    assert.equal(pastTarget(answeredLate, true, TARGETS, addDays(SUBMITTED, 80)), null);
    const stillWaiting = clock({ firstActionAt: addDays(SUBMITTED, 1), pausedSince: addDays(SUBMITTED, 5) });
    assert.equal(pastTarget(stillWaiting, true, TARGETS, addDays(SUBMITTED, 200)), null);
    assert.equal(pastTarget(clock(), false, TARGETS, addDays(SUBMITTED, 200)), null);
  });

  it("follows the admin's targets", () => {
    assert.equal(pastTarget(clock(), true, { firstActionDays: 3, decisionDays: 5 }, addDays(SUBMITTED, 4)), "first_action");
    assert.equal(pastTarget(clock(), true, { firstActionDays: 3, decisionDays: 5 }, addDays(SUBMITTED, 6)), "decision");
  });
});

describe("how events move the clock", () => {
  const now = addDays(SUBMITTED, 20);
  const running = { submittedAt: SUBMITTED, firstActionAt: addDays(SUBMITTED, 1), pausedSince: null };

  it("starts a wait when the request goes to its requester, and adds it up when it comes back", () => {
    assert.deepEqual(clockChange({ from: "IN_REVIEW", to: "AWAITING_REQUESTER", actor: "wmf", now }, running), { pausedSince: now });
    const waiting = { ...running, pausedSince: addDays(SUBMITTED, 15) };
    assert.deepEqual(clockChange({ from: "AWAITING_REQUESTER", to: "IN_REVIEW", actor: "requester", now }, waiting), {
      pausedSince: null,
      addPausedSeconds: 5 * DAY_SECONDS,
    });
  });

  it("ends a wait however the request leaves it (lapsed, cancelled)", () => {
    const waiting = { ...running, pausedSince: addDays(SUBMITTED, 18) };
    assert.deepEqual(clockChange({ from: "AWAITING_REQUESTER", to: "LAPSED", actor: "system", now }, waiting), {
      pausedSince: null,
      addPausedSeconds: 2 * DAY_SECONDS,
    });
  });

  it("leaves a wait alone on an activity that does not move the request", () => {
    const waiting = { ...running, pausedSince: addDays(SUBMITTED, 18) };
    assert.deepEqual(clockChange({ from: "AWAITING_REQUESTER", to: "AWAITING_REQUESTER", actor: "wmf", now }, waiting), {});
  });

  it("records the first reviewer action after submission, once, whoever the reviewer", () => {
    const fresh = { submittedAt: SUBMITTED, firstActionAt: null, pausedSince: null };
    assert.deepEqual(clockChange({ from: "SUBMITTED", to: "SUBMITTED", actor: "wmde", now }, fresh), { firstActionAt: now });
    assert.deepEqual(clockChange({ from: "SUBMITTED", to: "IN_REVIEW", actor: "wmf", now }, running), {});
    assert.deepEqual(clockChange({ from: "SUBMITTED", to: "SUBMITTED", actor: "system", now }, fresh), {});
    assert.deepEqual(clockChange({ from: "SUBMITTED", to: "CANCELLED", actor: "requester", now }, fresh), {});
    assert.deepEqual(clockChange({ from: "DRAFT", to: "SUBMITTED", actor: "requester", now }, { ...fresh, submittedAt: null }), {});
  });
});

describe("the targets form", () => {
  it("takes whole numbers of days within the bounds, in any digits", () => {
    assert.deepEqual(ZTargetsInput.parse({ firstActionDays: " 7 ", decisionDays: "٤٥", version: "3" }), { firstActionDays: 7, decisionDays: 45, version: 3 });
  });

  it("names the field of each mistake", () => {
    const errors = (input: Record<string, unknown>) =>
      ZTargetsInput.safeParse({ version: "0", ...input }).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    assert.deepEqual(errors({ firstActionDays: "", decisionDays: "2.5" }), [
      ["firstActionDays", "error-targets-first-action"],
      ["decisionDays", "error-targets-decision"],
    ]);
    assert.deepEqual(errors({ firstActionDays: "0", decisionDays: "366" }), [
      ["firstActionDays", "error-targets-first-action"],
      ["decisionDays", "error-targets-decision"],
    ]);
    assert.deepEqual(errors({ firstActionDays: "30", decisionDays: "20" }), [["decisionDays", "error-targets-order"]]);
  });
});
