"use client";

import { useEffect, useRef } from "react";

import type { TMessageKey } from "@/lib/i18n/translator";

import { useT } from "./i18n-provider";

type Props = {
  /** Message keys by field id, in the order of the form. */
  fieldErrors?: Record<string, TMessageKey>;
  /** An error about the whole form rather than one field. */
  message?: string;
};

/**
 * The list of problems at the top of a form, each linked to its field. It takes focus when it
 * appears, so keyboard and screen reader users land on it, and the page title says "Error:".
 */
export function ErrorSummary({ fieldErrors = {}, message }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fieldErrors);
  const visible = entries.length > 0 || Boolean(message);

  useEffect(() => {
    if (!visible) return;
    ref.current?.focus();
    const prefix = `${t("error-title-prefix")} `;
    if (!document.title.startsWith(prefix)) document.title = prefix + document.title;
    return () => {
      if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length);
    };
  }, [visible, fieldErrors, message, t]);

  if (!visible) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("error-summary-title")}</h2>
      <ul>
        {message ? <li>{message}</li> : null}
        {entries.map(([field, key]) => (
          <li key={field}>
            <a href={`#${field}`}>{t(key)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
