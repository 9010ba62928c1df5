import { TargetsForm } from "@/components/admin/targets-form";
import { PageHeading } from "@/components/ui/page-heading";
import { canAdminister } from "@/lib/domain/roles";
import { shortDateTime } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { targetSettings } from "@/lib/server/admin/targets";
import { requireRole } from "@/lib/server/session";

import { updateTargetsAction } from "./actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { ADMIN_MESSAGES } from "@/lib/i18n/client-messages";

export const generateMetadata = titledBy("admin-targets-title");

export default async function AdminTargetsPage() {
  const viewer = await requireRole("/admin/targets", canAdminister);
  const [{ t, formats }, settings] = await Promise.all([getI18n(), targetSettings(viewer)]);
  return (
    <ClientMessages set={ADMIN_MESSAGES.targets}>
      <div className="page">
        <PageHeading title="admin-targets-title" lead="admin-targets-intro" />
        <p data-testid="targets-changed">
          {settings.updatedAt
            ? t("admin-targets-changed", shortDateTime(settings.updatedAt, formats), settings.updatedBy ?? t("admin-costs-removed-person"))
            : t("admin-targets-never-changed")}
        </p>
        <TargetsForm action={updateTargetsAction} saved={settings} />
      </div>
    </ClientMessages>
  );
}
