import "server-only";

import { DomainError } from "@/lib/domain/errors";
import type { TDevelopmentDaysInput } from "@/lib/domain/in-kind-value";
import { refusalOf } from "@/lib/domain/permissions";

import { actorFor, runEvent } from "../events";
import type { TViewer } from "../session";
import { getReviewRequest } from "./request";

/**
 * Records a WMF reviewer's estimate of custom development days (none: cleared), which counts once
 * in the grant's in-kind value. Checked against the version the reviewer saw, and in the history.
 */
export async function estimateDevelopment(viewer: TViewer, input: TDevelopmentDaysInput): Promise<{ version: number }> {
  const request = await getReviewRequest(viewer, input.requestId);
  const refusal = refusalOf(viewer, { ...request, assigneeId: request.assignee?.id }, "estimate_development");
  if (refusal) throw new DomainError(refusal);
  const days = input.developmentDays ?? null;
  const applied = await runEvent({
    event: "estimate_development",
    actor: actorFor(viewer, request.requesterId),
    requestId: request.id,
    version: input.version,
    set: { customDevelopmentDays: days },
    details: {},
    audit: { before: { customDevelopmentDays: request.customDevelopmentDays }, after: { customDevelopmentDays: days } },
  });
  return { version: applied.version };
}
