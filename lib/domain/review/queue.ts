import { z } from "zod";

import { REQUEST_STATUSES, type TRequestStatus, type TShownStatus } from "@/lib/domain/request/lifecycle";
import { isOpen, OPEN_STATUSES } from "@/lib/domain/request/state-machine";
import { APIS, EXCEPTION_TYPES, REQUESTER_KINDS } from "@/lib/domain/request/options";
import { actsForWmde, type TRole } from "@/lib/domain/roles";
import { APPEALED_STATUSES, isAppealed } from "@/lib/domain/review/appeals";
import { isRecordId } from "@/lib/domain/request/fields";
import { searchText } from "@/lib/domain/search-params";

import type { TPastTarget } from "./targets";

export const QUEUE_VIEWS = ["new", "in_review", "awaiting", "joint", "appeals", "decided", "confirm"] as const;
export type TQueueView = (typeof QUEUE_VIEWS)[number];

/** Submitted and no longer open: decided (and not under appeal), or ended without a decision. */
export const CLOSED_STATUSES: TRequestStatus[] = REQUEST_STATUSES.filter((status) => status !== "DRAFT" && !isOpen(status) && !isAppealed(status));

/**
 * Which requests a view shows: by status, and for the joint view only joint ones; "confirm" the
 * grants proposed by others that wait for the viewer's confirmation.
 */
export function viewScope(view: TQueueView): { statuses: TRequestStatus[]; jointOnly: boolean; awaitingConfirmation?: true } {
  switch (view) {
    case "new":
      return { statuses: ["SUBMITTED"], jointOnly: false };
    case "in_review":
      return { statuses: ["IN_REVIEW"], jointOnly: false };
    case "awaiting":
      return { statuses: ["AWAITING_REQUESTER"], jointOnly: false };
    case "joint":
      return { statuses: [...OPEN_STATUSES], jointOnly: true };
    case "appeals":
      return { statuses: [...APPEALED_STATUSES], jointOnly: false };
    case "decided":
      return { statuses: CLOSED_STATUSES, jointOnly: false };
    case "confirm":
      return { statuses: ["IN_REVIEW"], jointOnly: false, awaitingConfirmation: true };
  }
}

/** The organisation a reviewer speaks for in assessments: WMDE reviewers for WMDE, everyone else for WMF. */
export function reviewOrganisation(role: TRole): "WMF" | "WMDE" {
  return actsForWmde(role) ? "WMDE" : "WMF";
}

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const optionalEnum = <T extends readonly [string, ...string[]]>(options: T) => z.preprocess(blankToUndefined, z.enum(options).optional()).catch(undefined);

export const QUEUE_SORTS = ["oldest", "newest", "activity"] as const;

/** The queue's view, filters, search and sort, read from the address bar; anything unknown is ignored. */
export const ZQueueParams = z.object({
  view: z.enum(QUEUE_VIEWS).catch("new"),
  kind: optionalEnum(REQUESTER_KINDS),
  exception: optionalEnum(EXCEPTION_TYPES),
  api: optionalEnum(APIS),
  assignee: z.preprocess(blankToUndefined, z.enum(["me", "none"]).optional()).catch(undefined),
  flagged: z.preprocess((value) => value === "1" || value === "true", z.boolean()).catch(false),
  q: searchText(200),
  sort: z.enum(QUEUE_SORTS).catch("oldest"),
  after: z.string().max(200).optional().catch(undefined),
});
export type TQueueParams = z.infer<typeof ZQueueParams>;

/** The queue's parameters from a query string, by the first value of any repeated name. */
export function queueParamsFrom(query: Iterable<[string, string | string[] | undefined]>): TQueueParams {
  const first = new Map<string, string | undefined>();
  for (const [name, value] of query) if (!first.has(name)) first.set(name, Array.isArray(value) ? value[0] : value);
  return ZQueueParams.parse(Object.fromEntries(first));
}

/** The query string of these parameters, blank ones left out (empty when all are). */
export function queueSearch(params: Partial<Record<keyof TQueueParams, string | boolean | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === false || value === "") continue;
    search.set(name, value === true ? "1" : String(value));
  }
  return search.toString();
}

/** One request as the queue lists it (and its CSV export), with its status as of now: a grant's start and expiry derived. */
export type TQueueRow = {
  id: string;
  reference: string | null;
  status: TShownStatus;
  contactName: string | null;
  organisation: string | null;
  requesterKind: string | null;
  exceptionType: string | null;
  /** The start of what the requester will use the access for, as they wrote it: the row's one-line summary. */
  purpose: string | null;
  apis: string[];
  joint: boolean;
  /** Received and decided by email before the app, and recorded since. */
  imported: boolean;
  flags: { id: string; severity: string }[];
  /** An unanswered check-in of the grant is past its due date. */
  checkInOverdue: boolean;
  /** The viewer declared a conflict of interest on it, not lifted: it is not theirs to review. */
  conflicted?: boolean;
  /** Days waited for reviewers, without the waits for the requester (lib/domain/review/targets): to now while open, to the decision once decided; null for a request that ended undecided. */
  waitedDays: number | null;
  /** The response-time target an open request is past, if any. */
  pastTarget: TPastTarget | null;
  submittedAt: Date;
  lastActivityAt: Date;
  startsAt: Date | null;
  expiresAt: Date | null;
  assigneeName: string | null;
};

/** A position in the queue for keyset pagination: the sort value and id of the last row shown. */
export function encodeCursor(at: Date, id: string) {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

export function decodeCursor(token: string | undefined): { at: Date; id: string } | undefined {
  if (!token) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(at));
    if (Number.isNaN(date.getTime()) || !isRecordId(id)) return undefined;
    return { at: date, id };
  } catch {
    return undefined;
  }
}
