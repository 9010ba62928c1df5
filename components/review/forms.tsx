"use client";

import { useActionState, type ReactNode } from "react";

import { ErrorSummary } from "@/components/ui/error-summary";
import { useT } from "@/components/ui/i18n-provider";
import { ASSESSMENT_RATINGS } from "@/lib/domain/review/actions";
import { IDLE, type TActionState, type TFieldError } from "@/lib/form-state";
import type { TMessageKey } from "@/lib/i18n/translator";

export type TAction = (state: TActionState, data: FormData) => Promise<TActionState>;

/**
 * A reviewer's form: its errors summarised on top (linked to the fields), its outcome announced
 * below, and what was typed shown again after an error.
 */
export function useReviewForm(action: TAction) {
  const t = useT();
  const [state, formAction, pending] = useActionState(action, IDLE);
  const value = (name: string, fallback = "") => {
    const sent = state.status === "error" ? state.values?.[name] : undefined;
    return typeof sent === "string" ? sent : fallback;
  };
  const list = (name: string, fallback: string[] = []) => {
    if (state.status !== "error") return fallback;
    const sent = state.values?.[name];
    return sent === undefined ? [] : Array.isArray(sent) ? sent : [sent];
  };
  const error = (name: string) => {
    const found: TFieldError | undefined = state.fieldErrors?.[name];
    return found ? t(found.key, ...(found.params ?? [])) : undefined;
  };
  const shell = (id: string, children: ReactNode, submit: TMessageKey, hidden: Record<string, string | number>) => (
    <form action={formAction} aria-labelledby={`${id}-title`}>
      <ErrorSummary
        fieldErrors={prefixed(state.fieldErrors, id)}
        message={state.status === "error" && state.message ? t(state.message.key, ...(state.message.params ?? [])) : undefined}
      />
      {Object.entries(hidden).map(([name, hiddenValue]) => (
        <input key={name} type="hidden" name={name} value={hiddenValue} />
      ))}
      {children}
      <div className="button-group">
        <button className="button button--primary" type="submit" disabled={pending}>
          {t(submit)}
        </button>
        <span role="status" className="hint">
          {state.status === "success" && state.message ? t(state.message.key) : ""}
        </span>
      </div>
    </form>
  );
  return { t, value, list, error, shell };
}

/** Field ids are prefixed per form, as several forms share one page. */
function prefixed(errors: Record<string, TFieldError> | undefined, id: string) {
  return errors ? Object.fromEntries(Object.entries(errors).map(([name, error]) => [`${id}-${name}`, error])) : undefined;
}

export function FieldError({ text, id }: { text?: string; id: string }) {
  return text ? (
    <p className="field__error" id={id}>
      {text}
    </p>
  ) : null;
}

const RATING_LABEL: Record<(typeof ASSESSMENT_RATINGS)[number], TMessageKey> = {
  MET: "rating-met",
  PARTLY_MET: "rating-partly-met",
  NOT_MET: "rating-not-met",
  CANT_TELL: "rating-cant-tell",
};

