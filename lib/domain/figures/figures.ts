import { z } from "zod";

import { isRealDate } from "@/lib/domain/request/fields";
import { addYears } from "@/lib/domain/time";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import type { TFieldError } from "@/lib/form-state";

// The public figures: requests counted by the calendar quarter (UTC) they were submitted in, with
// what became of them, and how long decisions took. PostgreSQL does the counting; these are the
// calculations around it, with no database and no Next.js.

/** Quarters shown when no period is chosen: this one and the seven before it. */
export const DEFAULT_QUARTERS = 8;
/** The longest period one page shows. */
export const MAX_RANGE_YEARS = 10;
export const EARLIEST_DAY = "2000-01-01";
export const LATEST_DAY = "2099-12-31";
/**
 * Below this many decisions a quarter shows no times to decision: a median of one or two would
 * be the time of one identifiable request, and means little anyway.
 */
export const MIN_DECISIONS_FOR_TIMES = 5;

export type TQuarter = {
  /** "2026-Q1", as the database query labels its groups. */
  key: string;
  year: number;
  quarter: number;
  /** The part of the quarter inside the chosen period (YYYY-MM-DD, both days included). */
  from: string;
  to: string;
  /** The period cuts the quarter: its figures cover only part of it. */
  partial: boolean;
};

const pad = (value: number) => String(value).padStart(2, "0");

export function quarterOf(day: string): { year: number; quarter: number } {
  return { year: Number(day.slice(0, 4)), quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 };
}

export const quarterKey = (year: number, quarter: number) => `${year}-Q${quarter}`;

export function quarterStart(year: number, quarter: number) {
  return `${year}-${pad((quarter - 1) * 3 + 1)}-01`;
}

export function quarterEnd(year: number, quarter: number) {
  return new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
}

/** The quarter `steps` after (or, negative, before) the given one. */
export function shiftQuarter({ year, quarter }: { year: number; quarter: number }, steps: number) {
  const index = year * 4 + (quarter - 1) + steps;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** Every quarter the period touches, in order, each with the part of it the period covers. */
export function quarterBuckets(from: string, to: string): TQuarter[] {
  const buckets: TQuarter[] = [];
  for (let current = quarterOf(from); quarterStart(current.year, current.quarter) <= to; current = shiftQuarter(current, 1)) {
    const start = quarterStart(current.year, current.quarter);
    const end = quarterEnd(current.year, current.quarter);
    const bucketFrom = start < from ? from : start;
    const bucketTo = end > to ? to : end;
    buckets.push({
      key: quarterKey(current.year, current.quarter),
      ...current,
      from: bucketFrom,
      to: bucketTo,
      partial: bucketFrom !== start || bucketTo !== end,
    });
  }
  return buckets;
}

export type TFiguresRange = { from: string; to: string };

/** DEFAULT_QUARTERS quarters up to `to`: from the first day of the earliest of them. */
export function defaultFrom(to: string) {
  const first = shiftQuarter(quarterOf(to), -(DEFAULT_QUARTERS - 1));
  const day = quarterStart(first.year, first.quarter);
  return day < EARLIEST_DAY ? EARLIEST_DAY : day;
}

const dateField = (invalid: "error-figures-from-invalid" | "error-figures-to-invalid") =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.trim().slice(0, 40) : ""),
    z
      .string()
      .refine((value) => value === "" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value)), invalid)
      .refine((value) => value === "" || (value >= EARLIEST_DAY && value <= LATEST_DAY), "error-figures-out-of-bounds"),
  );

const ZFiguresQuery = z.object({ from: dateField("error-figures-from-invalid"), to: dateField("error-figures-to-invalid") });

export type TFiguresQuery =
  | { ok: true; range: TFiguresRange; values: { from: string; to: string } }
  | { ok: false; errors: Record<string, TFieldError>; values: { from: string; to: string } };

/**
 * The period from the address bar. Both dates may be left out: the period then ends today and
 * starts DEFAULT_QUARTERS quarters back. Each problem is named by its field, in form order.
 */
export function parseFiguresQuery(raw: { from?: string; to?: string }, today: string): TFiguresQuery {
  const values = { from: (raw.from ?? "").trim().slice(0, 40), to: (raw.to ?? "").trim().slice(0, 40) };
  const parsed = ZFiguresQuery.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, TFieldError> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= { key: issue.message as TFieldError["key"] };
    return { ok: false, errors: orderedErrors(errors), values };
  }
  const to = parsed.data.to || today;
  const from = parsed.data.from || defaultFrom(to);
  if (to < from) return { ok: false, errors: { to: { key: "error-figures-order" } }, values };
  if (to >= addYears(from, MAX_RANGE_YEARS)) return { ok: false, errors: { to: { key: "error-figures-too-long", params: [MAX_RANGE_YEARS] } }, values };
  return { ok: true, range: { from, to }, values };
}

