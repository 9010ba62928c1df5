import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translator";
import { completeAnswers } from "@/test-support/answers";

import { changedAnswers } from "./answer-rows";

const t = createTranslator("en", messagesFor("en"));
const DAY = "2030-01-01";
const changesOf = (before: ReturnType<typeof completeAnswers>, after: ReturnType<typeof completeAnswers>) =>
  changedAnswers(after, before, "2029-12-01", t, "en-GB");

describe("what a renewal changed", () => {
  it("finds nothing when the answers are the same", () => {
    const changes = changesOf(completeAnswers(DAY), completeAnswers(DAY));
    for (const [, fields] of changes) assert.equal(fields.size, 0);
  });

  it("marks a changed answer with the earlier one, and a newly answered question with none", () => {
    const before = completeAnswers(DAY);
    const after = completeAnswers(DAY);
    after.what.purpose = "A reading app for schools, now in twelve languages.";
    after.what.projects = ["wikipedia", "commons"];
    after.what.commonsRequestsPerMonth = "2000";
    after.what.commonsSnapshotsPerMonth = "1";
    const what = changesOf(before, after).get("what");
    assert.ok(what);
    assert.deepEqual(what.get("purpose")?.answer, ["A reading app for schools that works offline."]);
    assert.deepEqual(what.get("projects")?.answer, ["Wikipedia"]);
    assert.equal(what.get("commonsRequestsPerMonth"), null, "the earlier request did not ask about Commons");
    assert.equal(what.has("wikipediaRequestsPerMonth"), false);
  });

  it("reads answers as a person does: the same choices in another order, or the same number written differently, are no change", () => {
    const before = completeAnswers(DAY);
    const after = completeAnswers(DAY);
    after.what.apis = ["on_demand", "snapshot"];
    after.what.wikipediaRequestsPerMonth = "1000000";
    const what = changesOf(before, after).get("what");
    assert.equal(what?.size, 0, [...(what?.keys() ?? [])].join());
  });
});
