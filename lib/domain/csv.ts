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

/** Where a CSV text breaks the format: the record (1 for the first line, the header) and what is wrong. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly record: number,
    readonly problem: "unclosed-quote" | "quote-in-field" | "line-end",
  ) {
    super(`record ${record}: ${problem}`);
    this.name = "CsvSyntaxError";
  }
}

/**
 * The records of a CSV text. `strict` holds it to RFC 4180 to the letter (every record ends with
 * CRLF), to check what the app writes. Otherwise it reads files as spreadsheets save them: a byte
 * order mark dropped, records ended by CRLF or LF, the last one with or without, and blank lines
 * skipped. Either way a quoted field may hold separators, doubled quotes and line breaks.
 */
export function parseCsv(text: string, { strict = false }: { strict?: boolean } = {}): string[][] {
  const source = !strict && text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  const end = () => {
    if (strict || record.length > 1 || record[0] !== "") records.push(record);
    record = [];
  };
  while (at < source.length) {
    let field = "";
    if (source[at] === '"') {
      at += 1;
      for (;;) {
        const quote = source.indexOf('"', at);
        if (quote < 0) throw new CsvSyntaxError(records.length + 1, "unclosed-quote");
        field += source.slice(at, quote);
        at = quote + 1;
        if (source[at] !== '"') break;
        field += '"';
        at += 1;
      }
    } else {
      const stop = source.slice(at).search(/[,\r\n"]/);
      field = stop < 0 ? source.slice(at) : source.slice(at, at + stop);
      at += field.length;
      if (source[at] === '"') throw new CsvSyntaxError(records.length + 1, "quote-in-field");
    }
    record.push(field);
    if (source[at] === ",") {
      at += 1;
      if (at === source.length) record.push("");
      continue;
    }
    const lineEnd = source.startsWith("\r\n", at) ? 2 : !strict && source[at] === "\n" ? 1 : 0;
    if (lineEnd > 0) {
      end();
      at += lineEnd;
      continue;
    }
    if (strict || at < source.length) throw new CsvSyntaxError(records.length + 1, "line-end");
  }
  if (record.length > 0) {
    if (strict) throw new CsvSyntaxError(records.length + 1, "line-end");
    end();
  }
  return records;
}
