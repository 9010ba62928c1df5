"use client";

import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";

/** The confirmed revocation of one token; a refusal is shown beside the button. */
export function RevokeTokenForm({ action, tokenId }: { action: TFormAction; tokenId: string }) {
  const { t, state, formAction, pending, message } = useActionForm(action);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button className="button button--destructive" type="submit" disabled={pending}>
        {t("admin-tokens-revoke-confirm")}
      </button>
      <span role="status" className={state.status === "error" ? "field__error" : "hint"}>
        {message ?? ""}
      </span>
    </form>
  );
}
