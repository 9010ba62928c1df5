import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { z } from "zod";

import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { DAY_MS, endOfDay } from "@/lib/domain/time";

import {
  declineErrorsOnPage,
  declineFromPage,
  grantDefaults,
  grantLengthProblems,
  grantProblems,
  HUMAN_RIGHTS_OUTCOMES,
  MAX_GRANT_MONTHS,
  RECOMMENDATIONS,
  REMINDER_DAYS,
  remindersDue,
  SNAPSHOT_FREQUENCIES,
  WITHDRAWAL_REASONS,
  ZDecisionStep,
  ZDeclineInput,
  ZExtendInput,
  ZGrantInput,
  ZHumanRightsInput,
  ZRecommendationInput,
  ZWithdrawInput,
  type TGrantContext,
} from "./decisions";

const TODAY = "2026-11-22";
const START = "2026-12-01";

type TPost = Record<string, string | string[]>;

/** The issues of a failed parse as `path message` lines: easy to read in a failed assertion. */
function issuesOf(schema: z.ZodType, post: unknown): string[] {
  const result = schema.safeParse(post);
  assert.equal(result.success, false, "expected the post to be refused");
  return result.error!.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
}

/** The message of the issue on one field, or undefined when that field is fine. */
function messageOn(schema: z.ZodType, post: unknown, field: string): string | undefined {
  const result = schema.safeParse(post);
  return result.error?.issues.find((issue) => issue.path[0] === field)?.message;
}

const fieldsWithIssues = (schema: z.ZodType, post: unknown) =>
  [...new Set((schema.safeParse(post).error?.issues ?? []).map((issue) => String(issue.path[0])))].sort();

/** A grant form as the browser posts it, every field given. */
const GRANT: TPost = {
  requestId: "req_123",
  version: "3",
  apis: ["snapshot", "on_demand"],
  onDemandPerMonth: "50,000",
  snapshotFrequency: "weekly",
  startsOn: START,
  expiresOn: "2027-12-01",
  lengthOverride: "",
  jointOverride: "",
  criteria: ["who", "what"],
  rationale: "A school app with a clear need.",
  message: "Your request is granted.",
};

const grant = (changes: TPost = {}) => ({ ...GRANT, ...changes });
const parseGrant = (changes: TPost = {}) => ZGrantInput.parse(grant(changes));

const long = (length: number) => "x".repeat(length);

