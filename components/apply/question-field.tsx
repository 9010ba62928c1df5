"use client";

import type { ReactNode } from "react";

import { useT } from "@/components/ui/i18n-provider";
import type { TFieldError, TFormValues } from "@/lib/form-state";

import { COUNTRIES, inputDirection, type TFieldSpec, type TInputSpec, type TOption } from "./section-spec";

type Props = { spec: TFieldSpec; values: TFormValues; errors: Record<string, TFieldError>; locale: string };

/** One question: label, hint, error and control, GOV.UK style, with the choice-revealed questions nested. */
export function QuestionField({ spec, values, errors, locale }: Props) {
  const t = useT();
  const error = errors[spec.name];
  const errorText = error ? t(error.key, ...(error.params ?? [])) : undefined;
  const hintId = spec.hint ? `${spec.name}-hint` : undefined;
  const errorId = error ? `${spec.name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const fieldClass = error ? "field field--error" : "field";
  const hint = spec.hint ? (
    <p className="hint" id={hintId}>
      {t(spec.hint)}
    </p>
  ) : null;
  const errorLine = error ? (
    <p className="field__error" id={errorId}>
      <span className="visually-hidden">{t("error-title-prefix")} </span>
      {errorText}
    </p>
  ) : null;

  if (spec.kind === "group") {
    return (
      <fieldset className="field fieldset-group" aria-describedby={hintId}>
        <legend>{t(spec.label)}</legend>
        {hint}
        {spec.fields.map((child) => (
          <QuestionField key={child.name} spec={child} values={values} errors={errors} locale={locale} />
        ))}
      </fieldset>
    );
  }

  if (spec.kind === "radios" || spec.kind === "checkboxes") {
    const type = spec.kind === "radios" ? "radio" : "checkbox";
    const selected = toList(values[spec.name]);
    return (
      <div className={fieldClass}>
        <fieldset aria-describedby={describedBy}>
          <legend>{t(spec.label)}</legend>
          {hint}
          {errorLine}
          {spec.options.map((option, index) => (
            <Choice
              key={option.value}
              option={option}
              type={type}
              name={spec.name}
              id={index === 0 ? spec.name : `${spec.name}-${option.value}`}
              checked={selected.includes(option.value)}
              invalid={Boolean(error)}
            >
              {option.reveals?.map((child) => (
                <QuestionField key={child.name} spec={child} values={values} errors={errors} locale={locale} />
              ))}
            </Choice>
          ))}
        </fieldset>
      </div>
    );
  }

  if (spec.kind === "checkbox") {
    return (
      <div className={fieldClass}>
        {errorLine}
        <div className="choice">
          <input
            type="checkbox"
            id={spec.name}
            name={spec.name}
            value="yes"
            defaultChecked={toList(values[spec.name]).some((value) => ["yes", "on", "true"].includes(value))}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
          />
          <div>
            <label htmlFor={spec.name}>{t(spec.label)}</label>
            {hint}
          </div>
        </div>
      </div>
    );
  }

  const value = toList(values[spec.name])[0] ?? "";
  const common = {
    id: spec.name,
    name: spec.name,
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
  } as const;
  let control: ReactNode;
  if (spec.kind === "textarea") {
    control = <textarea className="textarea" rows={5} defaultValue={value} dir={inputDirection(spec)} {...common} />;
  } else if (spec.kind === "select") {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    const countries = COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
    control = (
      <select className="select" defaultValue={value} {...common}>
        <option value="">{t("field-select-placeholder")}</option>
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </select>
    );
  } else {
    const input = spec as TInputSpec;
    control = (
      <input
        className={`input${input.width ? ` input--${input.width}` : ""}`}
        type={spec.kind === "number" ? "text" : spec.kind}
        inputMode={spec.kind === "number" ? input.inputMode : undefined}
        autoComplete={input.autoComplete}
        spellCheck={spec.kind === "email" ? false : undefined}
        dir={inputDirection(input)}
        defaultValue={value}
        {...common}
      />
    );
  }
  return (
    <div className={fieldClass}>
      <label className="label" htmlFor={spec.name}>
        {t(spec.label)}
      </label>
      {hint}
      {errorLine}
      {control}
    </div>
  );
}

function Choice({
  option,
  type,
  name,
  id,
  checked,
  invalid,
  children,
}: {
  option: TOption;
  type: "radio" | "checkbox";
  name: string;
  id: string;
  checked: boolean;
  invalid: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const hintId = option.hint ? `${id}-hint` : undefined;
  return (
    <>
      <div className="choice">
        <input type={type} id={id} name={name} value={option.value} defaultChecked={checked} aria-describedby={hintId} aria-invalid={invalid || undefined} />
        <div>
          <label htmlFor={id}>{t(option.label)}</label>
          {option.hint ? (
            <p className="hint" id={hintId}>
              {t(option.hint)}
            </p>
          ) : null}
        </div>
      </div>
      {option.reveals?.length ? <div className="conditional">{children}</div> : null}
    </>
  );
}

export function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
