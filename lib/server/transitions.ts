import "server-only";

import { DomainError } from "@/lib/domain/errors";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import { transition, type TActorKind, type TRequestEvent } from "@/lib/domain/request/state-machine";
import type { TMessageKey } from "@/lib/i18n/translator";

/**
 * The status an event would lead to, or a refusal the person can read: for checks made before the
 * lifecycle pipeline (lib/lifecycle/apply.ts), which asks the same table again under lock.
 */
export function nextStatus(from: TRequestStatus, event: TRequestEvent, actor: TActorKind | undefined): TRequestStatus {
  if (!actor) throw new DomainError("transition-error-reviewer-only");
  const result = transition(from, event, actor);
  if (!result.ok) throw new DomainError(result.messageKey as TMessageKey);
  return result.to;
}
