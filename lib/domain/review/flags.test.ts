import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { TDraftAnswers, TSectionId } from "@/lib/domain/request/sections";
import { completeAnswers, wikidataHeavyResearch } from "@/test-support/answers";

import { computeFlags, FLAG_IDS, FLAG_SEVERITY, type TAccountFacts, type TFlag } from "./flags";
import { parseAnswers } from "./parsed";

const TODAY = "2026-11-22";
const START = "2026-12-01";

type TPost = Record<string, string | string[]>;

/** A complete request with the given fields of one section changed. */
function changed(section: TSectionId, changes: TPost, base: TDraftAnswers = completeAnswers(START)): TDraftAnswers {
  return { ...base, [section]: { ...base[section], ...changes } };
}

/** The flags of a request, as `id key params…` lines: easy to read in a failed assertion. */
function flagsOf(answers: TDraftAnswers): string[] {
  return computeFlags(answers, TODAY).map((flag) => [flag.id, flag.key, ...flag.params].join(" "));
}

const flagIds = (answers: TDraftAnswers) => computeFlags(answers, TODAY).map((flag) => flag.id);
const flag = (answers: TDraftAnswers, id: TFlag["id"]) => computeFlags(answers, TODAY).find((found) => found.id === id);

/** A request with a fixed end date, so that the open-ended warning stays out of the way. */
const ONE_YEAR = changed("obligation", { endDate: "2027-06-01" });

/** A real ethics statement: well over 200 characters and 30 words. */
const ETHICS =
  "We only generate answers that quote and link the Wikipedia articles they come from. A person reviews every model change, " +
  "we publish our evaluation of factual errors each quarter, we never present generated text as written by Wikipedia editors, " +
  "and we do not use the content to imitate contributors.";

const words = (count: number, word = "word") => Array.from({ length: count }, () => word).join(" ");

describe("parsed answers", () => {
  it("reads every section of a complete request into typed values", () => {
    const parsed = parseAnswers(completeAnswers(START), TODAY);
    assert.equal(parsed.who?.requesterKind, "nonprofit");
    assert.deepEqual(parsed.what?.volumes.wikipedia, { requestsPerMonth: 1_000_000, peakPerSecond: undefined, snapshotsPerMonth: 4 });
    assert.equal(parsed.need?.methods.free_account.use, "tried");
    assert.equal(parsed.obligation?.startDate, START);
    assert.deepEqual(parsed.mission?.special, []);
    assert.equal(parsed.values?.generativeAi, "no");
  });

  it("leaves out a section that is missing or does not pass its rules", () => {
    const { need: _need, ...rest } = completeAnswers(START);
    const parsed = parseAnswers(changed("mission", { missionExplanation: "" }, rest), TODAY);
    assert.deepEqual(Object.keys(parsed).sort(), ["obligation", "values", "what", "who"]);
  });

  it("checks the commercial requester's statement with the requester kind from Who", () => {
    const commercial = changed("who", { requesterKind: "commercial" });
    assert.equal(parseAnswers(commercial, TODAY).values, undefined);
    assert.ok(parseAnswers(changed("values", { jeopardyStatement: "We would close." }, commercial), TODAY).values);
  });
});

