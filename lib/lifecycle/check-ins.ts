import type { TEventConsumer, TLifecycleEvent } from "./types";

/** The events after which a grant no longer runs, so nobody should be asked about it. */
const GRANT_ENDS: readonly TLifecycleEvent[] = ["withdraw", "give_up", "expire"];

/** The consumer that closes a grant's unanswered check-ins when the grant ends: they are no longer due, nor overdue. */
export const cancelCheckIns: TEventConsumer = async (tx, { event, request, context }) => {
  if (!GRANT_ENDS.includes(event)) return;
  await tx.checkIn.updateMany({ where: { requestId: request.id, answeredAt: null, cancelledAt: null }, data: { cancelledAt: context.now } });
};
