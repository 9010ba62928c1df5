import type { ReactNode } from "react";

/** One row of a summary list: what, then its value. */
export function SummaryRow({ label, children, pre }: { label: ReactNode; children: ReactNode; pre?: boolean }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd className={pre ? "pre-line" : undefined}>{children}</dd>
    </div>
  );
}

/** A row of someone's own words, line breaks kept; no row when there are none. */
export function TextRow({ label, text }: { label: ReactNode; text: string | null | undefined }) {
  return text ? (
    <SummaryRow label={label} pre>
      {text}
    </SummaryRow>
  ) : null;
}
