// The response-time clock's part of an event (lib/domain/review/targets): the columns it sets on
// the request, in the same update as the event's status and version.
import { clockChange } from "@/lib/domain/review/targets";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";

import type { TActor } from "./types";

/** What the event changes of the request's clock, read under the pipeline's lock. */
export async function clockColumns(
  tx: Prisma.TransactionClient,
  requestId: string,
  event: { from: TRequestStatus; to: TRequestStatus; actor: TActor; now: Date },
): Promise<Prisma.RequestUncheckedUpdateManyInput> {
  const clock = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { submittedAt: true, firstActionAt: true, pausedSince: true } });
  const change = clockChange({ from: event.from, to: event.to, actor: event.actor.kind, now: event.now }, clock);
  return {
    ...(change.firstActionAt ? { firstActionAt: change.firstActionAt } : {}),
    ...(change.pausedSince !== undefined ? { pausedSince: change.pausedSince } : {}),
    ...(change.addPausedSeconds ? { pausedSeconds: { increment: change.addPausedSeconds } } : {}),
  };
}
