import "server-only";

import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/domain/errors";
import type { TImportRecord } from "@/lib/domain/import/record";
import { formatReference } from "@/lib/domain/request/lifecycle";
import { SECTION_IDS, type TDraftAnswers } from "@/lib/domain/request/sections";
import { remindersDue } from "@/lib/domain/review/decisions";
import { reviewColumns } from "@/lib/domain/review/columns";
import { canAdminister } from "@/lib/domain/roles";
import { endOfDay, startOfDay } from "@/lib/domain/time";
import { entitlementJson } from "@/lib/domain/entitlements";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { entitlementStartedKey } from "@/lib/jobs/entitlement-starts";
import { latestEntitlement } from "@/lib/lifecycle/webhooks";
import { log } from "@/lib/log";
import { now } from "@/lib/server/clock";
import { recordWebhookEvent } from "@/lib/webhooks/events";

import type { TViewer } from "../session";

// Requests received and decided by email before the app, recorded on their requesters' behalf.
// They are written as they ended, not replayed through the lifecycle pipeline: their events
// happened long ago, so nothing is emailed and no webhook tells of them. Only a grant still in
// force is announced, once, as the entitlement it is, so that the systems that provision access
// learn of it; and the reminders and check-ins whose day passed before the import are not sent.

/** A file's worth of records is written in one transaction; a thousand take a few seconds. */
const TRANSACTION_MS = 120_000;

export type TImportOutcome = { created: { id: string; reference: string; externalId: string | null }[]; alreadyImported: string[] };

function assertAdmin(viewer: TViewer) {
  if (!canAdminister(viewer.role)) throw new NotFoundError();
}

/**
 * Records every one of `records`, or none: a record whose external id was imported before is left
 * as it is, so importing the same file twice adds nothing.
 */
export async function importRequests(viewer: TViewer, records: readonly TImportRecord[]): Promise<TImportOutcome> {
  assertAdmin(viewer);
  const at = now();
  const outcome = await db().$transaction(
    async (tx) => {
      // The entitlement record the grant's trigger writes is dated on the app's clock.
      await tx.$queryRaw`SELECT set_config('app.now', ${at.toISOString()}, true)`;
      const ids = records.map((record) => record.externalId).filter(Boolean);
      const existing = new Set((await tx.request.findMany({ where: { externalId: { in: ids } }, select: { externalId: true } })).map((row) => row.externalId));
      const result: TImportOutcome = { created: [], alreadyImported: [] };
      for (const record of records) {
        if (record.externalId && existing.has(record.externalId)) {
          result.alreadyImported.push(record.externalId);
          continue;
        }
        result.created.push({ ...(await importOne(tx, viewer, record, at)), externalId: record.externalId || null });
        if (record.externalId) existing.add(record.externalId);
      }
      return result;
    },
    { timeout: TRANSACTION_MS, maxWait: 10_000 },
  );
  log.info("requests.imported", { userId: viewer.id, created: outcome.created.length, alreadyImported: outcome.alreadyImported.length });
  return outcome;
}

/** The answers the app's own fields can hold: what the queue, the register and the entitlement read. */
function structuredAnswers(record: TImportRecord): TDraftAnswers {
  const present = (fields: Record<string, string | string[] | undefined>) =>
    Object.fromEntries(Object.entries(fields).filter(([, value]) => (Array.isArray(value) ? value.length > 0 : Boolean(value)))) as Record<
      string,
      string | string[]
    >;
  return {
    who: present({
      requesterKind: record.requesterKind,
      contactName: record.requesterName,
      organisation: record.organisation,
      email: record.requesterEmail,
      enterpriseUsername: record.enterpriseUsername,
    }),
    what: present({ apis: record.apis }),
    values: present({ registerConsent: record.registerConsent ? "yes" : "" }),
  };
}

