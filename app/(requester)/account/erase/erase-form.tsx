"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { EmailField } from "@/components/ui/fields";
import { useActionForm } from "@/components/ui/use-action-form";

import { eraseMyDataAction } from "./actions";

/** The erasure's confirmation: the person types their address, then confirms. */
export function EraseForm() {
  const { t, state, formAction, pending, message, text } = useActionForm(eraseMyDataAction);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary fieldErrors={state.fieldErrors} message={message} />
      <EmailField {...text("confirmEmail")} label={t("erase-confirm-label")} hint={t("erase-confirm-hint")} autoComplete="off" />
      <button className="button button--destructive" type="submit" disabled={pending}>
        {t("erase-confirm")}
      </button>
    </form>
  );
}
