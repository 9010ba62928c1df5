import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { completeAnswers } from "@/test-support/answers";

import {
  entryUpdated,
  PUBLIC_NAME_MAX,
  PUBLIC_SUMMARY_MAX,
  publicDraft,
  publicTextProblems,
  registerConsented,
  registerStatus,
  ZRegisterParams,
} from "./register";
import { firstValues } from "../search-params";

const answers = () => completeAnswers("2026-12-01");
const NOW = new Date("2026-11-22T12:00:00Z");

describe("registerConsented", () => {
  it("reads the consent box of the Values section as the form posts it", () => {
    const given = answers();
    assert.equal(registerConsented(given), false);
    for (const value of ["on", "yes", "true"]) assert.equal(registerConsented({ ...given, values: { ...given.values, registerConsent: value } }), true, value);
    for (const value of ["", "off", "no"]) assert.equal(registerConsented({ ...given, values: { ...given.values, registerConsent: value } }), false, value);
    assert.equal(registerConsented({ ...given, values: { ...given.values, registerConsent: ["on"] } }), true);
    assert.equal(registerConsented({}), false);
  });
});

describe("publicDraft", () => {
  it("starts from the organisation and the purpose, as one paragraph", () => {
    const given = answers();
    given.what.purpose = "A reading app for schools.\n\nIt works offline.";
    assert.deepEqual(publicDraft(given), { name: "Open Knowledge Lab", summary: "A reading app for schools. It works offline." });
  });

  it("never offers an individual's organisation, which may be their own name", () => {
    const given = answers();
    given.who = { ...given.who, requesterKind: "individual", organisation: "Ada Lovelace Consulting" };
    assert.equal(publicDraft(given).name, "");
  });

  it("cuts a long purpose at the last sentence that fits", () => {
    const given = answers();
    const sentence = "An offline reading app for schools in rural areas that syncs every week. ";
    given.what.purpose = sentence.repeat(20);
    const { summary } = publicDraft(given);
    assert.ok(summary.length <= PUBLIC_SUMMARY_MAX);
    assert.ok(summary.endsWith("week."), summary);
    assert.equal(summary, sentence.repeat(Math.floor((PUBLIC_SUMMARY_MAX + 1) / sentence.length)).trim());
  });

  it("cuts a long text without sentences at a word, with an ellipsis", () => {
    const given = answers();
    given.what.purpose = "word ".repeat(200);
    given.who = { ...given.who, organisation: "x".repeat(400) };
    const draft = publicDraft(given);
    assert.ok(draft.summary.length <= PUBLIC_SUMMARY_MAX && draft.summary.endsWith("word…"), draft.summary);
    assert.equal(draft.name.length, PUBLIC_NAME_MAX);
    assert.ok(draft.name.endsWith("…"));
  });

  it("copes with missing answers", () => {
    assert.deepEqual(publicDraft({}), { name: "", summary: "" });
  });
});

describe("publicTextProblems", () => {
  const fine = { publicName: "Open Maps Lab", publicSummary: "A map of places in 40 languages." };

  it("needs both texts", () => {
    assert.deepEqual(publicTextProblems(fine, "Ada Lovelace"), {});
    assert.deepEqual(publicTextProblems({ publicName: "", publicSummary: "" }), {
      publicName: { key: "error-public-name" },
      publicSummary: { key: "error-public-summary" },
    });
  });

  it("refuses an email address in either", () => {
    assert.deepEqual(publicTextProblems({ ...fine, publicSummary: "Questions to maps@example.org please." }), { publicSummary: { key: "error-public-email" } });
    assert.deepEqual(publicTextProblems({ ...fine, publicName: "a.b@lab.example.com" }), { publicName: { key: "error-public-email" } });
    assert.deepEqual(publicTextProblems({ ...fine, publicSummary: "We follow @wikimedia on social media." }), {});
  });

  it("refuses the contact person's name, however it is spaced or capitalised", () => {
    assert.deepEqual(publicTextProblems({ ...fine, publicSummary: "Built by ADA  lovelace for schools." }, " Ada\nLovelace "), {
      publicSummary: { key: "error-public-person", params: ["Ada Lovelace"] },
    });
    assert.deepEqual(publicTextProblems({ ...fine, publicName: "Lovelace Lab" }, "Ada Lovelace"), {});
    // A name too short to tell from ordinary words is not looked for.
    assert.deepEqual(publicTextProblems({ ...fine, publicSummary: "An app for Al and everyone." }, "Al"), {});
  });
});

describe("registerStatus", () => {
  const ahead = new Date("2027-01-31T23:59:59.999Z");
  const behind = new Date("2026-11-01T23:59:59.999Z");

  const started = new Date("2026-01-01T00:00:00Z");
  const later = new Date("2026-12-01T00:00:00Z");

  it("shows a grant as not started before its first day, active until its expiry, then expired, whether or not the job has run", () => {
    assert.equal(registerStatus("GRANTED", { startsAt: later, expiresAt: ahead }, null, NOW), "not_started");
    assert.equal(registerStatus("GRANTED", { startsAt: started, expiresAt: ahead }, null, NOW), "active");
    assert.equal(registerStatus("GRANTED", { startsAt: started, expiresAt: behind }, null, NOW), "expired");
    assert.equal(registerStatus("EXPIRED", { startsAt: started, expiresAt: behind }, null, NOW), "expired");
  });

  it("tells a withdrawal from a grant given up, without the reason, even before it started", () => {
    for (const reason of ["USE_CASE_ENDED", "MISUSE", "POLICY"]) {
      assert.equal(registerStatus("WITHDRAWN", { startsAt: started, expiresAt: ahead }, reason, NOW), "withdrawn");
    }
    assert.equal(registerStatus("WITHDRAWN", { startsAt: later, expiresAt: ahead }, "REQUESTER_WISH", NOW), "given_up");
  });

  it("has no entry for anything that is not a grant", () => {
    for (const status of ["DRAFT", "SUBMITTED", "IN_REVIEW", "AWAITING_REQUESTER", "DECLINED", "CANCELLED", "LAPSED"] as const) {
      assert.equal(registerStatus(status, { startsAt: null, expiresAt: null }, null, NOW), undefined, status);
    }
  });
});

describe("entryUpdated", () => {
  const decided = new Date("2026-01-10T10:00:00Z");
  const expiry = new Date("2026-06-30T23:59:59.999Z");

  it("is the decision's last change, or the expiry once it has passed", () => {
    assert.equal(entryUpdated(decided, expiry, "active"), decided);
    assert.equal(entryUpdated(decided, expiry, "withdrawn"), decided);
    assert.equal(entryUpdated(decided, expiry, "expired"), expiry);
    const extendedLater = new Date("2026-08-01T00:00:00Z");
    assert.equal(entryUpdated(extendedLater, expiry, "expired"), extendedLater);
  });
});

describe("ZRegisterParams", () => {
  it("keeps known filters and well-formed references, and ignores anything else", () => {
    assert.deepEqual(ZRegisterParams.parse({ status: "ended", reference: " ea-2026-0042 ", after: "abc" }), {
      status: "ended",
      reference: "EA-2026-0042",
      after: "abc",
    });
    assert.deepEqual(ZRegisterParams.parse({ status: "DECLINED", reference: "EA-2026-0042' OR 1=1", after: "x".repeat(201) }), {
      status: undefined,
      reference: undefined,
      after: undefined,
    });
    assert.deepEqual(ZRegisterParams.parse(firstValues({ status: ["active", "expired"], reference: undefined })), { status: "active", reference: undefined });
  });
});
