import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translator";
import { contextOf } from "@/lib/domain/request/sections";
import { completeAnswers } from "@/test-support/answers";

import { answerRows, changedAnswers, compactRows } from "./answer-rows";

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

describe("answers as a reviewer reads them", () => {
  const whatRows = (answers: ReturnType<typeof completeAnswers>) => answerRows("what", answers.what, contextOf(answers, "2029-12-01"), t, "en-GB");

  it("write numbers in the reader's way however they were typed, and leave one that does not parse as typed", () => {
    const answers = completeAnswers(DAY);
    answers.what.wikipediaRequestsPerMonth = "1000000";
    answers.what.wikipediaSnapshotsPerMonth = "4";
    const rows = whatRows(answers);
    assert.deepEqual(rows.find((row) => row.field === "wikipediaRequestsPerMonth")?.answer, ["1,000,000"]);
    const german = answerRows("what", { ...answers.what, wikipediaRequestsPerMonth: "1.000.000" }, contextOf(answers, "2029-12-01"), t, "de");
    assert.deepEqual(german.find((row) => row.field === "wikipediaRequestsPerMonth")?.answer, ["1.000.000"]);
    const odd = whatRows({ ...answers, what: { ...answers.what, wikipediaRequestsPerMonth: "about a million" } });
    assert.deepEqual(odd.find((row) => row.field === "wikipediaRequestsPerMonth")?.answer, ["about a million"]);
  });

  it("put a project's volumes on one row and name the questions left empty together, at the end", () => {
    const compact = compactRows(whatRows(completeAnswers(DAY)));
    const volume = compact.find((row) => row.kind === "group");
    assert.deepEqual(volume, {
      kind: "group",
      field: "wikipediaVolume",
      question: "Expected volume for Wikipedia",
      parts: [
        { part: "Requests per month", answer: "1,000,000" },
        { part: "Snapshot downloads per month", answer: "4" },
      ],
      wide: false,
    });
    const last = compact.at(-1);
    assert.equal(last?.kind, "unanswered");
    assert.ok(
      last?.kind === "unanswered" && last.questions.includes("Expected volume for Wikipedia: Peak requests per second (optional)"),
      JSON.stringify(last),
    );
    assert.equal(compact.filter((row) => row.kind === "unanswered").length, 1);
  });

  it("give a long question or answer the whole row, and keep a changed answer on a row of its own", () => {
    const answers = completeAnswers(DAY);
    answers.what.purpose = "A reading app for schools that works offline, in twelve languages, for the whole district.";
    const rows = whatRows(answers);
    const compact = compactRows(rows, new Set(["wikipediaSnapshotsPerMonth"]));
    const purpose = compact.find((row) => row.kind === "answer" && row.row.field === "purpose");
    assert.equal(purpose?.wide, true);
    const kinds = compact.find((row) => row.kind === "answer" && row.row.field === "exceptionType");
    assert.equal(kinds?.wide, false);
    assert.equal(
      compact.some((row) => row.kind === "group"),
      false,
      "a changed volume shows each of its project's answers apart, so the change can be marked",
    );
    const changed = compact.find((row) => row.kind === "answer" && row.row.field === "wikipediaSnapshotsPerMonth");
    assert.equal(changed?.wide, true);
  });
});
