import "server-only";

/**
 * A decision as its requester sees it: no internal rationale, no overrides, no reviewer. The
 * register entry is theirs to see (it is public), and so part of their data export.
 */
export const OWN_DECISION_FIELDS = {
  outcome: true,
  decidedAt: true,
  message: true,
  criteria: true,
  publicName: true,
  publicSummary: true,
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
