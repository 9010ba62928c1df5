import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { canDecide, canRecommend, canSee, interestOf, interestRefusal, isConflicted, may, NEEDS_DECLARATION, offeredActions, refusalOf } from "./permissions";

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

  it("lets nobody change a closed request but by a message, a comment or a declaration of interest", () => {
    assert.deepEqual([...offeredActions(wmf, { ...submitted, status: "DECLINED" })].sort(), ["comment", "declare_interest", "message"]);
  });
});

describe("conflicts of interest", () => {
  const inReview = { status: "IN_REVIEW" as const, joint: true, requesterId: "requester", assigneeId: null };
  const wmf = { id: "wmf", role: "WMF_REVIEWER" as const };
  const wmde = { id: "wmde", role: "WMDE_REVIEWER" as const };
  const admin = { id: "admin", role: "ADMIN" as const };

  it("reads a stored declaration as undeclared, no conflict, a conflict, or a lifted one", () => {
    assert.equal(interestOf(null), "undeclared");
    assert.equal(interestOf({ hasConflict: false, liftedAt: null }), "none");
    assert.equal(interestOf({ hasConflict: true, liftedAt: null }), "conflict");
    assert.equal(interestOf({ hasConflict: true, liftedAt: new Date() }), "lifted");
  });

  it("asks for a declaration before a reviewer's first assessment, recommendation or decision, and for nothing else", () => {
    const undeclared = { ...inReview, interest: "undeclared" as const };
    for (const action of ["assess", "grant", "decline"] as const) assert.equal(refusalOf(wmf, undeclared, action), "conflict-error-declare-first", action);
    assert.equal(refusalOf(wmde, undeclared, "recommend"), "conflict-error-declare-first");
    assert.equal(canDecide(wmf, undeclared), false);
    assert.equal(canRecommend(wmde, undeclared), false);
    for (const action of ["take", "comment", "message", "ask_requester", "declare_interest"] as const) assert.equal(may(wmf, undeclared, action), true, action);
    for (const action of NEEDS_DECLARATION) assert.equal(interestRefusal(action, "none"), undefined, action);
    assert.equal(canDecide(wmf, { ...inReview, interest: "none" }), true);
  });

  it("keeps a reviewer with a declared conflict from everything on the request, admins too", () => {
    for (const viewer of [wmf, wmde, admin]) {
      const conflicted = { ...inReview, interest: "conflict" as const };
      assert.deepEqual([...offeredActions(viewer, conflicted)], [], viewer.role);
      assert.equal(refusalOf(viewer, conflicted, "comment"), "conflict-error-declared");
      assert.equal(isConflicted(conflicted), true);
    }
    assert.equal(refusalOf(wmf, { ...inReview, interest: "conflict" }, "grant"), "conflict-error-declared");
    assert.equal(refusalOf(wmde, { ...inReview, interest: "conflict" }, "recommend"), "conflict-error-declared");
  });

  it("lets a lifted conflict count as none", () => {
    const lifted = { ...inReview, interest: "lifted" as const };
    assert.equal(canDecide(wmf, lifted), true);
    assert.equal(may(wmf, lifted, "comment"), true);
    assert.equal(isConflicted(lifted), false);
  });

  it("takes a declaration once, except that no conflict may become one", () => {
    assert.equal(interestRefusal("declare_interest", "undeclared"), undefined);
    assert.equal(interestRefusal("declare_interest", "none"), undefined);
    assert.equal(interestRefusal("declare_interest", "conflict"), "conflict-error-declared");
    assert.equal(interestRefusal("declare_interest", "lifted"), "conflict-error-already-declared");
  });

  it("lets only admins lift a conflict, and not with one of their own on the request", () => {
    assert.equal(may(admin, { ...inReview, interest: "none" }, "lift_conflict"), true);
    assert.equal(refusalOf(wmf, { ...inReview, interest: "none" }, "lift_conflict"), "conflict-error-admin-only");
    assert.equal(refusalOf(wmde, inReview, "lift_conflict"), "transition-error-wmf-only");
    assert.equal(refusalOf(admin, { ...inReview, interest: "conflict" }, "lift_conflict"), "conflict-error-declared");
  });

  it("leaves the check to the pipeline when the declaration is not loaded", () => {
    assert.equal(canDecide(wmf, inReview), true);
    for (const action of NEEDS_DECLARATION) assert.equal(interestRefusal(action, undefined), undefined, action);
  });
});
