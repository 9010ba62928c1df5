// Hostile input that gets past the schemas, against the data layer behind every action and a real
// database: the only failures are the ones an action shows as a message (DomainError,
// FieldRuleError, NotFoundError, IncompleteRequestError), never one it would log as unexpected;
// and no row stored afterwards breaks the rules of the schema it came through.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import fc from "fast-check";
import type { z } from "zod";

import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { LIMITS } from "@/lib/domain/request/fields";
import { ZRequestChange, ZSectionSave } from "@/lib/domain/request/lifecycle";
import { draftValues, incompleteSections, SECTION_FIELD_NAMES, SECTION_IDS, type TDraftAnswers, type TSectionId } from "@/lib/domain/request/sections";
import { ZAssessmentInput, ZCommentInput, ZInformationAnswer, ZInformationInput, ZJointMove, ZRequestVersion } from "@/lib/domain/review/actions";
import { ZDeclineInput, ZGiveUpInput, ZGrantInput, ZHumanRightsInput, ZRecommendationInput } from "@/lib/domain/review/decisions";
import { queueParamsFrom, ZQueueParams } from "@/lib/domain/review/queue";
import { ROLES, ZRoleChange } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { storable, type TFormValues } from "@/lib/form-state";
import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translator";
import { completeAnswers } from "@/test-support/answers";
import { parseCsv } from "@/test-support/csv";
import { createRequest, createViewer, withDataLayerDatabase } from "@/test-support/database";

import type { TViewer } from "../server/session";

import { hostileForm as anyForm, hostileString as anyString, hostileText as anyText, hostileValue as anyValue, toQuery } from "./arbitraries";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";
import { DAY_MS as DAY } from "@/lib/domain/time";

fc.configureGlobal({ includeErrorInReport: true });

const RUNS = 40;

const database = withDataLayerDatabase();
const requests = database.module(() => import("@/lib/server/requests"));
const review = database.module(() => import("@/lib/server/review/request"));
const decisions = database.module(() => import("@/lib/server/review/decisions"));
const followUps = database.module(() => import("@/lib/server/follow-ups"));
const users = database.module(() => import("@/lib/server/users"));
const queueExport = database.module(() => import("@/lib/server/review/export"));

const person = (role: TViewer["role"]) => createViewer(database.db, role);

async function request(requester: TViewer, data: Partial<Prisma.RequestUncheckedCreateInput> = {}) {
  return createRequest(database.db, requester, data);
}

async function granted(requester: TViewer, reviewer: TViewer) {
  const row = await request(requester, { status: "GRANTED", expiresAt: new Date(Date.now() + 300 * DAY) });
  await database.db.decision.create({
    data: {
      requestId: row.id,
      outcome: "GRANTED",
      decidedById: reviewer.id,
      message: "Welcome.",
      criteria: ["need"],
      apis: ["snapshot"],
      startsAt: new Date(),
      expiresAt: row.expiresAt,
    },
  });
  return row;
}

