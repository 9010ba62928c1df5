import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { FieldRuleError } from "@/lib/domain/errors";
import { ZGrantInput } from "@/lib/domain/review/decisions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translator";
import { completeAnswers } from "@/test-support/answers";
import { createRequest, createViewer, withDataLayerDatabase } from "@/test-support/database";

import type { TViewer } from "./session";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";
import { DAY_MS as DAY } from "@/lib/domain/time";

const database = withDataLayerDatabase();
const decisions = database.module(() => import("./review/decisions"));
const followUps = database.module(() => import("./follow-ups"));
const register = database.module(() => import("./register"));
const feed = database.module(() => import("./register-feed"));
const figures = database.module(() => import("./figures"));

let counter = 0;

const person = (role: TViewer["role"]) => createViewer(database.db, role);

/** A request in review whose requester did, or did not, agree to the public register. */
async function inReview(reviewer: TViewer, consent: boolean) {
  const requester = await person("REQUESTER");
  counter += 1;
  const request = await createRequest(
    database.db,
    requester,
    { status: "IN_REVIEW", reference: `EA-2031-${String(counter).padStart(4, "0")}`, assigneeId: reviewer.id },
    (answers) => ({ ...answers, values: { ...answers.values, registerConsent: consent ? "on" : "" } }),
  );
  return { requester, request };
}

function grantInput(requestId: string, version: number, extra: Record<string, string> = {}) {
  return ZGrantInput.parse({
    requestId,
    version: String(version),
    apis: ["snapshot", "realtime"],
    snapshotFrequency: "weekly",
    startsOn: day(0),
    expiresOn: day(365),
    criteria: ["need"],
    rationale: "Internal: a strong case.",
    message: "Welcome aboard.",
    publicName: "Lighthouse Reading Collective",
    publicSummary: "An offline reading app for schools on remote islands.",
    ...extra,
  });
}

async function grant(consent: boolean, extra: Record<string, string> = {}) {
  const reviewer = await person("WMF_REVIEWER");
  const { request, requester } = await inReview(reviewer, consent);
  await decisions.grantRequest(reviewer, grantInput(request.id, request.version, extra), BASE_URL);
  return { reviewer, requester, request: await database.db.request.findUniqueOrThrow({ where: { id: request.id } }) };
}

const entryOf = async (reference: string | null) => (await register.listRegister({ reference: reference ?? undefined })).entries[0];

describe("the register entry at grant time", () => {
  it("is kept with the requester's consent, and lists the grant with what the reviewer approved", async () => {
    const { request } = await grant(true);
    const decision = await database.db.decision.findUniqueOrThrow({ where: { requestId: request.id } });
    assert.equal(decision.publicName, "Lighthouse Reading Collective");
    const entry = await entryOf(request.reference);
    assert.deepEqual(
      { ...entry, grantedAt: undefined, updated: undefined },
      {
        reference: request.reference,
        name: "Lighthouse Reading Collective",
        summary: "An offline reading app for schools on remote islands.",
        apis: ["snapshot", "realtime"],
        grantedAt: undefined,
        startsOn: day(0),
        expiresOn: day(365),
        endedOn: null,
        status: "active",
        updated: undefined,
        delivered: [],
        imported: false,
      },
    );
  });

  it("is required with consent, and must not name the contact person", async () => {
    const reviewer = await person("WMF_REVIEWER");
    const { request } = await inReview(reviewer, true);
    await assert.rejects(
      decisions.grantRequest(reviewer, grantInput(request.id, request.version, { publicName: "", publicSummary: "Built by Ada Lovelace." }), BASE_URL),
      (error: unknown) =>
        error instanceof FieldRuleError &&
        error.fieldErrors.publicName?.key === "error-public-name" &&
        error.fieldErrors.publicSummary?.key === "error-public-person",
    );
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).status, "IN_REVIEW");
  });

  it("is ignored without consent, and the grant stays out of the register", async () => {
    const { request } = await grant(false);
    const decision = await database.db.decision.findUniqueOrThrow({ where: { requestId: request.id } });
    assert.equal(decision.publicName, null);
    assert.equal(decision.publicSummary, null);
    assert.equal(await entryOf(request.reference), undefined);
  });
});

