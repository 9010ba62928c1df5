// Realistic submitted requests in bulk, for measuring the review queue at scale (see bench/).
// `npm run db:seed-bulk -- 10000 [--seed 7] [--force]` adds 10,000 to DATABASE_URL, or to the
// embedded database when it is unset. The rows follow from the seed, `now` and how many requests
// the database held before, so a run can be repeated exactly.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

import { z } from "zod";

import type { TDb } from "@/lib/db";
import { parseEnv } from "@/lib/env";
import { publicDraft, registerConsented } from "@/lib/domain/register/register";
import { DAY_MS } from "@/lib/domain/time";
import { formatReference, type TRequestStatus } from "@/lib/domain/request/lifecycle";
import { APIS, COUNTRIES, type EXCEPTION_TYPES, REQUESTER_KINDS, STRATEGY_RECOMMENDATIONS, type TRequesterKind } from "@/lib/domain/request/options";
import { promisedContributions } from "@/lib/domain/request/contributions";
import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { reviewColumns } from "@/lib/domain/review/columns";
import { DEFAULT_WIKIDATA_SHARE_THRESHOLD } from "@/lib/domain/review/routing";
import type { Role } from "@/lib/generated/prisma/enums";
import { completeAnswers, EMPTY_VOLUMES } from "@/test-support/answers";

export type TSeedBulkOptions = {
  count: number;
  seed: number;
  now: Date;
  /** Called after each batch is written, with the number of requests written so far. */
  onProgress?: (written: number) => void;
};

/** The reviewers bulk requests are assigned to; the bench signs in as the first of each role. */
export const BULK_REVIEWERS: { email: string; name: string; role: Role }[] = [
  { email: "wmf.reviewer.1@bulk.example.org", name: "Bulk WMF Reviewer 1", role: "WMF_REVIEWER" },
  { email: "wmf.reviewer.2@bulk.example.org", name: "Bulk WMF Reviewer 2", role: "WMF_REVIEWER" },
  { email: "wmf.reviewer.3@bulk.example.org", name: "Bulk WMF Reviewer 3", role: "WMF_REVIEWER" },
  { email: "wmf.reviewer.4@bulk.example.org", name: "Bulk WMF Reviewer 4", role: "WMF_REVIEWER" },
  { email: "wmde.reviewer.1@bulk.example.org", name: "Bulk WMDE Reviewer 1", role: "WMDE_REVIEWER" },
  { email: "wmde.reviewer.2@bulk.example.org", name: "Bulk WMDE Reviewer 2", role: "WMDE_REVIEWER" },
];

const BATCH_SIZE = 1_000;
const DAY = DAY_MS;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const WORKER_ROLE = "seed-bulk-batch";

// --- Random choices ----------------------------------------------------------------------------

type TRandom = () => number;

