"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { ChoicesField, NumberField } from "@/components/ui/fields";
import { Done } from "@/components/ui/notice";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import { APPROVAL_REASONS, APPROVAL_REASON_LABEL, type TApprovalReason } from "@/lib/domain/review/approval";

/**
 * Which grants need a second approver: any rule ticked is enough. The value limit is asked for
 * under its own rule; with nothing ticked, one WMF reviewer decides every grant.
 */
export function ApprovalPolicyForm({
  action,
  version,
  rules,
  aboveAmount,
}: {
  action: TFormAction;
  version: number;
  rules: TApprovalReason[];
  aboveAmount: string;
}) {
  const { t, state, formAction, pending, message, text, list, error } = useActionForm(action);
  return (
    <>
      {state.status === "success" && message ? <Done>{message}</Done> : null}
      <form action={formAction} noValidate>
        <ErrorSummary fieldErrors={state.fieldErrors} message={state.status === "error" ? message : undefined} />
        <input type="hidden" name="version" value={version} />
        <ChoicesField
          id="rules"
          legend={t("admin-approvals-rules-legend")}
          hint={t("admin-approvals-rules-hint")}
          error={error("rules")}
          multiple
          selected={list("rules", rules)}
          options={APPROVAL_REASONS.map((reason) => ({
            value: reason,
            label: t(APPROVAL_REASON_LABEL[reason]),
            reveals:
              reason === "above_value" ? (
                <NumberField
                  {...text("aboveAmount", aboveAmount)}
                  inputMode="decimal"
                  width="medium"
                  autoComplete="off"
                  label={t("admin-approvals-amount-label")}
                  hint={t("admin-approvals-amount-hint")}
                />
              ) : undefined,
          }))}
        />
        <button className="button button--primary" type="submit" disabled={pending}>
          {t("admin-approvals-save")}
        </button>
      </form>
    </>
  );
}
