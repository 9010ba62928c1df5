import type { TMessageKey, TParam } from "@/lib/i18n/translator";

export type TFormValues = Record<string, string | string[]>;

/** What a form's server action answers: the outcome, messages by field, and what was sent. */
export type TActionState = {
  status: "idle" | "error" | "success";
  message?: { key: TMessageKey; params?: TParam[] };
  /** Message keys by field name, in the order the fields appear. */
  fieldErrors?: Record<string, TMessageKey>;
  /** What the person sent, so the form shows it again after an error. */
  values?: TFormValues;
};

export const IDLE: TActionState = { status: "idle" };
