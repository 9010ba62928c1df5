// Requests written straight to the database, with the derived queue columns the app computes at
// submission: for end-to-end setups and the scanner's fixtures, which start from a given state.
import { randomUUID } from "node:crypto";

import type pg from "pg";

import type { TDraftAnswers } from "../lib/domain/request/sections";
import { reviewColumns } from "../lib/domain/review/columns";

type TSql = Pick<pg.Pool, "query"> | Pick<pg.Client, "query">;

/** The next reference of this year, taken from the same counter submission uses. */
export async function nextReference(sql: TSql) {
  const year = new Date().getUTCFullYear();
  const { rows } = await (sql as Pick<pg.Pool, "query">).query<{ last: number }>(
    `INSERT INTO "ReferenceCounter" ("year", "last") VALUES ($1, 1) ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1 RETURNING "last"`,
    [year],
  );
  return `EA-${year}-${String(rows[0]!.last).padStart(4, "0")}`;
}

export type TRequestRow = {
  id: string;
  requesterId: string;
  status: string;
  answers: TDraftAnswers;
  reference: string | null;
  submittedAt: Date | null;
  assigneeId?: string | null;
  expiresAt?: Date | null;
};

/** Inserts one request with its queue columns derived from `answers` as of today. */
export async function insertRequestRow(sql: TSql, row: TRequestRow) {
  const columns = reviewColumns(row.answers, { today: new Date().toISOString().slice(0, 10), wikidataShareThreshold: 25 });
  await (sql as Pick<pg.Pool, "query">).query(
    `INSERT INTO "Request" (id, reference, "requesterId", status, answers, "createdAt", "updatedAt", "submittedAt", "lastActivityAt",
       joint, "routingReasons", flags, flagged, "requesterKind", "exceptionType", apis, organisation, "contactName", "searchText", "assigneeId", "expiresAt")
     VALUES ($1, $2, $3, $4, $5, now(), now(), $6, now(), $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      row.id,
      row.reference,
      row.requesterId,
      row.status,
      JSON.stringify(row.answers),
      row.submittedAt,
      columns.joint,
      JSON.stringify(columns.routingReasons),
      JSON.stringify(columns.flags),
      columns.flagged,
      columns.requesterKind,
      columns.exceptionType,
      columns.apis,
      columns.organisation,
      columns.contactName,
      columns.searchText,
      row.assigneeId ?? null,
      row.expiresAt ?? null,
    ],
  );
}

export type TDecisionRow = {
  requestId: string;
  outcome?: "GRANTED" | "DECLINED";
  decidedById: string;
  decidedAt?: Date;
  startsAt?: Date | null;
  expiresAt?: Date | null;
  apis?: string[];
  /** The register entry, as a reviewer approved it; null (the default) when the requester did not consent. */
  publicName?: string | null;
  publicSummary?: string | null;
  endedAt?: Date | null;
  endReason?: "USE_CASE_ENDED" | "MISUSE" | "POLICY" | "REQUESTER_WISH" | null;
};

/**
 * Inserts the decision of a request written by insertRequestRow, a grant unless said otherwise
 * (the request's status and expiry say where a grant is now).
 */
export async function insertDecisionRow(sql: TSql, row: TDecisionRow) {
  const decidedAt = row.decidedAt ?? new Date();
  await (sql as Pick<pg.Pool, "query">).query(
    `INSERT INTO "Decision" (id, "requestId", outcome, "decidedById", "decidedAt", message, rationale, criteria, apis, realtime, "startsAt", "expiresAt",
       "publicName", "publicSummary", "endedAt", "endedById", "endReason", "endNote", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, 'Our decision.', 'Clear case.', '{need}', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      `test_${randomUUID()}`,
      row.requestId,
      row.outcome ?? "GRANTED",
      row.decidedById,
      decidedAt,
      row.apis ?? ["snapshot"],
      (row.apis ?? []).includes("realtime"),
      row.startsAt ?? null,
      row.expiresAt ?? null,
      row.publicName ?? null,
      row.publicSummary ?? null,
      row.endedAt ?? null,
      row.endedAt ? row.decidedById : null,
      row.endReason ?? null,
      row.endedAt ? "The use case has changed." : null,
      row.endedAt ?? decidedAt,
    ],
  );
}
