"use client";

import { DocumentTitle } from "@/components/ui/document-title";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/fields";
import { useLocale } from "@/components/ui/i18n-provider";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

export function EmailSignInForm({ action, callbackUrl }: { action: TFormAction; callbackUrl?: string }) {
  const locale = useLocale();
  const { t, state, formAction, pending, value, error, message } = useActionForm(action);
  return (
    <form action={formAction} noValidate>
      <DocumentTitle title={t("signin-title")} error={state.status === "error"} />
      <ErrorSummary fieldErrors={state.fieldErrors} message={message} retitle={false} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {/* The sign-in email is written in the language of this page. */}
      <input type="hidden" name="locale" value={locale} />
      <TextField
        id="email"
        label={t("signin-email-label")}
        hint={t("signin-email-hint")}
        error={error("email")}
        type="email"
        dir="ltr"
        autoComplete="email"
        spellCheck={false}
        defaultValue={value("email")}
        required
      />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("signin-email-submit")}
      </button>
    </form>
  );
}
