// The shape of a question page's fields, and what the form in the browser needs of it: the order
// of the fields and the direction of what is typed. Which fields each page has is in
// section-spec.ts, read on the server only, so a page's form gets its own fields and no others.
import { contributionFieldId, MAX_CONTRIBUTIONS } from "@/lib/domain/request/contributions";
import type { TMessageKey } from "@/lib/i18n/translator";

export type TOption = { value: string; label: TMessageKey; hint?: TMessageKey; reveals?: TFieldSpec[] };

export type TInputSpec = {
  kind: "text" | "email" | "date" | "number" | "textarea";
  name: string;
  label: TMessageKey;
  hint?: TMessageKey;
  width?: "short" | "medium";
  autoComplete?: string;
  inputMode?: "numeric" | "decimal";
  /** Codes, addresses and usernames read left to right in every language; other text follows what is typed. */
  dir?: "ltr";
};

/** Questions shown after all the choices while any of `for` is chosen: one box that several choices ask for. */
export type TSharedReveal = { for: readonly string[]; fields: TFieldSpec[] };

export type TFieldSpec =
  | TInputSpec
  | { kind: "select"; name: string; label: TMessageKey; hint?: TMessageKey; options: "countries" }
  | { kind: "radios" | "checkboxes"; name: string; label: TMessageKey; hint?: TMessageKey; options: TOption[]; shared?: TSharedReveal }
  | { kind: "checkbox"; name: string; label: TMessageKey; hint?: TMessageKey }
  /** The rows of promised contributions (lib/domain/request/contributions.ts), with the box for promising none. */
  | { kind: "contributions"; name: string; label: TMessageKey; hint?: TMessageKey; options: TOption[] }
  | { kind: "group"; name: string; label: TMessageKey; hint?: TMessageKey; fields: TFieldSpec[] };

/**
 * The direction of what a person types: left to right for numbers, addresses and codes, the
 * direction of the text itself for words; a date field is laid out by the browser in the page's.
 */
export function inputDirection(spec: TInputSpec): "ltr" | "auto" | undefined {
  if (spec.kind === "date") return undefined;
  return spec.dir ?? (spec.kind === "email" || spec.kind === "number" ? "ltr" : "auto");
}

/** Every field name of a page, in the order a person meets them. */
export function fieldOrder(fields: TFieldSpec[]): string[] {
  return fields.flatMap((spec) => [
    spec.name,
    ...(spec.kind === "group" ? fieldOrder(spec.fields) : []),
    ...(spec.kind === "contributions" ? contributionOrder() : []),
    ...(spec.kind === "radios" || spec.kind === "checkboxes"
      ? [...spec.options.flatMap((option) => fieldOrder(option.reveals ?? [])), ...fieldOrder(spec.shared?.fields ?? [])]
      : []),
  ]);
}

function contributionOrder() {
  const parts = ["kind", "description", "link", "expectedBy"] as const;
  return [...Array.from({ length: MAX_CONTRIBUTIONS }, (_, index) => parts.map((part) => contributionFieldId(index + 1, part))).flat(), "noContributions"];
}

/** Errors sorted as the fields appear, so the summary reads top to bottom like the page. */
export function inFormOrder<T>(errors: Record<string, T>, fields: TFieldSpec[]): Record<string, T> {
  const order = fieldOrder(fields);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}