describe("the register after a grant", () => {
  it("moves an extended grant's expiry, and dates the change", async () => {
    const { reviewer, request } = await grant(true);
    const before = (await entryOf(request.reference))!;
    await decisions.extendGrant(
      reviewer,
      { requestId: request.id, version: request.version, expiresOn: day(500), lengthOverride: "", message: "More time." },
      BASE_URL,
      "en-GB",
    );
    const after = (await entryOf(request.reference))!;
    assert.equal(after.expiresOn, day(500));
    assert.ok(after.updated >= before.updated);
    assert.equal(after.status, "active");
  });

  it("shows a withdrawal and a grant given up, with the day each ended", async () => {
    const withdrawn = await grant(true);
    await decisions.withdrawGrant(
      withdrawn.reviewer,
      { requestId: withdrawn.request.id, version: withdrawn.request.version, reason: "MISUSE", message: "Terms broken." },
      BASE_URL,
    );
    const givenUp = await grant(true);
    await followUps.giveUpGrant(givenUp.requester, { requestId: givenUp.request.id, version: givenUp.request.version, note: "" }, BASE_URL);

    const entries = await Promise.all([entryOf(withdrawn.request.reference), entryOf(givenUp.request.reference)]);
    assert.deepEqual(
      entries.map((entry) => [entry?.status, entry?.endedOn]),
      [
        ["withdrawn", day(0)],
        ["given_up", day(0)],
      ],
    );
    const ended = await register.listRegister({ status: "ended" });
    assert.ok(ended.entries.some((entry) => entry.reference === withdrawn.request.reference));
    assert.ok(!(await register.listRegister({ status: "active" })).entries.some((entry) => entry.reference === withdrawn.request.reference));
  });

  it("shows a grant before its first day as not started, out of the active ones and of today's figures, and copies its start to the request", async () => {
    const range = { from: day(-1), to: day(1) };
    const activeBefore = (await figures.publicFigures(range)).activeGrants;
    const { request } = await grant(true, { startsOn: day(10), expiresOn: day(100) });
    assert.equal(request.startsAt?.toISOString(), `${day(10)}T00:00:00.000Z`);
    const entry = (await entryOf(request.reference))!;
    assert.equal(entry.status, "not_started");
    assert.equal(entry.startsOn, day(10));
    const has = async (status: "not_started" | "active") =>
      (await register.listRegister({ status })).entries.some((item) => item.reference === request.reference);
    assert.equal(await has("not_started"), true);
    assert.equal(await has("active"), false);
    assert.equal((await figures.publicFigures(range)).activeGrants, activeBefore);

    // Once its first day comes, it is active, counted, and listed with the active grants.
    await database.db.decision.update({ where: { requestId: request.id }, data: { startsAt: new Date(Date.now() - DAY) } });
    assert.equal((await entryOf(request.reference))!.status, "active");
    assert.equal(await has("active"), true);
    assert.equal((await figures.publicFigures(range)).activeGrants, activeBefore + 1);
  });

  it("shows a grant past its expiry as expired before the expiry job runs, and dates it by its expiry", async () => {
    const { request } = await grant(true);
    const expiresAt = new Date(Date.now() - DAY);
    await database.db.request.update({ where: { id: request.id }, data: { expiresAt } });
    const entry = (await entryOf(request.reference))!;
    assert.equal(entry.status, "expired");
    assert.ok((await register.listRegister({ status: "expired" })).entries.some((item) => item.reference === request.reference));
  });

  it("drops the grant of a requester who had their data erased", async () => {
    const { request, requester } = await grant(true);
    await database.db.user.update({ where: { id: requester.id }, data: { email: null, name: null, erasedAt: new Date() } });
    assert.equal(await entryOf(request.reference), undefined);
  });
});

