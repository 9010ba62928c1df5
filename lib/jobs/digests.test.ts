import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { DAY_MS } from "@/lib/domain/time";
import { startTestDatabase, type TTestDatabase } from "@/test-support/database";

import { digestContent, sendDigests } from "./digests";

let database: TTestDatabase;

before(async () => {
  database = await startTestDatabase();
});

after(async () => {
  await database?.stop();
});

const NOW = new Date("2026-12-09T00:01:00Z");
const BASE = "http://localhost:3000";
const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
let counter = 0;

async function person(role: "REQUESTER" | "WMF_REVIEWER" | "WMDE_REVIEWER" | "ADMIN", digest: "NONE" | "DAILY" | "WEEKLY" = "NONE") {
  counter += 1;
  return database.db.user.create({ data: { email: `digest-${role.toLowerCase()}-${counter}-${Math.random()}@example.org`, role, digest } });
}

async function request(
  data: { status: "SUBMITTED" | "IN_REVIEW" | "GRANTED" | "DECLINE_APPEALED"; submittedDaysAgo: number; assigneeId?: string; joint?: boolean } & Record<
    string,
    unknown
  >,
) {
  const requester = await person("REQUESTER");
  counter += 1;
  const { submittedDaysAgo, ...rest } = data;
  return database.db.request.create({
    data: {
      requesterId: requester.id,
      reference: `EA-2026-${String(5000 + counter)}`,
      organisation: `Org ${counter}`,
      submittedAt: ago(submittedDaysAgo),
      ...rest,
    },
  });
}

