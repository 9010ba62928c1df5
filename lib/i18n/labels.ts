import type { TRole } from "@/lib/domain/roles";

import type { TMessageKey } from "./translator";

export const ROLE_LABEL: Record<TRole, TMessageKey> = {
  REQUESTER: "role-requester",
  WMF_REVIEWER: "role-wmf-reviewer",
  WMDE_REVIEWER: "role-wmde-reviewer",
  ADMIN: "role-admin",
};
