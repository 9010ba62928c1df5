import type { ReactNode } from "react";

import type { TMessageKey, TParam, TTranslate } from "@/lib/i18n/translator";

/** A request's reference (EA-2026-0047): in its own direction, and one word that never wraps at its hyphens. */
export function Reference({ children }: { children: string | null }) {
  return <bdi className="reference">{children}</bdi>;
}

/** A message whose first parameter is a request's reference, the reference set as a `Reference`. */
export function referenceMessage(t: TTranslate, key: TMessageKey, reference: string, ...params: TParam[]): ReactNode[] {
  const [before = "", ...after] = t(key, "\uE000", ...params).split("\uE000");
  return after.length === 0 ? [before] : [before, <Reference key="reference">{reference}</Reference>, after.join(reference)];
}