describe("ZGrantInput", () => {
  it("reads a complete grant form into typed values", () => {
    assert.deepEqual(parseGrant(), {
      requestId: "req_123",
      version: 3,
      apis: ["snapshot", "on_demand"],
      onDemandPerMonth: 50_000,
      snapshotFrequency: "weekly",
      startsOn: START,
      expiresOn: "2027-12-01",
      lengthOverride: "",
      jointOverride: "",
      criteria: ["who", "what"],
      rationale: "A school app with a clear need.",
      message: "Your request is granted.",
      publicName: "",
      publicSummary: "",
      checkInMonths: 6,
      confirmContribution: [],
      ...Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`contributionWording-${index + 1}`, ""])),
      realtime: false,
    });
  });

  it("keeps the register entry as one paragraph, within its limits", () => {
    const input = parseGrant({ publicName: "  Open  Maps\nLab ", publicSummary: "A map of places.\r\n\r\nIt links  articles." });
    assert.equal(input.publicName, "Open Maps Lab");
    assert.equal(input.publicSummary, "A map of places. It links articles.");
    assert.deepEqual(issuesOf(ZGrantInput, grant({ publicName: long(151), publicSummary: long(601) })), [
      "publicName error-too-long|150",
      "publicSummary error-too-long|600",
    ]);
    assert.equal(parseGrant({ publicSummary: long(600) }).publicSummary.length, 600);
  });

  it("refuses an empty post with a message on every required field", () => {
    assert.deepEqual(fieldsWithIssues(ZGrantInput, {}), ["apis", "criteria", "expiresOn", "message", "rationale", "requestId", "startsOn", "version"]);
  });

  it("names each missing field with its own message key", () => {
    const missing: [string, string][] = [
      ["apis", "error-grant-apis"],
      ["startsOn", "error-grant-start"],
      ["expiresOn", "error-grant-expiry"],
      ["criteria", "error-grant-criteria"],
      ["rationale", "error-grant-rationale"],
      ["message", "error-decision-message"],
    ];
    for (const [field, key] of missing) {
      const empty: TPost = field === "apis" ? { apis: [] } : { [field]: "" };
      assert.equal(messageOn(ZGrantInput, grant(empty), field), key, field);
      const { [field]: _dropped, ...withoutField } = grant();
      assert.equal(messageOn(ZGrantInput, withoutField, field), key, `${field} left out`);
    }
  });

  it("treats text of only spaces as missing", () => {
    assert.deepEqual(issuesOf(ZGrantInput, grant({ rationale: "   ", message: "\n\t" })), [
      "rationale error-grant-rationale",
      "message error-decision-message",
    ]);
  });

  it("trims the texts it keeps", () => {
    const input = parseGrant({ rationale: "  Clear need.  ", message: " Granted. ", lengthOverride: " ", jointOverride: "  WMDE agreed by mail.  " });
    assert.equal(input.rationale, "Clear need.");
    assert.equal(input.message, "Granted.");
    assert.equal(input.lengthOverride, "");
    assert.equal(input.jointOverride, "WMDE agreed by mail.");
  });

  it("refuses a missing request id or version", () => {
    assert.deepEqual(fieldsWithIssues(ZGrantInput, grant({ requestId: "" })), ["requestId"]);
    assert.deepEqual(fieldsWithIssues(ZGrantInput, grant({ requestId: long(65) })), ["requestId"]);
    assert.deepEqual(fieldsWithIssues(ZGrantInput, grant({ version: "abc" })), ["version"]);
    assert.deepEqual(fieldsWithIssues(ZGrantInput, grant({ version: "-1" })), ["version"]);
    assert.deepEqual(fieldsWithIssues(ZGrantInput, grant({ version: "1.5" })), ["version"]);
    const { version: _version, ...noVersion } = grant();
    assert.deepEqual(fieldsWithIssues(ZGrantInput, noVersion), ["version"]);
  });

  it("reads the version as a number", () => {
    assert.equal(parseGrant({ version: "0" }).version, 0);
    assert.equal(parseGrant({ version: "2147483647" }).version, 2_147_483_647);
    assert.deepEqual(fieldsWithIssues(ZGrantInput, grant({ version: "2147483648" })), ["version"]);
  });

  describe("APIs", () => {
    it("needs at least one", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ apis: [] })), ["apis error-grant-apis"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ apis: "" })), ["apis error-grant-apis"]);
    });

    it("takes a single API posted as a string", () => {
      assert.deepEqual(parseGrant({ apis: "realtime" }).apis, ["realtime"]);
    });

    it("drops repeats", () => {
      assert.deepEqual(parseGrant({ apis: ["realtime", "realtime"] }).apis, ["realtime"]);
    });

    it("refuses an API it does not know, alone or among known ones", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ apis: ["bulk_download"] })), ["apis.0 error-invalid"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ apis: ["snapshot", "on_demand", "firehose"] })), ["apis.2 error-invalid"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ apis: "ON_DEMAND" })), ["apis.0 error-invalid"]);
    });

    it("derives realtime from the APIs granted", () => {
      assert.equal(parseGrant({ apis: ["realtime"] }).realtime, true);
      assert.equal(parseGrant({ apis: ["snapshot", "on_demand", "realtime"] }).realtime, true);
      assert.equal(parseGrant({ apis: ["snapshot", "on_demand"] }).realtime, false);
    });

    it("ignores a forged realtime field", () => {
      assert.equal(parseGrant({ apis: ["snapshot"], realtime: "true" }).realtime, false);
    });
  });

  describe("On-demand limit", () => {
    it("is required when On-demand is granted", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ onDemandPerMonth: "" })), ["onDemandPerMonth error-grant-on-demand"]);
      const { onDemandPerMonth: _limit, ...noLimit } = grant();
      assert.deepEqual(issuesOf(ZGrantInput, noLimit), ["onDemandPerMonth error-grant-on-demand"]);
    });

    it("must be more than zero when On-demand is granted", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ onDemandPerMonth: "0" })), ["onDemandPerMonth error-grant-on-demand"]);
    });

    it("reads thousands separators and spaces", () => {
      assert.equal(parseGrant({ onDemandPerMonth: "1,000,000" }).onDemandPerMonth, 1_000_000);
      assert.equal(parseGrant({ onDemandPerMonth: " 2 500 " }).onDemandPerMonth, 2_500);
      assert.equal(parseGrant({ onDemandPerMonth: "1_000_000_000" }).onDemandPerMonth, 1_000_000_000);
    });

    it("refuses what is not a whole number, or is absurdly large", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ onDemandPerMonth: "lots" })), ["onDemandPerMonth error-whole-number"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ onDemandPerMonth: "1.5" })), ["onDemandPerMonth error-whole-number"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ onDemandPerMonth: "-5" })), ["onDemandPerMonth error-whole-number"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ onDemandPerMonth: "1000000001" })), ["onDemandPerMonth error-number-max|1000000000"]);
    });

    it("is not asked for, and dropped, when On-demand is not granted", () => {
      const input = parseGrant({ apis: ["snapshot"], onDemandPerMonth: "50000" });
      assert.equal(input.onDemandPerMonth, undefined);
      assert.equal(parseGrant({ apis: ["snapshot"], onDemandPerMonth: "" }).onDemandPerMonth, undefined);
    });
  });

  describe("snapshot frequency", () => {
    it("is required when Snapshot is granted", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ snapshotFrequency: "" })), ["snapshotFrequency error-grant-snapshot"]);
      const { snapshotFrequency: _frequency, ...noFrequency } = grant();
      assert.deepEqual(issuesOf(ZGrantInput, noFrequency), ["snapshotFrequency error-grant-snapshot"]);
    });

    it("takes each frequency offered", () => {
      for (const frequency of SNAPSHOT_FREQUENCIES) assert.equal(parseGrant({ snapshotFrequency: frequency }).snapshotFrequency, frequency);
    });

    it("refuses a forged frequency", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ snapshotFrequency: "hourly" })), ["snapshotFrequency error-grant-snapshot"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ snapshotFrequency: "Daily" })), ["snapshotFrequency error-grant-snapshot"]);
    });

    it("is not asked for, and dropped, when Snapshot is not granted", () => {
      assert.equal(parseGrant({ apis: ["on_demand"], snapshotFrequency: "daily" }).snapshotFrequency, undefined);
      assert.equal(parseGrant({ apis: ["on_demand"], snapshotFrequency: "" }).snapshotFrequency, undefined);
    });

    it("asks for both limits together when both are missing", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ onDemandPerMonth: "", snapshotFrequency: "" })), [
        "onDemandPerMonth error-grant-on-demand",
        "snapshotFrequency error-grant-snapshot",
      ]);
    });

    it("asks for the limits alongside other missing fields", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ onDemandPerMonth: "", snapshotFrequency: "", rationale: "" })), [
        "rationale error-grant-rationale",
        "onDemandPerMonth error-grant-on-demand",
        "snapshotFrequency error-grant-snapshot",
      ]);
    });

    it("needs neither limit for Realtime alone", () => {
      const input = parseGrant({ apis: ["realtime"], onDemandPerMonth: "", snapshotFrequency: "" });
      assert.equal(input.onDemandPerMonth, undefined);
      assert.equal(input.snapshotFrequency, undefined);
      assert.equal(input.realtime, true);
    });
  });

  describe("dates", () => {
    it("takes real calendar days", () => {
      const input = parseGrant({ startsOn: "2028-02-29", expiresOn: "2028-12-31" });
      assert.equal(input.startsOn, "2028-02-29");
      assert.equal(input.expiresOn, "2028-12-31");
    });

    it("refuses days that do not exist", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ startsOn: "2026-02-30" })), ["startsOn error-date"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ expiresOn: "2027-02-29" })), ["expiresOn error-date"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ expiresOn: "2027-13-01" })), ["expiresOn error-date"]);
    });

    it("refuses what is not a YYYY-MM-DD date", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ startsOn: "tomorrow" })), ["startsOn error-date"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ startsOn: "01/12/2026" })), ["startsOn error-date"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ expiresOn: "2027-12-1" })), ["expiresOn error-date"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ expiresOn: "2027-12-01T00:00:00Z" })), ["expiresOn error-date"]);
    });
  });

  describe("texts", () => {
    it("takes texts up to their limits", () => {
      const input = parseGrant({ rationale: long(5000), message: long(5000), lengthOverride: long(1000), jointOverride: long(1000) });
      assert.equal(input.rationale.length, 5000);
      assert.equal(input.jointOverride.length, 1000);
    });

    it("refuses texts over their limits", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ rationale: long(5001) })), ["rationale error-too-long|5000"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ message: long(5001) })), ["message error-too-long|5000"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ lengthOverride: long(1001) })), ["lengthOverride error-too-long|1000"]);
      assert.deepEqual(issuesOf(ZGrantInput, grant({ jointOverride: long(1001) })), ["jointOverride error-too-long|1000"]);
    });
  });

  describe("criteria", () => {
    it("takes the sections of the request", () => {
      assert.deepEqual(parseGrant({ criteria: ["who", "what", "need", "obligation", "mission", "values"] }).criteria.length, 6);
      assert.deepEqual(parseGrant({ criteria: "mission" }).criteria, ["mission"]);
    });

    it("refuses a section that does not exist", () => {
      assert.deepEqual(issuesOf(ZGrantInput, grant({ criteria: ["who", "budget"] })), ["criteria.1 error-invalid"]);
    });
  });
});

