import type { TEventConsumer, TLifecycleEvent } from "./types";

/** The events after which a grant no longer runs, so nobody should be asked about it. */
const GRANT_ENDS: readonly TLifecycleEvent[] = ["withdraw", "give_up", "expire"];

/** The events after which an ended grant runs again: a withdrawal overturned on appeal. */
const GRANT_RESUMES: readonly TLifecycleEvent[] = ["overturn_withdrawal"];

/**
 * The consumer that closes a grant's unanswered check-ins when the grant ends (they are no longer
 * due, nor overdue), and opens again those still within their answer time when it runs again; a
 * check-in whose due date passed meanwhile stays closed, never missed, and the schedule goes on.
 */
export const cancelCheckIns: TEventConsumer = async (tx, { event, request, context }) => {
  if (GRANT_ENDS.includes(event))
    await tx.checkIn.updateMany({ where: { requestId: request.id, answeredAt: null, cancelledAt: null }, data: { cancelledAt: context.now } });
  if (GRANT_RESUMES.includes(event))
    await tx.checkIn.updateMany({
      where: { requestId: request.id, answeredAt: null, missedAt: null, cancelledAt: { not: null }, dueAt: { gt: context.now } },
      data: { cancelledAt: null },
    });
};
