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