describe("ZDeclineInput", () => {
  const DECLINE: TPost = { requestId: "req_123", version: "2", criteria: ["need"], rationale: "", message: "We cannot grant this." };

  it("reads a decline, the rationale being optional", () => {
    assert.deepEqual(ZDeclineInput.parse(DECLINE), { requestId: "req_123", version: 2, criteria: ["need"], rationale: "", message: "We cannot grant this." });
  });

  it("needs the criteria and a message", () => {
    assert.deepEqual(issuesOf(ZDeclineInput, { ...DECLINE, criteria: [], message: " " }), [
      "criteria error-decline-criteria",
      "message error-decision-message",
    ]);
    assert.deepEqual(fieldsWithIssues(ZDeclineInput, {}), ["criteria", "message", "requestId", "version"]);
  });

  it("refuses a forged criterion and over-long texts", () => {
    assert.deepEqual(issuesOf(ZDeclineInput, { ...DECLINE, criteria: ["vibes"] }), ["criteria.0 error-invalid"]);
    assert.deepEqual(issuesOf(ZDeclineInput, { ...DECLINE, rationale: long(5001) }), ["rationale error-too-long|5000"]);
    assert.deepEqual(issuesOf(ZDeclineInput, { ...DECLINE, message: long(5001) }), ["message error-too-long|5000"]);
  });
});

