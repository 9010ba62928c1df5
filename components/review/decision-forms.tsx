"use client";

import type { ReactNode } from "react";

import type { TContributionView } from "@/components/ui/contribution-list";

import { PUBLIC_SUMMARY_MAX } from "@/lib/domain/register/register";
import { APIS } from "@/lib/domain/request/options";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { APPROVAL_REASON_LABEL, grantApprovalReasons, type TApprovalPolicy, type TApprovalReason } from "@/lib/domain/review/approval";
import { HUMAN_RIGHTS_OUTCOMES, RECOMMENDATIONS, SNAPSHOT_FREQUENCIES, WITHDRAWAL_REASONS } from "@/lib/domain/review/decisions";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import type { TMessageKey, TTranslate } from "@/lib/i18n/translator";

import { ChoicesField, DateField, FieldGroup, NumberField, TextareaField, TextField } from "@/components/ui/fields";
import { useFormats } from "@/components/ui/i18n-provider";
import { asciiDigits } from "@/lib/domain/text";
import { wholeNumber } from "@/lib/domain/request/fields";
import type { TFormValues } from "@/lib/form-state";
import { groupedInput, longDate } from "@/lib/i18n/format";

import { ConfirmedContributions, confirmedWordings } from "./confirmed-contributions";
import { CheckInCadenceField, checkedCadenceText } from "./check-in-cadence";
import { type TAction, useReviewForm } from "./forms";
import { GrantValuePreview, type TGrantPreviewPrices } from "./in-kind-value";

type TOption = { value: string; label: TMessageKey };

export const API_OPTIONS: TOption[] = APIS.map((api) => ({ value: api, label: `scope-api-${api.replace("_", "-")}` as TMessageKey }));
export const FREQUENCY_OPTIONS: TOption[] = SNAPSHOT_FREQUENCIES.map((frequency) => ({
  value: frequency,
  label: `snapshot-frequency-${frequency.replace("_", "-")}` as TMessageKey,
}));
const RECOMMENDATION_OPTIONS: TOption[] = RECOMMENDATIONS.map((value) => ({ value, label: `recommendation-${value.toLowerCase()}` as TMessageKey }));
const HUMAN_RIGHTS_OPTIONS: TOption[] = HUMAN_RIGHTS_OUTCOMES.map((value) => ({
  value,
  label: `human-rights-${value.toLowerCase().replace(/_/g, "-")}` as TMessageKey,
}));
const WITHDRAWAL_OPTIONS: TOption[] = WITHDRAWAL_REASONS.map((value) => ({
  value,
  label: `withdraw-reason-${value.toLowerCase().replace(/_/g, "-")}` as TMessageKey,
}));

const CRITERIA_OPTIONS: TOption[] = SECTION_IDS.map((section) => ({ value: section, label: SECTION_TITLE[section] }));

