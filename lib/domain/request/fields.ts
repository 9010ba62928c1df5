import { asciiDigits } from "@/lib/domain/text";
import { z } from "zod";

import { message } from "@/lib/domain/messages";
import type { TMessageKey } from "@/lib/i18n/translator";

import { isRealDate, isWebLink } from "./values";

// Building blocks shared by the section schemas. Form posts carry strings (one per field, or a
// list for checkbox groups); these turn them into typed values with messages the person can act on.

export { message, parseMessage } from "@/lib/domain/messages";
export { isRealDate, isWebLink } from "./values";

export const LIMITS = { short: 200, medium: 1000, long: 5000 } as const;

/** The id of a stored record (cuid, or a test's prefixed uuid): anything else names no record. */
export const recordId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** The version of a record the person saw, as a form posts it back: a concurrent change is detected against it. */
export const recordVersion = z.coerce.number().int().min(0).max(2_147_483_647);

/** Whether a value could name a stored record at all; anything else (NUL, "..", a list) is looked up nowhere. */
export function isRecordId(value: unknown): value is string {
  return recordId.safeParse(value).success;
}

function firstString(value: unknown): string {
  if (Array.isArray(value)) return firstString(value[0]);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** Free text: trimmed; empty when missing. */
export const text = (max: number) => z.preprocess((value) => firstString(value).trim(), z.string().max(max, message("error-too-long", max)));

/** What separates addresses, or starts a header, in an email field: a field holds one address, never a list. */
const ADDRESS_SEPARATORS = /[,;<>\r\n]/;
const ZOneAddress = z
  .string()
  .max(254)
  .refine((value) => !ADDRESS_SEPARATORS.test(value))
  .pipe(z.email());

/** Whether `value` is exactly one email address that mail may be addressed to, and nothing more. */
export function isOneEmailAddress(value: unknown): value is string {
  return ZOneAddress.safeParse(value).success;
}

/** An email address that must be given: one address, with a message for a list or a header trick. */
export const emailAddress = (requiredKey: TMessageKey) =>
  requiredText(254, requiredKey)
    .refine((value) => !ADDRESS_SEPARATORS.test(value), "error-email-one-address")
    .pipe(z.email({ error: "error-email-invalid" }));

/** Text as one paragraph: every run of white space, line breaks included, becomes one space. */
export function oneParagraph(value: string) {
  return value.replace(/\s+/g, " ").trim();
}

/** Free text kept as one paragraph; empty when missing. */
export const paragraph = (max: number) => z.preprocess((value) => oneParagraph(firstString(value)), z.string().max(max, message("error-too-long", max)));

/** Free text that must be given. */
export const requiredText = (max: number, requiredKey: TMessageKey) =>
  z.preprocess((value) => firstString(value).trim(), z.string().min(1, requiredKey).max(max, message("error-too-long", max)));

/** One of a fixed set of choices. */
export const choice = <T extends readonly [string, ...string[]]>(options: T, requiredKey: TMessageKey) =>
  z.preprocess((value) => firstString(value) || undefined, z.enum(options, { error: requiredKey }));

/** Any number of a fixed set of choices (a checkbox group), without repeats. */
export const choices = <T extends readonly [string, ...string[]]>(options: T) =>
  z.preprocess(
    (value) => [...new Set((Array.isArray(value) ? value : value === undefined || value === "" ? [] : [value]).map(firstString))],
    z.array(z.enum(options, { error: "error-invalid" })),
  );

/** A single checkbox: ticked or not. */
export const ticked = z.preprocess((value) => ["yes", "on", "true"].includes(firstString(value)), z.boolean());

/** A whole number or empty (undefined); anything else is an error. */
export const wholeNumber = (max: number) =>
  z.preprocess((value) => {
    // Typed with the language's digits and grouping: 10,080,254, 10.080.254, 10 080 254, ١٠٬٠٨٠٬٢٥٤.
    const raw = asciiDigits(firstString(value))
      .trim()
      .replace(/[\s,_\u066C']/g, "");
    if (raw === "") return undefined;
    // Points between groups of three digits group thousands, as German writes them (250.000).
    const grouped = /^\d{1,3}(\.\d{3})+$/.test(raw) ? raw.replace(/\./g, "") : raw;
    return /^\d+$/.test(grouped) ? Number(grouped) : Number.NaN;
  }, z.number({ error: "error-whole-number" }).int("error-whole-number").min(0, "error-whole-number").max(max, message("error-number-max", max)).optional());

/** A decimal number or empty (undefined). */
export const decimalNumber = (max: number) =>
  z.preprocess((value) => {
    const raw = firstString(value).trim().replace(/[\s_]/g, "");
    if (raw === "") return undefined;
    // "1,000" and "1,000.5" group thousands; a lone comma before one or two digits is a decimal comma.
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) return Number(raw.replace(/,/g, ""));
    if (/^\d+,\d{1,2}$/.test(raw)) return Number(raw.replace(",", "."));
    return /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  }, z.number({ error: "error-number" }).min(0, "error-number").max(max, message("error-number-max", max)).optional());

/** A calendar date as YYYY-MM-DD (a date field's boxes, joined by lib/form-state), or empty. */
export const isoDate = z.preprocess(
  (value) => firstString(value).trim(),
  z.string().refine((value) => value === "" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value)), "error-date"),
);

/** Web links, one per line: at most `max`, each http(s). */
export const linkList = (max: number) =>
  z.preprocess(
    (value) => firstString(value),
    z.string().transform((value, context) => {
      const lines = value.split(/\r?\n/).map((line) => line.trim());
      const links: string[] = [];
      lines.forEach((line, index) => {
        if (!line) return;
        if (!isWebLink(line)) context.addIssue({ code: "custom", message: message("error-link", index + 1) });
        else links.push(line);
      });
      if (links.length > max) context.addIssue({ code: "custom", message: message("error-links-too-many", max) });
      return links;
    }),
  );
