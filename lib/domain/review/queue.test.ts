import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { decodeCursor, encodeCursor, queueParamsFrom, queueSearch, reviewOrganisation, viewScope, ZQueueParams } from "./queue";

describe("who sees which request", () => {
  it("records WMDE reviewers' assessments for WMDE and everyone else's for WMF", () => {
    assert.equal(reviewOrganisation("WMDE_REVIEWER"), "WMDE");
    assert.equal(reviewOrganisation("WMF_REVIEWER"), "WMF");
    assert.equal(reviewOrganisation("ADMIN"), "WMF");
  });
});

describe("queue views", () => {
  it("maps each view to its statuses; the joint view to open joint requests", () => {
    assert.deepEqual(viewScope("new"), { statuses: ["SUBMITTED"], jointOnly: false });
    assert.deepEqual(viewScope("joint"), { statuses: ["SUBMITTED", "IN_REVIEW", "AWAITING_REQUESTER"], jointOnly: true });
    assert.ok(viewScope("decided").statuses.includes("LAPSED"));
  });
});

describe("queue parameters from the address bar", () => {
  it("reads filters and falls back to defaults for anything unknown or forged", () => {
    const parsed = ZQueueParams.parse({ view: "joint", kind: "commercial", api: "realtime", flagged: "1", q: "  maps ", sort: "activity" });
    const given = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
    assert.deepEqual(given, { view: "joint", kind: "commercial", api: "realtime", flagged: true, q: "maps", sort: "activity" });
    const forged = ZQueueParams.parse({ view: "all'; DROP TABLE", kind: "hacker", assignee: "someone-else", sort: "random", q: "x".repeat(500) });
    assert.equal(forged.view, "new");
    assert.equal(forged.kind, undefined);
    assert.equal(forged.assignee, undefined);
    assert.equal(forged.sort, "oldest");
    assert.equal(forged.q?.length, 200);
    assert.equal(ZQueueParams.parse({ q: "   " }).q, undefined);
  });

  it("drops what PostgreSQL cannot store from a search, so a NUL character is no error", () => {
    assert.equal(ZQueueParams.parse({ q: "a\u0000b" }).q, "ab");
    assert.equal(ZQueueParams.parse({ q: "\ud800maps" }).q, "\ufffdmaps");
  });

  it("reads a query string as the page reads its search parameters: the first of a repeated name", () => {
    const query = new URLSearchParams("view=decided&kind=academic&kind=commercial&q=maps&flagged=1&__proto__=x&constructor=y");
    assert.deepEqual(queueParamsFrom(query), queueParamsFrom(Object.entries({ view: "decided", kind: ["academic", "commercial"], q: "maps", flagged: "1" })));
    assert.equal(queueParamsFrom(query).kind, "academic");
  });

  it("writes parameters back as a query that reads as the same parameters, blank ones left out", () => {
    const params = queueParamsFrom(new URLSearchParams("view=joint&api=realtime&flagged=1&q=%22open+maps%22+%26+more&sort=newest"));
    const search = queueSearch({ ...params, after: undefined });
    assert.equal(search, "view=joint&api=realtime&flagged=1&q=%22open+maps%22+%26+more&sort=newest");
    assert.deepEqual(queueParamsFrom(new URLSearchParams(search)), params);
    assert.equal(queueSearch({ view: "new", flagged: false, q: "" }), "view=new");
  });

  it("cuts a long search to well-formed text that reads the same again", () => {
    const q = `${"x".repeat(199)}🗺️ more`;
    const parsed = ZQueueParams.parse({ q }).q!;
    assert.equal(parsed, `${"x".repeat(199)}\ufffd`);
    assert.equal(ZQueueParams.parse({ q: parsed }).q, parsed);
  });

  it("round-trips a keyset cursor and ignores a tampered one", () => {
    const at = new Date("2026-03-04T05:06:07.000Z");
    assert.deepEqual(decodeCursor(encodeCursor(at, "req_1")), { at, id: "req_1" });
    assert.equal(decodeCursor("not-base64-json"), undefined);
    assert.equal(decodeCursor(Buffer.from(JSON.stringify(["yesterday", 5])).toString("base64url")), undefined);
    assert.equal(decodeCursor(undefined), undefined);
  });
});
