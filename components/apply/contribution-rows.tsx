"use client";

import { CheckboxField, DateField, SelectField, TextareaField, TextField } from "@/components/ui/fields";
import { useT } from "@/components/ui/i18n-provider";
import type { TOption } from "@/components/request/field-spec";
import { CONTRIBUTION_FIELDS, contributionFieldId, MAX_CONTRIBUTIONS, rowsToShow } from "@/lib/domain/request/contributions";
import type { TFieldError, TFormValues } from "@/lib/form-state";
import { dateParts } from "@/lib/i18n/format";
import { inWords, type TMessageKey } from "@/lib/i18n/translator";

type Props = {
  id: string;
  legend: TMessageKey;
  hint?: TMessageKey;
  options: TOption[];
  values: TFormValues;
  errors: Record<string, TFieldError>;
  locale: string;
};

/**
 * The contributions a requester promises, one fieldset a row, with the box for promising none.
 * "Add another contribution" and "Remove" are submit buttons: the server saves what was typed and
 * shows the page again with the rows changed, so they work without JavaScript.
 */
export function ContributionRows({ id, legend, hint, options, values, errors, locale }: Props) {
  const t = useT();
  const rows = rowsToShow(values);
  const error = (position: number, part: Parameters<typeof contributionFieldId>[1]) => inWords(t, errors[contributionFieldId(position, part)]);
  const kinds = options.map((option) => ({ value: option.value, label: t(option.label) }));
  return (
    <fieldset className="field fieldset-group contributions" id={id} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{t(legend)}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {t(hint)}
        </p>
      ) : null}
      {rows.map((row, index) => {
        const position = index + 1;
        const rowLegend = t("field-contribution-legend", position);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place, which is what the server numbers them by
          <fieldset className="contribution-row" key={index}>
            <legend className="contribution-row__legend">{rowLegend}</legend>
            <SelectField
              id={contributionFieldId(position, "kind")}
              name={CONTRIBUTION_FIELDS.kind}
              label={t("field-contribution-kind")}
              error={error(position, "kind")}
              options={kinds}
              placeholder={t("field-select-placeholder")}
              defaultValue={row.kind}
            />
            <TextareaField
              id={contributionFieldId(position, "description")}
              name={CONTRIBUTION_FIELDS.description}
              label={t("field-contribution-description")}
              error={error(position, "description")}
              short
              rows={2}
              dir="auto"
              defaultValue={row.description}
            />
            <TextField
              id={contributionFieldId(position, "link")}
              name={CONTRIBUTION_FIELDS.link}
              label={t("field-contribution-link")}
              hint={t("field-contribution-link-hint")}
              error={error(position, "link")}
              inputMode="url"
              dir="ltr"
              spellCheck={false}
              defaultValue={row.link}
            />
            <DateField
              id={contributionFieldId(position, "expectedBy")}
              name={CONTRIBUTION_FIELDS.expectedBy}
              label={t("field-contribution-by")}
              hint={t("field-contribution-by-hint")}
              error={error(position, "expectedBy")}
              defaultValue={row.expectedBy}
              parts={dateParts(t, locale)}
            />
            {rows.length > 1 ? (
              <button className="button" type="submit" name="intent" value={`remove-contribution-${position}`} formNoValidate>
                {t("contribution-remove")}
                <span className="visually-hidden"> {rowLegend}</span>
              </button>
            ) : null}
          </fieldset>
        );
      })}
      {rows.length < MAX_CONTRIBUTIONS ? (
        <button className="button" type="submit" name="intent" value="add-contribution" formNoValidate>
          {t("contribution-add")}
        </button>
      ) : null}
      <CheckboxField
        id="noContributions"
        label={t("field-no-contributions")}
        hint={t("field-no-contributions-hint")}
        error={inWords(t, errors.noContributions)}
        defaultChecked={[values.noContributions].flat().some((value) => value === "yes")}
      />
    </fieldset>
  );
}
