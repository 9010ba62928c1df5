import { addDays, dayOf } from "@/lib/domain/time";

import type { TRequestStatus } from "./lifecycle";
import type { TDraftAnswers } from "./sections";

/** A running grant may be renewed only in its last days, when renewing is a real question. */
export const RENEWAL_WINDOW_DAYS = 60;

/** The first day a running grant's holder may ask to renew it: 60 days before it ends. */
export function renewalOpensOn(expiresAt: Date): string {
  return dayOf(addDays(expiresAt, -RENEWAL_WINDOW_DAYS));
}

/**
 * Whether a new request may start from this one now: after a decline, or a grant that has ended,
 * at any time; from a running grant (started or not) only in its last 60 days.
 */
export function mayFollowUp(status: TRequestStatus, expiresAt: Date | null, now: Date): boolean {
  if (status === "EXPIRED" || status === "WITHDRAWN" || status === "DECLINED") return true;
  if (status !== "GRANTED" || expiresAt === null) return false;
  return dayOf(now) >= renewalOpensOn(expiresAt);
}

/**
 * The answers a new request starts from when it follows an earlier one (a renewal, or a new try
 * after a decline): everything the requester wrote, except the declarations, which they confirm
 * afresh, and the dates, which belong to the earlier request.
 */
export function followUpAnswers(previous: TDraftAnswers): TDraftAnswers {
  const copy: TDraftAnswers = structuredClone(previous);
  if (copy.obligation) {
    delete copy.obligation.startDate;
    delete copy.obligation.endDate;
  }
  if (copy.mission) delete copy.mission.noSilos;
  if (copy.values) {
    delete copy.values.noHarms;
    delete copy.values.registerConsent;
  }
  return copy;
}
