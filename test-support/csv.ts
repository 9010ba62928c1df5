// Reads CSV back as RFC 4180 defines it, strictly, to check what the app writes: records end with
// CRLF, a quoted field may hold separators, quotes (doubled) and line breaks.
import { parseCsv as parseAnyCsv } from "@/lib/domain/csv";

/** The records of a CSV text (without its byte order mark); throws on anything RFC 4180 forbids. */
export function parseCsv(text: string): string[][] {
  return parseAnyCsv(text, { strict: true });
}

/** A CSV file as the app sends it: UTF-8 bytes starting with a byte order mark, then the records. */
export function parseCsvFile(bytes: Uint8Array): string[][] {
  const text = Buffer.from(bytes).toString("utf8");
  if (!text.startsWith("\uFEFF")) throw new Error("the file does not start with a byte order mark");
  return parseCsv(text.slice(1));
}
