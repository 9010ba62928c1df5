"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/ui/error-summary";
import { useT } from "@/components/ui/i18n-provider";
import { IDLE, type TActionState } from "@/lib/form-state";

type Props = { action: (state: TActionState, data: FormData) => Promise<TActionState>; token: string };

/** The button that confirms a contact address, carrying the link's token. */
export function ConfirmContactForm({ action, token }: Props) {
  const t = useT();
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <ErrorSummary message={state.message ? t(state.message.key, ...(state.message.params ?? [])) : undefined} />
      <input type="hidden" name="token" value={token} />
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("contact-confirm-submit")}
      </button>
    </form>
  );
}