describe("ZWithdrawInput", () => {
  const WITHDRAW: TPost = { requestId: "req_123", version: "7", reason: "MISUSE", message: "Access ends today." };

  it("takes each withdrawal reason", () => {
    for (const reason of WITHDRAWAL_REASONS) assert.equal(ZWithdrawInput.parse({ ...WITHDRAW, reason }).reason, reason);
    assert.deepEqual(ZWithdrawInput.parse(WITHDRAW), { requestId: "req_123", version: 7, reason: "MISUSE", message: "Access ends today." });
  });

  it("needs a reason and a message", () => {
    assert.deepEqual(issuesOf(ZWithdrawInput, { ...WITHDRAW, reason: "", message: "" }), ["reason error-withdraw-reason", "message error-decision-message"]);
    assert.deepEqual(fieldsWithIssues(ZWithdrawInput, {}), ["message", "reason", "requestId", "version"]);
  });

  it("refuses a forged reason", () => {
    assert.deepEqual(issuesOf(ZWithdrawInput, { ...WITHDRAW, reason: "BORED" }), ["reason error-withdraw-reason"]);
    assert.deepEqual(issuesOf(ZWithdrawInput, { ...WITHDRAW, reason: "misuse" }), ["reason error-withdraw-reason"]);
  });
});

describe("ZExtendInput", () => {
  const EXTEND: TPost = { requestId: "req_123", version: "4", expiresOn: "2028-06-30", lengthOverride: "", message: "Extended." };

  it("reads an extension", () => {
    assert.deepEqual(ZExtendInput.parse(EXTEND), { requestId: "req_123", version: 4, expiresOn: "2028-06-30", lengthOverride: "", message: "Extended." });
  });

  it("needs an expiry and a message", () => {
    assert.deepEqual(issuesOf(ZExtendInput, { ...EXTEND, expiresOn: "", message: "" }), ["expiresOn error-grant-expiry", "message error-decision-message"]);
    assert.deepEqual(fieldsWithIssues(ZExtendInput, {}), ["expiresOn", "message", "requestId", "version"]);
  });

  it("refuses an expiry that is not a real day", () => {
    assert.deepEqual(issuesOf(ZExtendInput, { ...EXTEND, expiresOn: "2028-02-30" }), ["expiresOn error-date"]);
    assert.deepEqual(issuesOf(ZExtendInput, { ...EXTEND, expiresOn: "next year" }), ["expiresOn error-date"]);
  });

  it("refuses an over-long reason", () => {
    assert.deepEqual(issuesOf(ZExtendInput, { ...EXTEND, lengthOverride: long(1001) }), ["lengthOverride error-too-long|1000"]);
  });
});

// WMDE's recommendation and WMF's human-rights assessment: one choice and a note each.
const CHOICE_AND_NOTE = [
  {
    schema: ZRecommendationInput,
    choice: "recommendation",
    values: RECOMMENDATIONS,
    forged: "ABSTAIN",
    errors: ["recommendation error-recommendation", "note error-recommendation-note"],
  },
  {
    schema: ZHumanRightsInput,
    choice: "outcome",
    values: HUMAN_RIGHTS_OUTCOMES,
    forged: "FINE",
    errors: ["outcome error-human-rights-outcome", "note error-human-rights-note"],
  },
] as const;

for (const { schema, choice, values, forged, errors } of CHOICE_AND_NOTE) {
  describe(`the ${choice} form`, () => {
    const POST: TPost = { requestId: "req_123", [choice]: values[0], note: "Checked and fine." };

    it(`takes each ${choice}`, () => {
      for (const value of values)
        assert.deepEqual(schema.parse({ ...POST, [choice]: value }), { requestId: "req_123", [choice]: value, note: "Checked and fine." });
    });

    it(`needs a ${choice} and a note`, () => {
      assert.deepEqual(issuesOf(schema, { ...POST, [choice]: "", note: "  " }), errors);
      assert.deepEqual(fieldsWithIssues(schema, {}), ["note", choice, "requestId"].sort());
    });

    it(`refuses a forged ${choice} and an over-long note`, () => {
      assert.deepEqual(issuesOf(schema, { ...POST, [choice]: forged }), [errors[0]]);
      assert.deepEqual(issuesOf(schema, { ...POST, note: long(5001) }), ["note error-too-long|5000"]);
    });
  });
}

