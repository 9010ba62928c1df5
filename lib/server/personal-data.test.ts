import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Prisma } from "@/lib/generated/prisma/client";
import { completeAnswers } from "@/test-support/answers";
import { withDataLayerDatabase } from "@/test-support/database";

import type { TViewer } from "./session";

let counter = 0;

const database = withDataLayerDatabase();
const personalData = database.module(() => import("./personal-data"));

/** A requester with one decided (declined) request, a message, an answered question, internal notes and an email. */
async function requesterWithHistory(status: "DECLINED" | "IN_REVIEW" = "DECLINED") {
  counter += 1;
  const db = database.db;
  const email = `person${counter}@example.org`;
  const user = await db.user.create({ data: { email, name: `Person ${counter}` } });
  await db.account.create({
    data: { userId: user.id, type: "oidc", provider: "wikimedia", providerAccountId: `gid-${counter}`, access_token: "secret-access-token" },
  });
  await db.wikimediaAccountFacts.create({
    data: {
      userId: user.id,
      username: `Wikimedian ${counter}`,
      editCount: 12345,
      registeredAt: new Date("2012-03-04T05:06:07Z"),
      groups: ["user", "sysop"],
      blocked: false,
      checkedAt: new Date(),
    },
  });
  const reviewer = await db.user.create({ data: { email: `reviewer${counter}@example.org`, role: "WMF_REVIEWER" } });
  const answers = completeAnswers("2026-12-01");
  const request = await db.request.create({
    data: {
      requesterId: user.id,
      status,
      reference: `EA-2026-${String(1000 + counter)}`,
      submittedAt: new Date(),
      answers: { ...answers, who: { ...answers.who, email, contactName: `Contact ${counter}` } } as Prisma.InputJsonValue,
      contactName: `Contact ${counter}`,
      organisation: "Open Knowledge Lab",
      searchText: `Contact ${counter} Open Knowledge Lab ${email} ada-lab`,
    },
  });
  if (status === "DECLINED") {
    await db.decision.create({
      data: {
        requestId: request.id,
        outcome: "DECLINED",
        decidedById: reviewer.id,
        message: "Your need is met by the free tier.",
        rationale: "INTERNAL-RATIONALE",
        criteria: ["need"],
      },
    });
  }
  await db.comment.create({ data: { requestId: request.id, authorId: reviewer.id, kind: "MESSAGE", body: "Thanks for applying." } });
  await db.comment.create({ data: { requestId: request.id, authorId: reviewer.id, kind: "INTERNAL", body: "INTERNAL-COMMENT" } });
  await db.assessment.create({
    data: { requestId: request.id, reviewerId: reviewer.id, organisation: "WMF", criterion: "need", rating: "NOT_MET", note: "INTERNAL-ASSESSMENT" },
  });
  await db.informationRequest.create({
    data: { requestId: request.id, askedById: reviewer.id, question: "How many users?", replyBy: new Date(), answer: "About 500", answeredAt: new Date() },
  });
  await db.auditEntry.create({
    data: { actorId: user.id, action: "request.submitted", subjectType: "request", subjectId: request.id, after: { status: "SUBMITTED" } },
  });
  await db.auditEntry.create({ data: { actorId: reviewer.id, action: "request.taken", subjectType: "request", subjectId: request.id } });
  await db.outboxEmail.create({
    data: { idempotencyKey: `declined:${request.id}`, to: email, subject: "Declined", text: "t", html: "h", requestId: request.id, status: "SENT" },
  });
  await db.outboxEmail.create({ data: { idempotencyKey: `other:${request.id}`, to: email.toUpperCase(), subject: "Pending", text: "t", html: "h" } });
  await db.session.create({ data: { userId: user.id, sessionToken: `token-${counter}`, expires: new Date(Date.now() + 86_400_000) } });
  const viewer: TViewer = { id: user.id, email, name: user.name, role: "REQUESTER" };
  return { viewer, request, reviewer };
}

describe("exporting personal data", () => {
  it("gives the account, sign-in accounts without tokens, and own requests as the requester sees them", async () => {
    const mine = await requesterWithHistory();
    const theirs = await requesterWithHistory();
    const data = await personalData.exportPersonalData(mine.viewer);
    const text = JSON.stringify(data);

    assert.equal(data.account.email, mine.viewer.email);
    assert.equal(data.account.name, mine.viewer.name);
    assert.deepEqual(
      data.signInAccounts.map((account) => [account.provider, account.providerAccountId]),
      [["wikimedia", `gid-${counter - 1}`]],
    );
    assert.equal(data.wikimediaAccount?.username, `Wikimedian ${counter - 1}`);
    assert.deepEqual(data.wikimediaAccount?.groups, ["user", "sysop"]);
    assert.equal(data.requests.length, 1);
    const [request] = data.requests;
    assert.equal(request!.reference, mine.request.reference);
    assert.equal(request!.decision?.message, "Your need is met by the free tier.");
    assert.deepEqual(
      request!.messages.map((message) => message.body),
      ["Thanks for applying."],
    );
    assert.deepEqual(
      request!.questions.map((question) => [question.question, question.answer]),
      [["How many users?", "About 500"]],
    );
    assert.deepEqual(request!.contributions, []);
    assert.deepEqual(request!.checkIns, []);
    assert.deepEqual(
      request!.history.map((entry) => [entry.action, entry.byYou]),
      [["request.submitted", true]],
    );

    for (const secret of [
      "secret-access-token",
      "INTERNAL-RATIONALE",
      "INTERNAL-COMMENT",
      "INTERNAL-ASSESSMENT",
      "request.taken",
      mine.reviewer.id,
      mine.reviewer.email!,
    ]) {
      assert.ok(!text.includes(secret), `the export leaks ${secret}`);
    }
    for (const other of [theirs.viewer.email!, theirs.request.reference!, theirs.request.id])
      assert.ok(!text.includes(other), `the export includes someone else's ${other}`);
  });
});

