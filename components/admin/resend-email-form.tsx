"use client";

import { useActionState } from "react";

import { resendEmailAction } from "@/app/(admin)/admin/emails/actions";
import { useT } from "@/components/ui/i18n-provider";
import { IDLE } from "@/lib/form-state";

type Props = { emailId: string; emailLabel: string };

/** "Send again" for one failed email; a refusal is shown beside the button. */
export function ResendEmailForm({ emailId, emailLabel }: Props) {
  const t = useT();
  const [state, formAction, pending] = useActionState(resendEmailAction, IDLE);
  const message = state.message ? t(state.message.key, ...(state.message.params ?? [])) : undefined;
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
