import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { completeAnswers, EMPTY_VOLUMES } from "@/test-support/answers";

import { FREE_METHODS, REQUESTER_KINDS } from "./options";
import {
  contextOf,
  incompleteSections,
  isSectionId,
  reopenedProblems,
  SECTION_IDS,
  sectionSchema,
  sectionStatus,
  startingAnswers,
  type TDraftAnswers,
  type TMissionSection,
  type TNeedSection,
  type TObligationSection,
  type TSectionContext,
  type TSectionId,
  type TValuesSection,
  type TWhatSection,
  type TWhoSection,
} from "./sections";

const TODAY = "2026-11-22";

type TPost = Record<string, string | string[]>;

/** The messages of a failed section, as [path, message] pairs in the order reported; empty when it passes. */
function issuesOf(section: TSectionId, post: TPost, context: Partial<TSectionContext> = {}) {
  const result = sectionSchema(section, { today: TODAY, ...context }).safeParse(post);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

/** The parsed section; fails the test with the messages when the post does not pass. */
function parse<T>(section: TSectionId, post: TPost, context: Partial<TSectionContext> = {}): T {
  const result = sectionSchema(section, { today: TODAY, ...context }).safeParse(post);
  assert.ok(result.success, `expected ${section} to pass, got ${JSON.stringify(issuesOf(section, post, context))}`);
  return result.data as T;
}

// Complete, valid posts for every section, as the browser sends them. Tests change one thing at a time.

const { who: WHO, what: WHAT, need: NEED, obligation: OBLIGATION, mission: MISSION, values: VALUES } = completeAnswers("2026-12-01");

const POSTS: Record<TSectionId, TPost> = { who: WHO, what: WHAT, need: NEED, obligation: OBLIGATION, mission: MISSION, values: VALUES };

/** Posts with one field taken out, as when a checkbox is left unticked. */
function without(post: TPost, ...fields: string[]): TPost {
  return Object.fromEntries(Object.entries(post).filter(([field]) => !fields.includes(field)));
}

describe("sections", () => {
  it("asks the six criteria in the order of the form and recognises only those", () => {
    assert.deepEqual([...SECTION_IDS], ["who", "what", "need", "obligation", "mission", "values"]);
    assert.equal(isSectionId("obligation"), true);
    assert.equal(isSectionId("submit"), false);
    assert.equal(isSectionId("Who"), false);
  });
});

describe("who is asking", () => {
  it("accepts a complete answer, trimming what was typed", () => {
    const who = parse<TWhoSection>("who", { ...WHO, contactName: "  Ada Lovelace  " });
    assert.equal(who.contactName, "Ada Lovelace");
    assert.equal(who.requesterKind, "nonprofit");
    assert.equal(who.country, "GB");
  });

  it("lets an individual leave the organisation blank", () => {
    assert.deepEqual(issuesOf("who", { ...WHO, requesterKind: "individual", organisation: "" }), []);
  });

  it("asks every other kind of requester for their organisation", () => {
    for (const kind of REQUESTER_KINDS.filter((kind) => kind !== "individual")) {
      assert.deepEqual(issuesOf("who", { ...WHO, requesterKind: kind, organisation: "   " }), [["organisation", "error-organisation"]], kind);
    }
  });

  it("lists every required field left blank at once", () => {
    assert.deepEqual(issuesOf("who", { requesterKind: "individual" }), [
      ["contactName", "error-contact-name"],
      ["email", "error-email-required"],
      ["enterpriseUsername", "error-enterprise-username"],
      ["country", "error-country"],
    ]);
  });

  it("refuses a requester kind the form does not offer", () => {
    assert.deepEqual(issuesOf("who", { ...WHO, requesterKind: "government" }), [["requesterKind", "error-requester-kind"]]);
    assert.deepEqual(issuesOf("who", { ...WHO, requesterKind: "" }), [["requesterKind", "error-requester-kind"]]);
  });

  it("tells a blank email apart from a mistyped one", () => {
    assert.deepEqual(issuesOf("who", { ...WHO, email: "" }), [["email", "error-email-required"]]);
    assert.deepEqual(issuesOf("who", { ...WHO, email: "ada.example.org" }), [["email", "error-email-invalid"]]);
    assert.deepEqual(issuesOf("who", { ...WHO, email: "ada@" }), [["email", "error-email-invalid"]]);
  });

  it("takes exactly one contact address: lists and header tricks are refused, and say so", () => {
    for (const email of ["a@x.org, b@y.org", "a@x.org; b@y.org", "Ada <a@x.org>", "a@x.org>", "a@x.org\nBcc: b@y.org", "a@x.org\r\nBcc: b@y.org"]) {
      assert.deepEqual(issuesOf("who", { ...WHO, email }), [["email", "error-email-one-address"]], JSON.stringify(email));
    }
  });

  it("accepts only known ISO country codes", () => {
    assert.deepEqual(issuesOf("who", { ...WHO, country: "XK" }), []);
    for (const country of ["ZZ", "gb", "United Kingdom", "UK"]) {
      assert.deepEqual(issuesOf("who", { ...WHO, country }), [["country", "error-country"]], country);
    }
  });

  it("names the 200-character limit when the contact name or organisation is too long", () => {
    assert.deepEqual(issuesOf("who", { ...WHO, contactName: "x".repeat(200) }), []);
    assert.deepEqual(issuesOf("who", { ...WHO, contactName: "x".repeat(201) }), [["contactName", "error-too-long|200"]]);
    assert.deepEqual(issuesOf("who", { ...WHO, organisation: "x".repeat(201) }), [["organisation", "error-too-long|200"]]);
  });
});

describe("what is requested", () => {
  it("accepts a complete answer and gathers volumes per selected project", () => {
    const what = parse<TWhatSection>("what", WHAT);
    assert.deepEqual(what, {
      exceptionType: "above_free_volume",
      exceptionOther: "",
      purpose: "A reading app for schools that works offline.",
      apis: ["snapshot", "on_demand"],
      projects: ["wikipedia"],
      wikipediaLanguages: "en, sw, yo",
      otherProjects: "",
      wikidataShare: undefined,
      wikidataCentral: undefined,
      volumes: { wikipedia: { requestsPerMonth: 1_000_000, peakPerSecond: undefined, snapshotsPerMonth: 4 } },
      links: [],
    });
  });

  it("accepts a single ticked API or project, which the browser posts as a plain string", () => {
    const what = parse<TWhatSection>("what", { ...WHAT, apis: "realtime", projects: "wikipedia" });
    assert.deepEqual(what.apis, ["realtime"]);
    assert.deepEqual(what.projects, ["wikipedia"]);
  });

  it("asks what the exception is, and for a description when it is 'other'", () => {
    assert.deepEqual(issuesOf("what", { ...WHAT, exceptionType: "" }), [["exceptionType", "error-exception-type"]]);
    assert.deepEqual(issuesOf("what", { ...WHAT, exceptionType: "other" }), [["exceptionOther", "error-exception-other"]]);
    assert.equal(parse<TWhatSection>("what", { ...WHAT, exceptionType: "other", exceptionOther: "Bulk media" }).exceptionOther, "Bulk media");
  });

  it("forgets an 'other' description once another exception type is chosen", () => {
    assert.equal(parse<TWhatSection>("what", { ...WHAT, exceptionType: "sla_support", exceptionOther: "stale" }).exceptionOther, "");
  });

  it("requires the purpose", () => {
    assert.deepEqual(issuesOf("what", { ...WHAT, purpose: "  " }), [["purpose", "error-purpose"]]);
  });

  it("requires at least one API and at least one project", () => {
    assert.deepEqual(issuesOf("what", { ...without(WHAT, "apis", "projects") }), [
      ["apis", "error-apis"],
      ["projects", "error-projects"],
    ]);
  });

  it("refuses an API that is not offered", () => {
    assert.deepEqual(issuesOf("what", { ...WHAT, apis: ["snapshot", "firehose"] }), [["apis.1", "error-invalid"]]);
  });

  it("asks which Wikipedia languages when Wikipedia is selected", () => {
    assert.deepEqual(issuesOf("what", { ...WHAT, wikipediaLanguages: "" }), [["wikipediaLanguages", "error-wikipedia-languages"]]);
  });

  it("asks which other projects when 'other' is selected", () => {
    const post = { ...WHAT, projects: ["other"], otherProjects: "", otherRequestsPerMonth: "10", otherSnapshotsPerMonth: "0" };
    assert.deepEqual(issuesOf("what", post), [["otherProjects", "error-other-projects"]]);
    assert.equal(parse<TWhatSection>("what", { ...post, otherProjects: "Wiktionary" }).otherProjects, "Wiktionary");
  });

  it("asks for Wikidata's share of the use and whether it is central when Wikidata is selected", () => {
    const post = { ...WHAT, projects: ["wikidata"], wikidataRequestsPerMonth: "500", wikidataSnapshotsPerMonth: "1" };
    assert.deepEqual(issuesOf("what", post), [
      ["wikidataShare", "error-wikidata-share"],
      ["wikidataCentral", "error-wikidata-central"],
    ]);
    const what = parse<TWhatSection>("what", { ...post, wikidataShare: "0", wikidataCentral: "no" });
    assert.equal(what.wikidataShare, 0);
    assert.equal(what.wikidataCentral, "no");
  });

  it("takes Wikidata's share as a whole percentage from 0 to 100", () => {
    const post = { ...WHAT, projects: ["wikidata"], wikidataCentral: "yes", wikidataRequestsPerMonth: "500", wikidataSnapshotsPerMonth: "1" };
    assert.equal(parse<TWhatSection>("what", { ...post, wikidataShare: "100" }).wikidataShare, 100);
    assert.deepEqual(issuesOf("what", { ...post, wikidataShare: "101" }), [["wikidataShare", "error-number-max|100"]]);
    assert.deepEqual(issuesOf("what", { ...post, wikidataShare: "50.5" }), [["wikidataShare", "error-whole-number"]]);
    assert.deepEqual(issuesOf("what", { ...post, wikidataShare: "-1" }), [["wikidataShare", "error-whole-number"]]);
  });

  it("asks for requests and snapshots per month for every selected project, but not the peak rate", () => {
    assert.deepEqual(
      issuesOf("what", {
        ...WHAT,
        ...EMPTY_VOLUMES,
        projects: ["wikipedia", "wikidata", "commons", "other"],
        wikidataShare: "10",
        wikidataCentral: "no",
        otherProjects: "Wikisource",
      }),
      [
        ["wikipediaRequestsPerMonth", "error-volume-requests-wikipedia"],
        ["wikipediaSnapshotsPerMonth", "error-volume-snapshots-wikipedia"],
        ["wikidataRequestsPerMonth", "error-volume-requests-wikidata"],
        ["wikidataSnapshotsPerMonth", "error-volume-snapshots-wikidata"],
        ["commonsRequestsPerMonth", "error-volume-requests-commons"],
        ["commonsSnapshotsPerMonth", "error-volume-snapshots-commons"],
        ["otherRequestsPerMonth", "error-volume-requests-other"],
        ["otherSnapshotsPerMonth", "error-volume-snapshots-other"],
      ],
    );
  });

  it("reads volumes written with thousands separators, a decimal peak rate, or zero", () => {
    const what = parse<TWhatSection>("what", {
      ...WHAT,
      projects: ["wikipedia", "commons"],
      wikipediaRequestsPerMonth: "2,500,000",
      wikipediaPeakPerSecond: "12.5",
      commonsRequestsPerMonth: "30 000",
      commonsSnapshotsPerMonth: "1",
    });
    assert.deepEqual(what.volumes, {
      wikipedia: { requestsPerMonth: 2_500_000, peakPerSecond: 12.5, snapshotsPerMonth: 4 },
      commons: { requestsPerMonth: 30_000, peakPerSecond: undefined, snapshotsPerMonth: 1 },
    });
    const none = parse<TWhatSection>("what", { ...WHAT, wikipediaRequestsPerMonth: "0", wikipediaSnapshotsPerMonth: "0" });
    assert.deepEqual(none.volumes.wikipedia, { requestsPerMonth: 0, peakPerSecond: undefined, snapshotsPerMonth: 0 });
  });

  it("rejects negative, written-out and fractional counts", () => {
    for (const input of ["-5", "ten", "1.5"]) {
      assert.deepEqual(issuesOf("what", { ...WHAT, wikipediaRequestsPerMonth: input }), [["wikipediaRequestsPerMonth", "error-whole-number"]], input);
      assert.deepEqual(issuesOf("what", { ...WHAT, wikipediaSnapshotsPerMonth: input }), [["wikipediaSnapshotsPerMonth", "error-whole-number"]], input);
    }
    assert.deepEqual(issuesOf("what", { ...WHAT, wikipediaPeakPerSecond: "fast" }), [["wikipediaPeakPerSecond", "error-number"]]);
  });

  it("keeps only the answers that belong to the selected projects", () => {
    const what = parse<TWhatSection>("what", {
      ...WHAT,
      otherProjects: "Wikivoyage",
      wikidataShare: "40",
      wikidataCentral: "yes",
      commonsRequestsPerMonth: "5",
      commonsSnapshotsPerMonth: "5",
    });
    assert.equal(what.otherProjects, "");
    assert.equal(what.wikidataShare, undefined);
    assert.equal(what.wikidataCentral, undefined);
    assert.deepEqual(Object.keys(what.volumes), ["wikipedia"]);
    const withoutWikipedia = parse<TWhatSection>("what", { ...WHAT, projects: ["commons"], commonsRequestsPerMonth: "1", commonsSnapshotsPerMonth: "1" });
    assert.equal(withoutWikipedia.wikipediaLanguages, "");
    assert.deepEqual(Object.keys(withoutWikipedia.volumes), ["commons"]);
  });

  it("reads supporting links one per line into a list", () => {
    const what = parse<TWhatSection>("what", { ...WHAT, links: "https://example.org/app\r\n\nhttp://docs.example.org/about\n" });
    assert.deepEqual(what.links, ["https://example.org/app", "http://docs.example.org/about"]);
  });

  it("names the line number of a link that is not a web address", () => {
    assert.deepEqual(issuesOf("what", { ...WHAT, links: "https://example.org\nhttps://example.net\njavascript:alert(1)" }), [["links", "error-link|3"]]);
    assert.deepEqual(issuesOf("what", { ...WHAT, links: "ftp://files.example.org" }), [["links", "error-link|1"]]);
  });

  it("allows at most ten links", () => {
    const links = (count: number) => Array.from({ length: count }, (_, index) => `https://example.org/${index}`).join("\n");
    assert.equal(parse<TWhatSection>("what", { ...WHAT, links: links(10) }).links.length, 10);
    assert.deepEqual(issuesOf("what", { ...WHAT, links: links(11) }), [["links", "error-links-too-many|10"]]);
  });
});

describe("why the free ways fall short", () => {
  it("accepts a complete answer, keeping each free method's use and shortfall", () => {
    const need = parse<TNeedSection>("need", NEED);
    assert.deepEqual(need, {
      methods: {
        free_account: { use: "tried", shortfall: "The monthly allowance runs out in a week." },
        cloud_services: { use: "considered", shortfall: "We cannot run our service there." },
        dumps: { use: "not_considered", shortfall: "" },
        public_apis: { use: "tried", shortfall: "Rate limits are too low for our traffic." },
      },
      reasons: ["above_free_rate"],
      reasonOther: "",
      needExplanation: "Our readers need fresh articles every day.",
    });
  });

  it("asks whether each free method was tried or considered", () => {
    for (const method of FREE_METHODS) {
      assert.deepEqual(issuesOf("need", { ...NEED, [`${method}Use`]: "" }), [[`${method}Use`, `error-method-use-${method.replace(/_/g, "-")}`]], method);
      assert.deepEqual(issuesOf("need", { ...NEED, [`${method}Use`]: "ignored" }), [[`${method}Use`, `error-method-use-${method.replace(/_/g, "-")}`]], method);
    }
  });

  it("asks why a free method falls short when it was tried or considered", () => {
    for (const method of FREE_METHODS) {
      for (const use of ["tried", "considered"]) {
        const post = { ...NEED, [`${method}Use`]: use, [`${method}Shortfall`]: " " };
        assert.deepEqual(issuesOf("need", post), [[`${method}Shortfall`, `error-method-shortfall-${method.replace(/_/g, "-")}`]], `${method} ${use}`);
      }
    }
  });

  it("does not ask, and drops any earlier answer, when a free method was not considered", () => {
    const need = parse<TNeedSection>("need", { ...NEED, public_apisUse: "not_considered", public_apisShortfall: "written before changing my mind" });
    assert.deepEqual(need.methods.public_apis, { use: "not_considered", shortfall: "" });
  });

  it("asks only which use was made when none is chosen, whatever the hidden shortfall box holds", () => {
    assert.deepEqual(issuesOf("need", { ...NEED, dumpsUse: "", dumpsShortfall: "" }), [["dumpsUse", "error-method-use-dumps"]]);
    assert.deepEqual(issuesOf("need", { ...without(NEED, "dumpsUse"), dumpsShortfall: "typed, then the choice undone" }), [
      ["dumpsUse", "error-method-use-dumps"],
    ]);
  });

  it("requires at least one reason", () => {
    assert.deepEqual(issuesOf("need", without(NEED, "reasons")), [["reasons", "error-reasons"]]);
  });

  it("asks for the other reason when 'other' is ticked, and forgets it when it is not", () => {
    assert.deepEqual(issuesOf("need", { ...NEED, reasons: ["above_free_rate", "other"] }), [["reasonOther", "error-reason-other"]]);
    assert.equal(parse<TNeedSection>("need", { ...NEED, reasons: "other", reasonOther: "Offline use" }).reasonOther, "Offline use");
    assert.equal(parse<TNeedSection>("need", { ...NEED, reasonOther: "stale" }).reasonOther, "");
  });

  it("requires the explanation of the need", () => {
    assert.deepEqual(issuesOf("need", { ...NEED, needExplanation: "" }), [["needExplanation", "error-need-explanation"]]);
  });
});

describe("the obligation and reciprocity", () => {
  it("accepts a complete, open-ended answer", () => {
    const obligation = parse<TObligationSection>("obligation", OBLIGATION);
    assert.equal(obligation.startDate, "2026-12-01");
    assert.equal(obligation.endDate, "");
    assert.deepEqual(obligation.contributions, [{ kind: "reports", description: "A yearly report on how students use the articles." }]);
    assert.equal(obligation.noContributions, false);
  });

  it("asks for details of custom development when some is needed, and forgets them when none is", () => {
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, customDevelopment: "yes" }), [["customDevelopmentDetail", "error-custom-development-detail"]]);
    assert.equal(
      parse<TObligationSection>("obligation", { ...OBLIGATION, customDevelopment: "yes", customDevelopmentDetail: "A diff feed" }).customDevelopmentDetail,
      "A diff feed",
    );
    assert.equal(parse<TObligationSection>("obligation", { ...OBLIGATION, customDevelopmentDetail: "stale" }).customDevelopmentDetail, "");
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, customDevelopment: "" }), [["customDevelopment", "error-custom-development"]]);
  });

  it("asks what is missing when the current APIs do not or may not suffice", () => {
    for (const answer of ["no", "unsure"]) {
      assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, currentApisSuffice: answer }), [["currentApisDetail", "error-current-apis-detail"]], answer);
      assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, currentApisSuffice: answer, currentApisDetail: "No diffs" }), [], answer);
    }
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, currentApisSuffice: "yes", currentApisDetail: "" }), []);
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, currentApisSuffice: "" }), [["currentApisSuffice", "error-current-apis"]]);
  });

  it("requires a start date, which may be today but not in the past", () => {
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, startDate: "" }), [["startDate", "error-start-date"]]);
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, startDate: TODAY }), []);
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, startDate: "2026-11-21" }), [["startDate", "error-start-date-past"]]);
  });

  it("judges 'in the past' by the date it is given as today", () => {
    const post = { ...OBLIGATION, startDate: "2026-12-01" };
    assert.deepEqual(issuesOf("obligation", post, { today: "2026-12-01" }), []);
    assert.deepEqual(issuesOf("obligation", post, { today: "2026-12-02" }), [["startDate", "error-start-date-past"]]);
  });

  it("rejects dates that do not exist", () => {
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, startDate: "2027-02-30" }), [["startDate", "error-date"]]);
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, endDate: "2027-13-01" }), [["endDate", "error-date"]]);
  });

  it("requires an end date, when one is given, to come after the start date", () => {
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, endDate: "2026-12-02" }), []);
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, endDate: "2026-12-01" }), [["endDate", "error-end-date-order"]]);
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, endDate: "2026-11-30" }), [["endDate", "error-end-date-order"]]);
  });

  const ROWS = {
    contributionKind: ["reports", "", "tools"],
    contributionDescription: ["A yearly report", "", "Our offline packager"],
    contributionLink: ["", "", "https://example.org/packager"],
    contributionBy: ["2027-06-01", "", ""],
  };

  it("reads the contributions as rows, ignoring empty ones, with a link and a date where given", () => {
    const obligation = parse<TObligationSection>("obligation", { ...OBLIGATION, ...ROWS });
    assert.deepEqual(obligation.contributions, [
      { kind: "reports", description: "A yearly report", expectedBy: "2027-06-01" },
      { kind: "tools", description: "Our offline packager", link: "https://example.org/packager" },
    ]);
  });

  it("takes one row posted as single values, as a form with one row sends it", () => {
    const one = { contributionKind: "tools", contributionDescription: "A tool", contributionLink: "", contributionBy: "" };
    assert.deepEqual(parse<TObligationSection>("obligation", { ...OBLIGATION, ...one }).contributions, [{ kind: "tools", description: "A tool" }]);
  });

  it("requires at least one contribution or the box for none, not both", () => {
    const none = { contributionKind: [""], contributionDescription: [""], contributionLink: [""], contributionBy: [""] };
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, ...none }), [["contribution-1-kind", "error-contributions-required"]]);
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, ...none, noContributions: "yes" }), []);
    assert.deepEqual(parse<TObligationSection>("obligation", { ...OBLIGATION, ...none, noContributions: "yes" }).contributions, []);
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, noContributions: "yes" }), [["noContributions", "error-contributions-none"]]);
  });

  it("names the row of each problem, counting rows as the page shows them", () => {
    const post = {
      ...OBLIGATION,
      contributionKind: ["reports", "", "tools", "forged"],
      contributionDescription: ["A yearly report", "", "", "Something"],
      contributionLink: ["", "", "ftp://example.org", ""],
      contributionBy: ["", "", "2027-02-30", "2026-11-21"],
    };
    assert.deepEqual(issuesOf("obligation", post), [
      ["contribution-3-description", "error-contribution-description|3"],
      ["contribution-3-link", "error-contribution-link|3"],
      ["contribution-3-by", "error-contribution-date|3"],
      ["contribution-4-kind", "error-contribution-kind|4"],
      ["contribution-4-by", "error-contribution-date-past|4"],
    ]);
  });

  it("asks a partly filled row for its kind and description, and accepts a date of today", () => {
    const post = { ...OBLIGATION, contributionKind: [""], contributionDescription: [""], contributionLink: ["https://example.org"], contributionBy: [TODAY] };
    assert.deepEqual(issuesOf("obligation", post), [
      ["contribution-1-kind", "error-contribution-kind|1"],
      ["contribution-1-description", "error-contribution-description|1"],
    ]);
  });

  it("limits the rows and their descriptions", () => {
    const many = (value: string) => Array.from({ length: 11 }, () => value);
    const post = {
      ...OBLIGATION,
      contributionKind: many("tools"),
      contributionDescription: many("A tool"),
      contributionLink: many(""),
      contributionBy: many(""),
    };
    assert.deepEqual(issuesOf("obligation", post), [["contribution-1-kind", "error-contributions-too-many|10"]]);
    const long = { ...OBLIGATION, contributionDescription: ["x".repeat(1001)] };
    assert.deepEqual(issuesOf("obligation", long), [["contribution-1-description", "error-contribution-too-long|1|1000"]]);
  });

  it("keeps the free text about contributions optional", () => {
    assert.deepEqual(issuesOf("obligation", { ...OBLIGATION, reciprocalDetail: "" }), []);
    assert.equal(parse<TObligationSection>("obligation", { ...OBLIGATION, reciprocalDetail: "Shared on Meta-Wiki" }).reciprocalDetail, "Shared on Meta-Wiki");
  });
});

