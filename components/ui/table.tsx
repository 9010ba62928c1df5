import type { ReactNode } from "react";

type Props = {
  /** The table's name, shown above it; or `labelledBy`, the id of a heading that names it. */
  caption?: ReactNode;
  captionId?: string;
  labelledBy?: string;
  /** The column headings, in order; each heading's text names its column. */
  columns: readonly string[];
  /** Said in one row across the table when there are no rows. */
  empty?: ReactNode;
  /** Rows of the body. */
  children?: ReactNode;
  /** Rows under the body (totals). */
  foot?: ReactNode;
  /** Columns of figures, aligned for comparing. */
  numbers?: boolean;
  /** A wide table whose frame a keyboard can scroll: the frame takes focus, named by the caption (needs `captionId`). */
  scrollable?: boolean;
  /**
   * On a phone, each row is shown as a block of labelled lines instead of columns: every cell
   * names its column in `data-label` (see `cellLabel`).
   */
  stacked?: boolean;
};

/** The attribute a cell of a `stacked` table carries: its column's heading, shown beside it on a phone. */
export const cellLabel = (column: string) => ({ "data-label": column });

/** A data table in its scrolling frame: caption, column headings, rows, and what an empty one says. */
export function Table({ caption, captionId, labelledBy, columns, empty, children, foot, numbers, scrollable, stacked }: Props) {
  const className = ["table", numbers ? "table--numbers" : null, stacked ? "table--stacked" : null].filter(Boolean).join(" ");
  const table = (
    <table className={className} aria-labelledby={labelledBy}>
      {caption ? <caption id={captionId}>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {empty ? (
          <tr>
            <td colSpan={columns.length}>{empty}</td>
          </tr>
        ) : (
          children
        )}
      </tbody>
      {foot ? <tfoot>{foot}</tfoot> : null}
    </table>
  );
  if (!scrollable) return <div className="table-wrap">{table}</div>;
  return (
    // A table wider than a phone scrolls: its frame takes focus so a keyboard can scroll it (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    // biome-ignore lint/a11y/useSemanticElements: a region landmark around a table, not a section of the page
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      {table}
    </div>
  );
}
