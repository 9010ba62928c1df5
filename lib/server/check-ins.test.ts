import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DomainError, FieldRuleError } from "@/lib/domain/errors";
import { addDays } from "@/lib/domain/time";
import { createRequest, createViewer, withDataLayerDatabase } from "@/test-support/database";
import { TEST_BASE_URL as BASE_URL } from "@/test-support/days";
import { moveStatus } from "@/test-support/status";

const database = withDataLayerDatabase();
const checkIns = database.module(() => import("./check-ins"));
const reviewCheckIns = database.module(() => import("./review/check-ins"));
const personalData = database.module(() => import("./personal-data"));

/** A running grant with two promised contributions and an open check-in. */
async function grantWithCheckIn() {
  const requester = await createViewer(database.db, "REQUESTER");
  const request = await createRequest(database.db, requester, { status: "IN_REVIEW" });
  await moveStatus(database.db, { id: request.id }, "GRANTED", { startsAt: addDays(new Date(), -200), expiresAt: addDays(new Date(), 165) });
  await database.db.contribution.createMany({
    data: [
      { requestId: request.id, position: 1, kind: "tools", description: "An open-source map viewer" },
      { requestId: request.id, position: 2, kind: "reports", description: "A yearly report" },
    ],
  });
  const checkIn = await database.db.checkIn.create({
    data: { requestId: request.id, scheduledFor: addDays(new Date(), -10), openedAt: addDays(new Date(), -10), dueAt: addDays(new Date(), 20) },
  });
  return { requester, request, checkIn };
}

const answer = (requestId: string, checkInId: string, extra: Record<string, string> = {}) => ({
  requestId,
  checkInId,
  useCase: "active",
  usage: "half_to_most",
  message: "All well.",
  "contribution-1": "DELIVERED",
  "contribution-1-link": "https://maps.example.org/viewer",
  "contribution-2": "DROPPED",
  "contribution-2-note": "The funding ended.",
  ...extra,
});

describe("answering a check-in", () => {
  it("names every problem at once, in the form's order, and records nothing", async () => {
    const { requester, request, checkIn } = await grantWithCheckIn();
    await assert.rejects(
      checkIns.answerCheckIn(
        requester,
        { requestId: request.id, checkInId: checkIn.id },
        { requestId: request.id, checkInId: checkIn.id, "contribution-1": "DELIVERED", "contribution-1-link": "not a link", "contribution-2": "DROPPED" },
        BASE_URL,
      ),
      (error: unknown) => {
        assert.ok(error instanceof FieldRuleError);
        assert.deepEqual(Object.keys(error.fieldErrors), ["useCase", "usage", "contribution-1-link", "contribution-2-note"]);
        return true;
      },
    );
    assert.equal((await database.db.checkIn.findUniqueOrThrow({ where: { id: checkIn.id } })).answeredAt, null);
  });

  it("records the answer and each contribution's fate once; a second answer is told it was received and changes nothing", async () => {
    const { requester, request, checkIn } = await grantWithCheckIn();
    const target = { requestId: request.id, checkInId: checkIn.id };
    const outcomes = await Promise.allSettled([
      checkIns.answerCheckIn(requester, target, answer(request.id, checkIn.id), BASE_URL),
      checkIns.answerCheckIn(requester, target, answer(request.id, checkIn.id, { useCase: "ended", message: "Second" }), BASE_URL),
    ]);
    assert.equal(outcomes.filter((outcome) => outcome.status === "fulfilled").length, 1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    assert.ok(refused?.status === "rejected" && refused.reason instanceof DomainError && refused.reason.messageKey === "check-in-error-received");

    await assert.rejects(
      checkIns.answerCheckIn(requester, target, answer(request.id, checkIn.id, { message: "Third" }), BASE_URL),
      (error: unknown) => error instanceof DomainError && error.messageKey === "check-in-error-received",
    );
    const stored = await database.db.checkIn.findUniqueOrThrow({ where: { id: checkIn.id } });
    assert.ok(stored.answeredAt);
    assert.equal(stored.answeredById, requester.id);
    assert.notEqual(stored.message, "Third");
    const contributions = await database.db.contribution.findMany({ where: { requestId: request.id }, orderBy: { position: "asc" } });
    assert.equal(contributions[0]!.status, "DELIVERED");
    assert.equal(contributions[0]!.deliveredLink, "https://maps.example.org/viewer");
    assert.ok(contributions[0]!.deliveredAt);
    assert.equal(contributions[1]!.status, "DROPPED");
    assert.equal(contributions[1]!.note, "The funding ended.");
    assert.equal(await database.db.auditEntry.count({ where: { subjectId: request.id, action: "request.checked_in", actorId: requester.id } }), 1);

    // The requester's own data export holds the answer and what became of each promise.
    const [exported] = (await personalData.exportPersonalData(requester)).requests;
    assert.deepEqual(
      exported!.contributions.map((contribution) => contribution.status),
      ["DELIVERED", "DROPPED"],
    );
    assert.equal(exported!.checkIns[0]!.useCase, stored.useCase);
  });

  it("is closed once the grant is past its expiry, before any job has run", async () => {
    const { requester, request, checkIn } = await grantWithCheckIn();
    await database.db.request.update({ where: { id: request.id }, data: { expiresAt: addDays(new Date(), -1) } });
    await assert.rejects(
      checkIns.answerCheckIn(requester, { requestId: request.id, checkInId: checkIn.id }, answer(request.id, checkIn.id), BASE_URL),
      (error: unknown) => error instanceof DomainError && error.messageKey === "check-in-error-closed",
    );
  });

  it("is not for anyone but the requester", async () => {
    const { request, checkIn } = await grantWithCheckIn();
    const stranger = await createViewer(database.db, "REQUESTER");
    await assert.rejects(checkIns.answerCheckIn(stranger, { requestId: request.id, checkInId: checkIn.id }, answer(request.id, checkIn.id), BASE_URL));
    assert.equal((await database.db.checkIn.findUniqueOrThrow({ where: { id: checkIn.id } })).answeredAt, null);
  });

  it("is acknowledged once by a reviewer, who reads it with each contribution named", async () => {
    const { requester, request, checkIn } = await grantWithCheckIn();
    await checkIns.answerCheckIn(requester, { requestId: request.id, checkInId: checkIn.id }, answer(request.id, checkIn.id), BASE_URL);
    const reviewer = await createViewer(database.db, "WMF_REVIEWER");
    const target = { requestId: request.id, checkInId: checkIn.id };
    await assert.rejects(reviewCheckIns.acknowledgeCheckIn(requester, target, BASE_URL));
    await reviewCheckIns.acknowledgeCheckIn(reviewer, target, BASE_URL);
    await assert.rejects(
      reviewCheckIns.acknowledgeCheckIn(reviewer, target, BASE_URL),
      (error: unknown) => error instanceof DomainError && error.messageKey === "check-in-error-acknowledged",
    );
    const [read] = await reviewCheckIns.reviewCheckIns(request);
    assert.equal(read!.acknowledgedBy?.email, reviewer.email);
    assert.deepEqual(
      read!.contributions.map((contribution) => [contribution.description, contribution.status]),
      [
        ["An open-source map viewer", "DELIVERED"],
        ["A yearly report", "DROPPED"],
      ],
    );
    assert.equal(await database.db.auditEntry.count({ where: { subjectId: request.id, action: "request.check_in_acknowledged", actorId: reviewer.id } }), 1);
  });
});