describe("mission alignment", () => {
  it("accepts a complete answer with no special considerations", () => {
    const mission = parse<TMissionSection>("mission", MISSION);
    assert.deepEqual(mission, {
      recommendations: ["knowledge_management"],
      missionExplanation: "We bring free knowledge to classrooms without internet.",
      special: [],
      specialDetail: "",
      noSilos: true,
    });
  });

  it("requires at least one strategy recommendation and an explanation", () => {
    assert.deepEqual(issuesOf("mission", { ...without(MISSION, "recommendations"), missionExplanation: "" }), [
      ["recommendations", "error-recommendations"],
      ["missionExplanation", "error-mission-explanation"],
    ]);
  });

  it("asks for details of special considerations, and forgets them when none is ticked", () => {
    assert.deepEqual(issuesOf("mission", { ...MISSION, special: ["underrepresented_languages"] }), [["specialDetail", "error-special-detail"]]);
    const mission = parse<TMissionSection>("mission", { ...MISSION, special: "sister_projects", specialDetail: "Wikisource texts" });
    assert.deepEqual(mission.special, ["sister_projects"]);
    assert.equal(mission.specialDetail, "Wikisource texts");
    assert.equal(parse<TMissionSection>("mission", { ...MISSION, specialDetail: "stale" }).specialDetail, "");
  });

  it("requires the no-silos commitment to be ticked, whichever way the browser says so", () => {
    assert.deepEqual(issuesOf("mission", without(MISSION, "noSilos")), [["noSilos", "error-no-silos"]]);
    assert.deepEqual(issuesOf("mission", { ...MISSION, noSilos: "no" }), [["noSilos", "error-no-silos"]]);
    assert.equal(parse<TMissionSection>("mission", { ...MISSION, noSilos: "yes" }).noSilos, true);
    assert.equal(parse<TMissionSection>("mission", { ...MISSION, noSilos: "on" }).noSilos, true);
  });
});

