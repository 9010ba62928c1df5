import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { linkTargets, messageParts, withoutLinks } from "./links";

describe("links in messages", () => {
  it("splits a message into its text and its [https://… words] links, in order", () => {
    assert.deepEqual(messageParts("If you have none, [https://enterprise.wikimedia.com/ create a free one] first."), [
      { text: "If you have none, " },
      { href: "https://enterprise.wikimedia.com/", text: "create a free one" },
      { text: " first." },
    ]);
    assert.deepEqual(messageParts("[https://a.example/ one][https://b.example/x?y=1 two words]"), [
      { href: "https://a.example/", text: "one" },
      { href: "https://b.example/x?y=1", text: "two words" },
    ]);
  });

  it("leaves a message without links as one piece of text", () => {
    assert.deepEqual(messageParts("Each line starts with http:// or https://."), [{ text: "Each line starts with http:// or https://." }]);
    assert.deepEqual(messageParts(""), []);
  });

  it("links only to https addresses: anything else stays text as written", () => {
    for (const text of ["[javascript:alert(1) click]", "[http://plain.example/ insecure]", "[//example.org/ relative]", "[https://example.org/]"]) {
      assert.deepEqual(messageParts(text), [{ text }], text);
    }
  });

  it("names the addresses and gives the words without them", () => {
    const text = "See [https://enterprise.wikimedia.com/docs/ the documentation] if unsure.";
    assert.deepEqual(linkTargets(text), ["https://enterprise.wikimedia.com/docs/"]);
    assert.equal(withoutLinks(text), "See the documentation if unsure.");
  });
});
