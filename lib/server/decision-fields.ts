import "server-only";

/** A decision as its requester sees it: no internal rationale, no overrides, no reviewer. */
export const OWN_DECISION_FIELDS = {
  outcome: true,
  decidedAt: true,
  message: true,
  criteria: true,
  apis: true,
  onDemandPerMonth: true,
  snapshotFrequency: true,
  realtime: true,
  startsAt: true,
  expiresAt: true,
  endedAt: true,
  endReason: true,
  endNote: true,
} as const;