describe("values alignment", () => {
  it("accepts a complete answer, with consent to the public register left optional", () => {
    const values = parse<TValuesSection>("values", VALUES, { requesterKind: "nonprofit" });
    assert.equal(values.registerConsent, false);
    assert.equal(values.noHarms, true);
    assert.deepEqual(values.benefitAreas, ["education"]);
    assert.equal(parse<TValuesSection>("values", { ...VALUES, registerConsent: "on" }).registerConsent, true);
  });

  it("requires the commitment", () => {
    assert.deepEqual(issuesOf("values", { ...VALUES, commitment: "" }), [["commitment", "error-commitment"]]);
  });

  it("requires a commercial requester to explain what losing the exception would jeopardise", () => {
    assert.deepEqual(issuesOf("values", VALUES, { requesterKind: "commercial" }), [["jeopardyStatement", "error-jeopardy"]]);
    const values = parse<TValuesSection>("values", { ...VALUES, jeopardyStatement: "Our free tier" }, { requesterKind: "commercial" });
    assert.equal(values.jeopardyStatement, "Our free tier");
  });

  it("does not ask other requesters about jeopardy, and drops anything they wrote there", () => {
    for (const requesterKind of [...REQUESTER_KINDS.filter((kind) => kind !== "commercial"), undefined]) {
      assert.deepEqual(issuesOf("values", VALUES, { requesterKind }), [], String(requesterKind));
      assert.equal(parse<TValuesSection>("values", { ...VALUES, jeopardyStatement: "stale" }, { requesterKind }).jeopardyStatement, "");
    }
  });

  it("asks whether generative AI is involved, and how it is used ethically when it is", () => {
    assert.deepEqual(issuesOf("values", without(VALUES, "generativeAi")), [["generativeAi", "error-generative-ai"]]);
    assert.deepEqual(issuesOf("values", { ...VALUES, generativeAi: "yes" }), [["aiEthics", "error-ai-ethics"]]);
    assert.equal(parse<TValuesSection>("values", { ...VALUES, generativeAi: "yes", aiEthics: "Cited summaries" }).aiEthics, "Cited summaries");
    assert.equal(parse<TValuesSection>("values", { ...VALUES, generativeAi: "no", aiEthics: "stale" }).aiEthics, "");
  });

  it("requires the no-harms commitment to be ticked", () => {
    assert.deepEqual(issuesOf("values", without(VALUES, "noHarms")), [["noHarms", "error-no-harms"]]);
  });
});

