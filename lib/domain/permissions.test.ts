import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { canDecide, canRecommend, canSee, may, offeredActions, refusalOf } from "./permissions";

describe("who sees which request", () => {
  it("shows WMF reviewers and admins every submitted request, WMDE reviewers only joint ones, nobody a draft", () => {
    const request = (status: "DRAFT" | "SUBMITTED" | "GRANTED", joint: boolean) => ({ status, joint, requesterId: "someone" });
    const as = (role: "REQUESTER" | "WMF_REVIEWER" | "WMDE_REVIEWER" | "ADMIN") => ({ id: "viewer", role });
    assert.equal(canSee(as("WMF_REVIEWER"), request("SUBMITTED", false)), true);
    assert.equal(canSee(as("ADMIN"), request("GRANTED", false)), true);
    assert.equal(canSee(as("WMDE_REVIEWER"), request("SUBMITTED", true)), true);
    assert.equal(canSee(as("WMDE_REVIEWER"), request("SUBMITTED", false)), false);
    assert.equal(canSee(as("WMF_REVIEWER"), request("DRAFT", true)), false);
    assert.equal(canSee(as("REQUESTER"), request("SUBMITTED", true)), false);
  });

  it("never shows staff their own request as reviewers, whatever their role", () => {
    for (const role of ["WMF_REVIEWER", "WMDE_REVIEWER", "ADMIN"] as const) {
      for (const status of ["SUBMITTED", "IN_REVIEW", "GRANTED"] as const) {
        assert.equal(canSee({ id: "me", role }, { status, joint: true, requesterId: "me" }), false, `${role} on their own ${status} request`);
      }
    }
  });
});

describe("what each person may do on a request", () => {
  const submitted = { status: "SUBMITTED" as const, joint: false, requesterId: "requester", assigneeId: null };
  const inReview = { ...submitted, status: "IN_REVIEW" as const, assigneeId: "wmf" };
  const wmf = { id: "wmf", role: "WMF_REVIEWER" as const };
  const other = { id: "other", role: "WMF_REVIEWER" as const };
  const wmde = { id: "wmde", role: "WMDE_REVIEWER" as const };
  const admin = { id: "admin", role: "ADMIN" as const };
  const requester = { id: "requester", role: "REQUESTER" as const };

  it("offers a WMF reviewer the decision only once the request is in review, never on their own", () => {
    assert.equal(canDecide(wmf, submitted), false);
    assert.equal(canDecide(wmf, inReview), true);
    assert.equal(canDecide(wmde, inReview), false);
    assert.equal(canDecide(wmf, { ...inReview, requesterId: "wmf" }), false);
  });

  it("offers WMDE's recommendation to WMDE reviewers on joint requests only", () => {
    assert.equal(canRecommend(wmde, { ...submitted, joint: true }), true);
    assert.equal(refusalOf(wmde, submitted, "recommend"), "decision-error-not-joint");
    assert.equal(refusalOf(wmf, { ...submitted, joint: true }, "recommend"), "decision-error-wmde-only");
  });

  it("lets the reviewer who has the request, or an admin, release it; and nobody take what is already theirs", () => {
    assert.equal(may(wmf, inReview, "release"), true);
    assert.equal(may(admin, inReview, "release"), true);
    assert.equal(refusalOf(other, inReview, "release"), "review-error-not-assignee");
    assert.equal(refusalOf(wmf, inReview, "take"), "review-error-no-change");
    assert.equal(may(other, inReview, "take"), true);
  });

  it("gives the requester only the requester's moves on their own request", () => {
    const offered = offeredActions(requester, { ...submitted, status: "AWAITING_REQUESTER" });
    assert.deepEqual([...offered].sort(), ["cancel", "requester_answered"]);
    assert.equal(may({ id: "someone", role: "REQUESTER" }, submitted, "cancel"), false);
  });

  it("lets nobody change a closed request but by a message or a comment", () => {
    assert.deepEqual([...offeredActions(wmf, { ...submitted, status: "DECLINED" })].sort(), ["comment", "message"]);
  });
});
