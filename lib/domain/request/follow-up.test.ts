import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { completeAnswers } from "@/test-support/answers";

import { promisedContributions } from "./contributions";
import { followUpAnswers, mayFollowUp, renewalOpensOn } from "./follow-up";
import type { TDraftAnswers } from "./sections";

const START = "2026-12-01";

/** A complete earlier request with an end date and every declaration given. */
function earlier(): TDraftAnswers {
  const answers = completeAnswers(START);
  return {
    ...answers,
    obligation: { ...answers.obligation, endDate: "2027-12-01" },
    values: { ...answers.values, registerConsent: "on" },
  };
}

describe("followUpAnswers", () => {
  it("removes the dates of the earlier request", () => {
    const obligation = followUpAnswers(earlier()).obligation!;
    assert.equal("startDate" in obligation, false);
    assert.equal("endDate" in obligation, false);
  });

  it("removes the declarations, to be confirmed afresh", () => {
    const next = followUpAnswers(earlier());
    assert.equal("noSilos" in next.mission!, false);
    assert.equal("noHarms" in next.values!, false);
    assert.equal("registerConsent" in next.values!, false);
  });

  it("keeps everything else the requester wrote", () => {
    const previous = earlier();
    const next = followUpAnswers(previous);
    const { startDate: _start, endDate: _end, ...obligation } = previous.obligation!;
    const { noSilos: _noSilos, ...mission } = previous.mission!;
    const { noHarms: _noHarms, registerConsent: _consent, ...values } = previous.values!;
    assert.deepEqual(next, { who: previous.who, what: previous.what, need: previous.need, obligation, mission, values });
  });

  it("keeps the other answers of the sections it changes", () => {
    const next = followUpAnswers(earlier());
    assert.deepEqual(promisedContributions(next), [{ kind: "reports", description: "A yearly report on how students use the articles." }]);
    assert.equal(next.obligation!.customDevelopment, "no");
    assert.equal(next.mission!.missionExplanation, "We bring free knowledge to classrooms without internet.");
    assert.deepEqual(next.values!.benefitAreas, ["education"]);
    assert.equal(next.values!.generativeAi, "no");
  });

  it("keeps lists as lists and empty answers as empty", () => {
    const next = followUpAnswers(earlier());
    assert.deepEqual(next.what!.apis, ["snapshot", "on_demand"]);
    assert.equal(next.what!.exceptionOther, "");
    assert.equal(next.need!.dumpsShortfall, "");
  });

  it("leaves the earlier answers untouched", () => {
    const previous = earlier();
    const snapshot = structuredClone(previous);
    followUpAnswers(previous);
    assert.deepEqual(previous, snapshot);
    assert.equal(previous.obligation!.startDate, START);
    assert.equal(previous.mission!.noSilos, "on");
    assert.equal(previous.values!.noHarms, "yes");
  });

  it("gives a deep copy: changing it does not change the earlier answers", () => {
    const previous = earlier();
    const snapshot = structuredClone(previous);
    const next = followUpAnswers(previous);
    assert.notEqual(next, previous);
    assert.notEqual(next.who, previous.who);
    assert.notEqual(next.what!.apis, previous.what!.apis);

    next.who!.contactName = "Grace Hopper";
    (next.what!.apis as string[]).push("realtime");
    (next.obligation!.contributionKind as string[])[0] = "changed";
    next.need!.needExplanation = "Changed.";
    delete next.what!.purpose;
    next.obligation!.startDate = "2030-01-01";
    assert.deepEqual(previous, snapshot);
  });

  it("handles missing sections", () => {
    assert.deepEqual(followUpAnswers({}), {});
    assert.deepEqual(followUpAnswers({ who: { contactName: "Ada" } }), { who: { contactName: "Ada" } });
    const { obligation: _obligation, mission: _mission, values: _values, ...rest } = earlier();
    assert.deepEqual(followUpAnswers(rest), rest);
  });

  it("handles sections without the removed answers", () => {
    assert.deepEqual(followUpAnswers({ obligation: {}, mission: {}, values: {} }), { obligation: {}, mission: {}, values: {} });
    assert.deepEqual(followUpAnswers({ obligation: { endDate: "2027-01-01" }, values: { noHarms: "yes", commitment: "Credit." } }), {
      obligation: {},
      values: { commitment: "Credit." },
    });
  });

  it("does not add sections that were missing", () => {
    const next = followUpAnswers({ what: { apis: ["snapshot"] } });
    assert.deepEqual(Object.keys(next), ["what"]);
  });

  it("removes the fields only from their own sections", () => {
    const previous: TDraftAnswers = { who: { startDate: "keep", noSilos: "keep" }, need: { noHarms: "keep", registerConsent: "keep", endDate: "keep" } };
    assert.deepEqual(followUpAnswers(previous), previous);
  });
});

describe("when a new request may start from an earlier one", () => {
  const now = new Date("2027-03-01T10:00:00Z");
  const ends = (day: string) => new Date(`${day}T23:59:59.999Z`);

  it("renews a running grant only in its last 60 days", () => {
    assert.equal(renewalOpensOn(ends("2027-04-30")), "2027-03-01");
    assert.equal(mayFollowUp("GRANTED", ends("2027-04-30"), now), true);
    assert.equal(mayFollowUp("GRANTED", ends("2027-05-01"), now), false);
    assert.equal(mayFollowUp("GRANTED", null, now), false);
  });

  it("starts again at any time after a decline or a grant that has ended", () => {
    for (const status of ["DECLINED", "EXPIRED", "WITHDRAWN"] as const) assert.equal(mayFollowUp(status, ends("2028-01-01"), now), true, status);
  });

  it("never starts from a request still open, a draft, or one cancelled or lapsed", () => {
    for (const status of ["DRAFT", "SUBMITTED", "IN_REVIEW", "AWAITING_REQUESTER", "CANCELLED", "LAPSED"] as const) {
      assert.equal(mayFollowUp(status, null, now), false, status);
    }
  });
});
