// The response-time clock's part of an event (lib/domain/review/targets): the columns it sets on
// the request, in the same update as the event's status and version.
import { clockChange, type TClock } from "@/lib/domain/review/targets";
import type { TRequestStatus } from "@/lib/domain/request/lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";

import type { TActor } from "./types";

/** The clock's columns the pipeline reads with the request, under its lock. */
export const CLOCK_FIELDS = { submittedAt: true, firstActionAt: true, pausedSince: true } as const;

/** What the event changes of the request's clock. */
export function clockColumns(
  clock: Pick<TClock, "submittedAt" | "firstActionAt" | "pausedSince">,
  event: { from: TRequestStatus; to: TRequestStatus; actor: TActor; now: Date },
): Prisma.RequestUncheckedUpdateManyInput {
  const change = clockChange({ from: event.from, to: event.to, actor: event.actor.kind, now: event.now }, clock);
  return {
    ...(change.firstActionAt ? { firstActionAt: change.firstActionAt } : {}),
    ...(change.pausedSince !== undefined ? { pausedSince: change.pausedSince } : {}),
    ...(change.addPausedSeconds ? { pausedSeconds: { increment: change.addPausedSeconds } } : {}),
  };
}