export function AssessmentForm(props: { action: TAction; requestId: string; criterion: string; criterionLabel: string; rating?: string; note?: string }) {
  const { t, value, error, shell } = useReviewForm(props.action);
  const id = `assess-${props.criterion}`;
  const rating = value("rating", props.rating ?? "");
  return shell(
    id,
    <>
      <fieldset className={error("rating") ? "field field--error" : "field"} aria-describedby={error("rating") ? `${id}-rating-error` : undefined}>
        <legend id={`${id}-title`}>{t("review-assess-legend", props.criterionLabel)}</legend>
        <FieldError text={error("rating")} id={`${id}-rating-error`} />
        <div className="choices-inline">
          {ASSESSMENT_RATINGS.map((option, index) => (
            <div className="choice" key={option}>
              <input
                type="radio"
                id={index === 0 ? `${id}-rating` : `${id}-rating-${option}`}
                name="rating"
                value={option}
                defaultChecked={rating === option}
              />
              <label htmlFor={index === 0 ? `${id}-rating` : `${id}-rating-${option}`}>{t(RATING_LABEL[option])}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label className="label" htmlFor={`${id}-note`}>
          {t("review-assess-note")}
        </label>
        <FieldError text={error("note")} id={`${id}-note-error`} />
        <textarea className="textarea textarea--short" id={`${id}-note`} name="note" defaultValue={value("note", props.note ?? "")} rows={2} />
      </div>
    </>,
    "review-assess-save",
    { requestId: props.requestId, criterion: props.criterion },
  );
}

export function CommentForm(props: { action: TAction; requestId: string }) {
  const { t, value, error, shell } = useReviewForm(props.action);
  const id = "comment";
  const kind = value("kind", "INTERNAL");
  return shell(
    id,
    <>
      <h3 id={`${id}-title`} className="visually-hidden">
        {t("review-comments-title")}
      </h3>
      <fieldset className="field">
        <legend>{t("review-comment-kind")}</legend>
        <div className="choice">
          <input type="radio" id={`${id}-kind`} name="kind" value="INTERNAL" defaultChecked={kind === "INTERNAL"} />
          <label htmlFor={`${id}-kind`}>{t("review-comment-internal")}</label>
        </div>
        <div className="choice">
          <input type="radio" id={`${id}-kind-MESSAGE`} name="kind" value="MESSAGE" defaultChecked={kind === "MESSAGE"} />
          <label htmlFor={`${id}-kind-MESSAGE`}>{t("review-comment-message")}</label>
        </div>
      </fieldset>
      <div className={error("body") ? "field field--error" : "field"}>
        <label className="label" htmlFor={`${id}-body`}>
          {t("review-comment-body")}
        </label>
        <FieldError text={error("body")} id={`${id}-body-error`} />
        <textarea
          className="textarea"
          id={`${id}-body`}
          name="body"
          defaultValue={value("body")}
          rows={4}
          aria-describedby={error("body") ? `${id}-body-error` : undefined}
        />
      </div>
    </>,
    "review-comment-send",
    { requestId: props.requestId },
  );
}

export function InformationForm(props: {
  action: TAction;
  requestId: string;
  version: number;
  sections: { id: string; label: string }[];
  defaultReplyBy: string;
}) {
  const { t, value, error, shell } = useReviewForm(props.action);
  const id = "info";
  return shell(
    id,
    <>
      <h3 id={`${id}-title`}>{t("review-info-title")}</h3>
      <div className={error("question") ? "field field--error" : "field"}>
        <label className="label" htmlFor={`${id}-question`}>
          {t("review-info-question")}
        </label>
        <FieldError text={error("question")} id={`${id}-question-error`} />
        <textarea
          className="textarea"
          id={`${id}-question`}
          name="question"
          defaultValue={value("question")}
          rows={4}
          aria-describedby={error("question") ? `${id}-question-error` : undefined}
        />
      </div>
      <div className={error("replyBy") ? "field field--error" : "field"}>
        <label className="label" htmlFor={`${id}-replyBy`}>
          {t("review-info-reply-by")}
        </label>
        <FieldError text={error("replyBy")} id={`${id}-replyBy-error`} />
        <input className="input input--medium" type="date" id={`${id}-replyBy`} name="replyBy" defaultValue={value("replyBy", props.defaultReplyBy)} />
      </div>
      <fieldset className="field" aria-describedby={`${id}-sections-hint`}>
        <legend>{t("review-info-sections")}</legend>
        <p className="hint" id={`${id}-sections-hint`}>
          {t("review-info-sections-hint")}
        </p>
        {props.sections.map((section, index) => (
          <div className="choice" key={section.id}>
            <input type="checkbox" id={index === 0 ? `${id}-sections` : `${id}-sections-${section.id}`} name="sections" value={section.id} />
            <label htmlFor={index === 0 ? `${id}-sections` : `${id}-sections-${section.id}`}>{section.label}</label>
          </div>
        ))}
      </fieldset>
    </>,
    "review-info-send",
    { requestId: props.requestId, version: props.version },
  );
}

export function JointMoveForm(props: { action: TAction; requestId: string; version: number; joint: boolean }) {
  const { t, value, error, shell } = useReviewForm(props.action);
  const id = "joint";
  const label: TMessageKey = props.joint ? "review-routing-move-out" : "review-routing-move-in";
  return shell(
    id,
    <>
      <h3 id={`${id}-title`}>{t(label)}</h3>
      <div className={error("reason") ? "field field--error" : "field"}>
        <label className="label" htmlFor={`${id}-reason`}>
          {t("review-routing-reason")}
        </label>
        <FieldError text={error("reason")} id={`${id}-reason-error`} />
        <textarea
          className="textarea textarea--short"
          id={`${id}-reason`}
          name="reason"
          defaultValue={value("reason")}
          rows={2}
          aria-describedby={error("reason") ? `${id}-reason-error` : undefined}
        />
      </div>
    </>,
    label,
    { requestId: props.requestId, version: props.version, joint: props.joint ? "out" : "in" },
  );
}