describe("contributions in the register", () => {
  it("lists only those delivered, with what and where, in the page, the data and the feed", async () => {
    const { request } = await grant(true);
    const row = (position: number, status: "PROMISED" | "DELIVERED" | "DROPPED", description: string, deliveredLink: string | null = null) => ({
      requestId: request.id,
      position,
      kind: "tools",
      description,
      status,
      deliveredLink,
      note: "A private note",
    });
    await database.db.contribution.createMany({
      data: [row(1, "DELIVERED", "Our offline packager", "https://example.org/packager"), row(2, "PROMISED", "A yearly report"), row(3, "DROPPED", "A mirror")],
    });
    const entry = await entryOf(request.reference);
    assert.deepEqual(entry?.delivered, [{ kind: "tools", description: "Our offline packager", link: "https://example.org/packager" }]);
    const words = { t: createTranslator("en", messagesFor("en")), locale: "en" as const, formats: "en-GB" };
    const json = JSON.stringify(await feed.registerJson({ reference: request.reference ?? undefined }, words));
    assert.match(json, /"contributionsDelivered":\[\{"kind":"tools","description":"Our offline packager","link":"https:\/\/example.org\/packager"\}\]/);
    assert.doesNotMatch(json, /A yearly report|A mirror|A private note/);
    const atom = await feed.registerAtom(words);
    assert.match(atom, /Given back: Tools or software: Our offline packager \(https:\/\/example.org\/packager\)/);
  });
});

describe("register pages, data and feed", () => {
  it("walks every entry once, newest first, a page at a time", async () => {
    const reviewer = await person("WMF_REVIEWER");
    const requester = await person("REQUESTER");
    const answers = { ...completeAnswers(day(10)), values: { registerConsent: "on" } } as Prisma.InputJsonValue;
    // Sixty grants made the same second: the id orders them within it.
    const decidedAt = new Date(Date.now() + 60_000);
    for (let index = 0; index < 60; index++) {
      await database.db.request.create({
        data: {
          requesterId: requester.id,
          status: "GRANTED",
          reference: `EA-2032-${String(index).padStart(4, "0")}`,
          submittedAt: new Date(),
          answers,
          expiresAt: new Date(Date.now() + 100 * DAY),
          decision: {
            create: {
              outcome: "GRANTED",
              decidedById: reviewer.id,
              decidedAt,
              message: "M",
              apis: ["snapshot"],
              startsAt: new Date(),
              publicName: `Project ${index}`,
              publicSummary: "S",
            },
          },
        },
      });
    }
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await register.listRegister({ after });
      assert.ok(page.entries.length <= register.REGISTER_PAGE_SIZE);
      seen.push(...page.entries.map((entry) => entry.reference));
      after = page.next;
    } while (after);
    assert.equal(new Set(seen).size, seen.length, "no entry twice");
    assert.deepEqual(seen.filter((reference) => reference.startsWith("EA-2032-")).length, 60);
    assert.ok(seen.indexOf("EA-2032-0000") < seen.findIndex((reference) => reference.startsWith("EA-2031-")), "the newest grants first");

    const words = { t: createTranslator("en", messagesFor("en")), locale: "en", formats: "en-GB" };
    const json = await feed.registerJson({}, words);
    assert.equal(json.grants.length, register.REGISTER_PAGE_SIZE);
    assert.match(json.links.next ?? "", /^http:\/\/localhost:3000\/register\.json\?after=/);
    const atom = await feed.registerAtom(words);
    const ids = [...atom.matchAll(/<entry>\n {4}<id>tag:localhost,\d{4}-\d{2}-\d{2}:grant\/(EA-[\d-]+)<\/id>/g)].map((match) => match[1]);
    assert.deepEqual(
      ids,
      json.grants.map((grant) => grant.reference),
      "the feed and the data hold the same entries, in the same order",
    );
  });
});