describe("erasing personal data", () => {
  it("anonymises the person and their requests, keeps decisions and the audit trail, and ends their sessions", async () => {
    const { viewer, request } = await requesterWithHistory();
    const draft = await database.db.request.create({ data: { requesterId: viewer.id, answers: { who: { email: viewer.email } } } });
    const auditBefore = await database.db.auditEntry.count({ where: { subjectId: request.id } });

    const result = await personalData.eraseMyData(viewer, { confirmEmail: viewer.email!.toUpperCase() });
    assert.deepEqual(result, { anonymised: 1, draftsDeleted: 1 });

    const user = await database.db.user.findUniqueOrThrow({ where: { id: viewer.id } });
    assert.equal(user.email, null);
    assert.equal(user.name, null);
    assert.ok(user.erasedAt);
    assert.equal(await database.db.session.count({ where: { userId: viewer.id } }), 0);
    assert.equal(await database.db.account.count({ where: { userId: viewer.id } }), 0);
    assert.equal(await database.db.wikimediaAccountFacts.count({ where: { userId: viewer.id } }), 0, "what the Wikimedia account said goes too");
    assert.equal(await database.db.request.count({ where: { id: draft.id } }), 0);
    assert.equal(
      await database.db.outboxEmail.count({ where: { OR: [{ requestId: request.id }, { to: { equals: viewer.email!, mode: "insensitive" } }] } }),
      0,
    );

    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    const who = (stored.answers as { who: Record<string, string> }).who;
    assert.equal(who.email, undefined);
    assert.equal(who.contactName, undefined);
    assert.equal(who.enterpriseUsername, undefined);
    assert.equal(who.organisation, "Open Knowledge Lab", "an organisation is not personal data");
    assert.equal(stored.contactName, null);
    assert.ok(stored.anonymisedAt);
    assert.ok(!stored.searchText.includes(viewer.email!) && !stored.searchText.includes("ada-lab") && !stored.searchText.includes("Contact"));
    assert.ok(stored.searchText.includes("Open Knowledge Lab"));
    assert.equal(stored.reference, request.reference);

    const decision = await database.db.decision.findUniqueOrThrow({ where: { requestId: request.id } });
    assert.equal(decision.rationale, "INTERNAL-RATIONALE");
    assert.equal(await database.db.auditEntry.count({ where: { subjectId: request.id } }), auditBefore + 1);
    assert.equal(await database.db.auditEntry.count({ where: { action: "user.erased", subjectId: viewer.id, actorId: viewer.id } }), 1);
    assert.equal(await database.db.auditEntry.count({ where: { action: "request.draft_deleted", subjectId: draft.id } }), 1);
  });

  it("blanks the account name in the entitlement records of an ended grant", async () => {
    const { viewer, request } = await requesterWithHistory();
    const ended = new Date(Date.now() - 86_400_000);
    await database.db.entitlementChange.create({
      data: {
        requestId: request.id,
        reference: request.reference!,
        username: "ada-lab",
        apis: ["snapshot"],
        startsAt: ended,
        expiresAt: ended,
        recordedAt: ended,
      },
    });
    await personalData.eraseMyData(viewer, { confirmEmail: viewer.email! });
    const records = await database.db.entitlementChange.findMany({ where: { requestId: request.id }, select: { username: true, reference: true } });
    assert.deepEqual(records, [{ username: "", reference: request.reference }]);
  });

  it("drops the organisation too when the requester is an individual", async () => {
    const { viewer, request } = await requesterWithHistory();
    const answers = request.answers as { who: Record<string, string> };
    await database.db.request.update({
      where: { id: request.id },
      data: { answers: { ...answers, who: { ...answers.who, requesterKind: "individual", organisation: "Me Ltd" } }, organisation: "Me Ltd" },
    });
    await personalData.eraseMyData(viewer, { confirmEmail: viewer.email! });
    const stored = await database.db.request.findUniqueOrThrow({ where: { id: request.id } });
    assert.equal((stored.answers as { who: Record<string, string> }).who.organisation, undefined);
    assert.equal(stored.organisation, null);
    assert.ok(!stored.searchText.includes("Me Ltd"));
  });

  it("refuses while a request is open, with a wrong confirmation, and for staff, changing nothing", async () => {
    const open = await requesterWithHistory("IN_REVIEW");
    await assert.rejects(
      personalData.eraseMyData(open.viewer, { confirmEmail: open.viewer.email! }),
      (error: Error & { messageKey?: string }) => error.messageKey === "error-erase-open",
    );
    assert.equal(await personalData.erasureBlockers(open.viewer), 1);

    const closed = await requesterWithHistory();
    await assert.rejects(
      personalData.eraseMyData(closed.viewer, { confirmEmail: "someone-else@example.org" }),
      (error: Error) => error.name === "FieldRuleError",
    );
    await assert.rejects(
      personalData.eraseMyData({ ...closed.viewer, role: "WMF_REVIEWER" }, { confirmEmail: closed.viewer.email! }),
      (error: Error & { messageKey?: string }) => error.messageKey === "error-erase-staff",
    );

    for (const { viewer } of [open, closed]) {
      const user = await database.db.user.findUniqueOrThrow({ where: { id: viewer.id } });
      assert.equal(user.email, viewer.email);
      assert.equal(await database.db.session.count({ where: { userId: viewer.id } }), 1);
    }
  });
});
