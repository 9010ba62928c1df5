import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { checkInDays } from "@/lib/domain/check-ins";
import { ZGrantInput } from "@/lib/domain/review/decisions";
import { addDays, DAY_MS, endOfDay, startOfDay } from "@/lib/domain/time";
import { createRequest, createViewer, withDataLayerDatabase } from "@/test-support/database";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";

const database = withDataLayerDatabase();
const decisions = database.module(() => import("@/lib/server/review/decisions"));
const checkIns = database.module(() => import("./check-ins"));

/** A grant made today through the decision form, for `days` days, asking every `checkInMonths`. */
async function granted(days: number, checkInMonths: number | null) {
  const reviewer = await createViewer(database.db, "WMF_REVIEWER");
  const requester = await createViewer(database.db, "REQUESTER");
  const request = await createRequest(database.db, requester, { status: "IN_REVIEW", assigneeId: reviewer.id });
  const input = ZGrantInput.parse({
    requestId: request.id,
    version: String(request.version),
    apis: ["snapshot"],
    snapshotFrequency: "weekly",
    startsOn: day(0),
    expiresOn: day(days),
    criteria: ["need"],
    rationale: "Meets the need.",
    message: "Welcome.",
    checkInMonths: checkInMonths === null ? "expiry" : String(checkInMonths),
  });
  await decisions.grantRequest(reviewer, input, BASE_URL);
  return { reviewer, requester, request: await database.db.request.findUniqueOrThrow({ where: { id: request.id } }) };
}

/** Two workers sweeping check-ins at the same moment, as two worker processes would. */
async function twoWorkersAt(now: Date) {
  const context = { now, baseUrl: BASE_URL };
  await Promise.all([0, 1].map(() => checkIns.openCheckIns(database.db, context)));
  await Promise.all([0, 1].map(() => checkIns.remindCheckIns(database.db, context)));
  await Promise.all([0, 1].map(() => checkIns.recordMissedCheckIns(database.db, context)));
}

const emails = (requestId: string, kind: string) => database.db.outboxEmail.findMany({ where: { requestId, kind }, orderBy: { createdAt: "asc" } });
const entries = (requestId: string, action: string) => database.db.auditEntry.count({ where: { subjectId: requestId, action } });

describe("check-ins on a running grant", () => {
  it("opens each check-in, sends its reminder and records it missed exactly once with two workers sweeping", async () => {
    const { request } = await granted(365, 3);
    const start = startOfDay(day(0));
    for (let at = start.getTime(); at <= start.getTime() + 400 * DAY_MS; at += 2 * DAY_MS) await twoWorkersAt(new Date(at + 3_600_000));

    const stored = await database.db.checkIn.findMany({ where: { requestId: request.id }, orderBy: { scheduledFor: "asc" } });
    const expected = checkInDays({ startsAt: start, expiresAt: endOfDay(day(365)), checkInMonths: 3 });
    assert.equal(expected.length, 3);
    assert.deepEqual(
      stored.map((checkIn) => checkIn.scheduledFor.toISOString().slice(0, 10)),
      expected,
    );
    assert.ok(stored.every((checkIn) => checkIn.reminderSentAt && checkIn.missedAt && !checkIn.cancelledAt));
    assert.equal((await emails(request.id, "check_in_opened")).length, 3);
    assert.equal((await emails(request.id, "check_in_reminder")).length, 3);
    assert.equal(await entries(request.id, "request.check_in_opened"), 3);
    assert.equal(await entries(request.id, "request.check_in_reminded"), 3);
    assert.equal(await entries(request.id, "request.check_in_missed"), 3);
    const [opened] = await emails(request.id, "check_in_opened");
    assert.match(opened!.subject, /check in/);
    // Missed check-ins never end the grant: only its expiry did.
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "GRANTED");
  });

  it("stores the cadence chosen, except for a grant of 6 months or less, and names the first check-in in the grant email", async () => {
    const long = await granted(365, 3);
    const short = await granted(180, 3);
    const cadence = async (requestId: string) => (await database.db.decision.findUniqueOrThrow({ where: { requestId } })).checkInMonths;
    assert.equal(await cadence(long.request.id), 3);
    assert.equal(await cadence(short.request.id), null);
    const [email] = await emails(short.request.id, "granted");
    assert.match(email!.text, /You will be asked first on/);
    const [entry] = await database.db.auditEntry.findMany({ where: { subjectId: short.request.id, action: "request.granted" } });
    assert.equal((entry!.after as { checkInMonths: number | null }).checkInMonths, null);
  });

  it("moves the check-in before expiry when the grant is extended", async () => {
    const { reviewer, request } = await granted(365, null);
    await decisions.extendGrant(
      reviewer,
      { requestId: request.id, version: request.version, expiresOn: day(540), lengthOverride: "", message: "More time." },
      BASE_URL,
      "en-GB",
    );
    const start = startOfDay(day(0));
    for (const offset of [0, 335, 336, 480, 510, 511, 512]) await twoWorkersAt(addDays(start, offset));
    const stored = await database.db.checkIn.findMany({ where: { requestId: request.id } });
    assert.deepEqual(
      stored.map((checkIn) => checkIn.scheduledFor.toISOString().slice(0, 10)),
      [day(510)],
    );
    assert.equal((await emails(request.id, "check_in_opened")).length, 1);
  });

  it("cancels an open check-in when the grant is withdrawn: no reminder, never overdue", async () => {
    const { reviewer, request } = await granted(365, 6);
    const [first] = checkInDays({ startsAt: startOfDay(day(0)), expiresAt: endOfDay(day(365)), checkInMonths: 6 });
    const opensAt = startOfDay(first!);
    await twoWorkersAt(opensAt);
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    await decisions.withdrawGrant(reviewer, { requestId: request.id, version: stored.version, reason: "USE_CASE_ENDED", message: "Over." }, BASE_URL);
    for (const offset of [24, 31, 60]) await twoWorkersAt(addDays(opensAt, offset));
    const [checkIn] = await database.db.checkIn.findMany({ where: { requestId: request.id } });
    assert.ok(checkIn?.cancelledAt);
    assert.equal(checkIn.reminderSentAt, null);
    assert.equal(checkIn.missedAt, null);
    assert.equal((await emails(request.id, "check_in_reminder")).length, 0);
  });
});
