"use client";

import type { ReactNode } from "react";

import { ErrorSummary } from "@/components/ui/error-summary";
import { useDateParts } from "@/components/ui/i18n-provider";
import { ChoicesField, DateField, TextareaField } from "@/components/ui/fields";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import { ASSESSMENT_RATINGS } from "@/lib/domain/review/actions";
import type { TFieldError } from "@/lib/form-state";
import type { TMessageKey } from "@/lib/i18n/translator";

export type TAction = TFormAction;

/**
 * A reviewer's form: its errors summarised on top (linked to the fields), its outcome announced
 * below, and what was typed shown again after an error. Several share one page, so each field's
 * id is the form's id and the field's name: `text(name, saved)` and `choice(name, saved)` give a
 * field its id, name, error and value (what was sent after an error, else what is saved).
 */
export function useReviewForm(action: TAction, id: string) {
  const form = useActionForm(action);
  const { t, state, formAction, pending } = form;
  const field = (name: string) => ({ id: `${id}-${name}`, name, error: form.error(name) });
  const text = (name: string, saved?: string) => ({ ...field(name), defaultValue: form.value(name, saved) });
  const choice = (name: string, saved: readonly string[] = []) => ({ ...field(name), selected: form.list(name, saved) });
  const parts = useDateParts();
  /** A date's boxes: what was typed after an error, else the saved day. */
  const date = (name: string, saved?: string) => ({ ...text(name, saved), parts });
  /**
   * The form around its fields; `title` is its heading, or null when a field's legend carries the
   * `${id}-title`. With `disclosure`, the form sits closed under that line until opened (a
   * `<details>`, so without JavaScript too), and opens by itself to show an error.
   */
  const shell = (
    title: { text: string; level: 2 | 3; hidden?: boolean } | null,
    children: ReactNode,
    submit: TMessageKey,
    hidden: Record<string, string | number>,
    disclosure?: string,
  ) => {
    const Heading = title?.level === 2 ? "h2" : "h3";
    const body = (
      <form action={formAction} aria-labelledby={`${id}-title`}>
        <ErrorSummary fieldErrors={prefixed(state.fieldErrors, id)} message={state.status === "error" ? form.message : undefined} />
        {Object.entries(hidden).map(([name, hiddenValue]) => (
          <input key={name} type="hidden" name={name} value={hiddenValue} />
        ))}
        {title ? (
          <Heading id={`${id}-title`} className={title.hidden ? "visually-hidden" : undefined}>
            {title.text}
          </Heading>
        ) : null}
        {children}
        <div className="button-group">
          <button className="button button--primary" type="submit" disabled={pending}>
            {t(submit)}
          </button>
          <span role="status" className="hint">
            {state.status === "success" && form.message ? form.message : ""}
          </span>
        </div>
      </form>
    );
    if (!disclosure) return body;
    return (
      <details className="disclosure disclosure--form" open={state.status === "error" || undefined}>
        <summary>{disclosure}</summary>
        {body}
      </details>
    );
  };
  return { t, state, formAction, pending, field, text, choice, date, shell };
}

/** Field ids are prefixed per form, as several forms share one page. */
function prefixed(errors: Record<string, TFieldError> | undefined, id: string) {
  return errors ? Object.fromEntries(Object.entries(errors).map(([name, error]) => [`${id}-${name}`, error])) : undefined;
}

const RATING_LABEL: Record<(typeof ASSESSMENT_RATINGS)[number], TMessageKey> = {
  MET: "rating-met",
  PARTLY_MET: "rating-partly-met",
  NOT_MET: "rating-not-met",
  CANT_TELL: "rating-cant-tell",
};

export function AssessmentForm(props: {
  action: TAction;
  requestId: string;
  criterion: string;
  criterionLabel: string;
  /** The line that opens the form: to assess the criterion, or to change one's assessment. */
  disclosure: string;
  rating?: string;
  note?: string;
}) {
  const id = `assess-${props.criterion}`;
  const { t, text, choice, shell } = useReviewForm(props.action, id);
  return shell(
    null,
    <>
      <ChoicesField
        {...choice("rating", props.rating ? [props.rating] : [])}
        legend={<span id={`${id}-title`}>{t("review-assess-legend", props.criterionLabel)}</span>}
        options={ASSESSMENT_RATINGS.map((rating) => ({ value: rating, label: t(RATING_LABEL[rating]) }))}
        inline
      />
      <TextareaField {...text("note", props.note)} label={t("review-assess-note")} rows={2} short />
    </>,
    "review-assess-save",
    { requestId: props.requestId, criterion: props.criterion },
    props.disclosure,
  );
}

export function CommentForm(props: { action: TAction; requestId: string; disclosure?: string }) {
  const { t, text, choice, shell } = useReviewForm(props.action, "comment");
  return shell(
    { text: t("review-comments-title"), level: 3, hidden: true },
    <>
      <ChoicesField
        {...choice("kind", ["INTERNAL"])}
        legend={t("review-comment-kind")}
        options={[
          { value: "INTERNAL", label: t("review-comment-internal") },
          { value: "MESSAGE", label: t("review-comment-message") },
        ]}
      />
      <TextareaField {...text("body")} label={t("review-comment-body")} />
    </>,
    "review-comment-send",
    { requestId: props.requestId },
    props.disclosure,
  );
}

export function InformationForm(props: {
  action: TAction;
  requestId: string;
  version: number;
  sections: { id: string; label: string }[];
  defaultReplyBy: string;
  disclosure?: string;
}) {
  const { t, text, choice, date, shell } = useReviewForm(props.action, "info");
  return shell(
    { text: t("review-info-title"), level: 3 },
    <>
      <TextareaField {...text("question")} label={t("review-info-question")} />
      <DateField {...date("replyBy", props.defaultReplyBy)} label={t("review-info-reply-by")} />
      <ChoicesField
        {...choice("sections")}
        legend={t("review-info-sections")}
        hint={t("review-info-sections-hint")}
        options={props.sections.map((section) => ({ value: section.id, label: section.label }))}
        multiple
      />
    </>,
    "review-info-send",
    { requestId: props.requestId, version: props.version },
    props.disclosure,
  );
}

export function JointMoveForm(props: { action: TAction; requestId: string; version: number; joint: boolean; disclosure?: string }) {
  const { t, text, shell } = useReviewForm(props.action, "joint");
  const label: TMessageKey = props.joint ? "review-routing-move-out" : "review-routing-move-in";
  return shell(
    { text: t(label), level: 3 },
    <TextareaField {...text("reason")} label={t("review-routing-reason")} rows={2} short />,
    label,
    {
      requestId: props.requestId,
      version: props.version,
      joint: props.joint ? "out" : "in",
    },
    props.disclosure,
  );
}
