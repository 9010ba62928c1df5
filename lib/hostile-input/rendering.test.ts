// Text people typed, rendered: in emails it is escaped in the HTML part and kept as typed in the
// plain-text part; in pages React escapes it, so raw HTML may only enter through a reviewed place.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import fc from "fast-check";

import { escapeHtml, renderEmail } from "@/lib/mail/layout";
import { REQUEST_EMAIL_KINDS, requestEmail } from "@/lib/mail/templates/request-email";

import { PAYLOADS } from "./arbitraries";

const MARKUP = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  "javascript:alert(1)",
  '<a href="https://evil.example">x</a>',
  "</p><h1>",
  "<!--",
  "]]>",
];

/** Text with markup in it, and no message-formatter syntax ($1, {{...}}, [link]), which is tested apart. */
const markupText = fc
  .array(fc.oneof(fc.constantFrom(...MARKUP), fc.string({ unit: "grapheme", maxLength: 20 }), fc.constantFrom(...PAYLOADS)), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(" "))
  .filter((text) => !/[$[\]{}]/.test(text));

/** The rest of an email's parameters (scope, dates, reasons) are worded by the server, on one line. */
const oneLine = markupText.filter((text) => !/[\r\n]/.test(text));

/** References are made by the server (EA-2026-0042); the people's words are the detail and the rest. */
const reference = fc
  .tuple(fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 1, max: 99_999 }))
  .map(([year, n]) => `EA-${year}-${String(n).padStart(4, "0")}`);

/** The user's text sits in the HTML only escaped: not one raw `<`, `>` or quote of it survives. */
function assertEscapedIn(html: string, text: string) {
  // A text of a character or three (a lone quote) also occurs in the layout's own markup.
  if (/[<>"']/.test(text) && text.length > 3) assert.ok(!html.includes(text), `raw text in HTML: ${JSON.stringify(text)}`);
  assert.ok(html.includes(escapeHtml(text)), `escaped text missing: ${JSON.stringify(text)}`);
}

/** Every tag in the HTML part is one of the layout's own (a span keeps the reference on one line). */
function assertOnlyLayoutTags(html: string) {
  const tags = new Set([...html.matchAll(/<\/?([a-zA-Z!][\w-]*)/g)].map((match) => match[1]!.toLowerCase()));
  assert.deepEqual(
    [...tags].filter((tag) => !["!doctype", "html", "head", "meta", "title", "body", "div", "h1", "p", "a", "span"].includes(tag)),
    [],
  );
  // Attribute values hold only escaped text (no raw quote), so they can be set aside first.
  assert.doesNotMatch(html.replace(/"[^"]*"/g, '""'), /<[^>]*\son\w+\s*=/i, "an event handler attribute");
}

describe("request emails with hostile text", () => {
  for (const kind of REQUEST_EMAIL_KINDS) {
    it(`${kind}: the reviewer's or requester's words are escaped in HTML and kept as typed in text`, () => {
      fc.assert(
        fc.property(markupText, fc.array(oneLine, { maxLength: 3 }), reference, (detail, more, reference) => {
          const mail = requestEmail(kind, { reference, url: "https://access.example.org/requests/abc", detail, more });
          assertOnlyLayoutTags(mail.html);
          for (const text of [detail, ...more, reference]) {
            if (!mail.text.includes(text)) continue; // Not every kind shows every parameter.
            assertEscapedIn(mail.html, text);
          }
          assert.ok(mail.text.includes(reference), "the reference is in the plain-text part");
          assert.doesNotMatch(mail.subject, /[\r\n]/, "a line break in the subject would split the header");
        }),
        { numRuns: 40 },
      );
    });
  }

  it("message: text with formatter syntax arrives as typed, and escaped in HTML", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("$1 $2 $3", "{{PLURAL:$1|one|many}}", "{{int:error-unexpected}}", "[https://evil.example click]", "<b>$1</b>", "{{GENDER:x|a|b}}"),
        (detail) => {
          const mail = requestEmail("message", { reference: "EA-2026-0042", url: "https://access.example.org/requests/abc", detail });
          assert.ok(mail.text.includes(detail), `${JSON.stringify(detail)} changed on its way into the email`);
          assertEscapedIn(mail.html, detail);
          assertOnlyLayoutTags(mail.html);
        },
      ),
    );
  });
});

describe("the email layout with hostile parts", () => {
  it("escapes every part, the link included, and keeps the text part as given", () => {
    const anyText = fc.oneof(markupText, fc.string({ unit: "binary", maxLength: 100 }));
    fc.assert(
      fc.property(anyText, fc.array(anyText, { maxLength: 4 }), anyText, anyText, anyText, (heading, paragraphs, label, url, footer) => {
        const mail = renderEmail({ lang: "en", dir: "ltr", heading, paragraphs, action: { label, url }, footer });
        assertOnlyLayoutTags(mail.html);
        for (const text of [heading, ...paragraphs, label, url, footer]) {
          assertEscapedIn(mail.html, text);
          assert.ok(mail.text.includes(text));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("raw HTML in pages", () => {
  // React escapes text; these are the only places allowed to hand it raw HTML. Add one only after review.
  const ALLOWED: string[] = [];
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
      return /\.(tsx?|jsx?)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
    });

  it("no page or component sets inner HTML outside the reviewed list", () => {
    const users = ["app", "components", "lib"]
      .flatMap(sourceFiles)
      .filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML/.test(readFileSync(file, "utf8")));
    assert.deepEqual(
      users.filter((file) => !ALLOWED.includes(file)),
      [],
    );
  });
});