describe("progress through the form", () => {
  const complete: TDraftAnswers = POSTS;

  it("shows a section as not started until something is saved in it", () => {
    assert.equal(sectionStatus("who", {}, TODAY), "not_started");
    assert.equal(sectionStatus("who", { who: {} }, TODAY), "not_started");
  });

  it("shows every section of a brand-new draft as not started, though Who starts with the account's details", () => {
    const fresh = startingAnswers({ email: "ada@example.org", name: "Ada Lovelace" });
    assert.deepEqual(fresh, { who: { email: "ada@example.org", contactName: "Ada Lovelace" } });
    for (const section of SECTION_IDS) assert.equal(sectionStatus(section, fresh, TODAY), "not_started", section);
    assert.deepEqual(startingAnswers({ email: null, name: "Ada" }), {});
  });

  it("does not count a page saved as it came, with every field blank, as started", () => {
    const blank = { purpose: "", exceptionOther: "  ", links: "", apis: [] as string[] };
    assert.equal(sectionStatus("what", { what: blank }, TODAY), "not_started");
    assert.equal(sectionStatus("who", { who: { email: "ada@example.org", organisation: "", enterpriseUsername: " " } }, TODAY), "not_started");
  });

  it("shows a section as in progress while any of its rules fails", () => {
    assert.equal(sectionStatus("who", { who: { email: "ada@example.org", organisation: "Open Maps Lab" } }, TODAY), "in_progress");
    assert.equal(sectionStatus("mission", { mission: { noSilos: "on" } }, TODAY), "in_progress");
    assert.equal(sectionStatus("what", { what: { ...WHAT, purpose: "" } }, TODAY), "in_progress");
  });

  it("shows every section as completed once all its rules pass", () => {
    for (const section of SECTION_IDS) assert.equal(sectionStatus(section, complete, TODAY), "completed", section);
    assert.deepEqual(incompleteSections(complete, TODAY), []);
  });

  it("lists the unfinished sections in form order", () => {
    assert.deepEqual(incompleteSections({}, TODAY), [...SECTION_IDS]);
    assert.deepEqual(incompleteSections({ ...complete, need: undefined, mission: { noSilos: "on" } }, TODAY), ["need", "mission"]);
  });

  it("reopens a completed Values section when the requester changes to commercial in Who", () => {
    const commercial: TDraftAnswers = { ...complete, who: { ...WHO, requesterKind: "commercial" } };
    assert.equal(sectionStatus("values", commercial, TODAY), "in_progress");
    assert.deepEqual(incompleteSections(commercial, TODAY), ["values"]);
    const explained: TDraftAnswers = { ...commercial, values: { ...VALUES, jeopardyStatement: "Our free tier" } };
    assert.deepEqual(incompleteSections(explained, TODAY), []);
  });

  it("reopens Obligation when its saved start date has since passed", () => {
    assert.equal(sectionStatus("obligation", complete, "2026-12-01"), "completed");
    assert.equal(sectionStatus("obligation", complete, "2026-12-02"), "in_progress");
    assert.deepEqual(incompleteSections(complete, "2026-12-02"), ["obligation"]);
  });

  it("takes the requester kind for the other sections' rules from the saved Who answers", () => {
    assert.deepEqual(contextOf({ who: { requesterKind: "commercial" } }, TODAY), { requesterKind: "commercial", today: TODAY });
    assert.deepEqual(contextOf({}, TODAY), { requesterKind: undefined, today: TODAY });
    assert.deepEqual(contextOf({ who: { requesterKind: ["commercial", "individual"] } }, TODAY), { requesterKind: undefined, today: TODAY });
  });
});

