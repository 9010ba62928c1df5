import type { z } from "zod";

import { parseMessage } from "@/lib/domain/messages";
import { asciiDigits } from "@/lib/domain/text";
import type { TMessageKey, TParam } from "@/lib/i18n/translator";

export type TFormValues = Record<string, string | string[]>;
/** A message by key; `text` is the same in words, as a server action answers it (lib/server/action.ts). */
export type TFieldError = { key: TMessageKey; params?: TParam[]; text?: string };

/**
 * What a form's server action answers: the outcome, messages by field, and what was sent. "check":
 * what was sent is valid and shown back for the person to confirm, not yet acted on.
 */
export type TActionState = {
  status: "idle" | "error" | "success" | "check";
  message?: TFieldError;
  /** Messages by field name, in the order the fields appear. */
  fieldErrors?: Record<string, TFieldError>;
  /** What the person sent, so the form shows it again after an error. */
  values?: TFormValues;
  /** The record's version after the action, so the next save is checked against it. */
  version?: number;
  /**
   * A value shown in this answer only (a new signing secret), with where its record lives: never
   * in an address, a log or a page rendered later.
   */
  shownOnce?: { value: string; href?: string };
  /** Problems found in a file, each by its row and column (an import), in words. */
  problems?: { row: number; column?: string; error: TFieldError }[];
  /** What the action made, for links in its answer (an import's new requests). */
  made?: { reference: string; href: string }[];
};

export const IDLE: TActionState = { status: "idle" };

/**
 * What a form sent, by field. Keys are only ever own properties (a field named "constructor" or
 * "__proto__" is data, never the object's machinery), and text is made storable: NUL characters,
 * which PostgreSQL refuses, are dropped and lone surrogates become U+FFFD, as a browser would send.
 */
export function formValues(formData: FormData): TFormValues {
  const values: TFormValues = {};
  // A hand-made post may carry no form at all: nothing was sent.
  if (!(formData instanceof FormData)) return values;
  for (const [key, raw] of formData.entries()) {
    if (key.startsWith("$ACTION") || key === "__proto__" || typeof raw !== "string") continue;
    const value = storable(raw);
    const existing = Object.hasOwn(values, key) ? values[key] : undefined;
    if (existing === undefined) values[key] = value;
    else values[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return joinDateParts(values);
}

const DATE_PART = /^(.+)-day$/;

/**
 * A date typed in three boxes (components/ui/fields.tsx DateField sends `name-day`, `name-month`,
 * `name-year`) becomes the one value `name`, YYYY-MM-DD, that the schemas read; the boxes stay
 * too, so a form can show them again as typed. A field sent whole is left as it is. A date field
 * repeated in rows sends each box once a row: `name` is then the list of the rows' dates.
 */
export function joinDateParts<T extends Record<string, string | string[] | undefined>>(values: T): T {
  const joined: Record<string, string | string[] | undefined> = values;
  for (const key of Object.keys(values)) {
    const base = DATE_PART.exec(key)?.[1];
    if (!base) continue;
    const [day, month, year] = ["day", "month", "year"].map((part) => values[`${base}-${part}`]);
    if (typeof day === "string" && typeof month === "string" && typeof year === "string") joined[base] = joinedDate(day, month, year);
    else if (Array.isArray(day) && Array.isArray(month) && Array.isArray(year) && day.length === month.length && day.length === year.length)
      joined[base] = day.map((part, index) => joinedDate(part, month[index] ?? "", year[index] ?? ""));
  }
  return values;
}

/**
 * Day, month and year as YYYY-MM-DD: empty when all are; otherwise, when a part is not a number
 * of the right length, the parts joined as typed, which the date schema refuses as not a date.
 */
export function joinedDate(day: string, month: string, year: string): string {
  const [d, m, y] = [day, month, year].map((part) => asciiDigits(part).replace(/[\s-]/g, ""));
  if (!d && !m && !y) return "";
  if (/^\d{1,2}$/.test(d ?? "") && /^\d{1,2}$/.test(m ?? "") && /^\d{4}$/.test(y ?? "")) return `${y}-${m?.padStart(2, "0")}-${d?.padStart(2, "0")}`;
  return `${y}-${m}-${d}`;
}

export function storable(text: string) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL, which PostgreSQL refuses, is what this removes
  return text.replace(/\u0000/g, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** The first problem of each field, as a message key with its parameters. */
export function fieldErrorsOf(error: z.ZodError): Record<string, TFieldError> {
  const errors: Record<string, TFieldError> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    errors[field] ??= parseMessage(issue.message);
  }
  return errors;
}
