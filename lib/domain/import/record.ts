import { z } from "zod";

import { CsvSyntaxError, parseCsv } from "@/lib/domain/csv";
import { PUBLIC_NAME_MAX, PUBLIC_SUMMARY_MAX, publicTextProblems } from "@/lib/domain/register/register";
import { SNAPSHOT_FREQUENCIES } from "@/lib/domain/review/decisions";
import { choice, emailAddress, isoDate, LIMITS, message, paragraph, requiredText, text, wholeNumber } from "@/lib/domain/request/fields";
import { APIS, REQUESTER_KINDS } from "@/lib/domain/request/options";
import { SECTION_IDS, type TSectionId } from "@/lib/domain/request/sections";
import { fieldErrorsOf, type TFieldError } from "@/lib/form-state";
import type { TMessageKey } from "@/lib/i18n/translator";

// A request received and decided by email before the app existed, recorded on the requester's
// behalf: from the admin's form, or from a row of a CSV file. One schema for both, so a record
// is held to the same rules however it comes in. Dates are YYYY-MM-DD (UTC), as elsewhere.

export const IMPORT_OUTCOMES = ["granted", "declined"] as const;
export type TImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** The most records one file may hold: a file larger than this is split, and imported in parts. */
export const MAX_IMPORT_ROWS = 1_000;
/** What an answer to one criterion may hold: the email era's answers are prose, often long. */
const ANSWER_MAX = 20_000;
const MAX_ON_DEMAND_PER_MONTH = 1_000_000_000;

/** Several choices in one cell, separated by semicolons ("snapshot; on_demand"). */
const choiceList = <T extends readonly [string, ...string[]]>(options: T) =>
  z.preprocess(
    (value) => {
      const raw = Array.isArray(value) ? value.join(";") : typeof value === "string" ? value : "";
      return [
        ...new Set(
          raw
            .split(";")
            .map((item) => item.trim())
            .filter(Boolean),
        ),
      ];
    },
    z.array(z.enum(options, { error: "error-import-apis" })),
  );

const yesNo = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : ""),
  z.enum(["yes", "no", ""], { error: "error-import-yes-no" }),
);

/** The record's fields, as the form names them; the CSV's columns map onto these (IMPORT_COLUMNS). */
const ZImportFields = z.object({
  externalId: text(100),
  requesterEmail: emailAddress("error-import-email"),
  requesterName: text(LIMITS.short),
  requesterKind: z.preprocess((value) => value || undefined, z.enum(REQUESTER_KINDS, { error: "error-import-requester-kind" }).optional()),
  organisation: text(LIMITS.short),
  enterpriseUsername: text(LIMITS.short),
  receivedOn: isoDate.refine((value) => value !== "", "error-import-received"),
  decidedOn: isoDate.refine((value) => value !== "", "error-import-decided"),
  outcome: choice(IMPORT_OUTCOMES, "error-import-outcome"),
  decidedBy: requiredText(LIMITS.short, "error-import-decided-by"),
  message: text(LIMITS.long),
  apis: choiceList(APIS),
  onDemandPerMonth: wholeNumber(MAX_ON_DEMAND_PER_MONTH),
  snapshotFrequency: z.preprocess((value) => value || undefined, z.enum(SNAPSHOT_FREQUENCIES, { error: "error-grant-snapshot" }).optional()),
  startsOn: isoDate,
  expiresOn: isoDate,
  registerConsent: yesNo,
  publicName: paragraph(PUBLIC_NAME_MAX),
  publicSummary: paragraph(PUBLIC_SUMMARY_MAX),
  ...(Object.fromEntries(SECTION_IDS.map((section) => [section, text(ANSWER_MAX)])) as Record<TSectionId, ReturnType<typeof text>>),
});

/**
 * A record as it is imported, checked against `today`: nothing happens after today, a decision
 * follows its request, and a grant has what any grant has (its APIs with their limits, its dates,
 * the account it is for, and a register entry when the requester agreed to one).
 */
export function importRecordSchema(today: string | (() => string)) {
  return ZImportFields.superRefine((input, context) => {
    const problem = (field: string, key: TMessageKey) => context.addIssue({ code: "custom", path: [field], message: key });
    // A form's schema is made once, and asks the clock for the day each time it checks a post.
    const day = typeof today === "function" ? today() : today;
    if (input.receivedOn > day) problem("receivedOn", "error-import-future");
    if (input.decidedOn > day) problem("decidedOn", "error-import-future");
    else if (input.receivedOn && input.decidedOn < input.receivedOn) problem("decidedOn", "error-import-decided-before");
    if (input.outcome !== "granted") return;
    if (!input.enterpriseUsername) problem("enterpriseUsername", "error-import-username");
    if (input.apis.length === 0) problem("apis", "error-grant-apis");
    if (input.apis.includes("on_demand") && !input.onDemandPerMonth) problem("onDemandPerMonth", "error-grant-on-demand");
    if (input.apis.includes("snapshot") && !input.snapshotFrequency) problem("snapshotFrequency", "error-grant-snapshot");
    if (!input.expiresOn) problem("expiresOn", "error-grant-expiry");
    else if (input.expiresOn <= (input.startsOn || input.decidedOn)) problem("expiresOn", "error-import-expiry-before");
    if (input.startsOn && input.decidedOn && input.startsOn < input.receivedOn) problem("startsOn", "error-import-start-before");
    if (input.registerConsent === "yes") {
      for (const [field, error] of Object.entries(publicTextProblems(input, input.requesterName))) {
        context.addIssue({ code: "custom", path: [field], message: message(error.key, ...(error.params ?? [])) });
      }
    }
  }).transform((input) => {
    const granted = input.outcome === "granted";
    return {
      ...input,
      requesterEmail: input.requesterEmail.toLowerCase(),
      startsOn: granted ? input.startsOn || input.decidedOn : "",
      expiresOn: granted ? input.expiresOn : "",
      apis: granted ? input.apis : [],
      onDemandPerMonth: granted && input.apis.includes("on_demand") ? input.onDemandPerMonth : undefined,
      snapshotFrequency: granted && input.apis.includes("snapshot") ? input.snapshotFrequency : undefined,
      realtime: granted && input.apis.includes("realtime"),
      registerConsent: input.registerConsent === "yes",
      publicName: input.registerConsent === "yes" ? input.publicName : "",
      publicSummary: input.registerConsent === "yes" ? input.publicSummary : "",
    };
  });
}
export type TImportRecord = z.output<ReturnType<typeof importRecordSchema>>;
export type TImportField = keyof z.input<typeof ZImportFields>;

