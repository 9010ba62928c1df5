import type { TDraftAnswers } from "@/lib/domain/request/sections";

import { parseAnswers } from "./parsed";

/** Wikidata's share of the expected volume, in percent, from which a request is reviewed jointly. */
export const DEFAULT_WIKIDATA_SHARE_THRESHOLD = 25;

/** One sentence of the explanation, as a message key (`routing-…`) and its parameters. */
export type TRoutingReason = { key: string; params: (string | number)[] };

/** Whether WMDE reviews the request together with WMF, and why (or why not). */
export type TRouting = { joint: boolean; reasons: TRoutingReason[] };

export type TRoutingOptions = { wikidataShareThreshold: number; today: string };

const reason = (key: string, ...params: (string | number)[]): TRoutingReason => ({ key, params });

/**
 * A request goes to the joint WMF/WMDE queue when it asks for Wikidata and Wikidata is either a
 * substantial share of the expected volume or, in the requester's words, central to the use case.
 */
export function routeRequest(answers: TDraftAnswers, { wikidataShareThreshold, today }: TRoutingOptions): TRouting {
  const { what } = parseAnswers(answers, today);
  if (!what) return { joint: false, reasons: [reason("routing-what-incomplete")] };
  if (!what.projects.includes("wikidata")) return { joint: false, reasons: [reason("routing-no-wikidata")] };

  // The form requires the share whenever Wikidata is ticked.
  const share = what.wikidataShare ?? 0;
  const substantial = share >= wikidataShareThreshold;
  const central = what.wikidataCentral === "yes";
  return {
    joint: substantial || central,
    reasons: [
      substantial ? reason("routing-share-at-or-above", share, wikidataShareThreshold) : reason("routing-share-below", share, wikidataShareThreshold),
      central ? reason("routing-central") : reason("routing-not-central"),
    ],
  };
}
