"use client";

import Link from "next/link";
import { useActionState } from "react";

import { ErrorSummary } from "@/components/ui/error-summary";
import { useT } from "@/components/ui/i18n-provider";
import type { TSectionId } from "@/lib/domain/request/sections";
import { IDLE, type TActionState } from "@/lib/form-state";
import { SECTION_TITLE } from "@/lib/i18n/labels";

type Props = {
  action: (state: TActionState, data: FormData) => Promise<TActionState>;
  requestId: string;
  version: number;
  /** The sections the question reopened, which the requester may change until they answer. */
  reopened: TSectionId[];
};

/**
 * The requester's answer to a reviewer's question, under the sections it reopened. Sending it
 * makes those answers final again, so a section that breaks the rules is named beside its link.
 */
export function AnswerForm({ action, requestId, version, reopened }: Props) {
  const t = useT();
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = state.fieldErrors?.answer;
  const closedError = state.fieldErrors?.reopened;
  const sent = state.values?.answer;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary fieldErrors={state.fieldErrors} message={state.message ? t(state.message.key, ...(state.message.params ?? [])) : undefined} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      {reopened.length > 0 ? (
        <div className={closedError ? "field field--error" : "field"} id="reopened" tabIndex={-1}>
          <p>{t("request-reopened")}</p>
          {closedError ? <p className="field__error">{t(closedError.key, ...(closedError.params ?? []))}</p> : null}
          <ul>
            {reopened.map((section) => {
              const sectionError = state.fieldErrors?.[`reopened-${section}`];
              return (
                <li key={section}>
                  <Link
                    id={`reopened-${section}`}
                    href={`/requests/${requestId}/${section}`}
                    aria-describedby={sectionError ? `reopened-${section}-error` : undefined}
                  >
                    {t(SECTION_TITLE[section])}
                  </Link>
                  {sectionError ? (
                    <p className="field__error" id={`reopened-${section}-error`}>
                      {t(sectionError.key, ...(sectionError.params ?? []))}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
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
