import type { TUnitCostKind } from "@/lib/domain/in-kind-value";
import type { TSectionId } from "@/lib/domain/request/sections";
import type { TRole } from "@/lib/domain/roles";

import type { TMessageKey } from "./translator";

export const ROLE_LABEL: Record<TRole, TMessageKey> = {
  REQUESTER: "role-requester",
  WMF_REVIEWER: "role-wmf-reviewer",
  WMDE_REVIEWER: "role-wmde-reviewer",
  ADMIN: "role-admin",
};

export const SECTION_TITLE: Record<TSectionId, TMessageKey> = {
  who: "criterion-who",
  what: "criterion-what",
  need: "criterion-need",
  obligation: "criterion-obligation",
  mission: "criterion-mission",
  values: "criterion-values",
};

/** A kind of unit cost by what one unit is: "per million On-demand requests". */
export const UNIT_COST_LABEL: Record<TUnitCostKind, TMessageKey> = {
  on_demand_million: "unit-cost-on-demand-million",
  snapshot_download: "unit-cost-snapshot-download",
  realtime_month: "unit-cost-realtime-month",
  development_day: "unit-cost-development-day",
};
