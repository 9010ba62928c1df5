"use client";

import { useActionState, useMemo, useRef, useState, startTransition, type FormEvent } from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";

import { DocumentTitle } from "@/components/ui/document-title";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useT } from "@/components/ui/i18n-provider";
import type { TFormAction } from "@/components/ui/use-action-form";
import { parseMessage } from "@/lib/domain/messages";
import type { TSectionContext, TSectionId } from "@/lib/domain/request/sections";
import { IDLE, type TFieldError, type TFormValues } from "@/lib/form-state";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import { inWords } from "@/lib/i18n/translator";

import { QuestionField } from "./question-field";
import { inFormOrder, sectionFields } from "@/components/request/section-spec";

type Props = {
  action: TFormAction;
  requestId: string;
  section: TSectionId;
  version: number;
  saved: TFormValues;
  context: TSectionContext;
  returnTo?: "check";
  locale: string;
};

/**
 * A question page's form. With JavaScript, react-hook-form checks the answers against the same
 * schema as the server before sending; without it, the server action does all the work. Either
 * way errors come back as a summary and beside each field, with what the person typed kept.
 */
export function SectionForm({ action, requestId, section, version, saved, context, returnTo, locale }: Props) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [clientErrors, setClientErrors] = useState<Record<string, TFieldError> | null>(null);
  const checks = useRef<Promise<TChecks | null> | null>(null);
  // The checks (and zod) load when the person first turns to the form, not with the page.
  const loadChecks = () => {
    checks.current ??= import("./section-checks").catch(() => null);
    return checks.current;
  };
  const fields = useMemo(() => sectionFields(section, context), [section, context]);
  const form = useForm({ resolver: domResolver(formRef, loadChecks, section, context), mode: "onSubmit", shouldFocusError: false });

  const values = state.values ?? saved;
  const errors = inFormOrder(clientErrors ?? state.fieldErrors ?? {}, fields);
  const message = clientErrors ? undefined : inWords(t, state.message);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // "Save and come back later", and buttons that change the page's rows, keep answers as they are, checked or not.
    if (submitter && submitter.value !== "continue") return;
    event.preventDefault();
    void form.handleSubmit(
      () => {
        setClientErrors(null);
        if (!formRef.current) return;
        const data = new FormData(formRef.current, submitter);
        startTransition(() => formAction(data));
      },
      (found: FieldErrors) => setClientErrors(toFieldErrors(found)),
    )(event);
  }

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onFocus={loadChecks} onPointerDown={loadChecks} noValidate>
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

type TChecks = typeof import("./section-checks");

/**
 * Checks what the form would send, exactly as the server will parse it. Should the checks fail to
 * load (the connection dropped), the form is sent as it is and the server checks it.
 */
function domResolver(
  formRef: React.RefObject<HTMLFormElement | null>,
  loadChecks: () => Promise<TChecks | null>,
  section: TSectionId,
  context: TSectionContext,
): Resolver {
  return async () => {
    const checks = await loadChecks();
    const found = checks && formRef.current ? checks.checkSection(section, context, formRef.current) : {};
    const errors: FieldErrors = {};
    for (const [field, error] of Object.entries(found)) {
      errors[field] = { type: "validate", message: [error.key, ...(error.params ?? [])].join("|") };
    }
    return { values: {}, errors };
  };
}

function toFieldErrors(found: FieldErrors): Record<string, TFieldError> {
  const errors: Record<string, TFieldError> = {};
  for (const [field, error] of Object.entries(found)) errors[field] = parseMessage(String(error?.message ?? ""));
  return errors;
}
