import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";

/** A list of messages, one item each, in the page's language; `ordered` for steps. */
export async function MessageList({ items, ordered }: { items: readonly TMessageKey[]; ordered?: boolean }) {
  const { t } = await getI18n();
  const entries = items.map((key) => <li key={key}>{t(key)}</li>);
  return ordered ? <ol>{entries}</ol> : <ul>{entries}</ul>;
}