/** Runs a data-layer call as its action would; a failure the action would call unexpected fails the test. */
async function asAction(run: () => Promise<unknown>): Promise<"done" | "refused"> {
  try {
    await run();
    return "done";
  } catch (error) {
    if (error instanceof DomainError || error instanceof NotFoundError || error instanceof requests.IncompleteRequestError) return "refused";
    throw new Error(`unexpected ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 400)}` : String(error)}`);
  }
}

/** Parses a post as the action's wrapper does; a refused post never reaches the data layer. */
function parsed<T extends z.ZodType>(schema: T, values: TFormValues): z.infer<T> | undefined {
  const result = schema.safeParse(values);
  return result.success ? result.data : undefined;
}

/** Stored free text as its schema lets it in: trimmed, within its limit, and given when required. */
function assertText(value: string | null | undefined, max: number, where: string, required = true) {
  if (value === null || value === undefined) return assert.ok(!required, `${where}: missing`);
  assert.ok(value.length <= max, `${where}: ${value.length} characters stored`);
  assert.equal(value, value.trim(), `${where}: stored untrimmed`);
  if (required) assert.ok(value.length > 0, `${where}: stored empty`);
}

/** Every row hanging off a request still satisfies the schema its text came through. */
async function assertStoredRowsValid(requestId: string) {
  const row = await database.db.request.findUnique({
    where: { id: requestId },
    include: { comments: true, infoRequests: true, assessments: true, decision: true, wmdeRecommendation: true, humanRights: true },
  });
  if (!row) return;
  if (row.status !== "DRAFT" && row.submittedAt) {
    const asOf = row.submittedAt.toISOString().slice(0, 10);
    assert.deepEqual(incompleteSections(row.answers as TDraftAnswers, asOf), [], "a submitted request with answers its schema refuses");
  }
  for (const comment of row.comments) assertText(comment.body, LIMITS.long, "comment.body");
  for (const asked of row.infoRequests) {
    assertText(asked.question, LIMITS.long, "informationRequest.question");
    assertText(asked.answer, LIMITS.long, "informationRequest.answer", false);
    assert.ok(
      asked.sections.every((section) => (SECTION_IDS as readonly string[]).includes(section)),
      "informationRequest.sections",
    );
  }
  for (const assessment of row.assessments) assertText(assessment.note, LIMITS.long, "assessment.note", false);
  if (row.decision) {
    assertText(row.decision.message, LIMITS.long, "decision.message");
    assertText(row.decision.rationale, LIMITS.long, "decision.rationale", false);
    assertText(row.decision.lengthOverride, LIMITS.medium, "decision.lengthOverride", false);
    assertText(row.decision.jointOverride, LIMITS.medium, "decision.jointOverride", false);
    assertText(row.decision.endNote, LIMITS.long, "decision.endNote", false);
  }
  assertText(row.wmdeRecommendation?.note, LIMITS.long, "wmdeRecommendation.note", false);
  assertText(row.humanRights?.note, LIMITS.long, "humanRights.note", false);
  for (const email of await database.db.outboxEmail.findMany({ where: { requestId } })) {
    assert.doesNotMatch(email.html, /<script|<img|<a href="https:\/\/evil/i, "user text as markup in an email");
  }
}

/**
 * The data layer is given what formValues delivers (lib/form-state.ts `storable`): no NUL
 * characters, which PostgreSQL refuses in text and jsonb, and no lone surrogates, which cannot be
 * written into jsonb (a browser's form post cannot carry one anyway).
 */
const withoutKnownBugs = storable;
const cleanValue = (value: string | string[]) => (Array.isArray(value) ? value.map(withoutKnownBugs) : withoutKnownBugs(value));
const hostileString = anyString.map(withoutKnownBugs);
const hostileValue = anyValue.map(cleanValue);
const hostileText = (max: number) => anyText(max).map(withoutKnownBugs);
const hostileForm = (fields: readonly string[]) =>
  anyForm(fields).map(
    (values) => Object.fromEntries(Object.entries(values).map(([name, value]) => [withoutKnownBugs(name), cleanValue(value)])) as TFormValues,
  );

/** An id as a forged post carries it: someone else's, made up, or an injection. */
const forgedId = fc
  .oneof(
    anyString.map((value) => withoutKnownBugs(value.slice(0, 64))),
    fc.constant(""),
  )
  .filter((value) => value.length > 0);
const idOr = (real: string) => fc.oneof({ arbitrary: fc.constant(real), weight: 4 }, { arbitrary: forgedId, weight: 1 });
const versionOr = (real: number) =>
  fc.oneof({ arbitrary: fc.constant(String(real)), weight: 4 }, { arbitrary: fc.oneof(hostileString, fc.integer().map(String)), weight: 1 });
/** Free text: mostly hostile but within the field's limit; sometimes anything at all. */
const textFor = (max: number) => fc.oneof({ arbitrary: hostileText(max), weight: 4 }, { arbitrary: hostileValue, weight: 1 });

describe("hostile drafts", () => {
  for (const section of SECTION_IDS) {
    it(`saveSection "${section}": keeps only the section's own fields, cut to size, whatever is posted`, async () => {
      const requester = await person("REQUESTER");
      const draft = await request(requester);
      await fc.assert(
        fc.asyncProperty(hostileForm(SECTION_FIELD_NAMES[section]), idOr(draft.id), fc.boolean(), async (posted, requestId, check) => {
          const before = await database.db.request.findUniqueOrThrow({ where: { id: draft.id } });
          const input = parsed(ZSectionSave, { ...posted, requestId, section, version: String(before.version) });
          if (!input) return;
          let result: Awaited<ReturnType<typeof requests.saveSection>> | undefined;
          await asAction(async () => {
            result = await requests.saveSection(requester, { requestId: input.requestId, section: input.section, version: input.version, posted, check });
          });
          const stored = (await database.db.request.findUniqueOrThrow({ where: { id: draft.id } })).answers as TDraftAnswers;
          if (result?.outcome === "saved" || result?.outcome === "invalid") assert.deepEqual(stored[section], draftValues(section, posted));
          const kept = stored[section] ?? {};
          assert.deepEqual(
            Object.keys(kept).filter((name) => !SECTION_FIELD_NAMES[section].includes(name)),
            [],
          );
          for (const value of Object.values(kept)) {
            for (const item of Array.isArray(value) ? value : [value]) assert.ok(typeof item === "string" && item.length <= 20_000);
            if (Array.isArray(value)) assert.ok(value.length <= 50);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("submitRequest: hostile answers that pass every rule are stored as given and still pass once submitted", async () => {
    const answerText = (max: number) => hostileText(max);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ contactName: answerText(LIMITS.short), organisation: answerText(LIMITS.short), enterpriseUsername: answerText(100) }),
        fc.record({ purpose: answerText(LIMITS.long), wikipediaLanguages: answerText(LIMITS.medium) }),
        fc.record({ needExplanation: answerText(LIMITS.long), free_accountShortfall: answerText(LIMITS.medium) }),
        fc.record({ missionExplanation: answerText(LIMITS.long) }),
        fc.record({ commitment: answerText(LIMITS.long) }),
        async (who, what, need, mission, values) => {
          const requester = await person("REQUESTER");
          const draft = await request(requester);
          const complete = completeAnswers(day(10));
          const posts: [TSectionId, TFormValues][] = [
            ["who", { ...complete.who, email: requester.email!, ...who }],
            ["what", { ...complete.what, ...what }],
            ["need", { ...complete.need, ...need }],
            ["mission", { ...complete.mission, ...mission }],
            ["values", { ...complete.values, ...values }],
          ];
          let version = 0;
          for (const [section, posted] of posts) {
            await asAction(async () => {
              const result = await requests.saveSection(requester, { requestId: draft.id, section, version, posted, check: true });
              version = result.version;
            });
          }
          const outcome = await asAction(() => requests.submitRequest(requester, { requestId: draft.id, version }, BASE_URL));
          const stored = await database.db.request.findUniqueOrThrow({ where: { id: draft.id } });
          if (outcome === "done") assert.equal(stored.status, "SUBMITTED");
          await assertStoredRowsValid(draft.id);
        },
      ),
      { numRuns: 25 },
    );
  });
});

