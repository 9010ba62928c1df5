"use client";

import { useT } from "./i18n-provider";

/** "Error:" before a field's message, for screen readers; the red text says it to everyone else. */
export function ErrorPrefix() {
  const t = useT();
  return <span className="visually-hidden">{t("error-title-prefix")} </span>;
}
