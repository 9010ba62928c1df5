"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/ui/error-summary";
import { useT } from "@/components/ui/i18n-provider";
import { IDLE, type TActionState } from "@/lib/form-state";

type Props = { action: (state: TActionState, data: FormData) => Promise<TActionState>; requestId: string; version: number };

/** The requester's answer to a reviewer's question. */
export function AnswerForm({ action, requestId, version }: Props) {
  const t = useT();
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = state.fieldErrors?.answer;
  const sent = state.values?.answer;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        message={state.message ? t(state.message.key, ...(state.message.params ?? [])) : undefined}
      />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <div className={error ? "field field--error" : "field"}>
        <label className="label" htmlFor="answer">
          {t("request-answer-label")}
        </label>
        {error ? (
          <p className="field__error" id="answer-error">
            {t(error.key, ...(error.params ?? []))}
          </p>
        ) : null}
        <textarea
          className="textarea"
          id="answer"
          name="answer"
          rows={6}
          dir="auto"
          defaultValue={typeof sent === "string" ? sent : ""}
          aria-describedby={error ? "answer-error" : undefined}
        />
      </div>
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("request-answer-send")}
      </button>
    </form>
  );
}
