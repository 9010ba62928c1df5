// Entitlements: what a grant lets an Enterprise account do, and when. A grant's entitlement is
// recorded whenever it changes (the entitlement_record trigger); whether it is in force at a
// moment is derived from its dates, so a grant past its expiry is not in force whether or not
// the worker has recorded the expiry yet, and a grant before its first day is not in force yet.

export const ENTITLEMENT_END_REASONS = ["withdrawn", "given_up", "expired"] as const;
export type TEntitlementEndReason = (typeof ENTITLEMENT_END_REASONS)[number];

/** One recorded state of a grant's entitlement (an EntitlementChange row). */
export type TEntitlementRecord = {
  requestId: string;
  reference: string;
  username: string;
  apis: readonly string[];
  onDemandPerMonth: number | null;
  snapshotFrequency: string | null;
  realtime: boolean;
  startsAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  recordedAt: Date;
  /** Order of recording: of two records at the same moment, the later one holds. */
  sequence: bigint;
};

/** Not in force yet (before its first day), in force, or over for good. */
export type TEntitlementState = "scheduled" | "active" | "ended";

/** How an entitlement looks to the systems that enforce it: the API's answer and the `entitlement.changed` payload. */
export type TEntitlementJson = {
  username: string;
  reference: string;
  state: TEntitlementState;
  scope: {
    on_demand: { requests_per_month: number | null } | null;
    snapshot: { frequency: string | null } | null;
    realtime: boolean;
  };
  starts_at: string;
  expires_at: string;
  ended_at: string | null;
  end_reason: TEntitlementEndReason | null;
  changed_at: string;
};

function endReasonOf(value: string | null): TEntitlementEndReason | null {
  return (ENTITLEMENT_END_REASONS as readonly string[]).includes(value ?? "") ? (value as TEntitlementEndReason) : null;
}

/** When and why the entitlement ended, as seen at `at`: withdrawn or given up when recorded, else expired once its expiry has passed. */
export function entitlementEnd(record: TEntitlementRecord, at: Date): { at: Date; reason: TEntitlementEndReason } | null {
  if (record.endedAt && record.endedAt <= at) return { at: record.endedAt, reason: endReasonOf(record.endReason) ?? "withdrawn" };
  if (record.expiresAt <= at) return { at: record.expiresAt, reason: "expired" };
  return null;
}

export function entitlementState(record: TEntitlementRecord, at: Date): TEntitlementState {
  if (entitlementEnd(record, at)) return "ended";
  return record.startsAt > at ? "scheduled" : "active";
}

/** The last moment up to `at` the entitlement changed: recorded, or started or ended by its own dates. */
export function entitlementChangedAt(record: TEntitlementRecord, at: Date) {
  const moments = [record.recordedAt];
  if (record.startsAt <= at) moments.push(record.startsAt);
  const end = entitlementEnd(record, at);
  if (end) moments.push(end.at);
  return new Date(Math.max(...moments.map((moment) => moment.getTime())));
}

export function entitlementJson(record: TEntitlementRecord, at: Date): TEntitlementJson {
  const end = entitlementEnd(record, at);
  return {
    username: record.username,
    reference: record.reference,
    state: entitlementState(record, at),
    scope: {
      on_demand: record.apis.includes("on_demand") ? { requests_per_month: record.onDemandPerMonth } : null,
      snapshot: record.apis.includes("snapshot") ? { frequency: record.snapshotFrequency } : null,
      realtime: record.realtime || record.apis.includes("realtime"),
    },
    starts_at: record.startsAt.toISOString(),
    expires_at: record.expiresAt.toISOString(),
    ended_at: end ? end.at.toISOString() : null,
    end_reason: end ? end.reason : null,
    changed_at: entitlementChangedAt(record, at).toISOString(),
  };
}

/**
 * The entitlements as they stood at `at`, from every request's records: per request the last
 * recorded by then. With `changedSince`, those that changed after it (ended ones included);
 * without, only those in force. Sorted by when they changed, then reference.
 */
export function entitlementsAt(records: readonly TEntitlementRecord[], at: Date, { changedSince }: { changedSince?: Date } = {}) {
  const latest = new Map<string, TEntitlementRecord>();
  for (const record of records) {
    if (record.recordedAt > at) continue;
    const known = latest.get(record.requestId);
    if (!known || known.sequence < record.sequence) latest.set(record.requestId, record);
  }
  const chosen = [...latest.values()].filter((record) =>
    changedSince ? entitlementChangedAt(record, at) > changedSince : entitlementState(record, at) === "active",
  );
  return chosen.map((record) => entitlementJson(record, at)).sort((a, b) => a.changed_at.localeCompare(b.changed_at) || a.reference.localeCompare(b.reference));
}
