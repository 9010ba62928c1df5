"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { NumberField } from "@/components/ui/fields";
import { Done } from "@/components/ui/notice";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

/** The two response-time targets, in days, checked against the policy version the admin saw. */
export function TargetsForm({ action, saved }: { action: TFormAction; saved: { firstActionDays: number; decisionDays: number; version: number } }) {
  const { t, state, formAction, pending, message, text } = useActionForm(action);
  return (
    <>
      {state.status === "success" && message ? <Done>{message}</Done> : null}
      <form action={formAction} noValidate>
        <ErrorSummary fieldErrors={state.fieldErrors} message={state.status === "error" ? message : undefined} />
        <input type="hidden" name="version" value={saved.version} />
        <NumberField
          {...text("firstActionDays", String(saved.firstActionDays))}
          label={t("admin-targets-first-action-label")}
          hint={t("admin-targets-first-action-hint")}
          autoComplete="off"
        />
        <NumberField
          {...text("decisionDays", String(saved.decisionDays))}
          label={t("admin-targets-decision-label")}
          hint={t("admin-targets-decision-hint")}
          autoComplete="off"
        />
        <button className="button button--primary" type="submit" disabled={pending}>
          {t("admin-targets-save")}
        </button>
      </form>
    </>
  );
}
