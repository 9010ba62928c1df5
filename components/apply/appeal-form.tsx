"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { TextareaField } from "@/components/ui/fields";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { additionField } from "@/lib/domain/review/appeals";
import { SECTION_TITLE } from "@/lib/i18n/labels";

type Props = { action: TFormAction; requestId: string; version: number };

/**
 * The requester's appeal: why the decision should change, what they add to any section of their
 * answers (each section a disclosure, open when it holds text or an error, so it works without
 * JavaScript), and anything else.
 */
export function AppealForm({ action, requestId, version }: Props) {
  const { t, state, formAction, pending, message, text } = useActionForm(action);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary fieldErrors={state.fieldErrors} message={message} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <TextareaField {...text("statement")} label={t("appeal-statement-label")} hint={t("appeal-statement-hint")} rows={8} dir="auto" />
      <fieldset className="field fieldset-group" aria-describedby="appeal-additions-hint">
        <legend>{t("appeal-additions-legend")}</legend>
        <p className="hint" id="appeal-additions-hint">
          {t("appeal-additions-hint")}
        </p>
        {SECTION_IDS.map((section) => {
          const field = text(additionField(section));
          const section_title = t(SECTION_TITLE[section]);
          return (
            <details className="disclosure" key={section} open={Boolean(field.defaultValue || field.error)}>
              <summary>{t("appeal-addition-open", section_title)}</summary>
              <TextareaField {...field} label={t("appeal-addition-label", section_title)} rows={5} dir="auto" />
            </details>
          );
        })}
      </fieldset>
      <TextareaField {...text("additionalInformation")} label={t("appeal-additional-label")} hint={t("appeal-additional-hint")} rows={4} dir="auto" />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("appeal-submit")}
      </button>
    </form>
  );
}
