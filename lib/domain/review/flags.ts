import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { DAY_MS } from "@/lib/domain/time";

import { parseAnswers, type TParsedAnswers } from "./parsed";

// Flags point a reviewer at something worth a look; they never decide a request.

/** Every flag, red first, then warnings, then positive markers: the order they are shown in. */
export const FLAG_IDS = [
  "genai_without_ethics",
  "commercial_without_public_benefit",
  "wikimedia_account_blocked",
  "need_names_no_insufficient_method",
  "volume_within_free_limits",
  "custom_development",
  "open_ended_or_long",
  "wikimedia_account_bot",
  "wikimedia_account_new",
  "special_marginalised_communities",
  "special_underrepresented_languages",
  "special_sister_projects",
] as const;
export type TFlagId = (typeof FLAG_IDS)[number];

export type TFlagSeverity = "red" | "warning" | "positive";

export const FLAG_SEVERITY = {
  genai_without_ethics: "red",
  commercial_without_public_benefit: "red",
  wikimedia_account_blocked: "red",
  need_names_no_insufficient_method: "warning",
  volume_within_free_limits: "warning",
  custom_development: "warning",
  open_ended_or_long: "warning",
  wikimedia_account_bot: "warning",
  wikimedia_account_new: "warning",
  special_marginalised_communities: "positive",
  special_underrepresented_languages: "positive",
  special_sister_projects: "positive",
} as const satisfies Record<TFlagId, TFlagSeverity>;

/** One flag, with its explanation as a message key (`flag-…`) and its parameters. */
export type TFlag = { id: TFlagId; severity: TFlagSeverity; key: string; params: (string | number)[] };

type TFinding = { key: string; params: (string | number)[] };

/** What the requester's Wikimedia account said of itself at their last sign-in with it (null: never). */
export type TAccountFacts = { username: string; registeredAt: Date | null; groups: readonly string[]; blocked: boolean };

type TFlagContext = { today: string; account: TAccountFacts | null };
type TRule = (answers: TParsedAnswers, context: TFlagContext) => TFinding | undefined;

/** An account younger than this, on the day the flags are worked out for, is new. */
export const NEW_ACCOUNT_DAYS = 30;

const finding = (key: string, ...params: (string | number)[]): TFinding => ({ key, params });

/** A statement shorter than either of these is a gesture, not a statement. */
export const STATEMENT_MIN_CHARACTERS = 200;
export const STATEMENT_MIN_WORDS = 30;

/** The free Enterprise account: On-demand requests a month, and snapshots a month per project. */
export const FREE_REQUESTS_PER_MONTH = 5_000;
export const FREE_SNAPSHOTS_PER_MONTH = 2;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const isThin = (text: string) => text.length < STATEMENT_MIN_CHARACTERS || wordCount(text) < STATEMENT_MIN_WORDS;

/** Words that show a use case involves generative AI, matched as whole words in any case. */
const GENAI_TERMS = [
  String.raw`gen(?:erative)?[\s-]?ai`,
  String.raw`(?:large[\s-])?language[\s-]models?`,
  "llms?",
  "(?:chat)?gpt",
  String.raw`chat[\s-]?bots?`,
  String.raw`train(?:s|ed|ing)?\s+(?:a|an|our|the|my|their)\s+(?:[\w-]+\s+)?models?`,
  String.raw`fine[\s-]?tun(?:e|es|ed|ing)`,
  String.raw`training[\s-](?:data|datasets?|corpus|corpora)`,
  String.raw`retrieval[\s-]augmented\s+generation`,
];
const GENAI_PATTERN = new RegExp(String.raw`\b(?:${GENAI_TERMS.join("|")})\b`, "i");

/** The free texts in which a requester describes the use case. */
function describingTexts({ what, need, mission, values }: TParsedAnswers): string[] {
  return [
    what?.purpose,
    what?.exceptionOther,
    need?.needExplanation,
    need?.reasonOther,
    ...Object.values(need?.methods ?? {}).map((method) => method.shortfall),
    mission?.missionExplanation,
    mission?.specialDetail,
    values?.commitment,
    values?.jeopardyStatement,
  ].filter((text): text is string => Boolean(text));
}

function genaiWithoutEthics(answers: TParsedAnswers): TFinding | undefined {
  const { values } = answers;
  if (!values) return undefined;
  if (values.generativeAi === "yes") {
    return isThin(values.aiEthics) ? finding("flag-genai-ethics-thin", wordCount(values.aiEthics), values.aiEthics.length) : undefined;
  }
  for (const text of describingTexts(answers)) {
    const match = GENAI_PATTERN.exec(text);
    if (match) return finding("flag-genai-undeclared", match[0]);
  }
  return undefined;
}

