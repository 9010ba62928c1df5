// Time-driven changes the worker makes on a schedule. Each sweep is idempotent and bounded, so
// running them often, late, or from two workers at once does no harm.
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { openCheckIns, recordMissedCheckIns, remindCheckIns } from "./check-ins";
import { sendDigests } from "./digests";
import { announceStartedEntitlements } from "./entitlement-starts";
import { expireGrants, sendExpiryReminders } from "./expiry";
import { lapseOverdueRequests } from "./lapse";
import { anonymiseClosedRequests } from "./retention";

/** `retentionDays`: RETENTION_DAYS; without it, closed requests are not anonymised on this run. */
export type TSweepContext = { now: Date; baseUrl: string; retentionDays?: number };

/** Runs every sweep once; returns how many requests each one changed. */
export async function runSweeps(db: PrismaClient, context: TSweepContext) {
  const lapsed = await lapseOverdueRequests(db, context);
  const reminded = await sendExpiryReminders(db, context);
  const expired = await expireGrants(db, context);
  const started = await announceStartedEntitlements(db, context);
  const checkInsOpened = await openCheckIns(db, context);
  const checkInsReminded = await remindCheckIns(db, context);
  const checkInsMissed = await recordMissedCheckIns(db, context);
  const anonymised = context.retentionDays ? await anonymiseClosedRequests(db, { ...context, afterDays: context.retentionDays }) : 0;
  const digests = await sendDigests(db, context);
  return { lapsed, reminded, expired, started, checkInsOpened, checkInsReminded, checkInsMissed, anonymised, digests };
}
