"use client";

import type { ReactNode } from "react";

import { PUBLIC_SUMMARY_MAX } from "@/lib/domain/register/register";
import { APIS } from "@/lib/domain/request/options";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { HUMAN_RIGHTS_OUTCOMES, RECOMMENDATIONS, SNAPSHOT_FREQUENCIES, WITHDRAWAL_REASONS } from "@/lib/domain/review/decisions";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import type { TMessageKey } from "@/lib/i18n/translator";

import { FieldError, useReviewForm, type TAction } from "./forms";

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

type TForm = ReturnType<typeof useReviewForm>;

/** Radios or checkboxes under one legend; the first input carries the group's id, for the error summary's link. */
function Choices(props: {
  form: TForm;
  id: string;
  name: string;
  legend: string;
  hint?: string;
  options: TOption[];
  selected: string[];
  multiple?: boolean;
  inline?: boolean;
}) {
  const { form, id, name } = props;
  const error = form.error(name);
  const describedBy = [props.hint ? `${id}-${name}-hint` : "", error ? `${id}-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={error ? "field field--error" : "field"} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p className="hint" id={`${id}-${name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError text={error} id={`${id}-${name}-error`} />
      <div className={props.inline ? "choices-inline" : undefined}>
        {props.options.map((option, index) => {
          const inputId = index === 0 ? `${id}-${name}` : `${id}-${name}-${option.value}`;
          return (
            <div className="choice" key={option.value}>
              <input
                type={props.multiple ? "checkbox" : "radio"}
                id={inputId}
                name={name}
                value={option.value}
                defaultChecked={props.selected.includes(option.value)}
              />
              <label htmlFor={inputId}>{form.t(option.label)}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function TextArea(props: { form: TForm; id: string; name: string; label: string; hint?: string; rows?: number; defaultValue?: string }) {
  const { form, id, name } = props;
  const error = form.error(name);
  const describedBy = [props.hint ? `${id}-${name}-hint` : "", error ? `${id}-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="label" htmlFor={`${id}-${name}`}>
        {props.label}
      </label>
      {props.hint ? (
        <p className="hint" id={`${id}-${name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError text={error} id={`${id}-${name}-error`} />
      <textarea
        className="textarea"
        id={`${id}-${name}`}
        name={name}
        rows={props.rows ?? 4}
        defaultValue={form.value(name, props.defaultValue)}
        aria-describedby={describedBy}
      />
    </div>
  );
}

function Input(props: {
  form: TForm;
  id: string;
  name: string;
  label: string;
  hint?: string;
  type: "date" | "text";
  inputMode?: "numeric";
  defaultValue?: string;
}) {
  const { form, id, name } = props;
  const error = form.error(name);
  const describedBy = [props.hint ? `${id}-${name}-hint` : "", error ? `${id}-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="label" htmlFor={`${id}-${name}`}>
        {props.label}
      </label>
      {props.hint ? (
        <p className="hint" id={`${id}-${name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError text={error} id={`${id}-${name}-error`} />
      <input
        className="input input--medium"
        type={props.type}
        inputMode={props.inputMode}
        id={`${id}-${name}`}
        name={name}
        defaultValue={form.value(name, props.defaultValue)}
        aria-describedby={describedBy}
      />
    </div>
  );
}

const CRITERIA_OPTIONS: TOption[] = SECTION_IDS.map((section) => ({ value: section, label: SECTION_TITLE[section] }));

export type TGrantDefaults = { apis: string[]; startsOn: string; expiresOn: string; onDemandPerMonth?: string };

/** The public register entry: asked for when the requester consented, starting from a draft of their answers. */
function RegisterEntry({ form, id, draft }: { form: TForm; id: string; draft?: { name: string; summary: string } }) {
  const { t } = form;
  if (!draft) return <p className="hint">{t("decide-register-not-listed")}</p>;
  return (
    <fieldset className="fieldset-group" aria-describedby={`${id}-register-hint`}>
      <legend>{t("decide-register-legend")}</legend>
      <p className="hint" id={`${id}-register-hint`}>
        {t("decide-register-hint")}
      </p>
      <Input
        form={form}
        id={id}
        name="publicName"
        type="text"
        label={t("decide-register-name")}
        hint={t("decide-register-name-hint")}
        defaultValue={draft.name}
      />
      <TextArea
        form={form}
        id={id}
        name="publicSummary"
        label={t("decide-register-summary")}
        hint={t("decide-register-summary-hint", PUBLIC_SUMMARY_MAX)}
        defaultValue={draft.summary}
        rows={5}
      />
    </fieldset>
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
  const form = useReviewForm(props.action);
  const { t } = form;
  const id = "grant";
  return form.shell(
    id,
    <>
      <h2 id={`${id}-title`}>{t("decide-grant-title")}</h2>
      <div id={`${id}-humanRights`} tabIndex={-1}>
        {props.notices}
      </div>
      <Choices
        form={form}
        id={id}
        name="apis"
        legend={t("decide-grant-apis")}
        options={API_OPTIONS}
        selected={form.list("apis", props.defaults.apis)}
        multiple
      />
      <Input
        form={form}
        id={id}
        name="onDemandPerMonth"
        type="text"
        inputMode="numeric"
        label={t("decide-grant-on-demand")}
        hint={t("decide-grant-on-demand-hint")}
        defaultValue={props.defaults.onDemandPerMonth}
      />
      <Choices
        form={form}
        id={id}
        name="snapshotFrequency"
        legend={t("decide-grant-snapshot")}
        hint={t("decide-grant-snapshot-hint")}
        options={FREQUENCY_OPTIONS}
        selected={form.list("snapshotFrequency", [])}
        inline
      />
      <div className="field-row">
        <Input form={form} id={id} name="startsOn" type="date" label={t("decide-grant-starts")} defaultValue={props.defaults.startsOn} />
        <Input
          form={form}
          id={id}
          name="expiresOn"
          type="date"
          label={t("decide-grant-expires")}
          hint={t("decide-grant-expires-hint")}
          defaultValue={props.defaults.expiresOn}
        />
      </div>
      {props.askLengthOverride ? (
        <TextArea form={form} id={id} name="lengthOverride" rows={2} label={t("decide-length-override")} hint={t("decide-length-override-hint")} />
      ) : null}
      {props.askJointOverride ? (
        <TextArea form={form} id={id} name="jointOverride" rows={2} label={t("decide-joint-override")} hint={t("decide-joint-override-hint")} />
      ) : null}
      <Choices
        form={form}
        id={id}
        name="criteria"
        legend={t("decide-grant-criteria")}
        hint={t("decide-grant-criteria-hint")}
        options={CRITERIA_OPTIONS}
        selected={form.list("criteria", [])}
        multiple
      />
      <TextArea form={form} id={id} name="rationale" label={t("decide-rationale")} hint={t("decide-rationale-hint")} />
      <TextArea form={form} id={id} name="message" label={t("decide-message")} hint={t("decide-message-hint")} rows={6} />
      <RegisterEntry form={form} id={id} draft={props.register} />
    </>,
    "decide-grant-submit",
    { requestId: props.requestId, version: props.version },
  );
}

export function DeclineForm(props: { action: TAction; requestId: string; version: number }) {
  const form = useReviewForm(props.action);
  const { t } = form;
  const id = "decline";
  return form.shell(
    id,
    <>
      <h2 id={`${id}-title`}>{t("decide-decline-title")}</h2>
      <Choices
        form={form}
        id={id}
        name="criteria"
        legend={t("decide-decline-criteria")}
        hint={t("decide-decline-criteria-hint")}
        options={CRITERIA_OPTIONS}
        selected={form.list("criteria", [])}
        multiple
      />
      <TextArea form={form} id={id} name="rationale" label={t("decide-rationale-optional")} hint={t("decide-rationale-hint")} />
      <TextArea form={form} id={id} name="message" label={t("decide-message")} hint={t("decide-decline-message-hint")} rows={6} />
    </>,
    "decide-decline-submit",
    { requestId: props.requestId, version: props.version },
  );
}

export function RecommendationForm(props: { action: TAction; requestId: string; recommendation?: string; note?: string }) {
  const form = useReviewForm(props.action);
  const { t } = form;
  const id = "recommend";
  return form.shell(
    id,
    <>
      <h3 id={`${id}-title`}>{t("recommend-title")}</h3>
      <Choices
        form={form}
        id={id}
        name="recommendation"
        legend={t("recommend-legend")}
        options={RECOMMENDATION_OPTIONS}
        selected={form.list("recommendation", props.recommendation ? [props.recommendation] : [])}
        inline
      />
      <TextArea form={form} id={id} name="note" label={t("recommend-note")} defaultValue={props.note} />
    </>,
    "recommend-submit",
    { requestId: props.requestId },
  );
}

export function HumanRightsForm(props: { action: TAction; requestId: string; outcome?: string; note?: string }) {
  const form = useReviewForm(props.action);
  const { t } = form;
  const id = "human-rights";
  return form.shell(
    id,
    <>
      <h3 id={`${id}-title`}>{t("human-rights-title")}</h3>
      <p className="hint">{t("human-rights-intro")}</p>
      <Choices
        form={form}
        id={id}
        name="outcome"
        legend={t("human-rights-legend")}
        options={HUMAN_RIGHTS_OPTIONS}
        selected={form.list("outcome", props.outcome ? [props.outcome] : [])}
      />
      <TextArea form={form} id={id} name="note" label={t("human-rights-note")} defaultValue={props.note} />
    </>,
    "human-rights-submit",
    { requestId: props.requestId },
  );
}

export function ExtendForm(props: { action: TAction; requestId: string; version: number; defaultExpiresOn: string; askLengthOverride: boolean }) {
  const form = useReviewForm(props.action);
  const { t } = form;
  const id = "extend";
  return form.shell(
    id,
    <>
      <h3 id={`${id}-title`}>{t("extend-title")}</h3>
      <Input form={form} id={id} name="expiresOn" type="date" label={t("extend-expires")} defaultValue={props.defaultExpiresOn} />
      {props.askLengthOverride ? (
        <TextArea form={form} id={id} name="lengthOverride" rows={2} label={t("decide-length-override")} hint={t("decide-length-override-hint")} />
      ) : null}
      <TextArea form={form} id={id} name="message" label={t("decide-message")} hint={t("extend-message-hint")} rows={3} />
    </>,
    "extend-submit",
    { requestId: props.requestId, version: props.version },
  );
}

export function WithdrawForm(props: { action: TAction; requestId: string; version: number }) {
  const form = useReviewForm(props.action);
  const { t } = form;
  const id = "withdraw";
  return form.shell(
    id,
    <>
      <h3 id={`${id}-title`}>{t("withdraw-title")}</h3>
      <Choices form={form} id={id} name="reason" legend={t("withdraw-reason")} options={WITHDRAWAL_OPTIONS} selected={form.list("reason", [])} />
      <TextArea form={form} id={id} name="message" label={t("decide-message")} hint={t("withdraw-message-hint")} rows={3} />
    </>,
    "withdraw-submit",
    { requestId: props.requestId, version: props.version },
  );
}