describe("answers that become final again", () => {
  const complete: TDraftAnswers = POSTS;

  it("lets answers through when every section passes, judged as on the day of submission", () => {
    assert.equal(reopenedProblems(complete, ["who"], TODAY), undefined);
    assert.equal(reopenedProblems(complete, ["obligation"], "2026-12-01"), undefined);
  });

  it("names a reopened section whose answers break its rules, as reviewers would otherwise receive them", () => {
    for (const who of [
      { ...WHO, requesterKind: "pirate" },
      { ...WHO, contactName: "" },
      { ...WHO, country: "XX" },
      { ...WHO, email: "a@x.org, b@y.org" },
    ]) {
      assert.deepEqual(reopenedProblems({ ...complete, who }, ["who", "need"], TODAY), { sections: ["who"], closedSections: [] });
    }
  });

  it("tells apart a section that broke because of a change elsewhere and cannot be changed now", () => {
    const commercial: TDraftAnswers = { ...complete, who: { ...WHO, requesterKind: "commercial" } };
    assert.deepEqual(reopenedProblems(commercial, ["who"], TODAY), { sections: [], closedSections: ["values"] });
    assert.deepEqual(reopenedProblems(commercial, ["who", "values"], TODAY), { sections: ["values"], closedSections: [] });
  });
});
