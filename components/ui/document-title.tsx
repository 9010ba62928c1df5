"use client";

import { useT } from "./i18n-provider";

/**
 * The page title, rendered by the page itself (React puts it in the head) instead of by
 * generateMetadata, so a form's error state can prefix it with "Error:" even without JavaScript.
 */
export function DocumentTitle({ title, error = false }: { title: string; error?: boolean }) {
  const t = useT();
  return <title>{`${error ? `${t("error-title-prefix")} ` : ""}${title} – ${t("app-name")}`}</title>;
}
