import type { TDraftAnswers } from "@/lib/domain/request/sections";

import { computeFlags } from "./flags";
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
 */
export function reviewColumns(answers: TDraftAnswers, { today, wikidataShareThreshold }: { today: string; wikidataShareThreshold: number }) {
  const routing = routeRequest(answers, { today, wikidataShareThreshold });
  const flags = computeFlags(answers, today);
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
