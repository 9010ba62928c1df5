import { isRealDate, isWebLink } from "./values";
import { CONTRIBUTION_KINDS } from "./options";
import type { TDraftAnswers } from "./sections";

// What a requester promises to give back, as rows of the Obligation section. The draft keeps one
// list per column (`contributionKind`, `contributionDescription`, `contributionLink`,
// `contributionBy`), row n being the n-th item of each, as the form posts repeated fields.

export { CONTRIBUTION_KINDS };
export type TContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const MAX_CONTRIBUTIONS = 10;

/** The draft field of each column. */
export const CONTRIBUTION_FIELDS = {
  kind: "contributionKind",
  description: "contributionDescription",
  link: "contributionLink",
  expectedBy: "contributionBy",
} as const;
export type TContributionPart = keyof typeof CONTRIBUTION_FIELDS;
const PARTS = Object.keys(CONTRIBUTION_FIELDS) as TContributionPart[];

/** One row as typed, every part a string ("" when left empty). */
export type TContributionRow = Record<TContributionPart, string>;

/** A promise as the request holds it: a known kind and a description, with a link and date only where valid. */
export type TPromisedContribution = { kind: string; description: string; link?: string; expectedBy?: string };

/** The id of a row's control, which its error links to ("contribution-2-link"), counting from 1. */
export const contributionFieldId = (position: number, part: TContributionPart) => `contribution-${position}-${part === "expectedBy" ? "by" : part}`;

const listOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((item) => (typeof item === "string" ? item : "")) : typeof value === "string" ? [value] : [];

/** A row left wholly empty: not a contribution, and no problem either. */
export const isBlankRow = (row: TContributionRow) => PARTS.every((part) => row[part].trim() === "");

/**
 * Every row as posted or saved, empty ones too, so row n is the n-th the person sees (an error
 * about "Contribution 3" points at the third row on the page, whatever is above it).
 */
export function contributionRows(values: Record<string, unknown> | undefined): TContributionRow[] {
  if (!values) return [];
  const columns = PARTS.map((part) => listOf(values[CONTRIBUTION_FIELDS[part]]));
  const length = Math.max(0, ...columns.map((column) => column.length));
  return Array.from({ length }, (_, index) => Object.fromEntries(PARTS.map((part, column) => [part, columns[column]?.[index] ?? ""])) as TContributionRow);
}

/** The columns of `rows`, as the draft keeps them. */
export function contributionColumns(rows: readonly TContributionRow[]): Record<(typeof CONTRIBUTION_FIELDS)[TContributionPart], string[]> {
  return Object.fromEntries(PARTS.map((part) => [CONTRIBUTION_FIELDS[part], rows.map((row) => row[part])])) as Record<
    (typeof CONTRIBUTION_FIELDS)[TContributionPart],
    string[]
  >;
}

const BLANK_ROW: TContributionRow = { kind: "", description: "", link: "", expectedBy: "" };

/**
 * The rows a form shows: those saved or posted, and one empty row to fill in at the end (unless
 * the last row is empty already, or the form is full).
 */
export function rowsToShow(values: Record<string, unknown> | undefined): TContributionRow[] {
  const rows = contributionRows(values);
  const last = rows.at(-1);
  return last && (isBlankRow(last) || rows.length >= MAX_CONTRIBUTIONS) ? rows : [...rows, BLANK_ROW];
}

/** A post with one more empty row at the end ("Add another contribution"), up to the most a form holds. */
export function withContributionAdded<T extends Record<string, string | string[]>>(values: T): T {
  const rows = contributionRows(values);
  return rows.length >= MAX_CONTRIBUTIONS ? values : { ...values, ...contributionColumns([...rows, BLANK_ROW]) };
}

/** A post without row `position` (from 1), as its "Remove" button asks. */
export function withoutContribution<T extends Record<string, string | string[]>>(values: T, position: number): T {
  return { ...values, ...contributionColumns(contributionRows(values).filter((_, index) => index + 1 !== position)) };
}

/**
 * What a row button asks of a post: the post with a row added or removed, and the control to go
 * to next (the new row, or the one that took the removed row's place); nothing for other buttons.
 */
export function contributionRowChange<T extends Record<string, string | string[]>>(intent: string, values: T): { values: T; focus: string } | undefined {
  if (intent === "add-contribution") {
    const added = withContributionAdded(values);
    return { values: added, focus: contributionFieldId(Math.min(contributionRows(added).length, MAX_CONTRIBUTIONS), "kind") };
  }
  const removed = /^remove-contribution-(\d+)$/.exec(intent)?.[1];
  if (!removed) return undefined;
  const position = Number(removed);
  const remaining = withoutContribution(values, position);
  return { values: remaining, focus: contributionFieldId(Math.max(1, Math.min(position, contributionRows(remaining).length)), "kind") };
}

const isKind = (value: string): value is TContributionKind => (CONTRIBUTION_KINDS as readonly string[]).includes(value);
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value);

/**
 * What the requester promised, from the Obligation answers: the rows with a known kind and a
 * description, each part trimmed, a link or date kept only when it is one. Nothing when the
 * requester ticked that they plan to give nothing back.
 */
export function promisedContributions(answers: TDraftAnswers): TPromisedContribution[] {
  const obligation = answers.obligation;
  if (!obligation || listOf(obligation.noContributions).includes("yes")) return [];
  return contributionRows(obligation).flatMap((row) => {
    if (isBlankRow(row)) return [];
    const [kind, description, link, expectedBy] = PARTS.map((part) => row[part].trim()) as [string, string, string, string];
    if (!isKind(kind) || !description) return [];
    return [{ kind, description, ...(isWebLink(link) ? { link } : {}), ...(isDate(expectedBy) ? { expectedBy } : {}) }];
  });
}
