import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps paths on this site", () => {
    assert.equal(safeReturnPath("/requests/abc?x=1#y"), "/requests/abc?x=1#y");
  });

  it("drops anything that could lead elsewhere", () => {
    for (const value of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "requests", "/a\nb", "", undefined, 42]) {
      assert.equal(safeReturnPath(value), undefined, String(value));
    }
  });
});