type TForm = ReturnType<typeof useReviewForm>;
const options = (t: TTranslate, list: TOption[]) => list.map((option) => ({ value: option.value, label: t(option.label) }));
const saved = (value: string | undefined) => (value ? [value] : []);
/** A whole number as typed (10,080,254 or ١٠٬٠٨٠٬٢٥٤), as digits only, to show back grouped. */
const asciiNumber = (typed: string) => asciiDigits(typed).replace(/[\s,._\u066C']/g, "");

export type TGrantDefaults = { apis: string[]; startsOn: string; expiresOn: string; onDemandPerMonth?: string };

/** The public register entry: asked for when the requester consented, starting from a draft of their answers. */
function RegisterEntry({ form, draft }: { form: TForm; draft?: { name: string; summary: string } }) {
  const { t, field, text } = form;
  if (!draft) return <p className="hint">{t("decide-register-not-listed")}</p>;
  return (
    <FieldGroup id={field("register").id} legend={t("decide-register-legend")} hint={t("decide-register-hint")}>
      <TextField {...text("publicName", draft.name)} width="medium" label={t("decide-register-name")} hint={t("decide-register-name-hint")} />
      <TextareaField
        {...text("publicSummary", draft.summary)}
        label={t("decide-register-summary")}
        hint={t("decide-register-summary-hint", PUBLIC_SUMMARY_MAX)}
        rows={5}
      />
    </FieldGroup>
  );
}

/** Why an admin sets a length beyond the usual limit; asked of admins only. */
function LengthOverride({ form }: { form: TForm }) {
  return <TextareaField {...form.text("lengthOverride")} rows={2} label={form.t("decide-length-override")} hint={form.t("decide-length-override-hint")} />;
}

/**
 * The criteria a decision rests on, and the reasoning and message that go with it. A decline's
 * sit beside the grant's in the decide page's one form, under names of their own.
 */
function Reasons({ form, kind }: { form: TForm; kind: "grant" | "decline" }) {
  const { t, text, choice } = form;
  const grant = kind === "grant";
  const name = (field: "criteria" | "rationale" | "message") => (grant ? field : `decline${field[0]?.toUpperCase()}${field.slice(1)}`);
  return (
    <>
      <ChoicesField
        {...choice(name("criteria"))}
        legend={t(grant ? "decide-grant-criteria" : "decide-decline-criteria")}
        hint={t(grant ? "decide-grant-criteria-hint" : "decide-decline-criteria-hint")}
        options={options(t, CRITERIA_OPTIONS)}
        multiple
      />
      <TextareaField {...text(name("rationale"))} label={t(grant ? "decide-rationale" : "decide-rationale-optional")} hint={t("decide-rationale-hint")} />
      <TextareaField {...text(name("message"))} label={t("decide-message")} hint={t(grant ? "decide-message-hint" : "decide-decline-message-hint")} rows={6} />
    </>
  );
}

/** The grant's fields: scope (each limit under the API it belongs to), dates, reasons and the register entry. */
function GrantFields({ form, props }: { form: TForm; props: TDecisionFormProps }) {
  const { t, text, choice, date } = form;
  const formats = useFormats();
  return (
    <>
      <div id="decide-humanRights" tabIndex={-1}>
        {props.notices}
      </div>
      <ChoicesField
        {...choice("apis", props.defaults.apis)}
        legend={t("decide-grant-apis")}
        multiple
        options={options(t, API_OPTIONS).map((option) => ({
          ...option,
          reveals:
            option.value === "on_demand" ? (
              <NumberField
                {...text("onDemandPerMonth", groupedInput(props.defaults.onDemandPerMonth, formats))}
                label={t("decide-grant-on-demand")}
                hint={t("decide-grant-on-demand-hint")}
                width="medium"
              />
            ) : option.value === "snapshot" ? (
              <ChoicesField
                {...choice("snapshotFrequency")}
                legend={t("decide-grant-snapshot")}
                hint={t("decide-grant-snapshot-hint")}
                options={options(t, FREQUENCY_OPTIONS)}
              />
            ) : undefined,
        }))}
      />
      <DateField {...date("startsOn", props.defaults.startsOn)} label={t("decide-grant-starts")} />
      <DateField {...date("expiresOn", props.defaults.expiresOn)} label={t("decide-grant-expires")} hint={t("decide-grant-expires-hint")} />
      <CheckInCadenceField form={form} />
      {props.askLengthOverride ? <LengthOverride form={form} /> : null}
      <GrantValuePreview prices={props.inKindPrices} values={form.state.values} defaults={props.defaults} />
      {props.askJointOverride ? (
        <TextareaField {...text("jointOverride")} rows={2} label={t("decide-joint-override")} hint={t("decide-joint-override-hint")} />
      ) : null}
      <Reasons form={form} kind="grant" />
      <ConfirmedContributions form={form} promises={props.contributions} />
      <RegisterEntry form={form} draft={props.register} />
    </>
  );
}

type TDecisionFormProps = {
  action: TAction;
  requestId: string;
  version: number;
  defaults: TGrantDefaults;
  askJointOverride: boolean;
  askLengthOverride: boolean;
  /** The prerequisites (WMDE recommendation, human rights), shown above the grant's fields. */
  notices: ReactNode;
  /** The draft entry for the public register; absent when the requester did not consent. */
  register?: { name: string; summary: string };
  /** The requester's promised contributions, to confirm as conditions of the grant. */
  contributions: TContributionView[];
  inKindPrices: TGrantPreviewPrices;
  /** The review policy's approval rules, and what they read of the request, to say before recording whether the grant is only proposed. */
  approval: { policy: TApprovalPolicy; commercial: boolean };
};

/**
 * Deciding, deliberately: first grant or decline, each revealing only its own fields (GOV.UK's
 * conditional reveal, by CSS, so it works without JavaScript); then the decision shown back to
 * check, and only then recorded and emailed. Going back to change it keeps everything typed.
 */
export function DecisionForm(props: TDecisionFormProps) {
  const form = useReviewForm(props.action, "decide");
  const { t, state, choice } = form;
  if (state.status === "check" && state.values) return <CheckDecision form={form} values={state.values} props={props} />;
  return form.shell(
    null,
    <ChoicesField
      {...choice("outcome")}
      legend={<span id="decide-title">{t("decide-outcome")}</span>}
      options={[
        { value: "grant", label: t("decide-outcome-grant"), reveals: <GrantFields form={form} props={props} /> },
        { value: "decline", label: t("decide-outcome-decline"), reveals: <Reasons form={form} kind="decline" /> },
      ]}
    />,
    "decide-continue",
    { requestId: props.requestId, version: props.version, intent: "check" },
  );
}

/** Every value sent, as hidden fields, so confirming sends exactly what was checked. */
function Carried({ values }: { values: TFormValues }) {
  return (
    <>
      {Object.entries(values).flatMap(([name, value]) =>
        name === "intent"
          ? []
          : (Array.isArray(value) ? value : [value]).map((item) => <input key={`${name}\u0000${item}`} type="hidden" name={name} value={item} />),
      )}
    </>
  );
}

/** The approval rules the checked grant meets (its values have passed the grant's schema), valued at today's prices as the preview is. */
function checkedApprovalReasons(values: TFormValues, props: TDecisionFormProps): TApprovalReason[] {
  const one = (name: string) => {
    const value = values[name];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const apis = [values.apis ?? []].flat();
  const onDemand = wholeNumber(Number.MAX_SAFE_INTEGER).safeParse(one("onDemandPerMonth"));
  return grantApprovalReasons(
    props.approval.policy,
    {
      apis,
      onDemandPerMonth: apis.includes("on_demand") && onDemand.success ? onDemand.data : undefined,
      snapshotFrequency: apis.includes("snapshot") ? one("snapshotFrequency") : undefined,
      realtime: apis.includes("realtime"),
      startsOn: one("startsOn"),
      expiresOn: one("expiresOn"),
      developmentDays: props.inKindPrices.developmentDays,
    },
    { commercial: props.approval.commercial, costs: props.inKindPrices.costs },
  );
}

/** The decision as it will be recorded, to confirm (or go back and change) before anything is written or emailed. */
function CheckDecision({ form, values, props }: { form: TForm; values: TFormValues; props: TDecisionFormProps }) {
  const { t } = form;
  const formats = useFormats();
  const grant = values.outcome === "grant";
  const list = (name: string) => {
    const value = values[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const one = (name: string) => list(name)[0] ?? "";
  const label = (all: TOption[], value: string) => {
    const found = all.find((option) => option.value === value);
    return found ? t(found.label) : value;
  };
  const criteria = list(grant ? "criteria" : "declineCriteria").map((value) => label(CRITERIA_OPTIONS, value));
  const reasons = grant ? checkedApprovalReasons(values, props) : [];
  const apis = list("apis");
  const rows: [string, ReactNode][] = grant
    ? [
        [t("decide-check-outcome"), t("decide-outcome-grant")],
        [t("decide-grant-apis"), apis.map((api) => label(API_OPTIONS, api)).join(", ")],
        ...(apis.includes("on_demand")
          ? [[t("decide-grant-on-demand"), groupedInput(asciiNumber(one("onDemandPerMonth")), formats)] as [string, ReactNode]]
          : []),
        ...(apis.includes("snapshot") ? [[t("decide-grant-snapshot"), label(FREQUENCY_OPTIONS, one("snapshotFrequency"))] as [string, ReactNode]] : []),
        [t("decide-grant-starts"), longDate(one("startsOn"), formats)],
        [t("decide-grant-expires"), longDate(one("expiresOn"), formats)],
        [t("decide-check-in"), checkedCadenceText(t, { choice: one("checkInMonths"), startsOn: one("startsOn"), expiresOn: one("expiresOn") })],
        ...(one("lengthOverride") ? [[t("decide-length-override"), one("lengthOverride")] as [string, ReactNode]] : []),
        ...(props.askJointOverride ? [[t("decide-joint-override"), one("jointOverride") || t("decide-check-none")] as [string, ReactNode]] : []),
        [t("decide-grant-criteria"), criteria.join(", ")],
        [t("decide-rationale"), one("rationale")],
        [t("decide-message"), one("message")],
        [t("decide-contributions-legend"), confirmedWordings(values).join("\n") || t("decide-check-none")],
        ...(props.register
          ? [[t("decide-register-name"), one("publicName")] as [string, ReactNode], [t("decide-register-summary"), one("publicSummary")] as [string, ReactNode]]
          : []),
      ]
    : [
        [t("decide-check-outcome"), t("decide-outcome-decline")],
        [t("decide-decline-criteria"), criteria.join(", ")],
        [t("decide-rationale-optional"), one("declineRationale") || t("decide-check-none")],
        [t("decide-message"), one("declineMessage")],
      ];
  return (
    <form action={form.formAction} aria-labelledby="decide-check-title">
      <h2 id="decide-check-title">{t("decide-check-title")}</h2>
      <p>{t(grant ? (reasons.length > 0 ? "decide-check-intro-propose" : "decide-check-intro-grant") : "decide-check-intro-decline")}</p>
      <dl className="summary-list">
        {rows.map(([term, value]) => (
          <div className="summary-list__row" key={term}>
            <dt>{term}</dt>
            <dd className="pre-line" dir="auto">
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {grant ? <GrantValuePreview prices={props.inKindPrices} values={values} defaults={props.defaults} /> : null}
      {reasons.length > 0 ? (
        <div className="notice notice--warning" data-testid="needs-second-approver">
          <p>{t("decide-check-second-approver", reasons.map((reason) => t(APPROVAL_REASON_LABEL[reason])).join("; "))}</p>
        </div>
      ) : null}
      <Carried values={values} />
      <div className="button-group">
        <button className={grant ? "button button--primary" : "button button--destructive"} type="submit" name="intent" value="record" disabled={form.pending}>
          {t(grant ? (reasons.length > 0 ? "decide-record-propose" : "decide-record-grant") : "decide-record-decline")}
        </button>
        <button className="button" type="submit" name="intent" value="change" disabled={form.pending}>
          {t("decide-check-change")}
        </button>
      </div>
    </form>
  );
}

export function RecommendationForm(props: { action: TAction; requestId: string; saved?: { recommendation: string; note: string } | null }) {
  const { t, text, choice, shell } = useReviewForm(props.action, "recommend");
  return shell(
    { text: t("recommend-title"), level: 3 },
    <>
      <ChoicesField
        {...choice("recommendation", saved(props.saved?.recommendation))}
        legend={t("recommend-legend")}
        options={options(t, RECOMMENDATION_OPTIONS)}
        inline
      />
      <TextareaField {...text("note", props.saved?.note)} label={t("recommend-note")} />
    </>,
    "recommend-submit",
    { requestId: props.requestId },
  );
}

export function HumanRightsForm(props: { action: TAction; requestId: string; saved?: { outcome: string; note: string } | null }) {
  const { t, text, choice, shell } = useReviewForm(props.action, "human-rights");
  return shell(
    { text: t("human-rights-title"), level: 3 },
    <>
      <p className="hint">{t("human-rights-intro")}</p>
      <ChoicesField {...choice("outcome", saved(props.saved?.outcome))} legend={t("human-rights-legend")} options={options(t, HUMAN_RIGHTS_OPTIONS)} />
      <TextareaField {...text("note", props.saved?.note)} label={t("human-rights-note")} />
    </>,
    "human-rights-submit",
    { requestId: props.requestId },
  );
}

export function ExtendForm(props: { action: TAction; requestId: string; version: number; defaultExpiresOn: string; askLengthOverride: boolean }) {
  const form = useReviewForm(props.action, "extend");
  const { t, text, date } = form;
  return form.shell(
    { text: t("extend-title"), level: 3 },
    <>
      <DateField {...date("expiresOn", props.defaultExpiresOn)} label={t("extend-expires")} />
      {props.askLengthOverride ? <LengthOverride form={form} /> : null}
      <TextareaField {...text("message")} label={t("decide-message")} hint={t("extend-message-hint")} rows={3} />
    </>,
    "extend-submit",
    { requestId: props.requestId, version: props.version },
  );
}

export function WithdrawForm(props: { action: TAction; requestId: string; version: number }) {
  const { t, text, choice, shell } = useReviewForm(props.action, "withdraw");
  return shell(
    { text: t("withdraw-title"), level: 3 },
    <>
      <ChoicesField {...choice("reason")} legend={t("withdraw-reason")} options={options(t, WITHDRAWAL_OPTIONS)} />
      <TextareaField {...text("message")} label={t("decide-message")} hint={t("withdraw-message-hint")} rows={3} />
    </>,
    "withdraw-submit",
    { requestId: props.requestId, version: props.version },
  );
}
