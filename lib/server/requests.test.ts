import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { FieldRuleError } from "@/lib/domain/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { completeAnswers } from "@/test-support/answers";
import { withDataLayerDatabase } from "@/test-support/database";
import { moveStatus } from "@/test-support/status";

import type { TViewer } from "./session";

const database = withDataLayerDatabase();
const requests = database.module(() => import("./requests"));

async function requesterWithCompleteDraft(index: number): Promise<{ viewer: TViewer; id: string }> {
  const email = `requester${index}@example.org`;
  const user = await database.db.user.create({ data: { email, name: `Requester ${index}` } });
  const answers = completeAnswers(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  const request = await database.db.request.create({
    data: { requesterId: user.id, answers: { ...answers, who: { ...answers.who, email } } as Prisma.InputJsonValue },
  });
  return { viewer: { id: user.id, email, name: user.name, role: "REQUESTER" }, id: request.id };
}

describe("submitting requests", () => {
  it("gives 20 requests submitted at the same moment 20 distinct references, numbered without gaps", async () => {
    const drafts = await Promise.all(Array.from({ length: 20 }, (_, index) => requesterWithCompleteDraft(index)));
    const results = await Promise.all(drafts.map(({ viewer, id }) => requests.submitRequest(viewer, { requestId: id, version: 0 }, "http://localhost:3000")));

    const references = results.map((result) => result.reference);
    assert.equal(new Set(references).size, 20);
    const year = new Date().getUTCFullYear();
    assert.deepEqual(
      references.map((reference) => Number(reference.split("-")[2])).sort((a, b) => a - b),
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    for (const reference of references) assert.match(reference, new RegExp(`^EA-${year}-\\d{4}$`));

    const stored = await database.db.request.findMany({ where: { id: { in: drafts.map((draft) => draft.id) } } });
    assert.ok(stored.every((request) => request.status === "SUBMITTED" && request.submittedAt));
    // Each submission wrote its confirmation email and its audit entry in the same transaction.
    assert.equal(await database.db.outboxEmail.count({ where: { requestId: { in: drafts.map((draft) => draft.id) } } }), 20);
    assert.equal(await database.db.auditEntry.count({ where: { action: "request.submitted" } }), 20);
  });

  it("lets only one of two simultaneous submissions of the same draft through", async () => {
    const { viewer, id } = await requesterWithCompleteDraft(100);
    const outcomes = await Promise.allSettled([
      requests.submitRequest(viewer, { requestId: id, version: 0 }, "http://localhost:3000"),
      requests.submitRequest(viewer, { requestId: id, version: 0 }, "http://localhost:3000"),
    ]);
    assert.equal(outcomes.filter((outcome) => outcome.status === "fulfilled").length, 1);
    assert.equal(await database.db.outboxEmail.count({ where: { requestId: id } }), 1);
  });

  it("refuses another requester's draft as if it did not exist", async () => {
    const owner = await requesterWithCompleteDraft(200);
    const other = await requesterWithCompleteDraft(201);
    await assert.rejects(
      requests.submitRequest(other.viewer, { requestId: owner.id, version: 0 }, "http://localhost:3000"),
      (error: Error) => error.name === "NotFoundError",
    );
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: owner.id } })).status, "DRAFT");
  });

  it("keeps an unfinished section in the draft, and refuses to submit it, naming the section", async () => {
    const { viewer, id } = await requesterWithCompleteDraft(300);
    const saved = await requests.saveSection(viewer, { requestId: id, section: "need", version: 0, posted: { needExplanation: "Half" }, check: true });
    assert.equal(saved.outcome, "invalid");
    const draft = await database.db.request.findUniqueOrThrow({ where: { id } });
    assert.deepEqual((draft.answers as Record<string, unknown>).need, { needExplanation: "Half" });
    await assert.rejects(
      requests.submitRequest(viewer, { requestId: id, version: 1 }, "http://localhost:3000"),
      (error: Error & { sections?: string[] }) => error.name === "IncompleteRequestError" && error.sections?.join() === "need",
    );
  });

  it("refuses a save based on an older version instead of overwriting the newer answers", async () => {
    const { viewer, id } = await requesterWithCompleteDraft(400);
    const first = await requests.saveSection(viewer, { requestId: id, section: "who", version: 0, posted: { contactName: "First tab" }, check: false });
    const second = await requests.saveSection(viewer, { requestId: id, section: "who", version: 0, posted: { contactName: "Second tab" }, check: false });
    assert.deepEqual([first.outcome, second.outcome], ["saved", "conflict"]);
    const draft = await database.db.request.findUniqueOrThrow({ where: { id } });
    assert.equal((draft.answers as { who: { contactName: string } }).who.contactName, "First tab");
  });
});

describe("answering a reviewer's question", () => {
  it("returns the request to review only when every reopened section passes the rules of submission", async () => {
    const { viewer, id } = await requesterWithCompleteDraft(9000);
    await requests.submitRequest(viewer, { requestId: id, version: 0 }, "http://localhost:3000");
    const reviewer = await database.db.user.create({ data: { email: "reviewer9000@example.org", role: "WMF_REVIEWER" } });
    await moveStatus(database.db, { id }, "AWAITING_REQUESTER", { version: { increment: 1 } });
    await database.db.informationRequest.create({
      data: { requestId: id, askedById: reviewer.id, question: "Who are you?", replyBy: new Date(Date.now() + 14 * 86_400_000), sections: ["who"] },
    });
    const stored = await database.db.request.findUniqueOrThrow({ where: { id } });
    const who = (stored.answers as { who: Record<string, string> }).who;

    // Saved without checking ("save and come back later"), as a hand-made post could too.
    for (const broken of [{ requesterKind: "pirate" }, { contactName: "" }, { country: "XX" }] as Record<string, string>[]) {
      const current = await database.db.request.findUniqueOrThrow({ where: { id } });
      await requests.saveSection(viewer, { requestId: id, section: "who", version: current.version, posted: { ...who, ...broken }, check: false });
      const saved = await database.db.request.findUniqueOrThrow({ where: { id } });
      await assert.rejects(
        requests.answerInformation(viewer, { requestId: id, version: saved.version, answer: "Here you are" }, "http://localhost:3000"),
        (error: unknown) => error instanceof FieldRuleError && Object.keys(error.fieldErrors).join() === "reopened-who",
        JSON.stringify(broken),
      );
      const after = await database.db.request.findUniqueOrThrow({ where: { id }, include: { infoRequests: true } });
      assert.equal(after.status, "AWAITING_REQUESTER", "the request moved with broken answers");
      assert.equal(after.version, saved.version);
      assert.equal(after.infoRequests[0]!.answeredAt, null);
    }

    const current = await database.db.request.findUniqueOrThrow({ where: { id } });
    await requests.saveSection(viewer, { requestId: id, section: "who", version: current.version, posted: who, check: true });
    await requests.answerInformation(viewer, { requestId: id, version: current.version + 1, answer: "Fixed" }, "http://localhost:3000");
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id } })).status, "IN_REVIEW");
  });
});
