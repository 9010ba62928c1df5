"use client";

import { CheckboxField, ChoicesField, DateField, FieldGroup, NumberField, SelectField, TextareaField, TextField } from "@/components/ui/fields";
import { useT } from "@/components/ui/i18n-provider";
import { linkedText } from "@/components/ui/linked-text";
import type { TFieldError, TFormValues } from "@/lib/form-state";
import { dateParts, groupedInput } from "@/lib/i18n/format";
import { inWords } from "@/lib/i18n/translator";

import { ContributionRows } from "./contribution-rows";
import { inputDirection, type TFieldSpec, type TInputSpec } from "@/components/request/field-spec";
import { COUNTRIES } from "@/lib/domain/request/options";

/** `locale` is the tag dates and numbers are written with (lib/i18n/format.ts). */
type Props = { spec: TFieldSpec; values: TFormValues; errors: Record<string, TFieldError>; locale: string };

/** One question: label, hint, error and control, GOV.UK style, with the choice-revealed questions nested. */
export function QuestionField({ spec, values, errors, locale }: Props) {
  const t = useT();
  const error = errors[spec.name];
  const text = { id: spec.name, hint: spec.hint ? linkedText(t(spec.hint)) : undefined, error: inWords(t, error) };
  const nested = (children: readonly TFieldSpec[] | undefined) =>
    children?.length ? children.map((child) => <QuestionField key={child.name} spec={child} values={values} errors={errors} locale={locale} />) : undefined;

  if (spec.kind === "group") {
    return (
      <FieldGroup id={spec.name} legend={t(spec.label)} hint={text.hint}>
        {nested(spec.fields)}
      </FieldGroup>
    );
  }
  if (spec.kind === "radios" || spec.kind === "checkboxes") {
    return (
      <ChoicesField
        {...text}
        legend={t(spec.label)}
        multiple={spec.kind === "checkboxes"}
        options={spec.options.map((option) => ({
          value: option.value,
          label: t(option.label),
          hint: option.hint ? t(option.hint) : undefined,
          reveals: nested(option.reveals),
        }))}
        selected={toList(values[spec.name])}
        shared={spec.shared ? { for: spec.shared.for, content: nested(spec.shared.fields) } : undefined}
      />
    );
  }
  if (spec.kind === "contributions") {
    return <ContributionRows id={spec.name} legend={spec.label} hint={spec.hint} options={spec.options} values={values} errors={errors} locale={locale} />;
  }
  if (spec.kind === "checkbox") {
    return <CheckboxField {...text} label={t(spec.label)} defaultChecked={toList(values[spec.name]).some((value) => ["yes", "on", "true"].includes(value))} />;
  }

  const value = toList(values[spec.name])[0] ?? "";
  if (spec.kind === "textarea") return <TextareaField {...text} label={t(spec.label)} rows={5} defaultValue={value} dir={inputDirection(spec)} />;
  if (spec.kind === "select") {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    const countries = COUNTRIES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label, locale));
    return <SelectField {...text} label={t(spec.label)} options={countries} placeholder={t("field-select-placeholder")} defaultValue={value} />;
  }
  const input = spec as TInputSpec;
  const shared = { ...text, label: t(spec.label), width: input.width, autoComplete: input.autoComplete, dir: inputDirection(input), defaultValue: value };
  if (spec.kind === "number") {
    // A whole number shows with the language's grouping (10,080,254), which the schema reads back.
    const grouped = input.inputMode === "decimal" ? value : groupedInput(value, locale);
    return <NumberField {...shared} defaultValue={grouped} width={input.width} inputMode={input.inputMode} />;
  }
  if (spec.kind === "date") return <DateField {...text} label={t(spec.label)} defaultValue={value} parts={dateParts(t, locale)} />;
  return <TextField {...shared} type={spec.kind} spellCheck={spec.kind === "email" ? false : undefined} />;
}

export function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
