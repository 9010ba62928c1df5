import assert from "node:assert/strict";
import { describe, it } from "node:test";

import fc from "fast-check";

import { parseCsv } from "@/test-support/csv";

import { CSV_BOM, CsvSyntaxError, csvCell, csvLine, parseCsv as parseAnyCsv } from "./csv";
import { withoutBidiControls } from "./text";

describe("CSV cells", () => {
  it("are left as they are when nothing needs quoting", () => {
    assert.equal(csvCell("EA-2026-0042"), "EA-2026-0042");
    assert.equal(csvCell(""), "");
    assert.equal(csvCell("Université de Lausanne – Wikimaps.space 🗺️"), "Université de Lausanne – Wikimaps.space 🗺️");
  });

  it("are quoted when they hold a separator, a quote or a line break, with quotes doubled", () => {
    assert.equal(csvCell("Lovelace, Ada"), '"Lovelace, Ada"');
    assert.equal(csvCell('The "Open" Lab'), '"The ""Open"" Lab"');
    assert.equal(csvCell("line one\nline two"), '"line one\nline two"');
    assert.equal(csvCell("line one\r\nline two"), '"line one\r\nline two"');
  });

  it("that a spreadsheet would run as a formula start with a single quote", () => {
    assert.equal(csvCell('=HYPERLINK("https://evil.example","click")'), '"\'=HYPERLINK(""https://evil.example"",""click"")"');
    assert.equal(csvCell("+1 555"), "'+1 555");
    assert.equal(csvCell("-2+3"), "'-2+3");
    assert.equal(csvCell("@SUM(A1:A9)"), "'@SUM(A1:A9)");
    assert.equal(csvCell("\tcmd"), "'\tcmd");
    assert.equal(csvCell("\r=cmd"), '"\'\r=cmd"');
    // Only the first character counts: a formula sign later on is text to any spreadsheet.
    assert.equal(csvCell("Open=Maps"), "Open=Maps");
    assert.equal(csvCell("Ada@example.org"), "Ada@example.org");
  });
});

describe("CSV cells and direction", () => {
  it("lose bidirectional controls, so a cell cannot read as something else or hide a formula", () => {
    assert.equal(csvCell("Maps \u202Egnp.exe"), "Maps gnp.exe");
    assert.equal(csvCell("\u2067=HYPERLINK(1)\u2069"), "'=HYPERLINK(1)");
  });
});

describe("CSV records", () => {
  it("end with CRLF, and a file starts with a byte order mark that encodes as EF BB BF", () => {
    assert.equal(csvLine(["a", "b c", ""]), "a,b c,\r\n");
    assert.deepEqual([...Buffer.from(CSV_BOM, "utf8")], [0xef, 0xbb, 0xbf]);
  });

  it("read back as the same cells, whatever they hold, never starting with a formula sign", () => {
    const cell = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 30 }),
      fc.constantFrom("=1+1", '"', ",", "\r\n", "-", "@", "\t", "'", "\u202E=1+1", "\u2066@x\u2069"),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (records) => {
        const read = parseCsv(records.map(csvLine).join(""));
        assert.equal(read.length, records.length);
        for (const [row, cells] of read.entries()) {
          for (const [column, value] of cells.entries()) {
            const written = withoutBidiControls(records[row]![column]!);
            assert.equal(value, /^[=+\-@\t\r]/.test(written) ? `'${written}` : written);
            assert.doesNotMatch(value, /^[=+\-@\t\r]/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("reading a CSV file as spreadsheets save it", () => {
  it("takes LF or CRLF line ends, a byte order mark, no final line break, and skips blank lines", () => {
    const expected = [
      ["id", "name"],
      ["1", "Wikimaps"],
      ["2", ""],
    ];
    assert.deepEqual(parseCsv("id,name\r\n1,Wikimaps\r\n2,\r\n"), expected);
    assert.deepEqual(parseAnyCsv(`${CSV_BOM}id,name\n1,Wikimaps\n\n2,`), expected);
    assert.deepEqual(parseAnyCsv("id,name\r\n1,Wikimaps\r\n2,\r\n\r\n"), expected);
  });

  it("keeps separators, doubled quotes and line breaks inside quoted fields", () => {
    assert.deepEqual(parseAnyCsv('a,b\n"one, two","say ""hi""\nand bye"\n'), [
      ["a", "b"],
      ["one, two", 'say "hi"\nand bye'],
    ]);
  });

  it("names the record where the format breaks", () => {
    const problem = (text: string) => {
      try {
        parseAnyCsv(text);
        return "none";
      } catch (error) {
        assert.ok(error instanceof CsvSyntaxError);
        return `${error.record}:${error.problem}`;
      }
    };
    assert.equal(problem('a,b\n1,"open\n'), "2:unclosed-quote");
    assert.equal(problem('a,b\n1,2\n3,x"y\n'), "3:quote-in-field");
    assert.equal(problem('a,b\n1,"2"3\n'), "2:line-end");
    assert.throws(() => parseCsv("a,b"), CsvSyntaxError, "strict: the last record must end with CRLF");
  });
});
