"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { CheckboxField, ChoicesField, TextField } from "@/components/ui/fields";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks";

import { ShownOnceSecret } from "./shown-once-secret";
import { WEBHOOK_TYPE_HINT } from "./webhook-labels";

/** An endpoint as it is saved; none for a new one. */
type TSaved = { id: string; url: string; description: string; eventTypes: string[]; allowPlainHttp: boolean; enabled: boolean; version: number };

type Props = { action: TFormAction; saved?: TSaved };

/**
 * Adding an endpoint, or changing one (with its on/off switch, checked against the version the
 * admin saw). A new endpoint's secret is shown once, in the answer. Works without JavaScript.
 */
export function WebhookEndpointForm({ action, saved }: Props) {
  const { t, state, formAction, pending, message, text, list, value, error } = useActionForm(action);
  const ticked = (name: string, fallback: boolean) => (state.values ? value(name) === "yes" : fallback);
  return (
    <>
      {state.status === "success" && state.shownOnce ? <ShownOnceSecret secret={state.shownOnce.value} href={state.shownOnce.href} /> : null}
      {state.status === "success" && !state.shownOnce && state.message ? (
        <p className="notice notice--success" role="status">
          {message}
        </p>
      ) : null}
      <form action={formAction} noValidate>
        <ErrorSummary fieldErrors={state.fieldErrors} message={state.status === "error" ? message : undefined} />
        {saved ? (
          <>
            <input type="hidden" name="endpointId" value={saved.id} />
            <input type="hidden" name="version" value={saved.version} />
          </>
        ) : null}
        <TextField
          {...text("url", saved?.url)}
          label={t("admin-webhooks-url")}
          hint={t("admin-webhooks-url-hint")}
          type="url"
          dir="ltr"
          spellCheck={false}
          autoComplete="off"
        />
        <TextField {...text("description", saved?.description)} label={t("admin-webhooks-description")} hint={t("admin-webhooks-description-hint")} />
        <ChoicesField
          id="eventTypes"
          multiple
          legend={t("admin-webhooks-event-types")}
          hint={t("admin-webhooks-event-types-hint")}
          error={error("eventTypes")}
          selected={list("eventTypes", saved?.eventTypes ?? [])}
          options={WEBHOOK_EVENT_TYPES.map((type) => ({ value: type, label: <code translate="no">{type}</code>, hint: t(WEBHOOK_TYPE_HINT[type]) }))}
        />
        <CheckboxField
          id="allowPlainHttp"
          label={t("admin-webhooks-allow-plain-http")}
          hint={t("admin-webhooks-allow-plain-http-hint")}
          defaultChecked={ticked("allowPlainHttp", saved?.allowPlainHttp ?? false)}
        />
        {saved ? (
          <CheckboxField
            id="enabled"
            label={t("admin-webhooks-enabled")}
            hint={t("admin-webhooks-enabled-hint")}
            defaultChecked={ticked("enabled", saved.enabled)}
          />
        ) : null}
        <button className="button button--primary" type="submit" disabled={pending}>
          {t(saved ? "admin-webhooks-save" : "admin-webhooks-add")}
        </button>
      </form>
    </>
  );
}
