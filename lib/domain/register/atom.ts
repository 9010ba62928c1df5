// An Atom 1.0 feed (RFC 4287) as text. Every value goes through xmlText, so nothing a reviewer
// typed can break the document or add markup to it.

import { withoutBidiControls } from "../text";

export type TAtomEntry = {
  id: string;
  title: string;
  published: Date;
  updated: Date;
  link: string;
  summary: string;
  content: string;
  categories: { term: string; label: string }[];
};

export type TAtomFeed = {
  id: string;
  title: string;
  subtitle: string;
  lang: string;
  updated: Date;
  selfLink: string;
  htmlLink: string;
  jsonLink: string;
  author: string;
  entries: TAtomEntry[];
};

// Characters XML 1.0 does not allow at all, not even escaped: most controls, lone surrogates, U+FFFE/F.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML refuses are control characters; matching them is the point
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe in XML content and in attribute values, without bidirectional controls (a feed reader does not isolate them). */
export function xmlText(value: string) {
  return withoutBidiControls(value)
    .replace(NOT_XML, "")
    .replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/**
 * A tag URI (RFC 4151): an id that stays the same for as long as the app keeps its address,
 * whatever the entry's title or status becomes.
 */
export function tagUri(authority: string, day: string, specific: string) {
  return `tag:${authority},${day}:${specific}`;
}

const time = (date: Date) => date.toISOString();

function entryXml(entry: TAtomEntry) {
  return [
    "  <entry>",
    `    <id>${xmlText(entry.id)}</id>`,
    `    <title type="text">${xmlText(entry.title)}</title>`,
    `    <published>${time(entry.published)}</published>`,
    `    <updated>${time(entry.updated)}</updated>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>`,
    ...entry.categories.map((category) => `    <category term="${xmlText(category.term)}" label="${xmlText(category.label)}"/>`),
    `    <summary type="text">${xmlText(entry.summary)}</summary>`,
    `    <content type="text">${xmlText(entry.content)}</content>`,
    "  </entry>",
  ].join("\n");
}

export function atomFeed(feed: TAtomFeed) {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.lang)}">`,
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`,
    `  <updated>${time(feed.updated)}</updated>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfLink)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.htmlLink)}"/>`,
    `  <link rel="alternate" type="application/json" href="${xmlText(feed.jsonLink)}"/>`,
    ...feed.entries.map(entryXml),
    "</feed>",
    "",
  ].join("\n");
}