describe("grantLengthProblems", () => {
  const REVIEWER = { today: TODAY, isAdmin: false };
  const ADMIN = { today: TODAY, isAdmin: true };
  const dates = (startsOn: string, expiresOn: string, lengthOverride = "") => ({ startsOn, expiresOn, lengthOverride });

  it("finds nothing wrong with a year from a future start", () => {
    assert.deepEqual(grantLengthProblems(dates(START, "2027-12-01"), REVIEWER), {});
  });

  it("allows a grant starting today and a one-day grant", () => {
    assert.deepEqual(grantLengthProblems(dates(TODAY, "2026-11-23"), REVIEWER), {});
  });

  it("refuses a start in the past", () => {
    assert.deepEqual(grantLengthProblems(dates("2026-11-21", "2027-11-21"), REVIEWER), { startsOn: { key: "error-grant-start-past" } });
  });

  it("refuses an expiry in the past", () => {
    assert.deepEqual(grantLengthProblems(dates(START, "2026-11-21"), REVIEWER), { expiresOn: { key: "error-grant-expiry-past" } });
  });

  it("refuses an expiry on or before the start", () => {
    assert.deepEqual(grantLengthProblems(dates(START, START), REVIEWER), { expiresOn: { key: "error-grant-expiry-before-start" } });
    assert.deepEqual(grantLengthProblems(dates(START, "2026-11-30"), REVIEWER), { expiresOn: { key: "error-grant-expiry-before-start" } });
    assert.deepEqual(grantLengthProblems(dates(TODAY, TODAY), REVIEWER), { expiresOn: { key: "error-grant-expiry-before-start" } });
  });

  it("reports a past start and a past expiry together", () => {
    assert.deepEqual(grantLengthProblems(dates("2026-01-01", "2026-06-01"), REVIEWER), {
      startsOn: { key: "error-grant-start-past" },
      expiresOn: { key: "error-grant-expiry-past" },
    });
  });

  it("allows exactly 24 months", () => {
    assert.equal(MAX_GRANT_MONTHS, 24);
    assert.deepEqual(grantLengthProblems(dates(START, "2028-12-01"), REVIEWER), {});
    assert.deepEqual(grantLengthProblems(dates(START, "2028-12-01"), ADMIN), {});
  });

  it("counts 24 months to the end of a shorter month", () => {
    assert.deepEqual(grantLengthProblems(dates("2027-02-28", "2029-02-28"), REVIEWER), {});
    assert.deepEqual(grantLengthProblems(dates("2027-02-28", "2029-03-01"), REVIEWER), { expiresOn: { key: "error-grant-too-long", params: [24] } });
  });

  it("refuses 24 months and a day from a reviewer", () => {
    assert.deepEqual(grantLengthProblems(dates(START, "2028-12-02"), REVIEWER), { expiresOn: { key: "error-grant-too-long", params: [24] } });
  });

  it("asks an admin for a reason for 24 months and a day", () => {
    assert.deepEqual(grantLengthProblems(dates(START, "2028-12-02"), ADMIN), { expiresOn: { key: "error-grant-too-long-admin", params: [24] } });
  });

  it("allows an admin a longer grant with a reason", () => {
    assert.deepEqual(grantLengthProblems(dates(START, "2028-12-02", "Multi-year research grant."), ADMIN), {});
    assert.deepEqual(grantLengthProblems(dates(START, "2031-12-01", "Multi-year research grant."), ADMIN), {});
  });

  it("lets an admin give a reason that is not needed", () => {
    assert.deepEqual(grantLengthProblems(dates(START, "2027-12-01", "Just in case."), ADMIN), {});
  });

  it("refuses a reason from a reviewer who is not an admin", () => {
    assert.deepEqual(grantLengthProblems(dates(START, "2027-12-01", "Please."), REVIEWER), { lengthOverride: { key: "error-grant-override-admin-only" } });
    const tooLong = grantLengthProblems(dates(START, "2028-12-02", "Please."), REVIEWER);
    assert.deepEqual(tooLong.lengthOverride, { key: "error-grant-override-admin-only" });
  });

  it("still checks the order of the dates for an admin with a reason", () => {
    assert.deepEqual(grantLengthProblems(dates(START, "2026-11-30", "Reason."), ADMIN), { expiresOn: { key: "error-grant-expiry-before-start" } });
    assert.deepEqual(grantLengthProblems(dates("2026-11-01", "2029-01-01", "Reason."), ADMIN), { startsOn: { key: "error-grant-start-past" } });
  });

  it("ignores a past start when asked not to check it (an extension)", () => {
    assert.deepEqual(grantLengthProblems(dates("2025-06-01", "2027-06-01"), REVIEWER, false), {});
    assert.deepEqual(grantLengthProblems(dates("2025-06-01", "2027-06-02"), REVIEWER, false), { expiresOn: { key: "error-grant-too-long", params: [24] } });
    assert.deepEqual(grantLengthProblems(dates("2025-06-01", "2026-11-21"), REVIEWER, false), { expiresOn: { key: "error-grant-expiry-past" } });
  });
});

