import type { TDraftAnswers } from "@/lib/domain/request/sections";

import { computeFlags, type TAccountFacts } from "./flags";
import { routeRequest } from "./routing";

function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).join(" ");
  return typeof value === "string" ? value : "";
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" && value ? [value] : [];
}

/**
 * What the queue needs to know of a request, derived from its answers when it is submitted (and
 * again whenever the answers change): routing, flags, the filter values and the searchable text.
 * `account`: what the requester's Wikimedia account last said of itself, for the account's flags.
 */
export function reviewColumns(
  answers: TDraftAnswers,
  { today, wikidataShareThreshold, account = null }: { today: string; wikidataShareThreshold: number; account?: TAccountFacts | null },
) {
  const routing = routeRequest(answers, { today, wikidataShareThreshold });
  const flags = computeFlags(answers, today, account);
  const who = answers.who ?? {};
  const what = answers.what ?? {};
  const searchable = Object.values(answers).flatMap((section) => Object.values(section ?? {}).map(text));
  return {
    joint: routing.joint,
    routingReasons: routing.reasons,
    flags,
    flagged: flags.some((flag) => flag.severity !== "positive"),
    requesterKind: text(who.requesterKind) || null,
    exceptionType: text(what.exceptionType) || null,
    apis: list(what.apis),
    organisation: text(who.organisation).trim() || null,
    contactName: text(who.contactName).trim() || null,
    searchText: searchable.join(" ").replace(/\s+/g, " ").slice(0, 100_000),
  };
}
