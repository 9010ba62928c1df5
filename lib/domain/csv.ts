// CSV as RFC 4180 describes it, made safe to open in a spreadsheet.
import { withoutBidiControls } from "./text";

/** A byte order mark first, so Excel reads the file as UTF-8 rather than the system's code page. */
export const CSV_BOM = "\uFEFF";

/** A spreadsheet runs a cell starting with one of these as a formula (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell with one of these must be quoted; a quote inside is doubled. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell: without bidirectional controls, which could make it read as something else; text
 * that a spreadsheet would run as a formula gets a leading single quote, which shows it as the
 * text it is; then quotes where the separator, a quote or a line break needs them.
 */
export function csvCell(value: string): string {
  const plain = withoutBidiControls(value);
  const safe = FORMULA_START.test(plain) ? `'${plain}` : plain;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, ended with CRLF as RFC 4180 asks. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
