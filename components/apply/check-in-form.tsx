"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { ChoicesField, TextareaField, TextField } from "@/components/ui/fields";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import { contributionFields } from "@/lib/domain/check-in-answer";
import { CHECK_IN_CONTRIBUTION_STATUSES, CHECK_IN_USAGES, CHECK_IN_USE_CASES } from "@/lib/domain/check-ins";
import { CONTRIBUTION_FATE_LABEL, USAGE_LABEL, USE_CASE_LABEL } from "@/lib/i18n/check-in-labels";

type Props = {
  action: TFormAction;
  requestId: string;
  checkInId: string;
  /** The grant's promised contributions, in its order. */
  contributions: { position: number; description: string }[];
};

/** The grantee's answer to a check-in: the use case, the volume used, each promised contribution, and a word for the reviewers. */
export function CheckInForm({ action, requestId, checkInId, contributions }: Props) {
  const { t, state, formAction, pending, message, text, error, list } = useActionForm(action);
  const choice = (name: string) => ({ id: name, name, error: error(name), selected: list(name) });
  return (
    <form action={formAction} noValidate>
      <ErrorSummary fieldErrors={state.fieldErrors} message={message} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="checkInId" value={checkInId} />
      <ChoicesField
        {...choice("useCase")}
        legend={t("check-in-use-case")}
        options={CHECK_IN_USE_CASES.map((value) => ({ value, label: t(USE_CASE_LABEL[value]) }))}
      />
      <ChoicesField
        {...choice("usage")}
        legend={t("check-in-usage")}
        hint={t("check-in-usage-hint")}
        options={CHECK_IN_USAGES.map((value) => ({ value, label: t(USAGE_LABEL[value]) }))}
      />
      {contributions.length > 0 ? <h2>{t("check-in-contributions")}</h2> : null}
      {contributions.map((contribution) => {
        const names = contributionFields(contribution.position);
        return (
          <div key={contribution.position} className="panel">
            <ChoicesField
              {...choice(names.status)}
              legend={
                <span className="pre-line" dir="auto">
                  {contribution.description}
                </span>
              }
              options={CHECK_IN_CONTRIBUTION_STATUSES.map((value) => ({
                value,
                label: t(CONTRIBUTION_FATE_LABEL[value]),
                reveals:
                  value === "DELIVERED" ? (
                    <TextField {...text(names.link)} type="url" dir="ltr" label={t("check-in-contribution-link")} hint={t("check-in-contribution-link-hint")} />
                  ) : undefined,
              }))}
            />
            <TextareaField {...text(names.note)} rows={2} dir="auto" label={t("check-in-contribution-note")} hint={t("check-in-contribution-note-hint")} />
          </div>
        );
      })}
      <TextareaField {...text("message")} rows={5} dir="auto" label={t("check-in-message")} hint={t("check-in-message-hint")} />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("check-in-send")}
      </button>
    </form>
  );
}
