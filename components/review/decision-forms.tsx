"use client";

import type { ReactNode } from "react";

import { PUBLIC_SUMMARY_MAX } from "@/lib/domain/register/register";
import { APIS } from "@/lib/domain/request/options";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { HUMAN_RIGHTS_OUTCOMES, RECOMMENDATIONS, SNAPSHOT_FREQUENCIES, WITHDRAWAL_REASONS } from "@/lib/domain/review/decisions";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import type { TMessageKey, TTranslate } from "@/lib/i18n/translator";

import { ChoicesField, DateField, FieldGroup, NumberField, TextareaField, TextField } from "@/components/ui/fields";

import { type TAction, useReviewForm } from "./forms";

type TOption = { value: string; label: TMessageKey };

const API_OPTIONS: TOption[] = APIS.map((api) => ({ value: api, label: `scope-api-${api.replace("_", "-")}` as TMessageKey }));
const FREQUENCY_OPTIONS: TOption[] = SNAPSHOT_FREQUENCIES.map((frequency) => ({
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

/** The criteria a decision rests on, and the reasoning and message that go with it. */
function Reasons({ form, kind }: { form: TForm; kind: "grant" | "decline" }) {
  const { t, text, choice } = form;
  const grant = kind === "grant";
  return (
    <>
      <ChoicesField
        {...choice("criteria")}
        legend={t(grant ? "decide-grant-criteria" : "decide-decline-criteria")}
        hint={t(grant ? "decide-grant-criteria-hint" : "decide-decline-criteria-hint")}
        options={options(t, CRITERIA_OPTIONS)}
        multiple
      />
      <TextareaField {...text("rationale")} label={t(grant ? "decide-rationale" : "decide-rationale-optional")} hint={t("decide-rationale-hint")} />
      <TextareaField {...text("message")} label={t("decide-message")} hint={t(grant ? "decide-message-hint" : "decide-decline-message-hint")} rows={6} />
    </>
  );
}

/**
 * The grant: scope, dates, the criteria it rests on, the internal rationale, the message to the
 * requester and, with their consent, the public register entry. `notices` are the prerequisites
 * (WMDE recommendation, human rights) shown above it.
 */
export function GrantForm(props: {
  action: TAction;
  requestId: string;
  version: number;
  defaults: TGrantDefaults;
  askJointOverride: boolean;
  askLengthOverride: boolean;
  notices: ReactNode;
  /** The draft entry for the public register; absent when the requester did not consent. */
  register?: { name: string; summary: string };
}) {
  const form = useReviewForm(props.action, "grant");
  const { t, text, choice } = form;
  return form.shell(
    { text: t("decide-grant-title"), level: 2 },
    <>
      <div id="grant-humanRights" tabIndex={-1}>
        {props.notices}
      </div>
      <ChoicesField {...choice("apis", props.defaults.apis)} legend={t("decide-grant-apis")} options={options(t, API_OPTIONS)} multiple />
      <NumberField
        {...text("onDemandPerMonth", props.defaults.onDemandPerMonth)}
        label={t("decide-grant-on-demand")}
        hint={t("decide-grant-on-demand-hint")}
        width="medium"
      />
      <ChoicesField
        {...choice("snapshotFrequency")}
        legend={t("decide-grant-snapshot")}
        hint={t("decide-grant-snapshot-hint")}
        options={options(t, FREQUENCY_OPTIONS)}
        inline
      />
      <div className="field-row">
        <DateField {...text("startsOn", props.defaults.startsOn)} label={t("decide-grant-starts")} />
        <DateField {...text("expiresOn", props.defaults.expiresOn)} label={t("decide-grant-expires")} hint={t("decide-grant-expires-hint")} />
      </div>
      {props.askLengthOverride ? <LengthOverride form={form} /> : null}
      {props.askJointOverride ? (
        <TextareaField {...text("jointOverride")} rows={2} label={t("decide-joint-override")} hint={t("decide-joint-override-hint")} />
      ) : null}
      <Reasons form={form} kind="grant" />
      <RegisterEntry form={form} draft={props.register} />
    </>,
    "decide-grant-submit",
    { requestId: props.requestId, version: props.version },
  );
}

export function DeclineForm(props: { action: TAction; requestId: string; version: number }) {
  const form = useReviewForm(props.action, "decline");
  return form.shell({ text: form.t("decide-decline-title"), level: 2 }, <Reasons form={form} kind="decline" />, "decide-decline-submit", {
    requestId: props.requestId,
    version: props.version,
  });
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
  const { t, text } = form;
  return form.shell(
    { text: t("extend-title"), level: 3 },
    <>
      <DateField {...text("expiresOn", props.defaultExpiresOn)} label={t("extend-expires")} />
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
