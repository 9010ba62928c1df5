/** A piece of a message: plain text, or a link written in the message as `[https://… words]`. */
export type TMessagePart = { text: string; href?: string };

// MediaWiki's external-link syntax, limited to https addresses: a translation can add a link
// only to a secure address, and never script or markup (pages render the parts as React nodes).
const LINK = /\[(https:\/\/[^\s\]]+) ([^\]]+)\]/g;

/** Splits a translated message into its text and its links, in reading order. */
export function messageParts(text: string): TMessagePart[] {
  const parts: TMessagePart[] = [];
  let from = 0;
  for (const { 0: whole, 1: href = "", 2: words = "", index } of text.matchAll(LINK)) {
    if (index > from) parts.push({ text: text.slice(from, index) });
    parts.push({ href, text: words.trim() });
    from = index + whole.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}

/** The addresses a message links to, for checking that a translation keeps them. */
export function linkTargets(text: string): string[] {
  return messageParts(text).flatMap((part) => (part.href ? [part.href] : []));
}

/** The message as plain text, each link's words kept and its address left out (titles, emails' text part). */
export function withoutLinks(text: string): string {
  return messageParts(text)
    .map((part) => part.text)
    .join("");
}
