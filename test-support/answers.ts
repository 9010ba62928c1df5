// A complete, valid set of answers as the browser posts them, for tests that need a finished request.
import type { TDraftAnswers } from "@/lib/domain/request/sections";

type TPost = Record<string, string | string[]>;

/** Every volume box of the What section, empty, as the form posts them. */
export const EMPTY_VOLUMES: TPost = Object.fromEntries(
  ["wikipedia", "wikidata", "commons", "other"].flatMap((project) =>
    ["RequestsPerMonth", "PeakPerSecond", "SnapshotsPerMonth"].map((field) => [`${project}${field}`, ""]),
  ),
);

/** Every section answered; the requested start date is the one given (it must not be in the past). */
export function completeAnswers(startDate: string): Required<TDraftAnswers> {
  const who: TPost = {
    requesterKind: "nonprofit",
    contactName: "Ada Lovelace",
    organisation: "Open Knowledge Lab",
    email: "ada@example.org",
    enterpriseUsername: "ada-lab",
    country: "GB",
  };

  const what: TPost = {
    exceptionType: "above_free_volume",
    exceptionOther: "",
    purpose: "A reading app for schools that works offline.",
    apis: ["snapshot", "on_demand"],
    projects: ["wikipedia"],
    wikipediaLanguages: "en, sw, yo",
    otherProjects: "",
    wikidataShare: "",
    wikidataCentral: "",
    links: "",
    ...EMPTY_VOLUMES,
    wikipediaRequestsPerMonth: "1,000,000",
    wikipediaPeakPerSecond: "",
    wikipediaSnapshotsPerMonth: "4",
  };

  const need: TPost = {
    free_accountUse: "tried",
    free_accountShortfall: "The monthly allowance runs out in a week.",
    cloud_servicesUse: "considered",
    cloud_servicesShortfall: "We cannot run our service there.",
    dumpsUse: "not_considered",
    dumpsShortfall: "",
    public_apisUse: "tried",
    public_apisShortfall: "Rate limits are too low for our traffic.",
    reasons: ["above_free_rate"],
    reasonOther: "",
    needExplanation: "Our readers need fresh articles every day.",
  };

  const obligation: TPost = {
    customDevelopment: "no",
    customDevelopmentDetail: "",
    currentApisSuffice: "yes",
    currentApisDetail: "",
    startDate,
    endDate: "",
    contributionKind: ["reports"],
    contributionDescription: ["A yearly report on how students use the articles."],
    contributionLink: [""],
    contributionBy: [""],
    reciprocalDetail: "",
  };

  const mission: TPost = {
    recommendations: ["knowledge_management"],
    missionExplanation: "We bring free knowledge to classrooms without internet.",
    specialDetail: "",
    noSilos: "on",
  };

  const values: TPost = {
    commitment: "We credit every article and link back to it.",
    benefitAreas: ["education"],
    jeopardyStatement: "",
    generativeAi: "no",
    aiEthics: "",
    noHarms: "yes",
  };

  return { who, what, need, obligation, mission, values };
}

/** A Wikidata-heavy research visualisation tracking 40 Wikipedia languages, for two years (like Wikimaps). */
export function wikidataHeavyResearch(startDate: string, endDate: string): Required<TDraftAnswers> {
  const answers = completeAnswers(startDate);
  return {
    ...answers,
    who: { ...answers.who, requesterKind: "academic", organisation: "University of Lausanne" },
    what: {
      ...answers.what,
      purpose: "An interactive map of how 40 Wikipedia language editions describe places, linked through Wikidata.",
      apis: ["snapshot", "on_demand"],
      projects: ["wikipedia", "wikidata"],
      wikipediaLanguages: "40 editions: en, de, fr, it, es, pt, ru, ja, zh, ar and 30 more",
      wikidataShare: "60",
      wikidataCentral: "no",
      wikipediaRequestsPerMonth: "400,000",
      wikipediaSnapshotsPerMonth: "2",
      wikidataRequestsPerMonth: "600,000",
      wikidataSnapshotsPerMonth: "2",
    },
    obligation: { ...answers.obligation, endDate },
  };
}