describe("the review digest", () => {
  it("tells a WMF reviewer what needs them, section by section, and leaves out what they declared a conflict on", async () => {
    const reviewer = await person("WMF_REVIEWER", "DAILY");
    const colleague = await person("WMF_REVIEWER");
    const fresh = await request({ status: "SUBMITTED", submittedDaysAgo: 0.5 });
    const old = await request({ status: "SUBMITTED", submittedDaysAgo: 3 });
    const late = await request({ status: "IN_REVIEW", submittedDaysAgo: 70, assigneeId: reviewer.id, firstActionAt: ago(69) });
    // 70 days since submission, 20 of them waiting for the requester: 50, within the 60-day target.
    const paused = await request({ status: "IN_REVIEW", submittedDaysAgo: 70, assigneeId: reviewer.id, firstActionAt: ago(69), pausedSeconds: 20 * 86_400 });
    const untouched = await request({ status: "SUBMITTED", submittedDaysAgo: 12 });
    const proposed = await request({ status: "IN_REVIEW", submittedDaysAgo: 5, assigneeId: colleague.id, firstActionAt: ago(4) });
    await database.db.grantProposal.create({ data: { requestId: proposed.id, proposedById: colleague.id, grant: {} } });
    const conflicted = await request({ status: "SUBMITTED", submittedDaysAgo: 0.2 });
    await database.db.conflictDeclaration.create({ data: { requestId: conflicted.id, reviewerId: reviewer.id, hasConflict: true, reason: "My employer" } });

    const appealed = await request({ status: "DECLINE_APPEALED", submittedDaysAgo: 40 });
    await database.db.appeal.create({
      data: { requestId: appealed.id, fromStatus: "DECLINED", statement: "We meet the criteria.", original: {}, involvedIds: [colleague.id] },
    });
    const ownDecision = await request({ status: "DECLINE_APPEALED", submittedDaysAgo: 40 });
    await database.db.appeal.create({
      data: { requestId: ownDecision.id, fromStatus: "DECLINED", statement: "Please look again.", original: {}, involvedIds: [reviewer.id] },
    });

    const content = await digestContent(database.db, reviewer, ago(1), NOW);
    const ids = (section: keyof typeof content) => content[section].items.map((item) => item.id);
    assert.ok(ids("newRequests").includes(fresh.id));
    assert.ok(!ids("newRequests").includes(old.id), "submitted before the window");
    assert.ok(!ids("newRequests").includes(conflicted.id), "a declared conflict hides it");
    assert.ok(ids("pastTarget").includes(late.id));
    assert.ok(ids("pastTarget").includes(untouched.id), "nobody acted within the first-action target");
    assert.ok(!ids("pastTarget").includes(paused.id), "the wait for the requester is not counted");
    assert.equal(content.pastTarget.items.find((item) => item.id === late.id)?.waitedDays, 70);
    assert.deepEqual(ids("confirmations"), [proposed.id]);
    assert.deepEqual(ids("appeals"), [appealed.id], "an appeal goes to someone who took no part in the decision");
    assert.equal((await digestContent(database.db, colleague, ago(1), NOW)).confirmations.count, 0, "nobody confirms their own proposal");
  });

  it("is sent once per period, whichever of two workers gets there, in one email with the reader's requests and links", async () => {
    const reviewer = await person("ADMIN", "WEEKLY");
    const waiting = await request({ status: "SUBMITTED", submittedDaysAgo: 0.1 });
    const results = await Promise.all([sendDigests(database.db, { now: NOW, baseUrl: BASE }), sendDigests(database.db, { now: NOW, baseUrl: BASE })]);
    assert.ok(results.every((sent) => sent >= 0));
    const emails = await database.db.outboxEmail.findMany({ where: { to: reviewer.email!, kind: "digest" } });
    assert.equal(emails.length, 1);
    assert.match(emails[0]!.subject, /review digest for the week of 7 December 2026/);
    assert.match(emails[0]!.text, new RegExp(`${waiting.reference} – ${waiting.organisation}: ${BASE}/review/${waiting.id}`));
    assert.equal(emails[0]!.idempotencyKey, `digest:${reviewer.id}:weekly:2026-12-07`);

    // Later in the same week: nothing more, even with something new.
    await request({ status: "SUBMITTED", submittedDaysAgo: -1 });
    await sendDigests(database.db, { now: new Date(NOW.getTime() + 2 * DAY_MS), baseUrl: BASE });
    assert.equal(await database.db.outboxEmail.count({ where: { to: reviewer.email!, kind: "digest" } }), 1);
  });

  it("sends nothing when there is nothing to tell, and nothing to someone who asked for none or is no reviewer", async () => {
    const wmde = await person("WMDE_REVIEWER", "DAILY");
    const none = await person("WMF_REVIEWER", "NONE");
    const requester = await database.db.user.create({ data: { email: `digest-requester-${Math.random()}@example.org`, digest: "DAILY" } });
    // Only a request outside the joint queue is new: WMDE does not see it.
    await request({ status: "SUBMITTED", submittedDaysAgo: 0.1, joint: false });
    await sendDigests(database.db, { now: NOW, baseUrl: BASE });
    for (const reader of [wmde, none, requester]) assert.equal(await database.db.outboxEmail.count({ where: { to: reader.email!, kind: "digest" } }), 0);
    const checked = await database.db.user.findUniqueOrThrow({ where: { id: wmde.id } });
    assert.deepEqual(checked.digestSentAt, NOW, "the empty period counts as done");
  });

  it("is weekly for a reviewer who never chose, and reaches every reviewer however many there are", async () => {
    const sweep = new Date(NOW.getTime() + 14 * DAY_MS);
    const unchosen = await database.db.user.create({ data: { email: `digest-unchosen-${Math.random()}@example.org`, role: "WMF_REVIEWER" } });
    assert.equal(unchosen.digest, "WEEKLY");
    // More reviewers than one batch of the sweep reads, each with a new request waiting in their queue.
    await database.db.user.createMany({
      data: Array.from({ length: 230 }, (_, index) => ({ email: `digest-many-${index}-${Math.random()}@example.org`, role: "WMF_REVIEWER" as const })),
    });
    await request({ status: "SUBMITTED", submittedDaysAgo: -13.9 });
    await sendDigests(database.db, { now: sweep, baseUrl: BASE });
    const staff = await database.db.user.findMany({ where: { role: { not: "REQUESTER" }, digest: { not: "NONE" } }, select: { digestSentAt: true } });
    assert.ok(staff.length > 230);
    assert.deepEqual(
      staff.filter((user) => user.digestSentAt?.getTime() !== sweep.getTime()),
      [],
      "every reviewer with a digest was seen by the sweep",
    );
    assert.equal(await database.db.outboxEmail.count({ where: { to: unchosen.email!, kind: "digest" } }), 1);
  });
});
