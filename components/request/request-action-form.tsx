"use client";

import { DocumentTitle } from "@/components/ui/document-title";
import { ErrorSummary } from "@/components/ui/error-summary";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

type Props = {
  action: TFormAction;
  /** The request acted on and the version the person saw; none for creating a request. */
  request?: { id: string; version: number };
  /** The button, in words. */
  label: string;
  /** How much the button stands out: the page's main action, a destructive one, or an ordinary one. */
  tone?: "primary" | "destructive" | "normal";
  /** Given, the form renders the page title, marked on error (see DocumentTitle). */
  pageTitle?: string;
};

/** A one-button form acting on a whole request (start, submit, cancel, delete), with its errors above it. */
export function RequestActionForm({ action, request, label, tone = "primary", pageTitle }: Props) {
  const { state, formAction, pending, message } = useActionForm(action);
  return (
    <form action={formAction}>
      {pageTitle ? <DocumentTitle title={pageTitle} error={state.status === "error"} /> : null}
      <ErrorSummary fieldErrors={state.fieldErrors} message={message} retitle={!pageTitle} />
      {request ? (
        <>
          <input type="hidden" name="requestId" value={request.id} />
          <input type="hidden" name="version" value={request.version} />
        </>
      ) : null}
      <button className={tone === "normal" ? "button" : `button button--${tone}`} type="submit" disabled={pending}>
        {label}
      </button>
    </form>
  );
}
