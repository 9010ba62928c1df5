"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { TextareaField } from "@/components/ui/fields";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

type Props = { action: TFormAction; requestId: string; version: number };

/** The requester's appeal: why the decision should change, and anything they add to their answers. */
export function AppealForm({ action, requestId, version }: Props) {
  const { t, state, formAction, pending, message, text } = useActionForm(action);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary fieldErrors={state.fieldErrors} message={message} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <TextareaField {...text("statement")} label={t("appeal-statement-label")} hint={t("appeal-statement-hint")} rows={8} dir="auto" />
      <TextareaField {...text("additionalInformation")} label={t("appeal-additional-label")} hint={t("appeal-additional-hint")} rows={6} dir="auto" />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("appeal-submit")}
      </button>
    </form>
  );
}
