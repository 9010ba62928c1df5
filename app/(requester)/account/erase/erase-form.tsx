"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/fields";
import { useActionForm } from "@/components/ui/use-action-form";

import { eraseMyDataAction } from "./actions";

/** The erasure's confirmation: the person types their address, then confirms. */
export function EraseForm() {
  const { t, state, formAction, pending, value, error, message } = useActionForm(eraseMyDataAction);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary fieldErrors={state.fieldErrors} message={message} />
      <TextField
        id="confirmEmail"
        label={t("erase-confirm-label")}
        hint={t("erase-confirm-hint")}
        error={error("confirmEmail")}
        type="email"
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        defaultValue={value("confirmEmail")}
      />
      <button className="button button--destructive" type="submit" disabled={pending}>
        {t("erase-confirm")}
      </button>
    </form>
  );
}
