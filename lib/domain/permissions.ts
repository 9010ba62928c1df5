import type { TMessageKey } from "@/lib/i18n/translator";

import { APPEAL_EVENTS, type TAppealEvent } from "./request/appeal-transitions";
import type { TRequestStatus } from "./request/lifecycle";
import {
  activityAllowed,
  actorKindOf,
  REQUEST_ACTIVITIES,
  REQUEST_EVENTS,
  transition,
  type TActorKind,
  type TRequestActivity,
  type TRequestEvent,
} from "./request/state-machine";
import { appealEventRefusal, type TAppealPermission } from "./review/appeals";
import { actsForWmde, actsForWmf, canAdminister, type TRole } from "./roles";

// Who may do what on one request: the one home of these questions. Pages ask them to offer
// exactly what would be allowed; the data layer asks the same before it acts, and the lifecycle
// pipeline checks the state machine again under lock.

export type TPermissionViewer = { id: string; role: TRole };
/**
 * The request as these rules need it; `status` as the viewer sees it (expiry derived). `interest`
 * is the viewer's declaration on it (loaded with the request for reviewers); when it is left out,
 * the lifecycle pipeline still asks interestRefusal under the request's lock.
 */
export type TPermissionRequest = {
  status: TRequestStatus;
  joint?: boolean;
  requesterId: string;
  assigneeId?: string | null;
  interest?: TInterest;
  /** A proposed grant waits for its second approver: nothing else decides the request, or asks its requester, meanwhile. */
  proposalPending?: boolean;
  /** Loaded where an appeal may be made or decided (lib/server/appeals.ts); without it, appeal events are refused. */
  appeal?: TAppealPermission;
};

const HELD_BY_PROPOSAL: readonly TRequestAction[] = ["grant", "decline", "ask_requester", "propose_grant"];

export type TRequestAction = TRequestEvent | TRequestActivity;

/**
 * Whether the viewer may see the request as a reviewer: WMF reviewers and admins every submitted
 * request, WMDE reviewers the joint ones, nobody a draft. Nobody reviews their own request: on it,
 * a staff member is only its requester.
 */
export function canSee(viewer: TPermissionViewer, request: Pick<TPermissionRequest, "status" | "joint" | "requesterId">) {
  if (request.status === "DRAFT" || request.requesterId === viewer.id) return false;
  if (actsForWmf(viewer.role)) return true;
  return actsForWmde(viewer.role) && request.joint;
}

/** How the viewer acts on the request, as the state machine knows actors; none for someone with no part in it. */
export function actorOn(viewer: TPermissionViewer, request: Pick<TPermissionRequest, "requesterId">): TActorKind | undefined {
  return actorKindOf(viewer.role, viewer.id === request.requesterId)[0];
}

/** Why the viewer may not take `action` on the request now, or undefined when they may. */
export function refusalOf(viewer: TPermissionViewer, request: TPermissionRequest, action: TRequestAction): TMessageKey | undefined {
  const actor = actorOn(viewer, request);
  if (!actor) return "transition-error-reviewer-only";
  const checked = (REQUEST_EVENTS as readonly string[]).includes(action)
    ? transition(request.status, action as TRequestEvent, actor)
    : activityAllowed(action as TRequestActivity, request.status, actor);
  if (!checked.ok) return checked.messageKey;
  // Someone who took part in the decision under appeal is told so first: no declaration changes that.
  if ((APPEAL_EVENTS as readonly string[]).includes(action)) {
    const appeal = appealEventRefusal(viewer.id, request.appeal, action as TAppealEvent);
    if (appeal) return appeal;
  }
  const interest = interestRefusal(action, request.interest);
  if (interest) return interest;
  if (request.proposalPending && HELD_BY_PROPOSAL.includes(action)) return "proposal-error-pending";
  switch (action) {
    case "recommend":
      return request.joint ? undefined : "decision-error-not-joint";
    case "release":
      return request.assigneeId && (request.assigneeId === viewer.id || canAdminister(viewer.role)) ? undefined : "review-error-not-assignee";
    case "take":
    case "start_review":
      return request.assigneeId === viewer.id ? "review-error-no-change" : undefined;
    case "lift_conflict":
      return canAdminister(viewer.role) ? undefined : "conflict-error-admin-only";
    default:
      return undefined;
  }
}

export function may(viewer: TPermissionViewer, request: TPermissionRequest, action: TRequestAction) {
  return refusalOf(viewer, request, action) === undefined;
}

/** Everything the viewer may do to the request now, so a page offers exactly these. */
export function offeredActions(viewer: TPermissionViewer, request: TPermissionRequest): Set<TRequestAction> {
  return new Set([...REQUEST_EVENTS, ...REQUEST_ACTIVITIES].filter((action) => may(viewer, request, action)));
}

/** A decision (grant or decline) is the viewer's to make now. */
export function canDecide(viewer: TPermissionViewer, request: TPermissionRequest) {
  return may(viewer, request, "grant") || may(viewer, request, "decline");
}

/** WMDE's recommendation on a joint request is the viewer's to record now. */
export function canRecommend(viewer: TPermissionViewer, request: TPermissionRequest) {
  return may(viewer, request, "recommend");
}

/**
 * Where a reviewer stands on a request: not declared yet, no conflict of interest, a declared
 * conflict, or a conflict an admin has lifted (which counts as none).
 */
export type TInterest = "undeclared" | "none" | "conflict" | "lifted";

/** The interest a stored declaration (or none) amounts to. */
export function interestOf(declaration: { hasConflict: boolean; liftedAt: Date | null } | null | undefined): TInterest {
  if (!declaration) return "undeclared";
  if (!declaration.hasConflict) return "none";
  return declaration.liftedAt ? "lifted" : "conflict";
}

/**
 * A reviewer's judgements on a request: before their first, they say whether they have a conflict
 * of interest. Confirming a proposed grant is the grant itself.
 */
export const NEEDS_DECLARATION: readonly TRequestAction[] = [
  "assess",
  "assess_human_rights",
  "recommend",
  "grant",
  "decline",
  "propose_grant",
  "return_grant_proposal",
  "uphold_decline",
  "overturn_decline",
  "uphold_withdrawal",
  "overturn_withdrawal",
];

/**
 * Why the viewer's declaration keeps them from `action`, or undefined. A reviewer with a conflict
 * takes no part in the request at all (only an admin lifts it); one who has not declared yet may
 * follow it but not judge it. A declaration is made once, except that "no conflict" may become a
 * conflict.
 */
export function interestRefusal(action: TRequestAction, interest: TInterest | undefined): TMessageKey | undefined {
  if (interest === undefined) return undefined;
  if (interest === "conflict") return "conflict-error-declared";
  if (action === "declare_interest") return interest === "undeclared" || interest === "none" ? undefined : "conflict-error-already-declared";
  if (interest === "undeclared" && NEEDS_DECLARATION.includes(action)) return "conflict-error-declare-first";
  return undefined;
}

/** The viewer declared a conflict of interest on the request that still holds: its internal work is not theirs to read. */
export function isConflicted(request: Pick<TPermissionRequest, "interest">) {
  return request.interest === "conflict";
}
