"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { DateField, NumberField, SelectField } from "@/components/ui/fields";
import { useDateParts } from "@/components/ui/i18n-provider";
import { Done } from "@/components/ui/notice";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import { UNIT_COST_KINDS, UNIT_COST_LABEL } from "@/lib/domain/in-kind-value";

/** Adds a price for one kind of unit from a day on; the prices before it stay. */
export function UnitCostForm({ action }: { action: TFormAction }) {
  const { t, state, formAction, pending, message, text, value } = useActionForm(action);
  const parts = useDateParts();
  return (
    <>
      {state.status === "success" && message ? <Done>{message}</Done> : null}
      <form action={formAction} noValidate>
        <ErrorSummary fieldErrors={state.fieldErrors} message={state.status === "error" ? message : undefined} />
        <SelectField
          {...text("kind")}
          label={t("admin-costs-kind-label")}
          placeholder={t("admin-costs-kind-choose")}
          options={UNIT_COST_KINDS.map((kind) => ({ value: kind, label: t(UNIT_COST_LABEL[kind]) }))}
        />
        <NumberField {...text("amount")} inputMode="decimal" label={t("admin-costs-amount-label")} hint={t("admin-costs-amount-hint")} autoComplete="off" />
        <DateField
          id="validFrom"
          error={text("validFrom").error}
          defaultValue={value("validFrom")}
          parts={parts}
          label={t("admin-costs-valid-from-label")}
          hint={t("admin-costs-valid-from-hint")}
        />
        <button className="button button--primary" type="submit" disabled={pending}>
          {t("admin-costs-add")}
        </button>
      </form>
    </>
  );
}