const REVIEW_OPERATIONS = ["take", "release", "moveJoint", "assess", "comment", "ask", "recommend", "humanRights", "grant", "decline"] as const;

describe("hostile review posts", () => {
  it("every reviewer action refuses readably or stores what its schema allows", async () => {
    const wmf = await person("WMF_REVIEWER");
    const wmde = await person("WMDE_REVIEWER");
    const admin = await person("ADMIN");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...REVIEW_OPERATIONS),
        fc.constantFrom(wmf, wmde, admin),
        fc.boolean(),
        fc.nat(),
        async (operation, viewer, joint, seed) => {
          const requester = await person("REQUESTER");
          const row = await request(requester, { status: "IN_REVIEW", joint, assigneeId: seed % 2 === 0 ? wmf.id : null });
          const [requestId, version, text, short, choice, dates] = fc.sample(
            fc.tuple(
              idOr(row.id),
              versionOr(row.version),
              textFor(LIMITS.long),
              textFor(LIMITS.medium),
              hostileValue,
              fc.constantFrom(day(1), day(0), day(-1), day(400), "2026-02-30", ""),
            ),
            { numRuns: 1, seed },
          )[0]!;
          const base = { requestId, version };
          const run = (): Promise<unknown> | undefined => {
            switch (operation) {
              case "take": {
                const input = parsed(ZRequestVersion, base);
                return input && review.takeRequest(viewer, input);
              }
              case "release": {
                const input = parsed(ZRequestVersion, base);
                return input && review.releaseRequest(viewer, input);
              }
              case "moveJoint": {
                const input = parsed(ZJointMove, { ...base, joint: seed % 3 === 0 ? choice : joint ? "out" : "in", reason: short });
                return input && review.moveJoint(viewer, input, BASE_URL);
              }
              case "assess": {
                const input = parsed(ZAssessmentInput, { requestId, criterion: seed % 3 === 0 ? choice : "need", rating: "MET", note: text });
                return input && review.saveAssessment(viewer, input);
              }
              case "comment": {
                const input = parsed(ZCommentInput, { requestId, kind: seed % 2 === 0 ? "MESSAGE" : "INTERNAL", body: text });
                return input && review.addComment(viewer, input, BASE_URL);
              }
              case "ask": {
                const input = parsed(ZInformationInput, { ...base, question: text, replyBy: dates || day(14), sections: seed % 3 === 0 ? choice : ["need"] });
                return input && review.askForInformation(viewer, input, BASE_URL);
              }
              case "recommend": {
                const input = parsed(ZRecommendationInput, { requestId, recommendation: seed % 3 === 0 ? choice : "GRANT", note: text });
                return input && decisions.recordRecommendation(viewer, input);
              }
              case "humanRights": {
                const input = parsed(ZHumanRightsInput, { requestId, outcome: seed % 3 === 0 ? choice : "NO_CONCERNS", note: text });
                return input && decisions.recordHumanRights(viewer, input);
              }
              case "grant": {
                const input = parsed(ZGrantInput, {
                  ...base,
                  apis: seed % 3 === 0 ? choice : ["snapshot", "on_demand"],
                  onDemandPerMonth: seed % 5 === 0 ? choice : "50000",
                  snapshotFrequency: "weekly",
                  startsOn: day(0),
                  expiresOn: dates || day(365),
                  criteria: ["need"],
                  rationale: text,
                  message: text,
                  lengthOverride: seed % 4 === 0 ? short : "",
                  jointOverride: short,
                });
                return input && decisions.grantRequest(viewer, input, BASE_URL);
              }
              case "decline": {
                const input = parsed(ZDeclineInput, { ...base, criteria: seed % 3 === 0 ? choice : ["need"], rationale: short, message: text });
                return input && decisions.declineRequest(viewer, input, BASE_URL);
              }
            }
          };
          const call = run();
          if (call) await asAction(() => call);
          await assertStoredRowsValid(row.id);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("hostile requester posts after review", () => {
  it("answerInformation, giveUpGrant, startFollowUp, cancel and delete refuse readably or store what is allowed", async () => {
    const wmf = await person("WMF_REVIEWER");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("answer", "giveUp", "followUp", "cancel", "delete"),
        textFor(LIMITS.long),
        textFor(LIMITS.medium),
        fc.nat(),
        async (operation, text, short, seed) => {
          const requester = await person("REQUESTER");
          let row =
            operation === "giveUp" || operation === "followUp"
              ? await granted(requester, wmf)
              : await request(requester, operation === "delete" ? {} : { status: "IN_REVIEW" });
          if (operation === "answer") {
            await review.askForInformation(
              wmf,
              ZInformationInput.parse({ requestId: row.id, version: "0", question: "How many readers?", replyBy: day(14), sections: ["need"] }),
              BASE_URL,
            );
            row = await database.db.request.findUniqueOrThrow({ where: { id: row.id } });
          }
          const [requestId, version] = fc.sample(fc.tuple(idOr(row.id), versionOr(row.version)), { numRuns: 1, seed })[0]!;
          const base = { requestId, version };
          const run = (): Promise<unknown> | undefined => {
            switch (operation) {
              case "answer": {
                const input = parsed(ZInformationAnswer, { ...base, answer: text });
                return input && requests.answerInformation(requester, input, BASE_URL);
              }
              case "giveUp": {
                const input = parsed(ZGiveUpInput, { ...base, note: short });
                return input && followUps.giveUpGrant(requester, input, BASE_URL);
              }
              case "followUp": {
                const input = parsed(ZRequestChange, base);
                return input && followUps.startFollowUp(requester, input.requestId);
              }
              case "cancel": {
                const input = parsed(ZRequestChange, base);
                return input && requests.cancelRequest(requester, input);
              }
              case "delete": {
                const input = parsed(ZRequestChange, base);
                return input && requests.deleteDraft(requester, input);
              }
            }
          };
          const call = run();
          if (call) await asAction(() => call);
          await assertStoredRowsValid(row.id);
          const decision = await database.db.decision.findUnique({ where: { requestId: row.id } });
          if (decision?.endNote) assertText(decision.endNote, LIMITS.medium, "decision.endNote (given up)");
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("hostile role changes", () => {
  it("changeUserRole refuses readably, and every stored role is a role", async () => {
    const admin = await person("ADMIN");
    const target = await person("REQUESTER");
    const role = fc.oneof({ arbitrary: fc.constantFrom(...ROLES), weight: 3 }, { arbitrary: hostileValue, weight: 1 });
    const userId = fc.oneof(fc.constant(target.id), fc.constant(admin.id), forgedId);
    await fc.assert(
      fc.asyncProperty(userId, role, role, fc.constantFrom<TViewer>(admin, target), async (id, newRole, expectedRole, viewer) => {
        const input = parsed(ZRoleChange, { userId: id, role: newRole, expectedRole });
        if (input) await asAction(() => users.changeUserRole(viewer, input));
        for (const user of await database.db.user.findMany({ select: { role: true } })) assert.ok((ROLES as readonly string[]).includes(user.role));
        assert.equal((await database.db.user.findUniqueOrThrow({ where: { id: admin.id } })).role, "ADMIN", "an admin changed their own role");
      }),
      { numRuns: RUNS },
    );
  });
});

describe("hostile queue queries, exported", () => {
  it("a WMDE reviewer's CSV holds joint requests only, whatever the query, and no query fails", async () => {
    const wmde = await person("WMDE_REVIEWER");
    const requester = await person("REQUESTER");
    await request(requester, { status: "SUBMITTED", joint: true, searchText: "maps of the world" });
    await request(requester, { status: "SUBMITTED", joint: false, searchText: "maps of the world" });
    await request(requester, { status: "DRAFT", joint: true, searchText: "maps of the world" });
    const t = createTranslator("en", messagesFor("en"));
    const query = anyForm(Object.keys(ZQueueParams.shape)).map(toQuery);
    let listed = 0;
    await fc.assert(
      fc.asyncProperty(query, async (search) => {
        const { body } = await queueExport.exportQueue(wmde, queueParamsFrom(search), t, BASE_URL);
        const [header, ...rows] = parseCsv(await new Response(body).text());
        const link = header!.indexOf(t("export-col-link"));
        const ids = rows.map((row) => row[link]!.slice(`${BASE_URL}/review/`.length));
        listed += ids.length;
        const shown = await database.db.request.findMany({ where: { id: { in: ids } }, select: { joint: true, status: true } });
        assert.equal(shown.length, ids.length, "every row is a request");
        assert.ok(
          shown.every((row) => row.joint && row.status !== "DRAFT"),
          "a WMDE reviewer exported a request outside the joint queue",
        );
      }),
      { numRuns: RUNS },
    );
    assert.ok(listed > 0, "some query listed something");
  });
});
