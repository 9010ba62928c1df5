"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/fields";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

/** The name reviewers see for the account; empty removes it. Works without JavaScript. */
export function AccountNameForm({ action, saved }: { action: TFormAction; saved: string | null }) {
  const { t, state, formAction, pending, message, text } = useActionForm(action);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary fieldErrors={state.fieldErrors} message={message} />
      <TextField
        {...text("name", saved ?? "")}
        label={t("account-name-label")}
        hint={t("account-name-hint")}
        autoComplete="name"
        dir="auto"
        spellCheck={false}
      />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("account-name-save")}
      </button>
    </form>
  );
}
