"use client";

import { DocumentTitle } from "@/components/ui/document-title";
import { ErrorSummary } from "@/components/ui/error-summary";
import { EmailField } from "@/components/ui/fields";
import { useLocale } from "@/components/ui/i18n-provider";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

export function EmailSignInForm({ action, callbackUrl }: { action: TFormAction; callbackUrl?: string }) {
  const locale = useLocale();
  const { t, state, formAction, pending, message, text } = useActionForm(action);
  return (
    <form action={formAction} noValidate>
      <DocumentTitle title={t("signin-title")} error={state.status === "error"} />
      <ErrorSummary fieldErrors={state.fieldErrors} message={message} retitle={false} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {/* The sign-in email is written in the language of this page. */}
      <input type="hidden" name="locale" value={locale} />
      <EmailField {...text("email")} label={t("signin-email-label")} hint={t("signin-email-hint")} autoComplete="email" required />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("signin-email-submit")}
      </button>
    </form>
  );
}
