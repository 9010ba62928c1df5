import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ZEmailSignIn } from "./sign-in";

describe("ZEmailSignIn", () => {
  it("accepts an address, trimmed", () => {
    assert.equal(ZEmailSignIn.parse({ email: "  ada@example.org " }).email, "ada@example.org");
  });

  it("asks for an address when it is missing, and for a valid one when it is wrong", () => {
    assert.equal(ZEmailSignIn.safeParse({ email: "" }).error?.issues[0]?.message, "error-email-required");
    assert.equal(ZEmailSignIn.safeParse({}).error?.issues[0]?.message, "error-email-required");
    assert.equal(ZEmailSignIn.safeParse({ email: "ada@" }).error?.issues[0]?.message, "error-email-invalid");
    assert.equal(ZEmailSignIn.safeParse({ email: `${"a".repeat(250)}@example.org` }).error?.issues[0]?.message, "error-too-long|254");
  });

  it("takes one address only: a list or a header trick is refused with its own message", () => {
    for (const email of [
      "ada@example.org, eve@example.org",
      "ada@example.org;eve@example.org",
      "Ada <ada@example.org>",
      "ada@example.org\r\nBcc: eve@example.org",
    ]) {
      assert.equal(ZEmailSignIn.safeParse({ email }).error?.issues[0]?.message, "error-email-one-address", JSON.stringify(email));
    }
  });

  it("keeps the page's language for the email, and drops anything that is no language", () => {
    assert.equal(ZEmailSignIn.parse({ email: "ada@example.org", locale: "de" }).locale, "de");
    assert.equal(ZEmailSignIn.parse({ email: "ada@example.org", locale: "qqx" }).locale, undefined);
    assert.equal(ZEmailSignIn.parse({ email: "ada@example.org", locale: ["de"] }).locale, undefined);
    assert.equal(ZEmailSignIn.parse({ email: "ada@example.org" }).locale, undefined);
  });
});
