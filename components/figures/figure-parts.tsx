import type { ReactNode } from "react";

import { cellLabel } from "@/components/ui/table";
import type { TQuarter } from "@/lib/domain/figures/figures";
import { shortDate } from "@/lib/i18n/format";
import type { TTranslate } from "@/lib/i18n/translator";

/** One figure at a glance: what it counts, and its value. */
export function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="figures-glance__item">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** A quarter's row (or the totals): its heading, then each figure, labelled with its column for a phone. */
export function Row({ heading, cells, labels }: { heading: ReactNode; cells: string[]; labels: string[] }) {
  return (
    <tr>
      <th scope="row">{heading}</th>
      {cells.map((cell, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in a fixed order
        <td key={index} {...cellLabel(labels[index] ?? "")}>
          {cell}
        </td>
      ))}
    </tr>
  );
}

/** A quarter's row heading, with the part of it the period covers when that is not all of it. */
export function QuarterHeading({ bucket, t, formats }: { bucket: TQuarter; t: TTranslate; formats: string }) {
  return (
    <>
      {t("figures-quarter", bucket.quarter, bucket.year)}
      {bucket.partial ? <span className="hint table__note">{t("figures-partial", shortDate(bucket.from, formats), shortDate(bucket.to, formats))}</span> : null}
    </>
  );
}
