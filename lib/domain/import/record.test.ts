import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { csvLine } from "@/lib/domain/csv";

import { IMPORT_COLUMNS, importRecordSchema, importTemplate, MAX_IMPORT_ROWS, readImportFile, type TImportProblem } from "./record";

const TODAY = "2026-12-07";

/** The cells of a granted request, by column; `overrides` change some. */
function row(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    external_id: "thread-2021-04-wikimaps",
    requester_email: "Maps@Wikimaps.example",
    requester_name: "Ada Example",
    requester_kind: "nonprofit",
    organisation: "Wikimaps",
    enterprise_username: "wikimaps",
    received_on: "2021-03-02",
    decided_on: "2021-04-15",
    outcome: "granted",
    decided_by: "Partnerships team",
    message: "",
    apis: "snapshot; on_demand",
    on_demand_per_month: "250,000",
    snapshot_frequency: "monthly",
    starts_on: "",
    expires_on: "2027-04-14",
    register_consent: "yes",
    public_name: "Wikimaps.space",
    public_summary: "Historical maps linked to Wikidata, for anyone to explore.",
    answer_who: "A volunteer-run project mapping history.",
    answer_what: "",
    answer_need: "",
    answer_obligation: "",
    answer_mission: "",
    answer_values: "",
    ...overrides,
  };
}

function file(rows: Record<string, string>[], columns = importTemplate()) {
  return [columns, ...rows.map((cells) => columns.map((column) => cells[column] ?? ""))].map((cells) => csvLine(cells)).join("");
}

const problemsOf = (content: string) => {
  const result = readImportFile(content, TODAY);
  return result.ok ? [] : result.problems.map((problem: TImportProblem) => `${problem.row}:${problem.column ?? ""}:${problem.error.key}`);
};

describe("an email-era request, as the import reads it", () => {
  it("reads a grant: the address in lower case, limits as numbers, the start on the decision day, the register entry kept", () => {
    const result = readImportFile(file([row()]), TODAY);
    assert.ok(result.ok);
    const [record] = result.records;
    assert.equal(record?.requesterEmail, "maps@wikimaps.example");
    assert.deepEqual(record?.apis, ["snapshot", "on_demand"]);
    assert.equal(record?.onDemandPerMonth, 250_000);
    assert.equal(record?.snapshotFrequency, "monthly");
    assert.equal(record?.realtime, false);
    assert.equal(record?.startsOn, "2021-04-15");
    assert.equal(record?.registerConsent, true);
    assert.equal(record?.publicName, "Wikimaps.space");
    assert.equal(record?.who, "A volunteer-run project mapping history.");
    assert.equal(record?.what, "", "an answer left empty is not recorded");
  });

  it("reads a decline with nothing of a grant, and keeps no register entry without consent", () => {
    const result = readImportFile(
      file([
        row({
          outcome: "declined",
          enterprise_username: "",
          apis: "",
          expires_on: "",
          on_demand_per_month: "",
          register_consent: "no",
          public_name: "Kept out",
        }),
      ]),
      TODAY,
    );
    assert.ok(result.ok);
    assert.deepEqual(result.records[0]?.apis, []);
    assert.equal(result.records[0]?.expiresOn, "");
    assert.equal(result.records[0]?.publicName, "");
  });

  it("holds a grant to what any grant needs", () => {
    assert.deepEqual(problemsOf(file([row({ enterprise_username: "", apis: "", expires_on: "" })])), [
      "2:enterprise_username:error-import-username",
      "2:apis:error-grant-apis",
      "2:expires_on:error-grant-expiry",
    ]);
    assert.deepEqual(problemsOf(file([row({ on_demand_per_month: "", snapshot_frequency: "" })])), [
      "2:on_demand_per_month:error-grant-on-demand",
      "2:snapshot_frequency:error-grant-snapshot",
    ]);
    assert.deepEqual(problemsOf(file([row({ expires_on: "2021-04-15" })])), ["2:expires_on:error-import-expiry-before"]);
    assert.deepEqual(problemsOf(file([row({ apis: "snapshot; firehose" })])), ["2:apis:error-import-apis"]);
    assert.deepEqual(problemsOf(file([row({ public_summary: "" })])), ["2:public_summary:error-public-summary"]);
  });

  it("refuses dates in the future, a decision before its request, and dates that are not dates", () => {
    assert.deepEqual(problemsOf(file([row({ received_on: "2027-01-01", decided_on: "2027-01-02" })])), [
      "2:received_on:error-import-future",
      "2:decided_on:error-import-future",
    ]);
    assert.deepEqual(problemsOf(file([row({ decided_on: "2021-03-01" })])), ["2:decided_on:error-import-decided-before"]);
    assert.deepEqual(problemsOf(file([row({ received_on: "2021-02-30" })])), ["2:received_on:error-date"]);
    assert.deepEqual(problemsOf(file([row({ received_on: "" })])), ["2:received_on:error-import-received"]);
  });

  it("is the same schema in the admin's form: a form's fields are checked as a file's cells are", () => {
    const parsed = importRecordSchema(TODAY).safeParse({
      ...Object.fromEntries(IMPORT_COLUMNS.map(({ column, field }) => [field, row()[column]])),
      outcome: "",
    });
    assert.equal(parsed.success, false);
    assert.deepEqual(
      parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message]),
      [["outcome", "error-import-outcome"]],
    );
  });
});

