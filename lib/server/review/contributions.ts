import "server-only";

import { promisedContributions } from "@/lib/domain/request/contributions";
import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { confirmedContributions, type TConfirmedContribution } from "@/lib/domain/review/confirmed-contributions";
import { startOfDay } from "@/lib/domain/time";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The contributions a grant confirms, checked against the request's own promises (never the post's). */
export function grantContributions(input: Record<string, unknown>, answers: TDraftAnswers) {
  return confirmedContributions(input, promisedContributions(answers));
}

export type TGrantContribution = { position: number; kind: string; description: string; link: string | null; expectedBy: string | null };

/** The confirmed contributions as the grant's conditions, numbered 1..n in the order promised. */
export function grantConditions(confirmed: readonly TConfirmedContribution[]): TGrantContribution[] {
  return confirmed.map((contribution, index) => ({
    position: index + 1,
    kind: contribution.kind,
    description: contribution.description,
    link: contribution.link ?? null,
    expectedBy: contribution.expectedBy ?? null,
  }));
}

/** Writes a grant's conditions as its Contribution rows, in the grant's transaction. */
export async function createContributions(tx: Prisma.TransactionClient, requestId: string, conditions: readonly TGrantContribution[]) {
  if (conditions.length === 0) return;
  await tx.contribution.createMany({
    data: conditions.map((row) => ({ ...row, requestId, expectedBy: row.expectedBy ? startOfDay(row.expectedBy) : null })),
  });
}

export type TContributionRecord = {
  position: number;
  kind: string;
  description: string;
  link: string | null;
  expectedBy: Date | null;
  status: "PROMISED" | "IN_PROGRESS" | "DELIVERED" | "DROPPED";
  deliveredLink: string | null;
};

/** A grant's confirmed contributions with where each stands, in order; for a page that has checked who may see the request. */
export function grantContributionsOf(requestId: string): Promise<TContributionRecord[]> {
  return db().contribution.findMany({
    where: { requestId },
    orderBy: { position: "asc" },
    select: { position: true, kind: true, description: true, link: true, expectedBy: true, status: true, deliveredLink: true },
  });
}

/** What the requester's data export holds of each contribution: all of it but the ids. */
export const CONTRIBUTION_EXPORT_FIELDS = {
  position: true,
  kind: true,
  description: true,
  link: true,
  expectedBy: true,
  status: true,
  deliveredLink: true,
  deliveredAt: true,
  note: true,
} as const;
