"use client";

import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

import { ShownOnceSecret } from "./shown-once-secret";

type Props = {
  action: TFormAction;
  /** The hidden fields that name what the button acts on. */
  fields: Record<string, string | number>;
  label: string;
  /** Said to screen readers after the label, when several such buttons share a page. */
  target?: string;
  quiet?: boolean;
};

/**
 * One button that acts on an endpoint or a delivery (send a test, send again, a new secret); the
 * outcome is announced beside it, and a new secret shown once.
 */
export function WebhookButtonForm({ action, fields, label, target, quiet }: Props) {
  const { state, formAction, pending, message } = useActionForm(action);
  return (
    <>
      <form action={formAction} className="inline-form">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button className={quiet ? "button" : "button button--primary"} type="submit" disabled={pending}>
          {label}
          {target ? <span className="visually-hidden"> {target}</span> : null}
        </button>
        <span role="status" className={state.status === "error" ? "field__error" : "hint"}>
          {message ?? ""}
        </span>
      </form>
      {state.status === "success" && state.shownOnce ? <ShownOnceSecret secret={state.shownOnce.value} /> : null}
    </>
  );
}
