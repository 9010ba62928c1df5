// What a hostile or careless client can post to a server action, as fast-check arbitraries:
// form values are strings or lists of strings, under any name, of any length and content.
import fc from "fast-check";

import type { TFormValues } from "@/lib/form-state";

/** One megabyte of text: far above every field's limit. */
export const HUGE = "x".repeat(1_000_000);

/** Payloads aimed at the database, the HTML, the message formatter, the parsers and the rules. */
export const PAYLOADS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\u202Eevil\u202C",
  "שלום עולם",
  "مرحبا",
  "👩🏽‍💻🏳️‍🌈",
  "e\u0301\u0301\u0301",
  "\u200B\u200D\uFEFF",
  "\r\n\r\n",
  "' OR 1=1 --",
  '\'; DROP TABLE "Request"; --',
  "\\'; SELECT pg_sleep(10); --",
  "$1 $2 $99",
  "{{PLURAL:$1|one|many}}",
  "{{int:error-unexpected}}",
  "[https://evil.example click here]",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  '<a href="https://evil.example">click</a>',
  "&lt;script&gt;",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template written as text is one of the hostile strings
  "${process.env.AUTH_SECRET}",
  '{"$ne":null}',
  "__proto__",
  "constructor",
  "0",
  "-1",
  "1e308",
  "NaN",
  "Infinity",
  "0x10",
  "9007199254740993",
  "2147483648",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "1970-01-01",
  "ADMIN",
  "WMF_REVIEWER",
  "GRANTED",
  "DECLINED",
  "on",
  "yes",
  "true",
] as const;

/** Any single hostile string: a known payload, arbitrary Unicode, a payload repeated, or 1 MB. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PAYLOADS), weight: 6 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 300 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 50 }), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom(...PAYLOADS), fc.integer({ min: 2, max: 400 })).map(([payload, times]) => payload.repeat(times)), weight: 1 },
  { arbitrary: fc.constant(HUGE), weight: 1 },
);

/** A form value: one string, or a list where one may be expected (a repeated field name). */
export const hostileValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: fc.array(hostileString, { maxLength: 5 }), weight: 1 },
);

/** Names that are not the form's own: prototype keys, Next's internal ones, nonsense. */
export const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "$ACTION_ID_x",
  "role",
  "status",
  "requesterId",
  "id",
  "",
] as const;

/**
 * A form post: the schema's own field names (each perhaps missing) with hostile values, plus
 * strangers. Names of Object.prototype members are left to their own test (see schemas.test.ts).
 */
export function hostileForm(fields: readonly string[], options: { prototypeKeys?: boolean } = {}): fc.Arbitrary<TFormValues> {
  const strangers = options.prototypeKeys ? HOSTILE_KEYS : HOSTILE_KEYS.filter((key) => !(key in Object.prototype));
  const anyName = fc.string({ maxLength: 10 }).filter((key) => options.prototypeKeys || !(key in Object.prototype));
  const names = fc.oneof(fc.constantFrom(...fields), fc.constantFrom(...strangers), anyName);
  return fc.array(fc.tuple(names, hostileValue), { maxLength: fields.length + 4 }).map((entries) => {
    const values: TFormValues = {};
    for (const [name, value] of entries) Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
    return values;
  });
}

/** The same post as the browser would send it. */
export function toFormData(values: TFormValues): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  return form;
}

/** The same values as a query string, as a browser or a script would send them in an address. */
export function toQuery(values: TFormValues): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) for (const item of Array.isArray(value) ? value : [value]) query.append(name, item);
  return query;
}

/** Free text the schemas accept (1..max characters after trimming) but nobody should store blindly. */
export function hostileText(max: number): fc.Arbitrary<string> {
  return hostileString.filter((value) => value.trim().length > 0 && value.trim().length <= max);
}