async function importOne(tx: Prisma.TransactionClient, viewer: TViewer, record: TImportRecord, at: Date) {
  const requester = await requesterOf(tx, viewer, record);
  const submittedAt = startOfDay(record.receivedOn);
  const decidedAt = startOfDay(record.decidedOn);
  const granted = record.outcome === "granted";
  const startsAt = granted ? startOfDay(record.startsOn) : null;
  const expiresAt = granted ? endOfDay(record.expiresOn) : null;
  const status = !granted ? "DECLINED" : expiresAt! <= at ? "EXPIRED" : "GRANTED";
  // Retention counts from the request's last event: its decision, or the end of its grant.
  const lastActivityAt = status === "GRANTED" ? at : status === "EXPIRED" ? expiresAt! : decidedAt;

  const year = submittedAt.getUTCFullYear();
  const [counter] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReferenceCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1
    RETURNING "last"`;
  if (!counter) throw new Error("The reference counter returned no row");
  const reference = formatReference(year, counter.last);

  const answers = structuredAnswers(record);
  const prose = Object.fromEntries(SECTION_IDS.filter((section) => record[section]).map((section) => [section, record[section]]));
  const columns = reviewColumns(answers, { today: record.receivedOn, wikidataShareThreshold: env().jointWikidataShare });
  const request = await tx.request.create({
    data: {
      reference,
      requesterId: requester,
      status,
      answers: answers as Prisma.InputJsonValue,
      importedAnswers: prose,
      importedAt: at,
      importedById: viewer.id,
      externalId: record.externalId || null,
      createdAt: submittedAt,
      submittedAt,
      lastActivityAt,
      expiresAt,
      joint: columns.joint,
      routingReasons: columns.routingReasons as unknown as Prisma.InputJsonValue,
      // Reviewed by email, by its own rules: the app's flags were never raised on it.
      flags: [],
      flagged: false,
      requesterKind: columns.requesterKind,
      apis: columns.apis,
      organisation: columns.organisation,
      contactName: columns.contactName,
      searchText: [reference, columns.searchText, ...Object.values(prose)].join(" ").replace(/\s+/g, " ").slice(0, 100_000),
    },
    select: { id: true },
  });
  await tx.decision.create({
    data: {
      requestId: request.id,
      outcome: granted ? "GRANTED" : "DECLINED",
      decidedById: viewer.id,
      deciderName: record.decidedBy,
      decidedAt,
      updatedAt: at,
      message: record.message,
      apis: record.apis,
      onDemandPerMonth: record.onDemandPerMonth ?? null,
      snapshotFrequency: record.snapshotFrequency ?? null,
      realtime: record.realtime,
      startsAt,
      expiresAt,
      publicName: granted && record.registerConsent ? record.publicName : null,
      publicSummary: granted && record.registerConsent ? record.publicSummary : null,
    },
  });
  await audit(tx, {
    subject: "request",
    id: request.id,
    action: "request.imported",
    actorId: viewer.id,
    after: {
      reference,
      status,
      externalId: record.externalId || null,
      receivedOn: record.receivedOn,
      decidedOn: record.decidedOn,
      decidedBy: record.decidedBy,
    },
  });

  if (status === "GRANTED") {
    // The reminders whose day came before the import are past: marked as sent, never sent late.
    const past = remindersDue(expiresAt!, at);
    if (past.length > 0) {
      await tx.expiryReminder.createMany({ data: past.map((daysAhead) => ({ requestId: request.id, expiresAt: expiresAt!, daysAhead, sentAt: at })) });
    }
    // A grant in force is news to the systems that provision access: announced once, now. One
    // that starts later is announced when it starts (lib/jobs/entitlement-starts.ts).
    const entitlement = startsAt! <= at ? await latestEntitlement(tx, request.id) : null;
    if (entitlement) {
      await recordWebhookEvent(tx, {
        type: "entitlement.changed",
        data: entitlementJson(entitlement, at),
        at,
        requestId: request.id,
        key: entitlementStartedKey(request.id, startsAt!),
      });
    }
  }
  return { id: request.id, reference };
}

/** The requester's account, by email address: theirs when they have one, or made for them (they sign in with it later). */
async function requesterOf(tx: Prisma.TransactionClient, viewer: TViewer, record: TImportRecord) {
  const existing = await tx.user.findUnique({ where: { email: record.requesterEmail }, select: { id: true } });
  if (existing) return existing.id;
  const user = await tx.user.create({ data: { email: record.requesterEmail, name: record.requesterName || null }, select: { id: true } });
  await audit(tx, {
    subject: "user",
    id: user.id,
    action: "user.created",
    actorId: viewer.id,
    after: { email: record.requesterEmail },
    note: "imported request",
  });
  return user.id;
}
