// A proposed grant holds its request: while it waits for a second approver nobody decides the
// request another way, asks its requester, or proposes again; a request that leaves review (its
// requester cancels it) drops the proposal. Pages ask the same rule (lib/domain/permissions.ts).
import type { TRequestActivity, TRequestEvent } from "@/lib/domain/request/state-machine";

import { EventRefused } from "./apply";
import type { TEventConsumer } from "./types";

const HELD: readonly (TRequestEvent | TRequestActivity)[] = ["grant", "decline", "ask_requester"];

export const holdForProposal: TEventConsumer = async (tx, applied) => {
  // Proposals wait only on requests in review. The event's own writes have already confirmed or
  // sent back the one it is about; a proposal refuses a second one itself (and the database too).
  if (applied.from !== "IN_REVIEW" || applied.event === "propose_grant") return;
  const waiting = await tx.grantProposal.findFirst({
    where: { requestId: applied.request.id, status: "PENDING" },
    select: { id: true },
  });
  if (!waiting) return;
  if (HELD.includes(applied.event)) throw new EventRefused("not_allowed_from_status", "proposal-error-pending");
  if (applied.to !== "IN_REVIEW") {
    await tx.grantProposal.update({ where: { id: waiting.id }, data: { status: "CANCELLED", resolvedAt: applied.context.now } });
  }
};
