import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ZAccountName } from "./account";

const issues = (post: Record<string, unknown>) => {
  const result = ZAccountName.safeParse(post);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
};

describe("the name of an account", () => {
  it("keeps a name as one trimmed line", () => {
    assert.deepEqual(ZAccountName.parse({ name: "  Ada   Lovelace \n" }), { name: "Ada Lovelace" });
    assert.deepEqual(ZAccountName.parse({ name: "عائشة عبد الرحمن" }), { name: "عائشة عبد الرحمن" });
  });

  it("removes the name when the field is left empty, blank or missing", () => {
    for (const post of [{ name: "" }, { name: "   " }, {}]) assert.deepEqual(ZAccountName.parse(post), { name: null }, JSON.stringify(post));
  });

  it("takes up to 120 characters", () => {
    assert.deepEqual(issues({ name: "a".repeat(120) }), []);
    assert.deepEqual(issues({ name: "a".repeat(121) }), [["name", "error-too-long|120"]]);
  });

  it("refuses an email address, which reviewers see anyway", () => {
    assert.deepEqual(issues({ name: "ada@example.org" }), [["name", "error-account-name-address"]]);
    assert.deepEqual(issues({ name: "Ada <ada@example.org>" }), [["name", "error-account-name-address"]]);
    assert.deepEqual(issues({ name: "Ada @ Open Maps" }), []);
  });
});
