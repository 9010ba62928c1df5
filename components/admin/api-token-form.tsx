"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/fields";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import { API_TOKEN_NAME_MAX } from "@/lib/domain/api-tokens";

/**
 * Creates an API token. The new token is shown here, in the action's answer, once: it is in no
 * URL and on no later page, and a reload loses it.
 */
export function ApiTokenForm({ action }: { action: TFormAction }) {
  const { t, state, formAction, pending, message, text } = useActionForm(action);
  const created = state.status === "success" ? state.shownOnce?.value : undefined;
  return (
    <>
      {created ? (
        <div className="notice notice--success" role="status">
          <p>{message}</p>
          <dl className="secret-once">
            <dt>{t("admin-tokens-secret-label")}</dt>
            <dd>
              <code className="secret" data-testid="new-token">
                {created}
              </code>
            </dd>
          </dl>
        </div>
      ) : null}
      <form action={formAction} noValidate>
        <ErrorSummary fieldErrors={state.fieldErrors} message={state.status === "error" ? message : undefined} />
        <TextField
          {...text("name")}
          label={t("admin-tokens-name-label")}
          hint={t("admin-tokens-name-hint")}
          maxLength={API_TOKEN_NAME_MAX}
          autoComplete="off"
          dir="auto"
          spellCheck={false}
        />
        <button className="button button--primary" type="submit" disabled={pending}>
          {t("admin-tokens-create")}
        </button>
      </form>
    </>
  );
}
