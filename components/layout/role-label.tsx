import type { TRole } from "@/lib/domain/roles";
import { ROLE_LABEL } from "@/lib/i18n/labels";
import { getI18n } from "@/lib/i18n/server";

export async function RoleLabel({ role }: { role: TRole }) {
  const { t } = await getI18n();
  return <>{t(ROLE_LABEL[role])}</>;
}
