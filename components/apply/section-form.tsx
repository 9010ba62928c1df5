"use client";

import { useActionState, useRef, useState, startTransition, type FormEvent } from "react";

import { DocumentTitle } from "@/components/ui/document-title";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useT } from "@/components/ui/i18n-provider";
import type { TFormAction } from "@/components/ui/use-action-form";
import type { TSectionContext, TSectionId } from "@/lib/domain/request/sections";
import { IDLE, type TFieldError, type TFormValues } from "@/lib/form-state";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import { inWords } from "@/lib/i18n/translator";

import { QuestionField } from "./question-field";
import { inFormOrder, type TFieldSpec } from "@/components/request/field-spec";

type Props = {
  action: TFormAction;
  requestId: string;
  section: TSectionId;
  /** This page's questions, chosen on the server (components/request/section-spec.ts). */
  fields: TFieldSpec[];
  version: number;
  saved: TFormValues;
  context: TSectionContext;
  returnTo?: "check";
  locale: string;
};

type TChecks = typeof import("./section-checks");

/**
 * A question page's form. With JavaScript, the answers are checked against the same schema as the
 * server's before they are sent; without it, the server action does all the work. Either way
 * errors come back as a summary and beside each field, with what the person typed kept.
 */
export function SectionForm({ action, requestId, section, fields, version, saved, context, returnTo, locale }: Props) {
  const t = useT();
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [clientErrors, setClientErrors] = useState<Record<string, TFieldError> | null>(null);
  const checks = useRef<Promise<TChecks | null> | null>(null);
  // The checks (zod and react-hook-form) load when the person first turns to the form, not with the page.
  const loadChecks = () => {
    checks.current ??= import("./section-checks").catch(() => null);
    return checks.current;
  };

  const values = state.values ?? saved;
  const errors = inFormOrder(clientErrors ?? state.fieldErrors ?? {}, fields);
  const message = clientErrors ? undefined : inWords(t, state.message);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // "Save and come back later", and buttons that change the page's rows, keep answers as they are, checked or not.
    if (submitter && submitter.value !== "continue") return;
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form, submitter);
    void loadChecks().then(async (loaded) => {
      // Should the checks fail to load (the connection dropped), the form is sent and the server checks it.
      const found = loaded ? await loaded.checkSection(section, context, form) : {};
      if (Object.keys(found).length > 0) {
        setClientErrors(found);
        return;
      }
      setClientErrors(null);
      startTransition(() => formAction(data));
    });
  }

  return (
    <form action={formAction} onSubmit={onSubmit} onFocus={loadChecks} onPointerDown={loadChecks} noValidate>
      <DocumentTitle title={t(SECTION_TITLE[section])} error={Object.keys(errors).length > 0 || Boolean(message)} />
      <ErrorSummary fieldErrors={errors} message={message} retitle={false} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="section" value={section} />
      <input type="hidden" name="version" value={state.version ?? version} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      {/* Enter in a field submits with the form's first button: this one, not a row's "Remove". */}
      <button type="submit" name="intent" value="continue" hidden />
      {fields.map((spec) => (
        <QuestionField key={spec.name} spec={spec} values={values} errors={errors} locale={locale} />
      ))}
      <div className="button-group">
        <button className="button button--primary" type="submit" name="intent" value="continue" disabled={pending}>
          {t("apply-continue")}
        </button>
        <button className="button" type="submit" name="intent" value="save" disabled={pending}>
          {t("apply-save-later")}
        </button>
      </div>
    </form>
  );
}
