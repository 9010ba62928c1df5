import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { canAdminister, canReview, landingPath, ZRoleChange } from "./roles";

describe("roles", () => {
  it("lets reviewers and admins review, and only admins administer", () => {
    assert.deepEqual(
      (["REQUESTER", "WMF_REVIEWER", "WMDE_REVIEWER", "ADMIN"] as const).map((role) => [canReview(role), canAdminister(role)]),
      [
        [false, false],
        [true, false],
        [true, false],
        [true, true],
      ],
    );
  });

  it("sends each role to the page it works from", () => {
    assert.equal(landingPath("REQUESTER"), "/requests");
    assert.equal(landingPath("WMF_REVIEWER"), "/review");
    assert.equal(landingPath("WMDE_REVIEWER"), "/review");
    assert.equal(landingPath("ADMIN"), "/admin/users");
  });

  it("accepts only known roles in a role change", () => {
    assert.equal(ZRoleChange.safeParse({ userId: "u1", role: "ADMIN", expectedRole: "REQUESTER" }).success, true);
    const forged = ZRoleChange.safeParse({ userId: "u1", role: "SUPERUSER", expectedRole: "REQUESTER" });
    assert.equal(forged.success, false);
    assert.equal(forged.error?.issues[0]?.message, "error-role-invalid");
    assert.equal(ZRoleChange.safeParse({ userId: "", role: "ADMIN", expectedRole: "ADMIN" }).success, false);
  });
});