function orderedErrors(errors: Record<string, TFieldError>) {
  return Object.fromEntries(["from", "to"].flatMap((field) => (errors[field] ? [[field, errors[field]] as const] : [])));
}

/**
 * The p-th percentile (0 to 1) of values given as [value, how many times] pairs, interpolating
 * between the two nearest ranks as PostgreSQL's percentile_cont does, to the hundredth; undefined
 * when empty.
 */
export function percentile(counts: readonly (readonly [number, number])[], p: number): number | undefined {
  const sorted = [...counts].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return undefined;
  const position = p * (total - 1);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (rank < seen) return value;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  const lower = valueAt(Math.floor(position));
  const upper = valueAt(Math.ceil(position));
  // Hundredths of a day are more than any page shows, and keep 7.6 from reading 7.6000000000000005.
  return Math.round((lower + (position - Math.floor(position)) * (upper - lower)) * 100) / 100;
}

/** Requests of one quarter, status and joint flag, as the database counts them. */
export type TCountRow = { quarter: string; status: TRequestStatus; joint: boolean; imported?: boolean; n: number };
/** Decided requests of one quarter that took `days` whole days from submission to decision. */
export type TDaysRow = { quarter: string; days: number; n: number };

export type TFigures = {
  received: number;
  granted: number;
  declined: number;
  cancelled: number;
  lapsed: number;
  /** Still waiting for a decision. */
  open: number;
  joint: number;
  /** Of the requests received, those decided by email before the app and recorded since. */
  imported: number;
  /** Share of the requests received that went to the joint WMF/WMDE review, 0 to 1. */
  jointShare?: number;
  decisions: number;
  medianDays?: number;
  p90Days?: number;
};

const OUTCOME: Record<TRequestStatus, keyof Pick<TFigures, "granted" | "declined" | "cancelled" | "lapsed" | "open"> | undefined> = {
  DRAFT: undefined,
  SUBMITTED: "open",
  IN_REVIEW: "open",
  AWAITING_REQUESTER: "open",
  GRANTED: "granted",
  EXPIRED: "granted",
  WITHDRAWN: "granted",
  DECLINED: "declined",
  CANCELLED: "cancelled",
  LAPSED: "lapsed",
  // An appeal leaves the decision standing until it is decided.
  DECLINE_APPEALED: "declined",
  WITHDRAWAL_APPEALED: "granted",
};

function figuresOf(counts: TCountRow[], days: TDaysRow[]): TFigures {
  const figures: TFigures = { received: 0, granted: 0, declined: 0, cancelled: 0, lapsed: 0, open: 0, joint: 0, imported: 0, decisions: 0 };
  for (const row of counts) {
    const outcome = OUTCOME[row.status];
    if (!outcome) continue;
    figures.received += row.n;
    figures[outcome] += row.n;
    if (row.joint) figures.joint += row.n;
    if (row.imported) figures.imported += row.n;
  }
  if (figures.received > 0) figures.jointShare = figures.joint / figures.received;
  const histogram = days.map((row) => [row.days, row.n] as const);
  figures.decisions = histogram.reduce((sum, [, n]) => sum + n, 0);
  if (figures.decisions >= MIN_DECISIONS_FOR_TIMES) {
    figures.medianDays = percentile(histogram, 0.5);
    figures.p90Days = percentile(histogram, 0.9);
  }
  return figures;
}

/** Figures per quarter of the period, and for the whole period (whose percentiles come from every decision in it). */
export function summariseFigures(buckets: TQuarter[], counts: TCountRow[], days: TDaysRow[]) {
  return {
    quarters: buckets.map((bucket) => ({
      bucket,
      figures: figuresOf(
        counts.filter((row) => row.quarter === bucket.key),
        days.filter((row) => row.quarter === bucket.key),
      ),
    })),
    total: figuresOf(counts, days),
  };
}

/** A chart axis from 0 past `max`, in steps of 1, 2 or 5 times a power of ten, about four of them. */
export function niceScale(max: number): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  // 10 times the magnitude is always at least `rough`, so a step is always found.
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude);
  const top = Math.ceil(max / step) * step;
  return { top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step) };
}
