import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DEFAULT_REVIEW_POLICY } from "@/lib/domain/review-policy";

import { approvalReasons, estimatedCents, longerThanYear, policyRules, type TApprovalGrant, type TApprovalPolicy, ZApprovalPolicyInput } from "./approval";

const NONE: TApprovalPolicy = DEFAULT_REVIEW_POLICY;
const YEAR: TApprovalGrant = { startsOn: "2027-01-01", expiresOn: "2028-01-01", commercial: false, valueCents: 500_000 };

describe("which grants need a second approver", () => {
  it("none, under the default policy, whatever the grant", () => {
    assert.deepEqual(approvalReasons(NONE, { startsOn: "2027-01-01", expiresOn: "2029-01-01", commercial: true, valueCents: 10 ** 9 }), []);
  });

  it("every grant when the policy says all", () => {
    assert.deepEqual(approvalReasons({ ...NONE, approvalAll: true }, YEAR), ["all"]);
  });

  it("those above the value limit, only when the grant has an estimate", () => {
    const policy = { ...NONE, approvalAboveCents: 499_999 };
    assert.deepEqual(approvalReasons(policy, YEAR), ["above_value"]);
    assert.deepEqual(approvalReasons(policy, { ...YEAR, valueCents: 499_999 }), [], "at the limit is not above it");
    assert.deepEqual(approvalReasons(policy, { ...YEAR, valueCents: null }), [], "no estimate, nothing to compare");
    assert.deepEqual(approvalReasons({ ...NONE, approvalAboveCents: 0 }, { ...YEAR, valueCents: 1 }), ["above_value"]);
  });

  it("those to commercial requesters", () => {
    const policy = { ...NONE, approvalCommercial: true };
    assert.deepEqual(approvalReasons(policy, { ...YEAR, commercial: true }), ["commercial"]);
    assert.deepEqual(approvalReasons(policy, YEAR), []);
  });

  it("those longer than twelve months: a year to the same day is not", () => {
    const policy = { ...NONE, approvalLongerThanYear: true };
    assert.deepEqual(approvalReasons(policy, YEAR), []);
    assert.deepEqual(approvalReasons(policy, { ...YEAR, expiresOn: "2028-01-02" }), ["longer_than_year"]);
    assert.equal(longerThanYear("2027-01-31", "2028-01-31"), false);
    assert.equal(longerThanYear("2027-01-31", "2028-02-01"), true);
  });

  it("name every rule that applies, in the policy's order", () => {
    const policy = { approvalAll: true, approvalAboveCents: 100, approvalCommercial: true, approvalLongerThanYear: true };
    assert.deepEqual(approvalReasons(policy, { startsOn: "2027-01-01", expiresOn: "2028-06-30", commercial: true, valueCents: 101 }), [
      "all",
      "above_value",
      "commercial",
      "longer_than_year",
    ]);
  });

  it("compare an estimate only when something of the scope has a price", () => {
    assert.equal(estimatedCents({ lines: [], termCents: 0 }), null);
    assert.equal(estimatedCents({ lines: [{ kind: "realtime_month", unitCents: 100, monthlyCents: 100 }], termCents: 1_200 }), 1_200);
  });
});

describe("the approvals policy form", () => {
  const parse = (post: Record<string, string | string[]>) => ZApprovalPolicyInput.safeParse({ version: "3", ...post });

  it("reads the ticked rules and the limit in dollars as cents", () => {
    const parsed = parse({ rules: ["commercial", "above_value"], aboveAmount: "12,500.50" });
    assert.ok(parsed.success);
    assert.deepEqual(parsed.data, { version: 3, approvalAll: false, approvalAboveCents: 1_250_050, approvalCommercial: true, approvalLongerThanYear: false });
  });

  it("drops the limit when its rule is not ticked, and allows no rule at all", () => {
    const parsed = parse({ rules: [], aboveAmount: "oops" });
    assert.ok(parsed.success);
    assert.equal(parsed.data.approvalAboveCents, null);
  });

  it("asks for a limit that is a number, not negative, not absurd, with its rule", () => {
    const error = (aboveAmount: string) => {
      const parsed = parse({ rules: "above_value", aboveAmount });
      return parsed.success ? undefined : parsed.error.issues[0]?.message;
    };
    assert.equal(error(""), "error-approval-amount");
    assert.equal(error("ten"), "error-approval-amount-number");
    assert.equal(error("-5"), "error-approval-amount-range");
    assert.equal(error("30,000,000"), "error-approval-amount-range");
    assert.equal(error("0"), undefined);
  });

  it("refuses a rule it does not know", () => {
    assert.equal(parse({ rules: "everyone" }).success, false);
  });

  it("shows a stored policy as the rules it ticks", () => {
    assert.deepEqual(policyRules(NONE), []);
    assert.deepEqual(policyRules({ ...NONE, approvalAboveCents: 0, approvalLongerThanYear: true }), ["above_value", "longer_than_year"]);
  });
});
