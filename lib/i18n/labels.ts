import type { TContributionKind } from "@/lib/domain/request/contributions";
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

export const CONTRIBUTION_KIND_LABEL: Record<TContributionKind, TMessageKey> = {
  content_data: "option-reciprocal-content-data",
  reports: "option-reciprocal-reports",
  tools: "option-reciprocal-tools",
  infrastructure: "option-reciprocal-infrastructure",
  volunteer_support: "option-reciprocal-volunteer-support",
  technical_collaboration: "option-reciprocal-technical-collaboration",
};

/** A contribution kind in the reader's language; a kind no longer known, as stored. */
export function contributionKindLabel(t: (key: TMessageKey) => string, kind: string) {
  return kind in CONTRIBUTION_KIND_LABEL ? t(CONTRIBUTION_KIND_LABEL[kind as TContributionKind]) : kind;
}
