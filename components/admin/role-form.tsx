"use client";

import { useActionState } from "react";

import { changeRoleAction } from "@/app/(admin)/admin/users/actions";
import { useT } from "@/components/ui/i18n-provider";
import { ROLES, type TRole } from "@/lib/domain/roles";
import { IDLE } from "@/lib/form-state";
import { ROLE_LABEL } from "@/lib/i18n/labels";

type Props = { userId: string; role: TRole; personLabel: string; disabled: boolean };

export function RoleForm({ userId, role, personLabel, disabled }: Props) {
  const t = useT();
  const [state, formAction, pending] = useActionState(changeRoleAction, IDLE);
  const selectId = `role-${userId}`;
  const message = state.message ? t(state.message.key, ...(state.message.params ?? [])) : undefined;
  const roleError = state.fieldErrors?.role;
  const fieldError = roleError ? t(roleError.key, ...(roleError.params ?? [])) : undefined;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="expectedRole" value={role} />
      <label className="visually-hidden" htmlFor={selectId}>
        {t("admin-users-role-for", personLabel)}
      </label>
      <select className="select" id={selectId} name="role" defaultValue={role} key={role} disabled={disabled}>
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