/** mulberry32: small, fast and good enough to make varied data repeatable. */
function randomFrom(seed: number): TRandom {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function mixSeed(...parts: number[]) {
  return parts.reduce((hash, part) => Math.imul(hash ^ (part >>> 0), 0x01000193) ^ Math.floor(part / 4_294_967_296), 0x811c9dc5) >>> 0;
}

const chance = (random: TRandom, probability: number) => random() < probability;
const between = (random: TRandom, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: TRandom, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** Early items much more often than late ones, as with real popularity. */
const pickSkewed = <T>(random: TRandom, items: readonly T[]): T => items[Math.floor(random() ** 1.5 * items.length)]!;

function weighted<T extends string>(random: TRandom, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = random() * entries.reduce((total, [, weight]) => total + weight, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

function subset<T>(random: TRandom, items: readonly T[], probability: number, atLeastOne: boolean): T[] {
  const chosen = items.filter(() => chance(random, probability));
  return chosen.length === 0 && atLeastOne ? [pick(random, items)] : chosen;
}

/** A cuid-like id: time first, so ids sort roughly by creation as Prisma's do. */
function idAt(random: TRandom, at: Date) {
  let tail = "";
  while (tail.length < 16) tail += Math.floor(random() * 36).toString(36);
  return `c${at.getTime().toString(36).padStart(8, "0")}${tail}`;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
const grouped = (value: number) => value.toLocaleString("en-US");

// --- Word pools --------------------------------------------------------------------------------

const FIRST_NAMES = [
  "Ada",
  "Amara",
  "Anil",
  "Aiko",
  "Bjorn",
  "Carmen",
  "Chidi",
  "Dalia",
  "Dmitri",
  "Elif",
  "Emeka",
  "Fatima",
  "Femi",
  "Greta",
  "Hana",
  "Hamid",
  "Ines",
  "Ivan",
  "Jamal",
  "Joana",
  "Kai",
  "Kofi",
  "Lena",
  "Luis",
  "Mai",
  "Marta",
  "Nadia",
  "Noor",
  "Olu",
  "Pavel",
  "Priya",
  "Quentin",
  "Rania",
  "Rohan",
  "Sakura",
  "Sione",
  "Tariq",
  "Thandi",
  "Uma",
  "Valentina",
  "Wei",
  "Yara",
  "Yusuf",
  "Zanele",
  "Zofia",
  "Mateo",
  "Ngozi",
  "Astrid",
  "Kenji",
  "Leilani",
];
const LAST_NAMES = [
  "Abara",
  "Almeida",
  "Andersson",
  "Banerjee",
  "Becker",
  "Chen",
  "Costa",
  "Dlamini",
  "Dubois",
  "Eze",
  "Fischer",
  "Garcia",
  "Haddad",
  "Hansen",
  "Ito",
  "Jovanovic",
  "Kamau",
  "Kowalski",
  "Lindqvist",
  "Lopez",
  "Mensah",
  "Moreau",
  "Nakamura",
  "Novak",
  "Okafor",
  "Oliveira",
  "Petrov",
  "Quispe",
  "Rahman",
  "Rossi",
  "Santos",
  "Schmidt",
  "Singh",
  "Tanaka",
  "Torres",
  "Usman",
  "Van Dijk",
  "Wagner",
  "Wang",
  "Yilmaz",
  "Zulu",
  "Mamani",
  "Kealoha",
  "Bergstrom",
  "Adeyemi",
];
const PLACE_WORDS = ["Nordic", "Andean", "Pacific", "Sahel", "Baltic", "Alpine", "Coastal", "Highland", "Lakeside", "Delta", "Savanna", "Harbour"];
const TOPIC_WORDS = ["Knowledge", "Learning", "Library", "Archive", "Heritage", "Data", "Reading", "Language", "Science", "History", "Literacy", "Map"];
const ORGANISATION_FORMS: Record<TRequesterKind, string[]> = {
  individual: ["Project", "Collective", "Studio"],
  academic: ["University", "Institute", "Research Lab", "College"],
  nonprofit: ["Foundation", "Trust", "Society", "Initiative"],
  affiliate: ["Wikimedians User Group", "Wikimedia Chapter", "Community Network"],
  public_body: ["City Council", "National Agency", "Ministry of Education", "Public Library Service"],
  commercial: ["Ltd", "GmbH", "Inc.", "Technologies", "Labs", "Media Group"],
};

/** About sixty organisations per requester kind; the same for every seed, so searches stay comparable. */
const ORGANISATIONS = Object.fromEntries(
  REQUESTER_KINDS.map((kind, index) => {
    const random = randomFrom(mixSeed(1_729, index));
    const names = new Set<string>();
    while (names.size < 60) names.add(`${pick(random, PLACE_WORDS)} ${pick(random, TOPIC_WORDS)} ${pick(random, ORGANISATION_FORMS[kind])}`);
    return [kind, [...names]];
  }),
) as Record<TRequesterKind, string[]>;

const PRODUCTS = [
  "An offline reading app",
  "A search engine",
  "A voice assistant",
  "A fact-checking tool",
  "A knowledge graph explorer",
  "A museum guide app",
  "A translation memory",
  "A news aggregator",
  "A citation checker",
  "A browser extension",
  "A research dashboard",
  "A question answering service",
  "A map of historical sites",
  "A digital library",
  "A language learning app",
  "A biodiversity portal",
  "A civic information kiosk",
  "A quiz game",
  "A textbook companion",
  "An accessibility reader",
];
const AUDIENCES = [
  "secondary school students",
  "university researchers",
  "librarians",
  "journalists",
  "blind and partially sighted readers",
  "farmers",
  "nurses",
  "museum visitors",
  "language learners",
  "refugees",
  "teachers",
  "software developers",
  "historians",
  "patients",
  "local governments",
];
const PLACES = [
  "rural Kenya",
  "the Andes",
  "northern Sweden",
  "West Bengal",
  "the Pacific islands",
  "Brazil",
  "Indonesia",
  "Germany",
  "Nigeria",
  "Canada",
  "the Philippines",
  "Quebec",
  "Wales",
  "Catalonia",
  "Mongolia",
];
const FEATURES = [
  "syncs articles every week",
  "works without internet access",
  "links every answer back to its source",
  "keeps a daily snapshot of the articles",
  "updates entities in near real time",
  "shows infoboxes next to search results",
  "reads articles aloud",
  "compares revisions across languages",
  "builds timelines from dates in articles",
  "tracks edits to articles about elections",
];
/** Sentences with uncommon words, each in a small share of requests, for selective searches. */
const RARE_DETAILS = [
  "The pilot covers herpetology field guides.",
  "We start with ornithology and mycology articles.",
  "The corpus includes Quechua and Aymara.",
  "Our partners digitise palaeography manuscripts.",
  "We also index Wiktionary etymology entries.",
  "The first release covers volcanology.",
  "Readers asked for numismatics and philately.",
  "The archive holds glaciology survey data.",
  "We focus on Guarani and Wayuu speakers.",
  "A lexicography team curates the glossary.",
  "The kiosk runs in a lighthouse museum.",
  "Our tool checks cartography sources.",
  "The app teaches beekeeping and apiculture.",
  "We document Sami reindeer herding.",
  "The guide explains speleology safely.",
];
const GENAI_PURPOSES = [
  "We train our language model on article text to answer questions.",
  "Our chatbot answers questions with retrieval augmented generation.",
  "We fine-tune an LLM to summarise articles for readers.",
  "The articles are training data for a generative AI tutor.",
];
const SHORTFALLS = [
  "The monthly allowance runs out in a week.",
  "Rate limits are too low for our traffic.",
  "We cannot run our service there.",
  "The dumps are a month old by the time we load them.",
  "We need structured content, not wikitext.",
  "The free tier has no support contact.",
  "Parsing the dumps takes our small team days.",
  "We need edits within minutes, not days.",
];
const NEED_EXPLANATIONS = [
  "Our readers need fresh articles every day.",
  "Schools in the region have no reliable connection, so we ship weekly snapshots.",
  "Editors rely on our alerts within minutes of a change.",
  "Our volume grew tenfold after the national rollout.",
  "Researchers need a consistent snapshot to reproduce their results.",
  "Our users expect answers that cite the current article.",
];
const MISSION_EXPLANATIONS = [
  "We bring free knowledge to classrooms without internet.",
  "Every answer links back to Wikipedia and invites readers to edit.",
  "We help communities read about their own history in their own language.",
  "Our tools make articles usable by readers with disabilities.",
  "We share our corrections back with the editing community.",
  "The project widens access to knowledge in underserved regions.",
];
const COMMITMENTS = [
  "We credit every article and link back to it.",
  "Attribution and the licence are shown on every page we display.",
  "We follow the CC BY-SA licence and credit the authors.",
  "Readers always see where the text comes from and can open the article.",
];
const LONG_STATEMENT =
  "Our service sends readers back to Wikipedia with every answer, shows attribution prominently, and never presents the content " +
  "as our own. We do not compete with donations or editing: we add a prominent invitation to contribute, share usage figures " +
  "with the Foundation each quarter, and fund a volunteer programme in the communities we serve.";
const THIN_STATEMENTS = ["We follow best practices.", "No harm is expected.", "Our lawyers reviewed this.", "Ethics are important to us."];
const LANGUAGE_SETS = ["en", "en, sw, yo", "de, fr, it", "es, qu, ay", "hi, bn, ta", "ja, ko, zh", "pt, es", "ar, fa, ur", "id, ms, jv", "sv, nb, fi, se"];
const COUNTRY_CODES = [
  "US",
  "GB",
  "DE",
  "FR",
  "IN",
  "BR",
  "NG",
  "KE",
  "ZA",
  "JP",
  "ID",
  "MX",
  "CA",
  "AU",
  "ES",
  "IT",
  "NL",
  "SE",
  "PE",
  "BO",
  "PH",
  "BD",
  "EG",
  "TR",
  "PL",
].filter((code) => COUNTRIES.includes(code));

// --- One request -------------------------------------------------------------------------------

const STATUS_WEIGHTS = {
  SUBMITTED: 10,
  IN_REVIEW: 10,
  AWAITING_REQUESTER: 5,
  GRANTED: 35,
  DECLINED: 20,
  CANCELLED: 6,
  LAPSED: 4,
  EXPIRED: 6,
  WITHDRAWN: 4,
} satisfies Partial<Record<TRequestStatus, number>>;
/** How far back each open status reaches, in days; decided requests spread over three years. */
const OPEN_AGE_DAYS: Partial<Record<TRequestStatus, number>> = { SUBMITTED: 45, IN_REVIEW: 120, AWAITING_REQUESTER: 180 };
const HISTORY_DAYS = 3 * 365;
/** Grants still active were made within this many days, so that their expiry can lie ahead within 24 months. */
const ACTIVE_GRANT_DAYS = 600;

type TPlan = { status: TRequestStatus; submittedAt: Date; reference?: string };

function planRequest(random: TRandom, now: Date): TPlan {
  const status: TRequestStatus = weighted(random, STATUS_WEIGHTS);
  const openAge = OPEN_AGE_DAYS[status];
  // Decided requests lean recent, as demand grows; none is decided within a week of its submission.
  const history = status === "GRANTED" ? ACTIVE_GRANT_DAYS : HISTORY_DAYS;
  const ageDays = openAge ? random() * openAge : 7 + (history - 7) * (1 - Math.sqrt(random()));
  return { status, submittedAt: new Date(now.getTime() - ageDays * DAY) };
}

type TPerson = { kind: TRequesterKind; first: string; last: string; organisation: string };

function person(random: TRandom): TPerson {
  const kind = weighted<TRequesterKind>(random, { individual: 10, academic: 20, nonprofit: 22, affiliate: 10, public_body: 10, commercial: 28 });
  const organisation = kind === "individual" && chance(random, 0.6) ? "" : pickSkewed(random, ORGANISATIONS[kind]);
  return { kind, first: pick(random, FIRST_NAMES), last: pick(random, LAST_NAMES), organisation };
}

function purposeText(random: TRandom, genai: boolean) {
  const sentences = [`${pick(random, PRODUCTS)} for ${pick(random, AUDIENCES)} in ${pick(random, PLACES)} that ${pick(random, FEATURES)}.`];
  if (genai) sentences.push(pick(random, GENAI_PURPOSES));
  if (chance(random, 0.5)) sentences.push(`It ${pick(random, FEATURES)} and ${pick(random, FEATURES)}.`);
  if (chance(random, 0.1)) sentences.push(pick(random, RARE_DETAILS));
  return sentences.join(" ");
}

function whatAnswers(random: TRandom, genaiPurpose: boolean): Record<string, string | string[]> {
  const exceptionType = weighted(random, { above_free_volume: 55, new_feature: 15, sla_support: 20, other: 10 } satisfies Record<
    (typeof EXCEPTION_TYPES)[number],
    number
  >);
  const projects = [
    ...(chance(random, 0.9) ? ["wikipedia"] : []),
    ...(chance(random, 0.3) ? ["wikidata"] : []),
    ...(chance(random, 0.2) ? ["commons"] : []),
    ...(chance(random, 0.08) ? ["other"] : []),
  ];
  if (projects.length === 0) projects.push("wikidata");
  const volumes: Record<string, string> = {};
  // Some fit within the free account (which raises a flag); most are far above it.
  const small = chance(random, 0.08);
  for (const project of projects) {
    volumes[`${project}RequestsPerMonth`] = grouped(small ? between(random, 0, 4_000) : Math.round(10 ** (3.5 + random() * 4.5)));
    volumes[`${project}SnapshotsPerMonth`] = String(small ? between(random, 0, 2) : between(random, 0, 30));
    volumes[`${project}PeakPerSecond`] = chance(random, 0.5) ? String(between(random, 1, 500)) : "";
  }
  return {
    exceptionType,
    exceptionOther: exceptionType === "other" ? "We need a licence review for an offline device bundle." : "",
    purpose: purposeText(random, genaiPurpose),
    apis: subset(random, APIS, 0.5, true),
    projects,
    wikipediaLanguages: projects.includes("wikipedia") ? pick(random, LANGUAGE_SETS) : "",
    otherProjects: projects.includes("other") ? pick(random, ["Wiktionary", "Wikisource, Wikivoyage", "Wikispecies"]) : "",
    // Mostly a small share: about half of those asking for Wikidata end up in the joint queue.
    wikidataShare: projects.includes("wikidata") ? String(projects.length === 1 ? 100 : Math.round(1 + 79 * random() ** 2)) : "",
    wikidataCentral: projects.includes("wikidata") ? (chance(random, 0.2) ? "yes" : "no") : "",
    links: "",
    ...EMPTY_VOLUMES,
    ...volumes,
  };
}

function needAnswers(random: TRandom): Record<string, string | string[]> {
  // A few name no free method that fell short, which raises a flag.
  const unexplained = chance(random, 0.05);
  const methods = Object.fromEntries(
    ["free_account", "cloud_services", "dumps", "public_apis"].flatMap((method) => {
      const use = unexplained ? "not_considered" : weighted(random, { tried: 45, considered: 25, not_considered: 30 });
      return [
        [`${method}Use`, use],
        [`${method}Shortfall`, use === "not_considered" ? "" : pick(random, SHORTFALLS)],
      ];
    }),
  );
  const reasons = subset(random, ["above_free_rate", "missing_feature", "sla_required", "other"], 0.35, true);
  return {
    ...methods,
    reasons,
    reasonOther: reasons.includes("other") ? "Our funder requires a support agreement." : "",
    needExplanation: pick(random, NEED_EXPLANATIONS),
  };
}

const CONTRIBUTION_DESCRIPTIONS: Record<string, string> = {
  content_data: "Photos of the places we map, uploaded to Commons.",
  reports: "A yearly report on how readers use the articles.",
  tools: "Our reader app's offline packager, under an open licence.",
  infrastructure: "A mirror of the snapshots for schools in our region.",
  volunteer_support: "Two staff days a month for editathons.",
};

function obligationAnswers(random: TRandom, today: Date): Record<string, string | string[]> {
  const start = addDays(today, between(random, 7, 60));
  const customDevelopment = chance(random, 0.08) ? "yes" : "no";
  const currentApisSuffice = weighted(random, { yes: 60, no: 20, unsure: 20 });
  const kinds = chance(random, 0.1) ? [] : subset(random, ["content_data", "reports", "tools", "infrastructure", "volunteer_support"], 0.3, true);
  return {
    customDevelopment,
    customDevelopmentDetail: customDevelopment === "yes" ? "A filtered feed of medical articles with their references." : "",
    currentApisSuffice,
    currentApisDetail: currentApisSuffice === "yes" ? "" : "We would need the infobox data parsed into fields.",
    startDate: day(start),
    endDate: chance(random, 0.15) ? "" : day(addDays(start, pick(random, [91, 182, 365, 365, 365, 730]))),
    contributionKind: kinds,
    contributionDescription: kinds.map((kind) => CONTRIBUTION_DESCRIPTIONS[kind] ?? "A yearly report on how readers use the articles."),
    contributionLink: kinds.map((kind) => (kind === "tools" ? "https://example.org/tools/reader" : "")),
    contributionBy: kinds.map((kind) => (kind === "reports" ? day(addDays(start, 365)) : "")),
    noContributions: kinds.length === 0 ? "yes" : "",
    reciprocalDetail: "",
  };
}

function missionAnswers(random: TRandom): Record<string, string | string[]> {
  const special = subset(random, ["marginalised_communities", "underrepresented_languages", "sister_projects"], 0.12, false);
  return {
    recommendations: subset(random, STRATEGY_RECOMMENDATIONS, 0.15, true),
    missionExplanation: pick(random, MISSION_EXPLANATIONS),
    special,
    specialDetail: special.length > 0 ? "Most of our readers speak languages with few articles." : "",
    noSilos: "on",
  };
}

function valuesAnswers(random: TRandom, kind: TRequesterKind, generativeAi: boolean): Record<string, string | string[]> {
  return {
    commitment: pick(random, COMMITMENTS),
    benefitAreas: subset(random, ["education", "cultural_heritage", "research", "accessibility", "public_information"], 0.3, false),
    jeopardyStatement: kind === "commercial" ? (chance(random, 0.7) ? LONG_STATEMENT : pick(random, THIN_STATEMENTS)) : "",
    generativeAi: generativeAi ? "yes" : "no",
    aiEthics: generativeAi ? (chance(random, 0.6) ? LONG_STATEMENT : pick(random, THIN_STATEMENTS)) : "",
    noHarms: "yes",
    registerConsent: chance(random, 0.5) ? "on" : "",
  };
}

/** A complete set of answers, varied from the canonical complete one section by section. */
function requestAnswers(random: TRandom, who: TPerson, email: string, today: Date): Required<TDraftAnswers> {
  const base = completeAnswers(day(addDays(today, 7)));
  const generativeAi = chance(random, 0.2);
  // A few describe generative AI without declaring it, which raises a red flag.
  const genaiPurpose = generativeAi || chance(random, 0.03);
  return {
    who: {
      ...base.who,
      requesterKind: who.kind,
      contactName: `${who.first} ${who.last}`,
      organisation: who.organisation,
      email,
      enterpriseUsername: `${who.first}-${who.last}`.toLowerCase().replace(/\s+/g, "-"),
      country: pick(random, COUNTRY_CODES),
    },
    what: whatAnswers(random, genaiPurpose),
    need: needAnswers(random),
    obligation: obligationAnswers(random, today),
    mission: missionAnswers(random),
    values: valuesAnswers(random, who.kind, generativeAi),
  };
}

// --- One batch, built off the main thread ----------------------------------------------------------

type TReviewers = { wmf: string[]; wmde: string[] };
type TBatchInput = { seed: number; now: Date; plans: TPlan[]; reviewers: TReviewers };
/** Rows as JSON, the way the insert reads them: one parameter per table, whatever the batch size. */
type TBatchRows = { users: string; requests: string; decisions: string; contributions: string };

const ASSIGNED_SHARE: Partial<Record<TRequestStatus, number>> = { SUBMITTED: 0.1, IN_REVIEW: 0.85, AWAITING_REQUESTER: 0.9 };

function assigneeOf(random: TRandom, plan: TPlan, joint: boolean, reviewers: TReviewers) {
  if (!chance(random, ASSIGNED_SHARE[plan.status] ?? 0.95)) return null;
  if (joint && reviewers.wmde.length > 0 && chance(random, 0.3)) return pick(random, reviewers.wmde);
  return pickSkewed(random, reviewers.wmf);
}

function lastActivityOf(random: TRandom, plan: TPlan, now: Date) {
  const submitted = plan.submittedAt.getTime();
  const later = plan.status in OPEN_AGE_DAYS ? random() * (now.getTime() - submitted) : between(random, 3, 120) * DAY;
  return new Date(Math.min(now.getTime(), submitted + later));
}

const WITHDRAWAL_REASONS = ["USE_CASE_ENDED", "MISUSE", "POLICY", "REQUESTER_WISH"] as const;
const DECIDED = new Set<TRequestStatus>(["GRANTED", "DECLINED", "EXPIRED", "WITHDRAWN"]);

/**
 * The decision of a decided request, consistent with its status: an active grant expires ahead of
 * `now` (some within 30 days, for the dashboard), an expired one behind it, a withdrawn one ended
 * before its expiry; no grant runs longer than 24 months. A grant the requester agreed to list
 * carries its register entry.
 */
function decisionOf(random: TRandom, plan: TPlan, requestId: string, decidedById: string, now: Date, entry: TRegisterEntry | null) {
  // An expired grant needs a start and an expiry behind `now`.
  const latest = now.getTime() - (plan.status === "EXPIRED" ? 3 : 1) * DAY;
  const decidedAt = new Date(Math.min(addDays(plan.submittedAt, between(random, 7, 60)).getTime(), latest));
  const criteria = subset(random, ["who", "what", "need", "obligation", "mission", "values"] as const, 0.4, true);
  const base = { id: idAt(random, decidedAt), requestId, decidedById, decidedAt, criteria };
  if (plan.status === "DECLINED") {
    return {
      decision: {
        ...base,
        outcome: "DECLINED",
        message: "Thank you for your request. The free access methods cover the volume described.",
        rationale: "Need not shown.",
        apis: [],
      },
      expiresAt: null,
    };
  }
  const startsAt = new Date(`${day(decidedAt)}T00:00:00.000Z`);
  const longest = addDays(startsAt, 730).getTime();
  let expiry: number;
  if (plan.status === "GRANTED") {
    const soon = chance(random, 0.15);
    expiry = Math.min(longest, now.getTime() + (soon ? between(random, 1, 30) : between(random, 31, 540)) * DAY);
  } else if (plan.status === "EXPIRED") {
    expiry = Math.min(longest, startsAt.getTime() + between(random, 90, 730) * DAY, now.getTime() - between(random, 2, 90) * DAY);
  } else {
    expiry = Math.min(longest, startsAt.getTime() + between(random, 180, 730) * DAY);
  }
  const expiresAt = new Date(`${day(new Date(Math.max(expiry, startsAt.getTime() + DAY)))}T23:59:59.999Z`);
  const apis = subset(random, APIS, 0.5, true);
  const ended =
    plan.status === "WITHDRAWN" ? new Date(Math.min(now.getTime(), expiresAt.getTime(), decidedAt.getTime() + between(random, 30, 300) * DAY)) : null;
  return {
    decision: {
      ...base,
      outcome: "GRANTED",
      message: "Your access is ready. Thank you for your work for free knowledge.",
      rationale: "Clear need above the free volume and a strong mission fit.",
      apis,
      onDemandPerMonth: apis.includes("on_demand") ? between(random, 1, 50) * 10_000 : null,
      snapshotFrequency: apis.includes("snapshot") ? pick(random, ["daily", "weekly", "monthly"]) : null,
      realtime: apis.includes("realtime"),
      startsAt,
      expiresAt,
      endedAt: ended,
      endedById: ended ? decidedById : null,
      endReason: ended ? pick(random, WITHDRAWAL_REASONS) : null,
      endNote: ended ? "The use case has changed." : null,
      updatedAt: ended ?? decidedAt,
      ...entry,
    },
    expiresAt,
  };
}

type TRegisterEntry = { publicName: string; publicSummary: string };

/**
 * The public register entry a reviewer would approve for a consented request: the draft the grant
 * form offers, and for an individual a project name (picked from the request id, so the random
 * stream, and with it every other row, stays as it was).
 */
function registerEntryOf(answers: TDraftAnswers, requestId: string): TRegisterEntry | null {
  if (!registerConsented(answers)) return null;
  const draft = publicDraft(answers);
  const projects = ORGANISATIONS.individual;
  const hash = [...requestId].reduce((value, character) => (Math.imul(value, 31) + character.charCodeAt(0)) >>> 0, 7);
  return { publicName: draft.name || projects[hash % projects.length]!, publicSummary: draft.summary };
}

const CONTRIBUTION_STATUSES = ["PROMISED", "IN_PROGRESS", "DELIVERED", "DELIVERED", "DROPPED"] as const;

/**
 * A grant's contributions: every promise confirmed in the requester's words, each at a stage
 * picked from the request id and its position (so the random stream, and every other row, stays
 * as it was); a delivered one has a link to where it can be seen.
 */
function grantContributionRows(answers: TDraftAnswers, requestId: string, decidedAt: Date, now: Date) {
  return promisedContributions(answers).map((promise, index) => {
    const hash = [...`${requestId}:${index}`].reduce((value, character) => (Math.imul(value, 31) + character.charCodeAt(0)) >>> 0, 11);
    const status = CONTRIBUTION_STATUSES[hash % CONTRIBUTION_STATUSES.length]!;
    const delivered = status === "DELIVERED";
    return {
      id: `${requestId}-c${index + 1}`,
      requestId,
      position: index + 1,
      kind: promise.kind,
      description: promise.description,
      link: promise.link ?? null,
      expectedBy: promise.expectedBy ?? null,
      status,
      deliveredLink: delivered ? `https://meta.wikimedia.org/wiki/Grants:Enterprise/${requestId}/${index + 1}` : null,
      deliveredAt: delivered ? new Date(Math.min(now.getTime(), decidedAt.getTime() + (30 + (hash % 300)) * DAY_MS)) : null,
      createdAt: decidedAt,
      updatedAt: decidedAt,
    };
  });
}

/** Each request with its own requester, and the queue's columns derived by the same rules as submission. */
function buildBatch({ seed, now, plans, reviewers }: TBatchInput): TBatchRows {
  const random = randomFrom(seed);
  const users: object[] = [];
  const decisions: object[] = [];
  const contributions: object[] = [];
  const requests = plans.map((plan) => {
    const who = person(random);
    const createdAt = new Date(plan.submittedAt.getTime() - random() * 30 * DAY);
    const requesterId = idAt(random, createdAt);
    const email = `${who.first}.${who.last}.${requesterId}@example.org`.toLowerCase().replace(/\s+/g, "");
    users.push({ id: requesterId, email, name: `${who.first} ${who.last}`, emailVerified: createdAt, createdAt, updatedAt: createdAt });
    const answers = requestAnswers(random, who, email, plan.submittedAt);
    const columns = reviewColumns(answers, { today: day(plan.submittedAt), wikidataShareThreshold: DEFAULT_WIKIDATA_SHARE_THRESHOLD });
    const lastActivityAt = lastActivityOf(random, plan, now);
    const id = idAt(random, createdAt);
    const assigneeId = assigneeOf(random, plan, columns.joint, reviewers);
    let expiresAt: Date | null = null;
    let decidedAt: Date | null = null;
    if (DECIDED.has(plan.status)) {
      const decidedById = assigneeId && reviewers.wmf.includes(assigneeId) ? assigneeId : pickSkewed(random, reviewers.wmf);
      const made = decisionOf(random, plan, id, decidedById, now, plan.status === "DECLINED" ? null : registerEntryOf(answers, id));
      decisions.push(made.decision);
      if (plan.status !== "DECLINED") contributions.push(...grantContributionRows(answers, id, made.decision.decidedAt, now));
      expiresAt = made.expiresAt;
      // Set here as well, so that the decisions' trigger finds nothing left to copy.
      decidedAt = made.decision.decidedAt;
    }
    return {
      id,
      reference: plan.reference,
      requesterId,
      status: plan.status,
      version: between(random, 2, 12),
      answers,
      createdAt,
      updatedAt: lastActivityAt,
      submittedAt: plan.submittedAt,
      lastActivityAt,
      ...columns,
      assigneeId,
      expiresAt,
      decidedAt,
    };
  });
  return {
    users: JSON.stringify(users),
    requests: JSON.stringify(requests),
    decisions: JSON.stringify(decisions),
    contributions: JSON.stringify(contributions),
  };
}

/**
 * Deriving the columns parses every section (about a millisecond a request), which would make
 * the seed CPU-bound on one core; worker threads build batches while the main thread writes.
 */
function startBatchWorker() {
  // Workers do not inherit tsx's loader on Node 20: register it before loading this file.
  const entry = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(import.meta.url)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(entry)}`), { workerData: { role: WORKER_ROLE } });
  return {
    build: (input: TBatchInput) =>
      new Promise<TBatchRows>((resolve, reject) => {
        worker.once("error", reject);
        worker.once("message", (rows: TBatchRows) => {
          worker.off("error", reject);
          resolve(rows);
        });
        worker.postMessage(input);
      }),
    stop: () => worker.terminate(),
  };
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  // The section schemas are built afresh for each request, so zod's compiled fast path only costs.
  z.config({ jitless: true });
  parentPort?.on("message", (input: TBatchInput) => parentPort?.postMessage(buildBatch(input)));
}

// --- Writing -----------------------------------------------------------------------------------

/** Creates the bulk reviewers once. */
async function ensureReviewers(db: TDb): Promise<TReviewers> {
  await db.user.createMany({ data: BULK_REVIEWERS.map((reviewer) => ({ ...reviewer, emailVerified: new Date() })), skipDuplicates: true });
  const users = await db.user.findMany({ where: { email: { in: BULK_REVIEWERS.map((reviewer) => reviewer.email) } }, select: { id: true, role: true } });
  return {
    wmf: users.filter((user) => user.role !== "WMDE_REVIEWER").map((user) => user.id),
    wmde: users.filter((user) => user.role === "WMDE_REVIEWER").map((user) => user.id),
  };
}

/** Takes the next reference numbers of each year, as submission does, so the app carries on after them. */
async function reserveReferences(db: TDb, plans: TPlan[]) {
  const byYear = new Map<number, TPlan[]>();
  for (const plan of plans) {
    const year = plan.submittedAt.getUTCFullYear();
    const yearPlans = byYear.get(year) ?? [];
    yearPlans.push(plan);
    byYear.set(year, yearPlans);
  }
  for (const [year, yearPlans] of byYear) {
    const [counter] = await db.$queryRaw<{ last: number }[]>`
      INSERT INTO "ReferenceCounter" ("year", "last") VALUES (${year}, ${yearPlans.length})
      ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + ${yearPlans.length}
      RETURNING "last"`;
    const first = counter!.last - yearPlans.length + 1;
    for (const [index, plan] of yearPlans.entries()) plan.reference = formatReference(year, first + index);
  }
}

/**
 * One statement per table, the rows in a single JSON parameter: createMany spends about a second
 * of client CPU on every thousand requests, four times what PostgreSQL needs to store them.
 */
async function insertBatch(db: TDb, rows: TBatchRows) {
  await db.$transaction([
    db.$executeRaw`
      INSERT INTO "User" ("id", "email", "name", "emailVerified", "createdAt", "updatedAt")
      SELECT "id", "email", "name", "emailVerified", "createdAt", "updatedAt"
      FROM json_to_recordset(${rows.users}::json) AS row("id" text, "email" text, "name" text, "emailVerified" timestamp(3), "createdAt" timestamp(3), "updatedAt" timestamp(3))`,
    db.$executeRaw`
      INSERT INTO "Request" ("id", "reference", "requesterId", "status", "version", "answers", "createdAt", "updatedAt", "submittedAt", "lastActivityAt",
        "joint", "routingReasons", "flags", "flagged", "requesterKind", "exceptionType", "apis", "organisation", "contactName", "searchText", "assigneeId", "expiresAt",
        "decidedAt")
      SELECT "id", "reference", "requesterId", "status", "version", "answers", "createdAt", "updatedAt", "submittedAt", "lastActivityAt",
        "joint", "routingReasons", "flags", "flagged", "requesterKind", "exceptionType", "apis", "organisation", "contactName", "searchText", "assigneeId", "expiresAt",
        "decidedAt"
      FROM json_to_recordset(${rows.requests}::json) AS row("id" text, "reference" text, "requesterId" text, "status" "RequestStatus", "version" integer,
        "answers" jsonb, "createdAt" timestamp(3), "updatedAt" timestamp(3), "submittedAt" timestamp(3), "lastActivityAt" timestamp(3), "joint" boolean,
        "routingReasons" jsonb, "flags" jsonb, "flagged" boolean, "requesterKind" text, "exceptionType" text, "apis" text[], "organisation" text,
        "contactName" text, "searchText" text, "assigneeId" text, "expiresAt" timestamp(3), "decidedAt" timestamp(3))`,
    db.$executeRaw`
      INSERT INTO "Decision" ("id", "requestId", "outcome", "decidedById", "decidedAt", "message", "rationale", "criteria", "apis", "onDemandPerMonth",
        "snapshotFrequency", "realtime", "startsAt", "expiresAt", "endedAt", "endedById", "endReason", "endNote", "publicName", "publicSummary", "updatedAt")
      SELECT "id", "requestId", "outcome", "decidedById", "decidedAt", "message", "rationale", "criteria", coalesce("apis", '{}'), "onDemandPerMonth",
        "snapshotFrequency", coalesce("realtime", false), "startsAt", "expiresAt", "endedAt", "endedById", "endReason", "endNote", "publicName", "publicSummary",
        coalesce("updatedAt", "decidedAt")
      FROM json_to_recordset(${rows.decisions}::json) AS row("id" text, "requestId" text, "outcome" "DecisionOutcome", "decidedById" text,
        "decidedAt" timestamp(3), "message" text, "rationale" text, "criteria" text[], "apis" text[], "onDemandPerMonth" integer,
        "snapshotFrequency" text, "realtime" boolean, "startsAt" timestamp(3), "expiresAt" timestamp(3), "endedAt" timestamp(3),
        "endedById" text, "endReason" "WithdrawalReason", "endNote" text, "publicName" text, "publicSummary" text, "updatedAt" timestamp(3))`,
    db.$executeRaw`
      INSERT INTO "Contribution" ("id", "requestId", "position", "kind", "description", "link", "expectedBy", "status", "deliveredLink", "deliveredAt", "createdAt", "updatedAt")
      SELECT "id", "requestId", "position", "kind", "description", "link", "expectedBy", "status", "deliveredLink", "deliveredAt", "createdAt", "updatedAt"
      FROM json_to_recordset(${rows.contributions}::json) AS row("id" text, "requestId" text, "position" integer, "kind" text, "description" text, "link" text,
        "expectedBy" timestamp(3), "status" "ContributionStatus", "deliveredLink" text, "deliveredAt" timestamp(3), "createdAt" timestamp(3), "updatedAt" timestamp(3))`,
  ]);
}

/**
 * Adds `count` submitted requests, each from its own requester, with answers varied from the
 * canonical complete set, spread over three years and every status, in batches of a thousand.
 */
export async function seedBulkRequests(db: TDb, { count, seed, now, onProgress }: TSeedBulkOptions): Promise<{ written: number }> {
  // Existing rows move the random stream on, so a second run with the same seed adds new rows.
  const start = await db.request.count();
  const random = randomFrom(mixSeed(seed, start));
  const plans = Array.from({ length: count }, () => planRequest(random, now)).sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const reviewers = await ensureReviewers(db);
  await reserveReferences(db, plans);

  const batches = Array.from(
    { length: Math.ceil(count / BATCH_SIZE) },
    (_, index): TBatchInput => ({
      seed: mixSeed(seed, start, index),
      now,
      plans: plans.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE),
      reviewers,
    }),
  );
  let next = 0;
  let written = 0;
  // One lane per core: while one lane's worker builds a batch, another lane writes its own.
  const lane = async () => {
    const worker = startBatchWorker();
    try {
      for (let batch = batches[next++]; batch; batch = batches[next++]) {
        await insertBatch(db, await worker.build(batch));
        written += batch.plans.length;
        onProgress?.(written);
      }
    } finally {
      await worker.stop();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(os.availableParallelism(), 4, batches.length)) }, lane));
  return { written };
}

// --- Command line ------------------------------------------------------------------------------

/** The bulk seed writes thousands of rows: never near a database on another machine without --force. */
function assertLocal(url: string, force: boolean) {
  const { hostname } = new URL(url);
  if (LOCAL_HOSTS.has(hostname) || force) return;
  throw new Error(`Refusing to seed ${hostname}: bulk requests are for a database on this machine. Add --force if you mean it.`);
}

/** The embedded database of a running `npm start`, if any: starting a second one would stop it. */
async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const urlFile = path.join(dataDir, "database-url");
  if (!existsSync(path.join(dataDir, "postgres", "postmaster.pid")) || !existsSync(urlFile)) return undefined;
  const url = readFileSync(urlFile, "utf8").trim();
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main() {
  // Loaded here, not at the top: worker threads load this file too, and need none of it.
  const [{ createDb }, { startEmbeddedDb }, { runNodeBin }] = await Promise.all([
    import("@/lib/db"),
    import("@/scripts/embedded-db"),
    import("@/scripts/run-bin"),
  ]);
  const { positionals, values } = parseArgs({
    options: { seed: { type: "string", default: "1" }, force: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const count = Number(positionals[0] ?? 1_000);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) throw new Error("Usage: npm run db:seed-bulk -- <count> [--seed <integer>] [--force]");

  const config = parseEnv({ ...process.env, APP_ENV: "development" });
  const running = config.embeddedDatabase ? await runningEmbeddedUrl(config.dataDir) : undefined;
  const started =
    config.embeddedDatabase && !running ? await startEmbeddedDb({ dataDir: config.dataDir, port: config.embeddedDbPort, log: console.log }) : undefined;
  const url = config.databaseUrl ?? running ?? started!.url;
  try {
    assertLocal(url, values.force);
    if (started) await runNodeBin("prisma", ["migrate", "deploy"], { ...process.env, DATABASE_URL: url }, { quiet: true });
    const db = createDb(url);
    const began = performance.now();
    try {
      await seedBulkRequests(db, {
        count,
        seed,
        now: new Date(),
        onProgress: (written) => written % 10_000 === 0 && console.log(`[seed-bulk] ${grouped(written)} of ${grouped(count)}`),
      });
    } finally {
      await db.$disconnect();
    }
    console.log(`[seed-bulk] Added ${grouped(count)} requests in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  } finally {
    await started?.stop();
  }
}

if (isMainThread && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
