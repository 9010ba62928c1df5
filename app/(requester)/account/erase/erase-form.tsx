"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/ui/error-summary";
import { useT } from "@/components/ui/i18n-provider";
import { TextField } from "@/components/ui/text-field";
import { IDLE } from "@/lib/form-state";

import { eraseMyDataAction } from "./actions";

/** The erasure's confirmation: the person types their address, then confirms. */
export function EraseForm() {
  const t = useT();
  const [state, formAction, pending] = useActionState(eraseMyDataAction, IDLE);
  const error = state.fieldErrors?.confirmEmail;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary fieldErrors={state.fieldErrors} message={state.message ? t(state.message.key, ...(state.message.params ?? [])) : undefined} />
      <TextField
        id="confirmEmail"
        label={t("erase-confirm-label")}
        hint={t("erase-confirm-hint")}
        error={error ? t(error.key, ...(error.params ?? [])) : undefined}
        type="email"
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        defaultValue={typeof state.values?.confirmEmail === "string" ? state.values.confirmEmail : ""}
      />
      <button className="button button--destructive" type="submit" disabled={pending}>
        {t("erase-confirm")}
      </button>
    </form>
  );
}