function commercialWithoutPublicBenefit({ who, values }: TParsedAnswers): TFinding | undefined {
  if (who?.requesterKind !== "commercial" || !values) return undefined;
  const statement = values.jeopardyStatement;
  return statement.length < STATEMENT_MIN_CHARACTERS ? finding("flag-commercial-jeopardy-thin", statement.length) : undefined;
}

function needNamesNoInsufficientMethod({ need }: TParsedAnswers): TFinding | undefined {
  if (!need) return undefined;
  const explained = Object.values(need.methods).some((method) => (method.use === "tried" || method.use === "considered") && method.shortfall);
  return explained ? undefined : finding("flag-need-no-method");
}

function volumeWithinFreeLimits({ what }: TParsedAnswers): TFinding | undefined {
  if (!what || what.apis.includes("realtime")) return undefined;
  const volumes = Object.values(what.volumes);
  const requests = volumes.reduce((total, volume) => total + volume.requestsPerMonth, 0);
  const snapshots = volumes.reduce((total, volume) => total + volume.snapshotsPerMonth, 0);
  const fits = requests <= FREE_REQUESTS_PER_MONTH && volumes.every((volume) => volume.snapshotsPerMonth <= FREE_SNAPSHOTS_PER_MONTH);
  return fits ? finding("flag-volume-within-free", requests, snapshots) : undefined;
}

function customDevelopment({ obligation }: TParsedAnswers): TFinding | undefined {
  return obligation?.customDevelopment === "yes" ? finding("flag-custom-development") : undefined;
}

/** Whole months from one date to another, to the nearest month. */
export function monthsBetween(start: string, end: string): number {
  const days = (Date.parse(end) - Date.parse(start)) / DAY_MS;
  return Math.round(days / (365.25 / 12));
}

function openEndedOrLong({ obligation }: TParsedAnswers): TFinding | undefined {
  if (!obligation) return undefined;
  const { startDate, endDate } = obligation;
  if (!endDate) return finding("flag-open-ended");
  // Later than the same day a year on; dates are YYYY-MM-DD, so they compare as text.
  const yearOn = `${Number(startDate.slice(0, 4)) + 1}${startDate.slice(4)}`;
  return endDate > yearOn ? finding("flag-long-duration", monthsBetween(startDate, endDate)) : undefined;
}

function accountBlocked(_answers: TParsedAnswers, { account }: TFlagContext): TFinding | undefined {
  return account?.blocked ? finding("flag-wikimedia-blocked", account.username) : undefined;
}

function accountBot(_answers: TParsedAnswers, { account }: TFlagContext): TFinding | undefined {
  return account?.groups.includes("bot") ? finding("flag-wikimedia-bot", account.username) : undefined;
}

function accountNew(_answers: TParsedAnswers, { account, today }: TFlagContext): TFinding | undefined {
  if (!account?.registeredAt) return undefined;
  const days = Math.floor((Date.parse(today) - account.registeredAt.getTime()) / DAY_MS);
  return days < NEW_ACCOUNT_DAYS ? finding("flag-wikimedia-new", account.username, Math.max(0, days)) : undefined;
}

const special =
  (consideration: string, key: string): TRule =>
  ({ mission }) =>
    mission?.special.some((ticked) => ticked === consideration) ? finding(key) : undefined;

const RULES = {
  genai_without_ethics: genaiWithoutEthics,
  commercial_without_public_benefit: commercialWithoutPublicBenefit,
  wikimedia_account_blocked: accountBlocked,
  need_names_no_insufficient_method: needNamesNoInsufficientMethod,
  volume_within_free_limits: volumeWithinFreeLimits,
  custom_development: customDevelopment,
  open_ended_or_long: openEndedOrLong,
  wikimedia_account_bot: accountBot,
  wikimedia_account_new: accountNew,
  special_marginalised_communities: special("marginalised_communities", "flag-special-marginalised-communities"),
  special_underrepresented_languages: special("underrepresented_languages", "flag-special-underrepresented-languages"),
  special_sister_projects: special("sister_projects", "flag-special-sister-projects"),
} satisfies Record<TFlagId, TRule>;

/**
 * What a reviewer should look at in a request, red first, then warnings, then positive markers.
 * A section that is missing or incomplete raises no flag. `today` as for `parseAnswers`; `account`,
 * the requester's Wikimedia account as it last said (a blocked account, a bot, a new one).
 */
export function computeFlags(answers: TDraftAnswers, today: string, account: TAccountFacts | null = null): TFlag[] {
  const parsed = parseAnswers(answers, today);
  return FLAG_IDS.flatMap((id) => {
    const found = RULES[id](parsed, { today, account });
    return found ? [{ id, severity: FLAG_SEVERITY[id], ...found }] : [];
  });
}
