// A grant as a WMF reviewer makes it through the decision form, for the tests and benchmarks that
// need granted requests: the same validated input, through the same data-layer function.
import { type TGrantInput, ZGrantInput } from "@/lib/domain/review/decisions";
import type { TDraftAnswers } from "@/lib/domain/request/sections";

import type { TViewer } from "@/lib/server/session";

import { createRequest, createViewer } from "./database";
import { dayFromToday } from "./days";

type TDb = Parameters<typeof createViewer>[0];

/** What the decision form would post, with the scope and dates `terms` change. */
export type TGrantTerms = { apis?: string[]; onDemandPerMonth?: string; startsOn?: string; expiresOn?: string };

/** The checked input of a grant of `request` (its version as read): a weekly Snapshot for a year from today unless `terms` say otherwise. */
export function grantInput(request: { id: string; version: number }, terms: TGrantTerms = {}): TGrantInput {
  const apis = terms.apis ?? ["snapshot"];
  return ZGrantInput.parse({
    requestId: request.id,
    version: String(request.version),
    apis,
    ...(apis.includes("on_demand") ? { onDemandPerMonth: terms.onDemandPerMonth ?? "50000" } : {}),
    ...(apis.includes("snapshot") ? { snapshotFrequency: "weekly" } : {}),
    startsOn: terms.startsOn ?? dayFromToday(0),
    expiresOn: terms.expiresOn ?? dayFromToday(365),
    criteria: ["need"],
    rationale: "Meets the need.",
    message: "Welcome.",
  });
}

type TGrantRequest = (reviewer: TViewer, input: TGrantInput, baseUrl: string) => Promise<unknown>;

/**
 * A new request in review, granted by a new WMF reviewer with `grantRequest` (the data layer's,
 * loaded once the test database runs); the request as stored after the grant.
 */
export async function grantedRequest(
  db: TDb,
  grantRequest: TGrantRequest,
  { terms, answers, baseUrl }: { terms?: TGrantTerms; answers?: (answers: Required<TDraftAnswers>) => TDraftAnswers; baseUrl: string },
) {
  const reviewer = await createViewer(db, "WMF_REVIEWER");
  const requester = await createViewer(db, "REQUESTER");
  const request = await createRequest(db, requester, { status: "IN_REVIEW", assigneeId: reviewer.id }, answers);
  await grantRequest(reviewer, grantInput(request, terms), baseUrl);
  return { reviewer, requester, request: await db.request.findUniqueOrThrow({ where: { id: request.id } }) };
}