describe("grantProblems", () => {
  const FINE: TGrantContext = { today: TODAY, isAdmin: false, joint: false, hasWmdeRecommendation: false, commercial: false, hasHumanRightsAssessment: false };
  const INPUT = { startsOn: START, expiresOn: "2027-12-01", lengthOverride: "", jointOverride: "", publicName: "", publicSummary: "" };
  const problems = (changes: Partial<typeof INPUT>, context: Partial<TGrantContext> = {}) => grantProblems({ ...INPUT, ...changes }, { ...FINE, ...context });

  it("finds nothing wrong with a plain grant", () => {
    assert.deepEqual(problems({}), {});
  });

  it("includes the date rules", () => {
    assert.deepEqual(problems({ startsOn: "2026-11-01" }), { startsOn: { key: "error-grant-start-past" } });
    assert.deepEqual(problems({ expiresOn: "2028-12-02" }), { expiresOn: { key: "error-grant-too-long", params: [24] } });
    assert.deepEqual(problems({ expiresOn: "2028-12-02" }, { isAdmin: true }), { expiresOn: { key: "error-grant-too-long-admin", params: [24] } });
    assert.deepEqual(problems({ expiresOn: "2028-12-02", lengthOverride: "Reason." }, { isAdmin: true }), {});
    assert.deepEqual(problems({ lengthOverride: "Reason." }), { lengthOverride: { key: "error-grant-override-admin-only" } });
  });

  it("always checks the start", () => {
    assert.deepEqual(problems({ startsOn: "2025-06-01", expiresOn: "2027-06-01" }), { startsOn: { key: "error-grant-start-past" } });
  });

  it("needs WMDE's recommendation on a joint request, or a reason to go without it", () => {
    assert.deepEqual(problems({}, { joint: true }), { jointOverride: { key: "error-grant-joint-needs-recommendation" } });
    assert.deepEqual(problems({ jointOverride: "WMDE asked us to go ahead." }, { joint: true }), {});
    assert.deepEqual(problems({}, { joint: true, hasWmdeRecommendation: true }), {});
    assert.deepEqual(problems({ jointOverride: "Not needed." }, { joint: true, hasWmdeRecommendation: true }), {});
  });

  it("does not ask for WMDE's recommendation on a request that is not joint", () => {
    assert.deepEqual(problems({}, { joint: false, hasWmdeRecommendation: false }), {});
  });

  it("needs the human-rights assessment for a commercial requester, with no way around it", () => {
    const needsAssessment = { humanRights: { key: "error-grant-needs-human-rights" } };
    assert.deepEqual(problems({}, { commercial: true }), needsAssessment);
    assert.deepEqual(problems({}, { commercial: true, isAdmin: true }), needsAssessment);
    assert.deepEqual(problems({ jointOverride: "Go ahead.", lengthOverride: "Go ahead." }, { commercial: true, isAdmin: true }), needsAssessment);
    assert.deepEqual(problems({}, { commercial: true, joint: true, hasWmdeRecommendation: true }), needsAssessment);
    assert.deepEqual(problems({}, { commercial: true, hasHumanRightsAssessment: true }), {});
  });

  it("does not ask for a human-rights assessment from others", () => {
    assert.deepEqual(problems({}, { commercial: false, hasHumanRightsAssessment: false }), {});
  });

  it("asks for the register entry only when the requester consented to the register", () => {
    const register = { contactName: "Ada Lovelace" };
    assert.deepEqual(problems({}), {});
    assert.deepEqual(problems({}, { register }), { publicName: { key: "error-public-name" }, publicSummary: { key: "error-public-summary" } });
    assert.deepEqual(problems({ publicName: "Open Maps Lab", publicSummary: "A map of places." }, { register }), {});
    assert.deepEqual(problems({ publicName: "Ada Lovelace's map", publicSummary: "Write to ada@example.org." }, { register }), {
      publicName: { key: "error-public-person", params: ["Ada Lovelace"] },
      publicSummary: { key: "error-public-email" },
    });
  });

  it("reports every problem together", () => {
    assert.deepEqual(problems({ startsOn: "2026-11-01", expiresOn: "2029-01-01", lengthOverride: "Please." }, { joint: true, commercial: true }), {
      startsOn: { key: "error-grant-start-past" },
      expiresOn: { key: "error-grant-too-long", params: [24] },
      lengthOverride: { key: "error-grant-override-admin-only" },
      jointOverride: { key: "error-grant-joint-needs-recommendation" },
      humanRights: { key: "error-grant-needs-human-rights" },
    });
    assert.deepEqual(problems({ expiresOn: "2026-11-01" }, { joint: true, commercial: true, isAdmin: true }), {
      expiresOn: { key: "error-grant-expiry-past" },
      jointOverride: { key: "error-grant-joint-needs-recommendation" },
      humanRights: { key: "error-grant-needs-human-rights" },
    });
  });
});

