"use client";

import { useActionState } from "react";

import { IDLE, type TActionState } from "@/lib/form-state";
import { inWords } from "@/lib/i18n/translator";

import { useT } from "./i18n-provider";

export type TFormAction = (state: TActionState, data: FormData) => Promise<TActionState>;

/**
 * A form posting to a server action: its state, and what the fields need from it. After an
 * error, `value` and `list` give back what the person sent (never the saved value they had
 * replaced); `error` and `message` are in words.
 */
export function useActionForm(action: TFormAction) {
  const t = useT();
  const [state, formAction, pending] = useActionState(action, IDLE);
  // Shown again after an error, while a decision is checked, and when the person goes back to change it.
  const sent = state.status === "success" ? undefined : state.values;
  /** What the person typed, after an error; `fallback` before. */
  const value = (name: string, fallback = "") => {
    const found = sent?.[name];
    return typeof found === "string" ? found : fallback;
  };
  /** What the person picked among several, after an error; `fallback` before. */
  const list = (name: string, fallback: readonly string[] = []): string[] => {
    if (!sent) return [...fallback];
    const found = sent[name];
    return found === undefined ? [] : Array.isArray(found) ? found : [found];
  };
  const error = (name: string) => inWords(t, state.fieldErrors?.[name]);
  const message = inWords(t, state.message);
  /** A text field's id (its name too), error and value. */
  const text = (name: string, saved?: string) => ({ id: name, error: error(name), defaultValue: value(name, saved) });
  return { t, state, formAction, pending, value, list, error, message, text };
}
