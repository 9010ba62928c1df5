import assert from "node:assert/strict";
import { describe, it } from "node:test";

import fc from "fast-check";

import { atomFeed, tagUri, xmlText, type TAtomFeed } from "./atom";

const FEED: TAtomFeed = {
  id: "tag:example.org,2026:register",
  title: "Register",
  subtitle: "Grants",
  lang: "en",
  updated: new Date("2026-11-22T10:00:00.000Z"),
  selfLink: "https://example.org/register.atom",
  htmlLink: "https://example.org/register",
  jsonLink: "https://example.org/register.json",
  author: "Wikimedia Foundation",
  entries: [
    {
      id: tagUri("example.org", "2026-11-01", "grant/EA-2026-0042"),
      title: 'Maps & "Places" <Lab>',
      published: new Date("2026-11-01T09:00:00.000Z"),
      updated: new Date("2026-11-20T09:00:00.000Z"),
      link: "https://example.org/register?reference=EA-2026-0042&x=1",
      summary: "It's a map.",
      content: "Snapshot API\nActive",
      categories: [{ term: "active", label: "Active" }],
    },
  ],
};

describe("xmlText", () => {
  it("escapes the five XML special characters", () => {
    assert.equal(xmlText(`<a href="x">Tom & Jerry's</a>`), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  });

  it("drops characters XML cannot carry at all, and keeps every other one", () => {
    assert.equal(xmlText("a\u0000b\u0008c\u001Fd\uFFFEe\uD800f"), "abcdef");
    assert.equal(xmlText("tab\tnew\nline\r ü 日本 😀"), "tab\tnew\nline\r ü 日本 😀");
  });

  it("never lets markup or an entity through, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        const escaped = xmlText(value);
        assert.ok(!/[<>"']/.test(escaped));
        assert.ok(!/&(?!(amp|lt|gt|quot|apos);)/.test(escaped));
      }),
    );
  });
});

describe("xmlText and direction", () => {
  it("drops bidirectional controls, which a feed reader would not isolate", () => {
    assert.equal(xmlText("Wiki\u202Emaps\u202C \u2066x\u2069"), "Wikimaps x");
  });
});

describe("atomFeed", () => {
  const xml = atomFeed(FEED);

  it("is an Atom document with the feed's required elements", () => {
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'));
    for (const part of [
      "<id>tag:example.org,2026:register</id>",
      "<updated>2026-11-22T10:00:00.000Z</updated>",
      "<author><name>Wikimedia Foundation</name></author>",
      '<link rel="self" type="application/atom+xml" href="https://example.org/register.atom"/>',
    ]) {
      assert.ok(xml.includes(part), part);
    }
    assert.ok(xml.trimEnd().endsWith("</feed>"));
  });

  it("writes each entry with a stable id, its dates and escaped text", () => {
    assert.ok(xml.includes("<id>tag:example.org,2026-11-01:grant/EA-2026-0042</id>"));
    assert.ok(xml.includes('<title type="text">Maps &amp; &quot;Places&quot; &lt;Lab&gt;</title>'));
    assert.ok(xml.includes("<published>2026-11-01T09:00:00.000Z</published>"));
    assert.ok(xml.includes("<updated>2026-11-20T09:00:00.000Z</updated>"));
    assert.ok(xml.includes('href="https://example.org/register?reference=EA-2026-0042&amp;x=1"'));
    assert.ok(xml.includes('<category term="active" label="Active"/>'));
    assert.ok(xml.includes('<summary type="text">It&apos;s a map.</summary>'));
  });

  it("is a feed even with no entries", () => {
    assert.ok(!atomFeed({ ...FEED, entries: [] }).includes("<entry>"));
  });
});
