"use client";

import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import { ROLES, type TRole } from "@/lib/domain/roles";
import { ROLE_LABEL } from "@/lib/i18n/labels";

type Props = { action: TFormAction; userId: string; role: TRole; personLabel: string; disabled: boolean };

/** One person's role, changed in place in the list; the outcome is announced beside the button. */
export function RoleForm({ action, userId, role, personLabel, disabled }: Props) {
  const { t, state, formAction, pending, error, message } = useActionForm(action);
  const selectId = `role-${userId}`;
  const fieldError = error("role");
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="expectedRole" value={role} />
      <label className="visually-hidden" htmlFor={selectId}>
        {t("admin-users-role-for", personLabel)}
      </label>
      <select className="select" id={selectId} name="role" defaultValue={role} key={role} disabled={disabled} aria-invalid={fieldError ? true : undefined}>
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {t(ROLE_LABEL[option])}
          </option>
        ))}
      </select>
      <button className="button" type="submit" disabled={disabled || pending}>
        {t("admin-users-save")}
        <span className="visually-hidden"> {personLabel}</span>
      </button>
      <span role="status" className={state.status === "error" ? "field__error" : "hint"}>
        {fieldError ?? message ?? ""}
      </span>
    </form>
  );
}
