"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { TextareaField } from "@/components/ui/fields";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

type Props = { action: TFormAction; declarationId: string; label: string };

/** Lifts one declared conflict of interest; the reason is required and kept in the request's history. */
export function LiftConflictForm({ action, declarationId, label }: Props) {
  const { t, state, formAction, pending, error, value, message } = useActionForm(action);
  // Each row has its form: ids carry the declaration's, so the error summary links to the right field.
  const id = `lift-${declarationId}-reason`;
  const fieldError = error("reason");
  const sent = state.fieldErrors?.reason;
  return (
    <form action={formAction} aria-label={label}>
      <ErrorSummary fieldErrors={sent ? { [id]: sent } : undefined} message={state.status === "error" ? message : undefined} />
      <input type="hidden" name="declarationId" value={declarationId} />
      <TextareaField id={id} name="reason" label={t("admin-conflicts-lift-reason")} error={fieldError} defaultValue={value("reason")} rows={2} short />
      <button className="button" type="submit" disabled={pending}>
        {t("admin-conflicts-lift")}
      </button>
    </form>
  );
}