describe("remindersDue", () => {
  const DAY = DAY_MS;
  const EXPIRES = endOfDay("2027-06-30");
  const before = (ms: number) => new Date(EXPIRES.getTime() - ms);

  it("reminds 30 and 7 days before", () => {
    assert.deepEqual([...REMINDER_DAYS], [30, 7]);
  });

  it("has nothing due more than 30 days before", () => {
    assert.deepEqual(remindersDue(EXPIRES, before(31 * DAY)), []);
    assert.deepEqual(remindersDue(EXPIRES, before(30 * DAY + 1)), []);
    assert.deepEqual(remindersDue(EXPIRES, before(365 * DAY)), []);
  });

  it("has the 30-day reminder due from exactly 30 days before", () => {
    assert.deepEqual(remindersDue(EXPIRES, before(30 * DAY)), [30]);
    assert.deepEqual(remindersDue(EXPIRES, before(20 * DAY)), [30]);
    assert.deepEqual(remindersDue(EXPIRES, before(7 * DAY + 1)), [30]);
  });

  it("has both due, nearest first, from exactly 7 days before", () => {
    assert.deepEqual(remindersDue(EXPIRES, before(7 * DAY)), [7, 30]);
    assert.deepEqual(remindersDue(EXPIRES, before(DAY)), [7, 30]);
    assert.deepEqual(remindersDue(EXPIRES, before(1)), [7, 30]);
  });

  it("has nothing due once the grant has expired", () => {
    assert.deepEqual(remindersDue(EXPIRES, EXPIRES), []);
    assert.deepEqual(remindersDue(EXPIRES, new Date(EXPIRES.getTime() + 1)), []);
    assert.deepEqual(remindersDue(EXPIRES, new Date(EXPIRES.getTime() + 10 * DAY)), []);
  });

  it("does not change REMINDER_DAYS", () => {
    remindersDue(EXPIRES, before(DAY));
    assert.deepEqual([...REMINDER_DAYS], [30, 7]);
  });
});

