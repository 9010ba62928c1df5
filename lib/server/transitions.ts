import "server-only";

import { DomainError } from "@/lib/domain/errors";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import { actorKindOf, transition, type TActorKind, type TRequestEvent } from "@/lib/domain/request/state-machine";
import type { TMessageKey } from "@/lib/i18n/translator";

import type { TViewer } from "./session";

/** The status an event leads to, or a refusal the person can read; every status change asks here. */
export function nextStatus(from: TRequestStatus, event: TRequestEvent, actor: TActorKind | undefined): TRequestStatus {
  if (!actor) throw new DomainError("transition-error-reviewer-only");
  const result = transition(from, event, actor);
  if (!result.ok) throw new DomainError(result.messageKey as TMessageKey);
  return result.to;
}

/** How the viewer acts on a request: as its requester when it is their own, else by role. */
export function actorOf(viewer: TViewer, requesterId: string): TActorKind | undefined {
  return actorKindOf(viewer.role, viewer.id === requesterId)[0];
}
