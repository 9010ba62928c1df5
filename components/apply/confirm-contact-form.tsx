"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

type Props = { action: TFormAction; token: string };

/** The button that confirms a contact address, carrying the link's token. */
export function ConfirmContactForm({ action, token }: Props) {
  const { t, formAction, pending, message } = useActionForm(action);
  return (
    <form action={formAction}>
      <ErrorSummary message={message} />
      <input type="hidden" name="token" value={token} />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("contact-confirm-submit")}
      </button>
    </form>
  );
}