describe("an import file, checked whole before anything is written", () => {
  it("names every problem of every row, with its row and column, and gives no record when any row is wrong", () => {
    const content = file([row(), row({ external_id: "b", outcome: "maybe" }), row({ external_id: "c", requester_email: "not an address" })]);
    assert.deepEqual(problemsOf(content), ["3:outcome:error-import-outcome", "4:requester_email:error-email-invalid"]);
  });

  it("needs an id on each row, used once, so that a second import of the file adds nothing", () => {
    assert.deepEqual(problemsOf(file([row({ external_id: "" })])), ["2:external_id:error-import-external-id"]);
    assert.deepEqual(problemsOf(file([row(), row()])), ["3:external_id:error-import-external-id-twice"]);
  });

  it("needs the template's columns, in any order, and no others", () => {
    const reordered = [...importTemplate()].reverse();
    assert.ok(readImportFile(file([row()], reordered), TODAY).ok);
    const withoutUsername = importTemplate().filter((column) => column !== "enterprise_username");
    assert.deepEqual(problemsOf(file([row()], [...withoutUsername, "colour"])), [
      "1:colour:error-import-column-unknown",
      "1:enterprise_username:error-import-column-missing",
    ]);
    assert.deepEqual(problemsOf(file([row()], [...importTemplate(), "apis"])), ["1::error-import-column-twice"]);
  });

  it("names a row whose cells do not match the header, a broken quotation, an empty file and one too long", () => {
    assert.deepEqual(problemsOf(`${csvLine(importTemplate())}a,b\r\n`), ["2::error-import-cells"]);
    assert.deepEqual(problemsOf(`${csvLine(importTemplate())}"a,b\r\n`), ["2::error-import-csv-unclosed-quote"]);
    assert.deepEqual(problemsOf(csvLine(importTemplate())), ["2::error-import-empty"]);
    const many = file(Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => row({ external_id: `id-${index}` })));
    assert.deepEqual(problemsOf(many), [`${MAX_IMPORT_ROWS + 2}::error-import-too-many`]);
  });

  it("reads a file as a spreadsheet saves it: a byte order mark, LF line ends, a cell over several lines", () => {
    const content = `\uFEFF${file([row({ answer_need: "First line\nSecond line" })]).replace(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/g, "\n")}`;
    const result = readImportFile(content, TODAY);
    assert.ok(result.ok);
    assert.equal(result.records[0]?.need, "First line\nSecond line");
  });
});
