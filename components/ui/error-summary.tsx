"use client";

import { useEffect, useId, useRef } from "react";

import type { TFieldError } from "@/lib/form-state";
import { inWords } from "@/lib/i18n/translator";

import { useT } from "./i18n-provider";

type Props = {
  /** Messages by field id, in the order of the form. */
  fieldErrors?: Record<string, TFieldError>;
  /** An error about the whole form rather than one field. */
  message?: string;
  /** False when the page renders its title itself (DocumentTitle) and marks the error there. */
  retitle?: boolean;
};

/**
 * The list of problems at the top of a form, each linked to its field. It takes focus when it
 * appears, so keyboard and screen reader users land on it, and the page title says "Error:".
 */
export function ErrorSummary({ fieldErrors = {}, message, retitle = true }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const entries = Object.entries(fieldErrors);
  const visible = entries.length > 0 || Boolean(message);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each new error state (new fieldErrors or message) takes focus again, even while the summary stays visible
  useEffect(() => {
    if (!visible) return;
    ref.current?.focus();
    if (!retitle) return;
    const prefix = `${t("error-title-prefix")} `;
    if (!document.title.startsWith(prefix)) document.title = prefix + document.title;
    return () => {
      if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length);
    };
  }, [visible, fieldErrors, message, retitle, t]);

  if (!visible) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("error-summary-title")}</h2>
      <ul>
        {message ? <li>{message}</li> : null}
        {entries.map(([field, error]) => (
          <li key={field}>
            <a href={`#${field}`}>{inWords(t, error)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
