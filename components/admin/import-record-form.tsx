"use client";

import { API_OPTIONS, FREQUENCY_OPTIONS } from "@/components/review/decision-forms";
import { ErrorSummary } from "@/components/ui/error-summary";
import { CheckboxField, ChoicesField, DateField, EmailField, FieldGroup, NumberField, SelectField, TextareaField, TextField } from "@/components/ui/fields";
import { useDateParts } from "@/components/ui/i18n-provider";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import { REQUESTER_KINDS } from "@/lib/domain/request/options";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import type { TMessageKey } from "@/lib/i18n/translator";

const KIND_OPTIONS = REQUESTER_KINDS.map((kind) => ({ value: kind, label: `option-requester-kind-${kind.replace(/_/g, "-")}` as TMessageKey }));

/**
 * Records one request received and decided by email: who asked, when, their answers as the emails
 * gave them (any may be left empty), and the decision with its scope and dates. The grant's fields
 * show under "Granted" (CSS alone, so the form works without JavaScript).
 */
export function ImportRecordForm({ action }: { action: TFormAction }) {
  const { t, state, formAction, pending, message, text, value, list } = useActionForm(action);
  const parts = useDateParts();
  const date = (name: string, label: string, hint?: string) => (
    <DateField id={name} error={text(name).error} defaultValue={value(name)} parts={parts} label={label} hint={hint} />
  );
  const grant = (
    <>
      <ChoicesField
        id="apis"
        legend={t("admin-imports-form-apis")}
        multiple
        options={API_OPTIONS.map((option) => ({ value: option.value, label: t(option.label) }))}
        selected={list("apis")}
        error={text("apis").error}
      />
      <NumberField {...text("onDemandPerMonth")} label={t("admin-imports-form-on-demand")} hint={t("admin-imports-form-on-demand-hint")} autoComplete="off" />
      <SelectField
        {...text("snapshotFrequency")}
        label={t("admin-imports-form-snapshot")}
        placeholder={t("admin-imports-form-snapshot-none")}
        options={FREQUENCY_OPTIONS.map((option) => ({ value: option.value, label: t(option.label) }))}
      />
      {date("startsOn", t("admin-imports-form-starts"), t("admin-imports-form-starts-hint"))}
      {date("expiresOn", t("admin-imports-form-expires"))}
      <CheckboxField id="registerConsent" name="registerConsent" defaultChecked={value("registerConsent") === "yes"} label={t("admin-imports-form-consent")} />
      <TextField {...text("publicName")} label={t("admin-imports-form-public-name")} hint={t("admin-imports-form-public-name-hint")} />
      <TextareaField {...text("publicSummary")} short label={t("admin-imports-form-public-summary")} />
    </>
  );
  return (
    <form action={formAction} noValidate>
      <ErrorSummary fieldErrors={state.fieldErrors} message={state.status === "error" ? message : undefined} />
      <FieldGroup id="import-requester" legend={t("admin-imports-form-requester")}>
        <EmailField {...text("requesterEmail")} label={t("admin-imports-form-email")} hint={t("admin-imports-form-email-hint")} autoComplete="off" />
        <TextField {...text("requesterName")} label={t("admin-imports-form-name")} autoComplete="off" />
        <SelectField
          {...text("requesterKind")}
          label={t("admin-imports-form-kind")}
          placeholder={t("admin-imports-form-kind-unknown")}
          options={KIND_OPTIONS.map((option) => ({ value: option.value, label: t(option.label) }))}
        />
        <TextField {...text("organisation")} label={t("admin-imports-form-organisation")} autoComplete="off" />
        <TextField {...text("enterpriseUsername")} label={t("admin-imports-form-username")} hint={t("admin-imports-form-username-hint")} autoComplete="off" />
      </FieldGroup>
      <FieldGroup id="import-request" legend={t("admin-imports-form-request")} hint={t("admin-imports-form-answers-hint")}>
        {date("receivedOn", t("admin-imports-form-received"))}
        {SECTION_IDS.map((section) => (
          <TextareaField key={section} {...text(section)} label={t(SECTION_TITLE[section])} rows={3} />
        ))}
      </FieldGroup>
      <FieldGroup id="import-decision" legend={t("admin-imports-form-decision")}>
        <ChoicesField
          id="outcome"
          legend={t("admin-imports-form-outcome")}
          options={[
            { value: "granted", label: t("admin-imports-form-granted"), reveals: grant },
            { value: "declined", label: t("admin-imports-form-declined") },
          ]}
          selected={list("outcome")}
          error={text("outcome").error}
        />
        {date("decidedOn", t("admin-imports-form-decided-on"))}
        <TextField {...text("decidedBy")} label={t("admin-imports-form-decided-by")} hint={t("admin-imports-form-decided-by-hint")} autoComplete="off" />
        <TextareaField {...text("message")} label={t("admin-imports-form-message")} hint={t("admin-imports-form-message-hint")} rows={3} />
      </FieldGroup>
      <TextField {...text("externalId")} label={t("admin-imports-form-external-id")} hint={t("admin-imports-form-external-id-hint")} autoComplete="off" />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("admin-imports-form-submit")}
      </button>
    </form>
  );
}