/** The file's columns, in the template's order, and the field each fills. */
export const IMPORT_COLUMNS: readonly { column: string; field: TImportField }[] = [
  { column: "external_id", field: "externalId" },
  { column: "requester_email", field: "requesterEmail" },
  { column: "requester_name", field: "requesterName" },
  { column: "requester_kind", field: "requesterKind" },
  { column: "organisation", field: "organisation" },
  { column: "enterprise_username", field: "enterpriseUsername" },
  { column: "received_on", field: "receivedOn" },
  { column: "decided_on", field: "decidedOn" },
  { column: "outcome", field: "outcome" },
  { column: "decided_by", field: "decidedBy" },
  { column: "message", field: "message" },
  { column: "apis", field: "apis" },
  { column: "on_demand_per_month", field: "onDemandPerMonth" },
  { column: "snapshot_frequency", field: "snapshotFrequency" },
  { column: "starts_on", field: "startsOn" },
  { column: "expires_on", field: "expiresOn" },
  { column: "register_consent", field: "registerConsent" },
  { column: "public_name", field: "publicName" },
  { column: "public_summary", field: "publicSummary" },
  ...SECTION_IDS.map((section) => ({ column: `answer_${section}`, field: section })),
];

const CSV_PROBLEM_KEY = {
  "unclosed-quote": "error-import-csv-unclosed-quote",
  "quote-in-field": "error-import-csv-quote-in-field",
  "line-end": "error-import-csv-line-end",
} as const satisfies Record<CsvSyntaxError["problem"], TMessageKey>;

/** A problem in an import file: the row as a spreadsheet numbers it (the header is row 1) and its column, when it has one. */
export type TImportProblem = { row: number; column?: string; error: TFieldError };

export type TImportFile = { ok: true; records: TImportRecord[] } | { ok: false; problems: TImportProblem[] };

/**
 * Reads and checks a whole import file before anything is written: every problem of every row,
 * each with its row and column, or every record. A file is its header (the columns of
 * IMPORT_COLUMNS, in any order) and one row per request; an external id names each row, once.
 */
export function readImportFile(content: string, today: string): TImportFile {
  let rows: string[][];
  try {
    rows = parseCsv(content);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { ok: false, problems: [{ row: error.record, error: { key: CSV_PROBLEM_KEY[error.problem] } }] };
  }
  const [header = [], ...body] = rows;
  const names = header.map((name) => name.trim().toLowerCase());
  const problems: TImportProblem[] = [];
  const known = new Set(IMPORT_COLUMNS.map(({ column }) => column));
  for (const name of names) {
    if (!known.has(name)) problems.push({ row: 1, column: name, error: { key: "error-import-column-unknown" } });
  }
  for (const { column } of IMPORT_COLUMNS) {
    if (!names.includes(column)) problems.push({ row: 1, column, error: { key: "error-import-column-missing" } });
  }
  if (new Set(names).size !== names.length) problems.push({ row: 1, error: { key: "error-import-column-twice" } });
  if (problems.length > 0) return { ok: false, problems };
  if (body.length === 0) return { ok: false, problems: [{ row: 2, error: { key: "error-import-empty" } }] };
  if (body.length > MAX_IMPORT_ROWS)
    return { ok: false, problems: [{ row: MAX_IMPORT_ROWS + 2, error: { key: "error-import-too-many", params: [MAX_IMPORT_ROWS] } }] };

  const schema = importRecordSchema(today);
  const columnOf = new Map(IMPORT_COLUMNS.map(({ column, field }) => [field as string, column]));
  const records: TImportRecord[] = [];
  const rowOfId = new Map<string, number>();
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length !== names.length) {
      problems.push({ row, error: { key: "error-import-cells", params: [names.length, cells.length] } });
      return;
    }
    const values = Object.fromEntries(IMPORT_COLUMNS.map(({ column, field }) => [field, cells[names.indexOf(column)] ?? ""]));
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      for (const [field, error] of Object.entries(fieldErrorsOf(parsed.error))) problems.push({ row, column: columnOf.get(field.split(".")[0]!), error });
      return;
    }
    const id = parsed.data.externalId;
    if (!id) problems.push({ row, column: "external_id", error: { key: "error-import-external-id" } });
    else if (rowOfId.has(id)) problems.push({ row, column: "external_id", error: { key: "error-import-external-id-twice", params: [rowOfId.get(id)!] } });
    else rowOfId.set(id, row);
    records.push(parsed.data);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records };
}

/** The largest file the front door lets through (lib/http/front-door.ts), as text. */
const MAX_FILE_CHARACTERS = 1_000_000;

/** An uploaded file, read as text: the import action's post. */
export const ZImportUpload = z.object({
  content: z.string().trim().min(1, "error-import-no-file").max(MAX_FILE_CHARACTERS, "error-import-file-size"),
});

/** The template: the header alone, as the import reads it. */
export function importTemplate() {
  return IMPORT_COLUMNS.map(({ column }) => column);
}
