import type { ReactNode } from "react";

import type { TMessageKey, TTranslate } from "@/lib/i18n/translator";

/**
 * A message whose parameters are someone's words (an address, a name), each set in `bdi`, so it
 * keeps its own direction inside a right-to-left sentence and reads the same in the text content.
 */
export function isolatedMessage(t: TTranslate, key: TMessageKey, ...params: string[]): ReactNode[] {
  const text = t(key, ...params.map((_, index) => `\uE000${index}\uE001`));
  return (
    text
      .split(/\uE000(\d+)\uE001/)
      // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one sentence, in their order
      .map((part, index) => (index % 2 === 1 ? <bdi key={index}>{params[Number(part)]}</bdi> : part))
  );
}
