"use client";

import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

type Props = { action: TFormAction; emailId: string; emailLabel: string };

/** "Send again" for one failed email; a refusal is shown beside the button. */
export function ResendEmailForm({ action, emailId, emailLabel }: Props) {
  const { t, state, formAction, pending, message } = useActionForm(action);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="emailId" value={emailId} />
      <button className="button" type="submit" disabled={pending}>
        {t("admin-emails-resend")}
        <span className="visually-hidden"> {emailLabel}</span>
      </button>
      <span role="status" className={state.status === "error" ? "field__error" : "hint"}>
        {message ?? ""}
      </span>
    </form>
  );
}