describe("reviewer flags", () => {
  it("lists the flag ids red first, then warnings, then positive markers", () => {
    const rank = { red: 0, warning: 1, positive: 2 };
    const ranks = FLAG_IDS.map((id) => rank[FLAG_SEVERITY[id]]);
    assert.deepEqual(ranks, [...ranks].sort());
    assert.deepEqual(new Set(ranks), new Set([0, 1, 2]));
  });

  it("flags only the open-ended duration of the sample request", () => {
    assert.deepEqual(flagsOf(completeAnswers(START)), ["open_ended_or_long flag-open-ended"]);
    assert.deepEqual(flagsOf(ONE_YEAR), []);
  });

  it("warns only about the long duration of a Wikidata-heavy research visualisation tracking 40 Wikipedia languages", () => {
    const request = wikidataHeavyResearch(START, "2028-12-01");
    const flags = computeFlags(request, TODAY);
    assert.deepEqual(flags, [{ id: "open_ended_or_long", severity: "warning", key: "flag-long-duration", params: [24] }]);
    assert.equal(
      flags.some((found) => found.severity === "red"),
      false,
    );
  });

  it("raises both red flags for a generative-AI start-up with no ethics statement", () => {
    const startUp = changed("who", { requesterKind: "commercial", organisation: "Answerly Inc." }, ONE_YEAR);
    const answers = changed("values", { generativeAi: "yes", aiEthics: "We use AI responsibly.", jeopardyStatement: "We would grow more slowly." }, startUp);
    assert.deepEqual(computeFlags(answers, TODAY), [
      { id: "genai_without_ethics", severity: "red", key: "flag-genai-ethics-thin", params: [4, 22] },
      { id: "commercial_without_public_benefit", severity: "red", key: "flag-commercial-jeopardy-thin", params: [26] },
    ]);
  });

  it("raises the generative-AI flag for a start-up that says 'no' but fine-tunes an LLM on Wikipedia", () => {
    const startUp = changed("who", { requesterKind: "commercial", organisation: "Answerly Inc." }, ONE_YEAR);
    const purpose = changed("what", { purpose: "We fine-tune an LLM on Wikipedia to answer our customers' questions." }, startUp);
    const answers = changed("values", { generativeAi: "no", jeopardyStatement: "We would grow more slowly." }, purpose);
    assert.deepEqual(flagsOf(answers), [
      "genai_without_ethics flag-genai-undeclared fine-tune",
      "commercial_without_public_benefit flag-commercial-jeopardy-thin 26",
    ]);
  });

  it("accepts a generative-AI use case with a real ethics statement", () => {
    assert.equal(flag(changed("values", { generativeAi: "yes", aiEthics: ETHICS }, ONE_YEAR), "genai_without_ethics"), undefined);
  });

  it("calls an ethics statement thin under 200 characters, however many words", () => {
    const statement = words(40, "ok").padEnd(199, "!");
    assert.equal(statement.length, 199);
    assert.ok(flag(changed("values", { generativeAi: "yes", aiEthics: statement }), "genai_without_ethics"));
    assert.equal(flag(changed("values", { generativeAi: "yes", aiEthics: `${statement}!` }), "genai_without_ethics"), undefined);
  });

  it("calls an ethics statement thin under 30 words, however long", () => {
    const statement = words(29, "responsibility");
    assert.ok(statement.length >= 200);
    assert.deepEqual(flag(changed("values", { generativeAi: "yes", aiEthics: statement }), "genai_without_ethics")?.params, [29, statement.length]);
    assert.equal(flag(changed("values", { generativeAi: "yes", aiEthics: `${statement} accountability` }), "genai_without_ethics"), undefined);
  });

  it("finds generative AI mentioned anywhere the use case is described, naming the words found", () => {
    const mentions: [TSectionId, string, string][] = [
      ["what", "purpose", "A Generative AI assistant for librarians."],
      ["what", "purpose", "Our GenAI search answers in plain language."],
      ["what", "purpose", "A gen-AI tutor for pupils."],
      ["what", "purpose", "Answers drafted by a large language model."],
      ["what", "purpose", "Answers drafted by ChatGPT."],
      ["what", "purpose", "Built on GPT-4 with citations."],
      ["what", "purpose", "A chatbot for museum visitors."],
      ["what", "purpose", "We run retrieval-augmented generation over articles."],
      ["need", "needExplanation", "We need fresh articles to train our model every week."],
      ["need", "needExplanation", "Fresh articles for training a new model each week."],
      ["need", "free_accountShortfall", "Too slow to gather training data."],
      ["mission", "missionExplanation", "Fine-tuning open LLMs in African languages."],
      ["values", "commitment", "We publish our fine tuned weights openly."],
    ];
    const expected = [
      "Generative AI",
      "GenAI",
      "gen-AI",
      "large language model",
      "ChatGPT",
      "GPT",
      "chatbot",
      "retrieval-augmented generation",
      "train our model",
      "training a new model",
      "training data",
      "Fine-tuning",
      "fine tuned",
    ];
    mentions.forEach(([section, field, text], index) => {
      assert.deepEqual(flag(changed(section, { [field]: text }, ONE_YEAR), "genai_without_ethics")?.params, [expected[index]], text);
    });
  });

  it("matches generative-AI terms only as whole words", () => {
    for (const purpose of [
      "Travel guides for Egypt.",
      "Links to allmusic and gptables.",
      "We train our volunteers to model good citations.",
      "A regenai festival.",
    ]) {
      assert.equal(flag(changed("what", { purpose }, ONE_YEAR), "genai_without_ethics"), undefined, purpose);
    }
  });

  it("does not read an ethics answer left over from before the requester switched to 'no'", () => {
    assert.equal(flag(changed("values", { generativeAi: "no", aiEthics: "We fine-tune an LLM." }, ONE_YEAR), "genai_without_ethics"), undefined);
  });

  it("raises no generative-AI flag while the Values section is unanswered", () => {
    const { values: _values, ...rest } = changed("what", { purpose: "A chatbot for museum visitors." });
    assert.equal(flag(rest, "genai_without_ethics"), undefined);
  });

  it("flags a commercial requester whose public-benefit statement is under 200 characters", () => {
    const commercial = changed("who", { requesterKind: "commercial" }, ONE_YEAR);
    const statement = "x".repeat(199);
    assert.deepEqual(flag(changed("values", { jeopardyStatement: statement }, commercial), "commercial_without_public_benefit")?.params, [199]);
    assert.equal(flag(changed("values", { jeopardyStatement: `${statement}x` }, commercial), "commercial_without_public_benefit"), undefined);
  });

  it("does not ask non-commercial requesters for a public-benefit statement", () => {
    for (const requesterKind of ["individual", "academic", "nonprofit", "affiliate", "public_body"]) {
      assert.equal(flag(changed("who", { requesterKind }, ONE_YEAR), "commercial_without_public_benefit"), undefined, requesterKind);
    }
  });

  it("warns when no free method is said to have been tried or considered", () => {
    const answers = changed(
      "need",
      {
        free_accountUse: "not_considered",
        cloud_servicesUse: "not_considered",
        dumpsUse: "not_considered",
        public_apisUse: "not_considered",
      },
      ONE_YEAR,
    );
    assert.deepEqual(flagsOf(answers), ["need_names_no_insufficient_method flag-need-no-method"]);
  });

  it("is satisfied by one free method considered and found wanting", () => {
    const answers = changed(
      "need",
      {
        free_accountUse: "not_considered",
        cloud_servicesUse: "not_considered",
        dumpsUse: "considered",
        dumpsShortfall: "Twice a month is too stale for us.",
        public_apisUse: "not_considered",
      },
      ONE_YEAR,
    );
    assert.equal(flag(answers, "need_names_no_insufficient_method"), undefined);
  });

  it("warns when the expected volume fits the free account, with the totals", () => {
    const answers = changed("what", { wikipediaRequestsPerMonth: "5,000", wikipediaSnapshotsPerMonth: "2" }, ONE_YEAR);
    assert.deepEqual(computeFlags(answers, TODAY), [
      { id: "volume_within_free_limits", severity: "warning", key: "flag-volume-within-free", params: [5000, 2] },
    ]);
  });

  it("does not warn once requests go over 5,000 a month", () => {
    const answers = changed("what", { wikipediaRequestsPerMonth: "5001", wikipediaSnapshotsPerMonth: "2" }, ONE_YEAR);
    assert.equal(flag(answers, "volume_within_free_limits"), undefined);
  });

  it("adds up requests across projects but counts snapshots per project", () => {
    const twoProjects = {
      projects: ["wikipedia", "commons"],
      wikipediaRequestsPerMonth: "3000",
      wikipediaSnapshotsPerMonth: "2",
      commonsRequestsPerMonth: "2000",
      commonsSnapshotsPerMonth: "2",
    };
    assert.deepEqual(flag(changed("what", twoProjects, ONE_YEAR), "volume_within_free_limits")?.params, [5000, 4]);
    assert.equal(flag(changed("what", { ...twoProjects, commonsRequestsPerMonth: "2001" }, ONE_YEAR), "volume_within_free_limits"), undefined);
    assert.equal(flag(changed("what", { ...twoProjects, commonsSnapshotsPerMonth: "3" }, ONE_YEAR), "volume_within_free_limits"), undefined);
  });

  it("does not call a Realtime request free-sized, whatever its volume", () => {
    const answers = changed("what", { apis: ["realtime"], wikipediaRequestsPerMonth: "0", wikipediaSnapshotsPerMonth: "0" }, ONE_YEAR);
    assert.equal(flag(answers, "volume_within_free_limits"), undefined);
  });

  it("warns when custom development is needed", () => {
    const answers = changed("obligation", { customDevelopment: "yes", customDevelopmentDetail: "A snapshot of one category only." }, ONE_YEAR);
    assert.deepEqual(flagsOf(answers), ["custom_development flag-custom-development"]);
  });

  it("warns about an exception with no end date", () => {
    assert.deepEqual(flag(completeAnswers(START), "open_ended_or_long"), { id: "open_ended_or_long", severity: "warning", key: "flag-open-ended", params: [] });
  });

  it("accepts exactly twelve months and warns from one day more, in rounded months", () => {
    assert.equal(flag(changed("obligation", { endDate: "2027-12-01" }), "open_ended_or_long"), undefined);
    assert.deepEqual(flag(changed("obligation", { endDate: "2027-12-02" }), "open_ended_or_long")?.params, [12]);
    assert.deepEqual(flag(changed("obligation", { endDate: "2028-06-01" }), "open_ended_or_long")?.params, [18]);
    assert.deepEqual(flag(changed("obligation", { endDate: "2028-12-01" }), "open_ended_or_long")?.params, [24]);
  });

  it("marks each special consideration ticked in Mission", () => {
    const cases = [
      ["marginalised_communities", "special_marginalised_communities flag-special-marginalised-communities"],
      ["underrepresented_languages", "special_underrepresented_languages flag-special-underrepresented-languages"],
      ["sister_projects", "special_sister_projects flag-special-sister-projects"],
    ];
    for (const [special, expected] of cases) {
      const answers = changed("mission", { special: special ?? "", specialDetail: "Swahili and Yoruba readers." }, ONE_YEAR);
      assert.deepEqual(flagsOf(answers), [expected]);
      assert.equal(computeFlags(answers, TODAY)[0]?.severity, "positive");
    }
  });

  it("shows red flags first, then warnings, then positive markers", () => {
    const mission = changed("mission", { special: ["sister_projects", "marginalised_communities"], specialDetail: "Rural schools." });
    const obligation = changed("obligation", { customDevelopment: "yes", customDevelopmentDetail: "A new dataset." }, mission);
    const answers = changed("values", { generativeAi: "yes", aiEthics: "Responsible." }, obligation);
    assert.deepEqual(flagIds(answers), [
      "genai_without_ethics",
      "custom_development",
      "open_ended_or_long",
      "special_marginalised_communities",
      "special_sister_projects",
    ]);
  });

  it("raises no flag from a section that is missing or incomplete, and never fails", () => {
    assert.deepEqual(computeFlags({}, TODAY), []);
    const { obligation: _obligation, mission: _mission, ...rest } = completeAnswers(START);
    assert.deepEqual(flagsOf(rest), []);
    const unfinished = changed("need", {
      needExplanation: "",
      free_accountUse: "not_considered",
      cloud_servicesUse: "not_considered",
      public_apisUse: "not_considered",
    });
    assert.equal(flag(unfinished, "need_names_no_insufficient_method"), undefined);
    assert.deepEqual(flagsOf({ who: { requesterKind: "commercial" }, values: { generativeAi: "yes" } }), []);
  });

  it("uses only message keys of the flag family", () => {
    const answers = changed("values", { generativeAi: "yes", aiEthics: "Short." }, changed("who", { requesterKind: "commercial" }));
    for (const found of computeFlags(changed("values", { jeopardyStatement: "Short." }, answers), TODAY)) assert.match(found.key, /^flag-/);
  });

  it("flags the requester's Wikimedia account: blocked in red, a bot or an account under 30 days old as warnings", () => {
    const account: TAccountFacts = { username: "Example", registeredAt: new Date("2012-03-04T05:06:07Z"), groups: ["*", "user"], blocked: false };
    const accountFlags = (facts: TAccountFacts | null) =>
      computeFlags(ONE_YEAR, TODAY, facts)
        .filter((found) => found.id.startsWith("wikimedia_"))
        .map((found) => [found.id, found.severity, ...found.params].join(" "));
    assert.deepEqual(accountFlags(null), [], "signed in by email only: no account, no account flag");
    assert.deepEqual(accountFlags(account), []);
    assert.deepEqual(accountFlags({ ...account, blocked: true }), ["wikimedia_account_blocked red Example"]);
    assert.deepEqual(accountFlags({ ...account, groups: ["*", "user", "bot"] }), ["wikimedia_account_bot warning Example"]);
    assert.deepEqual(accountFlags({ ...account, registeredAt: new Date("2026-11-01T00:00:00Z") }), ["wikimedia_account_new warning Example 21"]);
    assert.deepEqual(accountFlags({ ...account, registeredAt: new Date("2026-10-23T00:00:00Z") }), [], "30 days old is no longer new");
    assert.deepEqual(accountFlags({ ...account, registeredAt: null }), [], "an unknown age is not a young one");
    assert.deepEqual(
      computeFlags(ONE_YEAR, TODAY, { ...account, blocked: true, groups: ["bot"] }).map((found) => found.id),
      ["wikimedia_account_blocked", "wikimedia_account_bot"],
    );
  });
});
