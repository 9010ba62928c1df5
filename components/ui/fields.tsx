import { Fragment, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

import type { TDatePart, TDateParts } from "@/lib/i18n/format";

import { ErrorPrefix } from "./error-prefix";

// The form fields every form uses: a label (or a legend), an optional hint and error, and the
// control, with the hint and error tied to it for assistive technology and `aria-invalid` set
// while it has an error. Ids follow one scheme: the control is `id`, its hint `id-hint`, its
// error `id-error`; for a group of choices the first input carries `id`, so the error summary's
// link lands on it.

type TFieldText = {
  /** The control's id; also its `name` unless `name` says otherwise. */
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The error, already in words; none when the field is fine. */
  error?: string;
};

function describedBy(id: string, hint: ReactNode, error: string | undefined, extra?: string) {
  return [extra, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <p className="hint" id={`${id}-hint`}>
      {children}
    </p>
  ) : null;
}

/** A field's error message, announced with its "Error:" prefix. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field__error" id={`${id}-error`}>
      <ErrorPrefix />
      {error}
    </p>
  ) : null;
}

function fieldClass(error: string | undefined, extra?: string) {
  return ["field", error ? "field--error" : null, extra].filter(Boolean).join(" ");
}

/** Label, hint and error above a control; what every single-control field shares. */
function Field({ id, label, hint, error, children }: TFieldText & { children: ReactNode }) {
  return (
    <div className={fieldClass(error)}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}

/** The control's own attributes, with what the field sets itself left out. */
type TControl<A> = Omit<A, "id" | "name" | "aria-describedby" | "aria-invalid" | "className" | "width">;

/** What ties a control to its label, hint and error. */
function wiring({ id, name, hint, error }: Omit<TFieldText, "label">) {
  return { id, name: name ?? id, "aria-describedby": describedBy(id, hint, error), "aria-invalid": error ? true : undefined };
}

export type TInputWidth = "short" | "medium";

/** A one-line text input: text, email, search, a date, or a number typed as text (`numeric`). */
export function TextField({
  id,
  name,
  label,
  hint,
  error,
  width,
  ...input
}: TFieldText & TControl<InputHTMLAttributes<HTMLInputElement>> & { width?: TInputWidth }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input className={width ? `input input--${width}` : "input"} {...wiring({ id, name, hint, error })} {...input} />
    </Field>
  );
}

/**
 * A number, typed as text with a numeric keyboard: a number input would swallow what it cannot
 * parse, and the person would never see why their answer was refused.
 */
export function NumberField({ inputMode = "numeric", ...props }: TFieldText & TControl<InputHTMLAttributes<HTMLInputElement>> & { width?: TInputWidth }) {
  return <TextField width="short" {...props} type="text" inputMode={inputMode} />;
}

/** An email address: left to right in any language, and no spelling marks under it. */
export function EmailField(props: TFieldText & TControl<InputHTMLAttributes<HTMLInputElement>>) {
  return <TextField type="email" dir="ltr" spellCheck={false} {...props} />;
}

/** A date value (YYYY-MM-DD, or the parts as typed joined by lib/form-state) split into its boxes. */
function dateBoxes(value: string): Record<TDatePart, string> {
  const [year = "", month = "", day = ""] = value.split("-");
  const plain = (part: string) => (/^\d+$/.test(part) ? String(Number(part)) : part);
  return { year, month: plain(month), day: plain(day) };
}

/**
 * A date typed as day, month and year in three boxes, in the language's order (GOV.UK's date
 * input): no browser date picker, which would follow the browser's language rather than the
 * page's. The boxes are sent as `name-day`, `name-month` and `name-year`; lib/form-state joins
 * them into `name`. The first box carries `id`, so the error summary's link lands on it.
 */
export function DateField({ id, name = id, label, hint, error, defaultValue = "", parts }: TFieldText & { defaultValue?: string; parts: TDateParts }) {
  const boxes = dateBoxes(defaultValue);
  return (
    <div className={fieldClass(error)}>
      <fieldset aria-describedby={describedBy(id, true, error)}>
        <legend>{label}</legend>
        <Hint id={id}>
          {hint}
          {hint ? " " : null}
          {parts.example}
        </Hint>
        <FieldError id={id} error={error} />
        <div className="date-input">
          {parts.order.map((part, index) => {
            const boxId = index === 0 ? id : `${id}-${part}`;
            return (
              <div className="date-input__item" key={part}>
                <label className="date-input__label" htmlFor={boxId}>
                  {parts.labels[part]}
                </label>
                <input
                  className={`input date-input__${part}`}
                  id={boxId}
                  name={`${name}-${part}`}
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  defaultValue={boxes[part]}
                  aria-invalid={error ? true : undefined}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Several lines of text; `short` for a note of a line or two. */
export function TextareaField({
  id,
  name,
  label,
  hint,
  error,
  short,
  rows = 4,
  ...textarea
}: TFieldText & TControl<TextareaHTMLAttributes<HTMLTextAreaElement>> & { short?: boolean }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea className={short ? "textarea textarea--short" : "textarea"} rows={rows} {...wiring({ id, name, hint, error })} {...textarea} />
    </Field>
  );
}

export type TSelectOption = { value: string; label: string };

/** One of a list; `placeholder` is the empty first option ("any", "choose…"). */
export function SelectField({
  id,
  name,
  label,
  hint,
  error,
  options,
  placeholder,
  ...select
}: TFieldText & TControl<SelectHTMLAttributes<HTMLSelectElement>> & { options: readonly TSelectOption[]; placeholder?: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select className="select" {...wiring({ id, name, hint, error })} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export type TChoice = {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Questions shown under the choice, for who picked it. */
  reveals?: ReactNode;
};

/**
 * Radios (one of) or checkboxes (any of) under one legend. `shared` holds questions shown after
 * the choices while any of its `for` values is chosen (one box that several choices ask for);
 * like `reveals`, it is hidden by CSS alone, so it works without JavaScript.
 */
export function ChoicesField({
  id,
  name = id,
  legend,
  hint,
  error,
  multiple,
  inline,
  options,
  selected,
  shared,
}: Omit<TFieldText, "label"> & {
  legend: ReactNode;
  multiple?: boolean;
  inline?: boolean;
  options: readonly TChoice[];
  selected: readonly string[];
  shared?: { for: readonly string[]; content: ReactNode };
}) {
  const list = options.map((option, index) => {
    const inputId = index === 0 ? id : `${id}-${option.value}`;
    return (
      <Fragment key={option.value}>
        <div className="choice">
          <input
            type={multiple ? "checkbox" : "radio"}
            id={inputId}
            name={name}
            value={option.value}
            defaultChecked={selected.includes(option.value)}
            aria-describedby={option.hint ? `${inputId}-hint` : undefined}
            aria-invalid={error ? true : undefined}
            data-reveals-shared={shared?.for.includes(option.value) ? "" : undefined}
          />
          <div>
            <label htmlFor={inputId}>{option.label}</label>
            <Hint id={inputId}>{option.hint}</Hint>
          </div>
        </div>
        {option.reveals ? <div className="conditional">{option.reveals}</div> : null}
      </Fragment>
    );
  });
  return (
    <div className={fieldClass(error)}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend>{legend}</legend>
        <Hint id={id}>{hint}</Hint>
        <FieldError id={id} error={error} />
        {inline ? <div className="choices-inline">{list}</div> : list}
        {shared?.content ? (
          <div className="choices-shared">
            <div className="conditional">{shared.content}</div>
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}

/** One checkbox that says yes to its label (a consent, a filter). */
export function CheckboxField({
  id,
  name,
  label,
  hint,
  error,
  value = "yes",
  ...input
}: TFieldText & TControl<Omit<InputHTMLAttributes<HTMLInputElement>, "type">>) {
  return (
    <div className={fieldClass(error)}>
      <FieldError id={id} error={error} />
      <div className="choice">
        <input type="checkbox" value={value} {...wiring({ id, name, hint, error })} {...input} />
        <div>
          <label htmlFor={id}>{label}</label>
          <Hint id={id}>{hint}</Hint>
        </div>
      </div>
    </div>
  );
}

/** Related fields under one legend (a postal address, the register entry). */
export function FieldGroup({ id, legend, hint, children }: { id: string; legend: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="field fieldset-group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      <Hint id={id}>{hint}</Hint>
      {children}
    </fieldset>
  );
}
