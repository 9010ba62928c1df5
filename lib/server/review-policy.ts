import "server-only";

import { db } from "@/lib/db";
import { DEFAULT_REVIEW_POLICY, type TReviewPolicy } from "@/lib/domain/review-policy";
import type { Prisma } from "@/lib/generated/prisma/client";

const POLICY_FIELDS = {
  approvalAll: true,
  approvalAboveCents: true,
  approvalCommercial: true,
  approvalLongerThanYear: true,
  firstActionDays: true,
  decisionDays: true,
} as const;

/** The review policy in force (the migration makes its row; the defaults stand in if it is gone). */
export async function reviewPolicy(client: Pick<Prisma.TransactionClient, "reviewPolicy"> = db()): Promise<TReviewPolicy> {
  const row = await client.reviewPolicy.findUnique({ where: { id: 1 }, select: POLICY_FIELDS });
  return row ?? DEFAULT_REVIEW_POLICY;
}
