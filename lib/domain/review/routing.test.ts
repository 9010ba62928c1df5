import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { TDraftAnswers } from "@/lib/domain/request/sections";
import { completeAnswers, wikidataHeavyResearch } from "@/test-support/answers";

import { DEFAULT_WIKIDATA_SHARE_THRESHOLD, routeRequest, type TRoutingOptions } from "./routing";

const TODAY = "2026-11-22";
const START = "2026-12-01";
const OPTIONS: TRoutingOptions = { wikidataShareThreshold: DEFAULT_WIKIDATA_SHARE_THRESHOLD, today: TODAY };

type TPost = Record<string, string | string[]>;

/** A complete request whose What section is changed as given. */
function withWhat(changes: TPost): TDraftAnswers {
  const answers = completeAnswers(START);
  return { ...answers, what: { ...answers.what, ...changes } };
}

/** A complete request that asks for Wikipedia and Wikidata, with Wikidata's share and centrality as given. */
function withWikidata(share: string, central: "yes" | "no"): TDraftAnswers {
  return withWhat({
    projects: ["wikipedia", "wikidata"],
    wikidataShare: share,
    wikidataCentral: central,
    wikidataRequestsPerMonth: "200,000",
    wikidataSnapshotsPerMonth: "2",
  });
}

describe("routing to the joint WMF/WMDE review", () => {
  it("reviews jointly from a Wikidata share of 25% unless configured otherwise", () => {
    assert.equal(DEFAULT_WIKIDATA_SHARE_THRESHOLD, 25);
  });

  it("sends a Wikidata-heavy research visualisation tracking 40 Wikipedia languages to the joint queue", () => {
    const request = wikidataHeavyResearch(START, "2028-12-01");
    assert.deepEqual(routeRequest(request, OPTIONS), {
      joint: true,
      reasons: [
        { key: "routing-share-at-or-above", params: [60, 25] },
        { key: "routing-not-central", params: [] },
      ],
    });
  });

  it("keeps a request without Wikidata in the WMF queue, saying so", () => {
    assert.deepEqual(routeRequest(completeAnswers(START), OPTIONS), {
      joint: false,
      reasons: [{ key: "routing-no-wikidata", params: [] }],
    });
  });

  it("reviews jointly when Wikidata's share is exactly the threshold", () => {
    const routing = routeRequest(withWikidata("25", "no"), OPTIONS);
    assert.equal(routing.joint, true);
    assert.deepEqual(routing.reasons[0], { key: "routing-share-at-or-above", params: [25, 25] });
  });

  it("keeps a request one point below the threshold with WMF when Wikidata is not central", () => {
    assert.deepEqual(routeRequest(withWikidata("24", "no"), OPTIONS), {
      joint: false,
      reasons: [
        { key: "routing-share-below", params: [24, 25] },
        { key: "routing-not-central", params: [] },
      ],
    });
  });

  it("reviews jointly below the threshold when the requester says Wikidata is central", () => {
    assert.deepEqual(routeRequest(withWikidata("24", "yes"), OPTIONS), {
      joint: true,
      reasons: [
        { key: "routing-share-below", params: [24, 25] },
        { key: "routing-central", params: [] },
      ],
    });
  });

  it("reviews jointly when Wikidata is central even at a share of zero", () => {
    assert.equal(routeRequest(withWikidata("0", "yes"), OPTIONS).joint, true);
  });

  it("gives both reasons when the share is high and Wikidata is central", () => {
    assert.deepEqual(routeRequest(withWikidata("100", "yes"), OPTIONS).reasons, [
      { key: "routing-share-at-or-above", params: [100, 25] },
      { key: "routing-central", params: [] },
    ]);
  });

  it("follows the configured threshold", () => {
    const answers = withWikidata("60", "no");
    assert.equal(routeRequest(answers, { ...OPTIONS, wikidataShareThreshold: 61 }).joint, false);
    assert.equal(routeRequest(answers, { ...OPTIONS, wikidataShareThreshold: 60 }).joint, true);
    assert.deepEqual(routeRequest(answers, { ...OPTIONS, wikidataShareThreshold: 75 }).reasons[0], { key: "routing-share-below", params: [60, 75] });
  });

  it("with a threshold of zero, reviews every request that asks for Wikidata jointly", () => {
    assert.equal(routeRequest(withWikidata("0", "no"), { ...OPTIONS, wikidataShareThreshold: 0 }).joint, true);
  });

  it("routes a request for Wikidata alone, without Wikipedia", () => {
    const answers = withWhat({
      projects: "wikidata",
      wikidataShare: "100",
      wikidataCentral: "yes",
      wikidataRequestsPerMonth: "50000",
      wikidataSnapshotsPerMonth: "1",
    });
    assert.equal(routeRequest(answers, OPTIONS).joint, true);
  });

  it("ignores a Wikidata share left over from before Wikidata was unticked", () => {
    const answers = withWhat({ projects: ["wikipedia"], wikidataShare: "90", wikidataCentral: "yes" });
    assert.deepEqual(routeRequest(answers, OPTIONS), { joint: false, reasons: [{ key: "routing-no-wikidata", params: [] }] });
  });

  it("reads the share as the form posts it, with surrounding spaces", () => {
    assert.equal(routeRequest(withWikidata(" 30 ", "no"), OPTIONS).joint, true);
  });

  it("does not route on an unanswered What section, and says why", () => {
    const { what: _what, ...rest } = completeAnswers(START);
    assert.deepEqual(routeRequest(rest, OPTIONS), { joint: false, reasons: [{ key: "routing-what-incomplete", params: [] }] });
    assert.deepEqual(routeRequest({}, OPTIONS), { joint: false, reasons: [{ key: "routing-what-incomplete", params: [] }] });
  });

  it("does not route on a What section that is still incomplete, even if Wikidata is ticked", () => {
    const answers = withWhat({ projects: ["wikidata"], wikidataShare: "", wikidataCentral: "yes" });
    assert.deepEqual(routeRequest(answers, OPTIONS).reasons, [{ key: "routing-what-incomplete", params: [] }]);
    assert.equal(routeRequest(answers, OPTIONS).joint, false);
  });

  it("uses only message keys of the routing family", () => {
    const cases = [completeAnswers(START), withWikidata("10", "no"), withWikidata("90", "yes"), {}];
    for (const answers of cases) {
      for (const reason of routeRequest(answers, OPTIONS).reasons) assert.match(reason.key, /^routing-/);
    }
  });
});
