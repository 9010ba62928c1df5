import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { envelopeOf } from "./transport";

describe("what goes to SMTP", () => {
  const mail = { to: "ada@example.org", subject: "S", text: "T", html: "<p>T</p>" };

  it("marks every email as written by a program (RFC 3834), so auto-responders do not answer it", () => {
    assert.deepEqual(envelopeOf(mail, { mailFrom: "EA <ea@example.org>" }).headers, { "Auto-Submitted": "auto-generated" });
  });

  it("sends replies to REPLY_TO only when it is set", () => {
    assert.equal("replyTo" in envelopeOf(mail, { mailFrom: "EA <ea@example.org>" }), false);
    assert.equal(envelopeOf(mail, { mailFrom: "EA <ea@example.org>", replyTo: "team@example.org" }).replyTo, "team@example.org");
  });
});
