import { UnitCostForm } from "@/components/admin/unit-cost-form";
import { UnitCostHistory } from "@/components/admin/unit-cost-history";
import { PageHeading } from "@/components/ui/page-heading";
import { canAdminister } from "@/lib/domain/roles";
import { dayOf } from "@/lib/domain/time";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { listUnitCosts } from "@/lib/server/admin/unit-costs";
import { now } from "@/lib/server/clock";
import { requireRole } from "@/lib/server/session";

import { addUnitCostAction } from "./actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { ADMIN_MESSAGES } from "@/lib/i18n/client-messages";

export const generateMetadata = titledBy("admin-costs-title");

export default async function AdminCostsPage() {
  const viewer = await requireRole("/admin/costs", canAdminister);
  const [{ t }, prices] = await Promise.all([getI18n(), listUnitCosts(viewer)]);
  return (
    <ClientMessages set={ADMIN_MESSAGES.costs}>
      <div className="page">
        <PageHeading title="admin-costs-title" lead="admin-costs-intro" />
        <h2>{t("admin-costs-add-title")}</h2>
        <UnitCostForm action={addUnitCostAction} />
        <h2>{t("admin-costs-prices-title")}</h2>
        <UnitCostHistory prices={prices} today={dayOf(now())} />
      </div>
    </ClientMessages>
  );
}
