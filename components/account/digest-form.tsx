"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { ChoicesField } from "@/components/ui/fields";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import type { TDigestFrequency } from "@/lib/domain/digest";

/** A reviewer's review digest: daily, weekly or none. Works without JavaScript. */
export function DigestForm({ action, saved }: { action: TFormAction; saved: TDigestFrequency }) {
  const { t, state, formAction, pending, message, list, error } = useActionForm(action);
  const options = [
    { value: "DAILY", label: t("account-digest-daily"), hint: t("account-digest-daily-hint") },
    { value: "WEEKLY", label: t("account-digest-weekly"), hint: t("account-digest-weekly-hint") },
    { value: "NONE", label: t("account-digest-none") },
  ];
  return (
    <form action={formAction} noValidate>
      <ErrorSummary fieldErrors={state.fieldErrors} message={message} />
      <ChoicesField
        id="digest"
        legend={t("account-digest-legend")}
        hint={t("account-digest-hint")}
        error={error("digest")}
        options={options}
        selected={list("digest", [saved])}
      />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("account-digest-save")}
      </button>
    </form>
  );
}
