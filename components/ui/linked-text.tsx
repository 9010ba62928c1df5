import { Fragment, type ReactNode } from "react";

import { messageParts } from "@/lib/i18n/links";

/** A translated message with its `[https://… words]` links as real links; the rest stays text, escaped by React. */
export function linkedText(text: string): ReactNode {
  const parts = messageParts(text);
  if (parts.every((part) => !part.href)) return text;
  return parts.map((part, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one sentence, in their order
    <Fragment key={index}>{part.href ? <a href={part.href}>{part.text}</a> : part.text}</Fragment>
  ));
}
