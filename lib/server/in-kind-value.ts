import "server-only";

import { costsOn, decidedValue, type TCostsOn, type TDatedEstimate, type TDecidedScope } from "@/lib/domain/in-kind-value";

import { unitCosts } from "./admin/unit-costs";
import { today } from "./clock";

/** The prices in force today, for the estimate of a grant not yet made. */
export async function pricesToday(): Promise<{ costs: TCostsOn; day: string }> {
  const day = today();
  return { costs: costsOn(await unitCosts(), day), day };
}

/** A grant's estimate at the prices of its decision day, over its term as extended; none for a decline. */
export async function grantValue(request: {
  decision: (TDecidedScope & { outcome: string }) | null;
  expiresAt: Date | null;
  customDevelopmentDays: number | null;
}): Promise<TDatedEstimate | undefined> {
  const { decision } = request;
  if (decision?.outcome !== "GRANTED") return undefined;
  return decidedValue(decision, request.expiresAt, request.customDevelopmentDays, await unitCosts());
}
