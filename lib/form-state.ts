import type { z } from "zod";

import { parseMessage } from "@/lib/domain/request/fields";
import type { TMessageKey, TParam } from "@/lib/i18n/translator";

export type TFormValues = Record<string, string | string[]>;
export type TFieldError = { key: TMessageKey; params?: TParam[] };

/** What a form's server action answers: the outcome, messages by field, and what was sent. */
export type TActionState = {
  status: "idle" | "error" | "success";
  message?: TFieldError;
  /** Messages by field name, in the order the fields appear. */
  fieldErrors?: Record<string, TFieldError>;
  /** What the person sent, so the form shows it again after an error. */
  values?: TFormValues;
  /** The record's version after the action, so the next save is checked against it. */
  version?: number;
};

export const IDLE: TActionState = { status: "idle" };

export function formValues(formData: FormData): TFormValues {
  const values: TFormValues = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = values[key];
    if (existing === undefined) values[key] = value;
    else values[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
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
