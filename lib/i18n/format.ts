// How each language writes dates and numbers, on pages and in emails alike: one long date for
// sentences and summaries ("6 December 2026"), one short date for tables and lists ("6 Dec 2026"),
// each with the time when a moment matters. Days are UTC, the days the rules use, and a time says
// so. `formats` is the language's formatting tag (lib/i18n/locales.ts formatsOf).

import { startOfDay } from "@/lib/domain/time";

import type { TTranslate } from "./translator";

type TStyle = "long" | "short";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(formats: string, style: TStyle, withTime: boolean): Intl.DateTimeFormat {
  const key = `date|${formats}|${style}|${withTime}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(formats, {
      dateStyle: style === "long" ? "long" : "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
      timeZone: "UTC",
    });
    cache.set(key, format);
  }
  return format;
}

/** A day ("YYYY-MM-DD") or an instant as a Date. */
const instantOf = (value: Date | string) => (typeof value === "string" ? startOfDay(value) : value);

/** The long date: 6 December 2026, 6. Dezember 2026, ٦ ديسمبر ٢٠٢٦. */
export function longDate(value: Date | string, formats: string): string {
  return dateFormat(formats, "long", false).format(instantOf(value));
}

/** The short date, for tables: 6 Dec 2026, 06.12.2026. */
export function shortDate(value: Date | string, formats: string): string {
  return dateFormat(formats, "short", false).format(instantOf(value));
}

/** A moment in a sentence: the long date and the time, in UTC. */
export function longDateTime(instant: Date, formats: string): string {
  return `${dateFormat(formats, "long", true).format(instant)} UTC`;
}

/** A moment in a table: the short date and the time, in UTC. */
export function shortDateTime(instant: Date, formats: string): string {
  return `${dateFormat(formats, "short", true).format(instant)} UTC`;
}

/** A count with the language's grouping: 10,080,254 / 10.080.254 / ١٠٬٠٨٠٬٢٥٤. */
export function formatNumber(value: number, formats: string): string {
  const key = `number|${formats}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(formats, { maximumFractionDigits: 2 });
    cache.set(key, format);
  }
  return format.format(value);
}

/** An amount of US dollars from whole cents, the language's way: $1,234.50 / 1.234,50 $. */
export function formatMoney(cents: number, formats: string): string {
  const key = `money|${formats}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(formats, { style: "currency", currency: "USD", currencyDisplay: "narrowSymbol" });
    cache.set(key, format);
  }
  return format.format(cents / 100);
}

/** A whole number someone typed, as a form shows it back: grouped the language's way; anything else as typed. */
export function groupedInput(raw: string | undefined, formats: string): string {
  if (!raw || !/^\d+$/.test(raw)) return raw ?? "";
  return formatNumber(Number(raw), formats);
}

export type TDatePart = "day" | "month" | "year";

/** The order a language writes a date's parts in (day, month, year for most), for a date typed in three boxes. */
export function datePartOrder(formats: string): TDatePart[] {
  const parts = new Intl.DateTimeFormat(formats, { day: "numeric", month: "numeric", year: "numeric", timeZone: "UTC" }).formatToParts(new Date(0));
  const order = parts.map((part) => part.type).filter((type): type is TDatePart => type === "day" || type === "month" || type === "year");
  return order.length === 3 ? order : ["day", "month", "year"];
}

/** What a date typed in three boxes needs from the language: the boxes' order and labels, and an example in that order. */
export type TDateParts = { order: TDatePart[]; labels: Record<TDatePart, string>; example: string };

export function dateParts(t: TTranslate, formats: string, exampleYear = new Date().getUTCFullYear() + 1): TDateParts {
  const order = datePartOrder(formats);
  const example = { day: "27", month: "3", year: String(exampleYear) };
  return {
    order,
    labels: { day: t("date-day"), month: t("date-month"), year: t("date-year") },
    example: t("date-example", order.map((part) => example[part]).join(" ")),
  };
}
