"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

/** One button: the reviewer has read this check-in's answer. */
export function AcknowledgeCheckInForm({ action, requestId, checkInId }: { action: TFormAction; requestId: string; checkInId: string }) {
  const { t, state, formAction, pending, message } = useActionForm(action);
  return (
    <form action={formAction}>
      <ErrorSummary fieldErrors={state.fieldErrors} message={state.status === "error" ? message : undefined} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="checkInId" value={checkInId} />
      <button className="button" type="submit" disabled={pending}>
        {t("check-in-acknowledge")}
      </button>
    </form>
  );
}
