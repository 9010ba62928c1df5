"use client";

import { useActionState } from "react";

import { emailSignInAction } from "@/app/(public)/signin/actions";
import { DocumentTitle } from "@/components/ui/document-title";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useLocale, useT } from "@/components/ui/i18n-provider";
import { TextField } from "@/components/ui/text-field";
import { IDLE } from "@/lib/form-state";

export function EmailSignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useT();
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(emailSignInAction, IDLE);
  const emailError = state.fieldErrors?.email;
  const sent = state.values?.email;
  return (
    <form action={formAction} noValidate>
      <DocumentTitle title={t("signin-title")} error={state.status === "error"} />
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        message={state.message ? t(state.message.key, ...(state.message.params ?? [])) : undefined}
        retitle={false}
      />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {/* The sign-in email is written in the language of this page. */}
      <input type="hidden" name="locale" value={locale} />
      <TextField
        id="email"
        label={t("signin-email-label")}
        hint={t("signin-email-hint")}
        error={emailError ? t(emailError.key, ...(emailError.params ?? [])) : undefined}
        type="email"
        dir="ltr"
        autoComplete="email"
        spellCheck={false}
        defaultValue={typeof sent === "string" ? sent : ""}
        required
      />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("signin-email-submit")}
      </button>
    </form>
  );
}
