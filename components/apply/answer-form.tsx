"use client";

import Link from "next/link";

import { ErrorSummary } from "@/components/ui/error-summary";
import { TextareaField } from "@/components/ui/fields";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import type { TSectionId } from "@/lib/domain/request/sections";
import { SECTION_TITLE } from "@/lib/i18n/labels";

type Props = {
  action: TFormAction;
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
  const { t, state, formAction, pending, error, message, text } = useActionForm(action);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary fieldErrors={state.fieldErrors} message={message} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      {reopened.length > 0 ? (
        <div className={error("reopened") ? "field field--error" : "field"} id="reopened" tabIndex={-1}>
          <p>{t("request-reopened")}</p>
          {error("reopened") ? <p className="field__error">{error("reopened")}</p> : null}
          <ul>
            {reopened.map((section) => {
              const sectionError = error(`reopened-${section}`);
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
                      {sectionError}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <TextareaField {...text("answer")} label={t("request-answer-label")} rows={6} dir="auto" />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("request-answer-send")}
      </button>
    </form>
  );
}