describe("grantDefaults", () => {
  const answers = (what: TPost = {}, obligation: TPost = {}): TDraftAnswers => ({ what, obligation });

  it("starts from an empty form when nothing was answered", () => {
    assert.deepEqual(grantDefaults({}, TODAY), { apis: [], startsOn: TODAY, expiresOn: "2027-11-22", onDemandPerMonth: "" });
  });

  it("copies the APIs asked for, dropping unknown values", () => {
    assert.deepEqual(grantDefaults(answers({ apis: ["snapshot", "realtime"] }), TODAY).apis, ["snapshot", "realtime"]);
    assert.deepEqual(grantDefaults(answers({ apis: "realtime" }), TODAY).apis, ["realtime"]);
    assert.deepEqual(grantDefaults(answers({ apis: ["snapshot", "firehose", ""] }), TODAY).apis, ["snapshot"]);
    assert.deepEqual(grantDefaults(answers({ apis: "" }), TODAY).apis, []);
  });

  it("sums the monthly On-demand requests of the projects chosen", () => {
    const what = { apis: ["on_demand"], projects: ["wikipedia", "wikidata"], wikipediaRequestsPerMonth: "40,000", wikidataRequestsPerMonth: "10000" };
    assert.equal(grantDefaults(answers(what), TODAY).onDemandPerMonth, "50000");
  });

  it("reads spaces and underscores as thousands separators", () => {
    const what = { apis: ["on_demand"], projects: ["wikipedia", "commons"], wikipediaRequestsPerMonth: "1 000 000", commonsRequestsPerMonth: "2_000" };
    assert.equal(grantDefaults(answers(what), TODAY).onDemandPerMonth, "1002000");
  });

  it("counts only the projects chosen", () => {
    const what = { apis: ["on_demand"], projects: ["wikipedia"], wikipediaRequestsPerMonth: "40,000", wikidataRequestsPerMonth: "10000" };
    assert.equal(grantDefaults(answers(what), TODAY).onDemandPerMonth, "40000");
    assert.equal(grantDefaults(answers({ ...what, projects: "wikidata" }), TODAY).onDemandPerMonth, "10000");
  });

  it("ignores projects it does not know, and numbers it cannot read", () => {
    const what = {
      apis: ["on_demand"],
      projects: ["wikipedia", "wiktionary", "commons"],
      wikipediaRequestsPerMonth: "40,000",
      wiktionaryRequestsPerMonth: "999",
      commonsRequestsPerMonth: "lots",
    };
    assert.equal(grantDefaults(answers(what), TODAY).onDemandPerMonth, "40000");
  });

  it("leaves the volume empty when On-demand was not asked for", () => {
    const what = { apis: ["snapshot"], projects: ["wikipedia"], wikipediaRequestsPerMonth: "40,000" };
    assert.equal(grantDefaults(answers(what), TODAY).onDemandPerMonth, "");
  });

  it("leaves the volume empty when no requests were given", () => {
    const what = { apis: ["on_demand"], projects: ["wikipedia"], wikipediaRequestsPerMonth: "" };
    assert.equal(grantDefaults(answers(what), TODAY).onDemandPerMonth, "");
    assert.equal(grantDefaults(answers({ apis: ["on_demand"] }), TODAY).onDemandPerMonth, "");
  });

  it("starts on the requester's start date when that is today or later", () => {
    assert.equal(grantDefaults(answers({}, { startDate: START }), TODAY).startsOn, START);
    assert.equal(grantDefaults(answers({}, { startDate: TODAY }), TODAY).startsOn, TODAY);
  });

  it("starts today when the requester's start date has passed or is missing", () => {
    assert.equal(grantDefaults(answers({}, { startDate: "2026-11-21" }), TODAY).startsOn, TODAY);
    assert.equal(grantDefaults(answers({}, { startDate: "" }), TODAY).startsOn, TODAY);
    assert.equal(grantDefaults(answers({}, { startDate: "soon" }), TODAY).startsOn, TODAY);
    assert.equal(grantDefaults(answers({}, { startDate: ["2026-12-01"] }), TODAY).startsOn, TODAY);
  });

  it("ends on the requester's end date when it is after the start and within 24 months", () => {
    assert.equal(grantDefaults(answers({}, { startDate: START, endDate: "2027-06-30" }), TODAY).expiresOn, "2027-06-30");
    assert.equal(grantDefaults(answers({}, { startDate: START, endDate: "2026-12-02" }), TODAY).expiresOn, "2026-12-02");
    assert.equal(grantDefaults(answers({}, { startDate: START, endDate: "2028-12-01" }), TODAY).expiresOn, "2028-12-01");
  });

  it("ends a year after the start otherwise", () => {
    const expiry = (obligation: TPost) => grantDefaults(answers({}, obligation), TODAY).expiresOn;
    assert.equal(expiry({ startDate: START, endDate: "" }), "2027-12-01");
    assert.equal(expiry({ startDate: START }), "2027-12-01");
    assert.equal(expiry({ startDate: START, endDate: "2028-12-02" }), "2027-12-01");
    assert.equal(expiry({ startDate: START, endDate: START }), "2027-12-01");
    assert.equal(expiry({ startDate: START, endDate: "2026-11-30" }), "2027-12-01");
    assert.equal(expiry({ startDate: START, endDate: "31/12/2027" }), "2027-12-01");
  });

  it("measures the requester's end date from today when their start date has passed", () => {
    assert.deepEqual(grantDefaults(answers({}, { startDate: "2026-06-01", endDate: "2028-11-22" }), TODAY), {
      apis: [],
      startsOn: TODAY,
      expiresOn: "2028-11-22",
      onDemandPerMonth: "",
    });
    assert.equal(grantDefaults(answers({}, { startDate: "2026-06-01", endDate: "2028-11-23" }), TODAY).expiresOn, "2027-11-22");
    assert.equal(grantDefaults(answers({}, { startDate: "2026-06-01", endDate: "2026-11-01" }), TODAY).expiresOn, "2027-11-22");
  });

  it("ends a year on at the end of a shorter month", () => {
    assert.equal(grantDefaults(answers({}, { startDate: "2028-02-29" }), TODAY).expiresOn, "2029-02-28");
  });

  it("fills the whole form from a complete request", () => {
    const what = {
      apis: ["snapshot", "on_demand"],
      projects: ["wikipedia", "wikidata"],
      wikipediaRequestsPerMonth: "400,000",
      wikidataRequestsPerMonth: "600,000",
    };
    assert.deepEqual(grantDefaults(answers(what, { startDate: "2027-01-15", endDate: "2028-12-31" }), TODAY), {
      apis: ["snapshot", "on_demand"],
      startsOn: "2027-01-15",
      expiresOn: "2028-12-31",
      onDemandPerMonth: "1000000",
    });
  });
});

describe("the decide page's one form", () => {
  it("asks grant or decline first, and checks before it records", () => {
    const base = { requestId: "cmrequest0000000000000000", version: "3" };
    assert.deepEqual(issuesOf(ZDecisionStep, base), ["outcome error-decision-outcome"]);
    assert.equal(ZDecisionStep.parse({ ...base, outcome: "grant" }).intent, "check");
    assert.equal(ZDecisionStep.parse({ ...base, outcome: "decline", intent: "record" }).intent, "record");
    assert.equal(ZDecisionStep.parse({ ...base, outcome: "decline", intent: "publish" }).intent, "check", "an unknown step only checks");
  });

  it("reads a decline from its own fields, and puts its problems back on them", () => {
    const values = { requestId: "r", version: "1", criteria: "who", declineCriteria: ["need", "what"], declineMessage: "Sorry.", message: "Welcome." };
    assert.deepEqual(declineFromPage(values), { requestId: "r", version: "1", criteria: ["need", "what"], rationale: "", message: "Sorry." });
    assert.deepEqual(declineErrorsOnPage({ criteria: { key: "error-decline-criteria" }, version: { key: "error-invalid" } }), {
      declineCriteria: { key: "error-decline-criteria" },
      version: { key: "error-invalid" },
    });
  });
});
