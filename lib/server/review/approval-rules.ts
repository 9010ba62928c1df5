import "server-only";

import { costsOn } from "@/lib/domain/in-kind-value";
import { grantApprovalReasons, type TApprovalReason } from "@/lib/domain/review/approval";
import type { TGrantInput } from "@/lib/domain/review/decisions";
import type { Prisma } from "@/lib/generated/prisma/client";

import { unitCosts } from "../admin/unit-costs";
import { today } from "../clock";
import { reviewPolicy } from "../review-policy";

/**
 * Why this grant needs a second approver under the policy in force (read through `client`, so a
 * transaction sees the policy it commits against); none when one reviewer decides.
 */
export async function approvalReasonsFor(
  client: Pick<Prisma.TransactionClient, "reviewPolicy">,
  request: { requesterKind: string | null; customDevelopmentDays: number | null },
  input: Pick<TGrantInput, "apis" | "onDemandPerMonth" | "snapshotFrequency" | "realtime" | "startsOn" | "expiresOn">,
): Promise<TApprovalReason[]> {
  const [policy, prices] = await Promise.all([reviewPolicy(client), unitCosts()]);
  return grantApprovalReasons(
    policy,
    {
      apis: input.apis,
      onDemandPerMonth: input.onDemandPerMonth,
      snapshotFrequency: input.snapshotFrequency,
      realtime: input.realtime,
      startsOn: input.startsOn,
      expiresOn: input.expiresOn,
      developmentDays: request.customDevelopmentDays,
    },
    { commercial: request.requesterKind === "commercial", costs: costsOn(prices, today()) },
  );
}
