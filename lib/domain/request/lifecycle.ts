import { z } from "zod";

import { recordId, recordVersion } from "./fields";

import { isSectionId, type TSectionId } from "./sections";

export const REQUEST_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "AWAITING_REQUESTER",
  "GRANTED",
  "DECLINED",
  "CANCELLED",
  "LAPSED",
  "EXPIRED",
  "WITHDRAWN",
  "DECLINE_APPEALED",
  "WITHDRAWAL_APPEALED",
] as const;
export type TRequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * A status as people read it: a grant whose first day has not come yet shows as not started. Only
 * shown, never stored: to the state machine it is a grant (it can be extended, withdrawn, given up).
 */
export type TShownStatus = TRequestStatus | "NOT_STARTED";

/** Human-readable request id: EA-2026-0042 (more digits once a year passes 9,999 requests). */
export function formatReference(year: number, sequence: number) {
  return `EA-${year}-${String(sequence).padStart(4, "0")}`;
}

const ZVersion = recordVersion;
const ZRequestId = recordId;

export const ZSectionSave = z.object({
  requestId: ZRequestId,
  section: z
    .string()
    .refine(isSectionId)
    .transform((value) => value as TSectionId),
  version: ZVersion,
  /** Continue (check the answers), save as they are, or save and add or remove a contribution row. */
  intent: z.union([z.enum(["continue", "save", "add-contribution"]), z.string().regex(/^remove-contribution-(?:[1-9]|[1-4]\d|50)$/)]).default("continue"),
  returnTo: z.enum(["check"]).optional().catch(undefined),
});

export const ZRequestChange = z.object({ requestId: ZRequestId, version: ZVersion });
