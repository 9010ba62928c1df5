// Reads CSV back as RFC 4180 defines it, strictly, to check what the app writes: records end with
// CRLF, a quoted field may hold separators, quotes (doubled) and line breaks.

/** The records of a CSV text (without its byte order mark); throws on anything RFC 4180 forbids. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = "";
    if (text[at] === '"') {
      at += 1;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote < 0) throw new Error(`unclosed quote in record ${records.length + 1}`);
        field += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        field += '"';
        at += 1;
      }
    } else {
      const end = text.slice(at).search(/[,\r\n"]/);
      field = end < 0 ? text.slice(at) : text.slice(at, at + end);
      at += field.length;
      if (text[at] === '"') throw new Error(`a quote inside an unquoted field in record ${records.length + 1}`);
    }
    record.push(field);
    if (text[at] === ",") {
      at += 1;
      continue;
    }
    if (text.startsWith("\r\n", at)) {
      records.push(record);
      record = [];
      at += 2;
      continue;
    }
    throw new Error(`record ${records.length + 1} does not end with CRLF`);
  }
  if (record.length > 0) throw new Error("the last record does not end with CRLF");
  return records;
}

/** A CSV file as the app sends it: UTF-8 bytes starting with a byte order mark, then the records. */
export function parseCsvFile(bytes: Uint8Array): string[][] {
  const text = Buffer.from(bytes).toString("utf8");
  if (!text.startsWith("\uFEFF")) throw new Error("the file does not start with a byte order mark");
  return parseCsv(text.slice(1));
}
