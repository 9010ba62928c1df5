// Hostile form posts against every server action's schema: each post is either refused with
// messages the person can read (keys in i18n/en.json, with their parameters) or accepted within
// the fields' limits. No database: the data layer's side is in data-layer.test.ts.
import { ZAppealDecisionInput, ZAppealInput } from "@/lib/domain/review/appeals";
import { ZCheckInTarget } from "@/lib/domain/check-in-answer";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import fc from "fast-check";
import { z } from "zod";

import { importRecordSchema, ZImportUpload } from "@/lib/domain/import/record";

import { ZApiTokenCreate, ZApiTokenRevoke } from "@/lib/domain/api-tokens";
import { ZDevelopmentDaysInput, ZUnitCostInput } from "@/lib/domain/in-kind-value";
import { ZTargetsInput } from "@/lib/domain/review/targets";
import { ZAccountName, ZDigestChoice } from "@/lib/domain/account";
import { ZContactToken } from "@/lib/domain/request/contact";
import { parseMessage } from "@/lib/domain/request/fields";
import { ZRequestChange, ZSectionSave } from "@/lib/domain/request/lifecycle";
import { REQUESTER_KINDS } from "@/lib/domain/request/options";
import { objectKeys, SECTION_FIELD_NAMES, SECTION_IDS, sectionSchema } from "@/lib/domain/request/sections";
import { ZAssessmentInput, ZCommentInput, ZInformationAnswer, ZInformationInput, ZJointMove, ZRequestVersion } from "@/lib/domain/review/actions";
import { queueParamsFrom, queueSearch, ZQueueParams } from "@/lib/domain/review/queue";
import {
  ZDecisionStep,
  ZDeclineInput,
  ZExtendInput,
  ZGiveUpInput,
  ZGrantInput,
  ZHumanRightsInput,
  ZRecommendationInput,
  ZWithdrawInput,
} from "@/lib/domain/review/decisions";
import { ZApprovalPolicyInput, ZConfirmProposalInput, ZReturnProposalInput } from "@/lib/domain/review/approval";
import { safeReturnPath } from "@/lib/domain/return-path";
import { ZRoleChange } from "@/lib/domain/roles";
import {
  ZWebhookDeliveryRef,
  ZWebhookEndpointCreate,
  ZWebhookEndpointEdit,
  ZWebhookEndpointRef,
  ZWebhookSecretRotation,
} from "@/lib/domain/webhook-endpoint-form";
import { ZEmailSignIn } from "@/lib/domain/sign-in";
import { ZConflictLift, ZInterestDeclaration } from "@/lib/domain/review/conflicts";
import { fieldErrorsOf, formValues, type TFormValues } from "@/lib/form-state";
import { messagesFor } from "@/lib/i18n/messages";

import { ZErasure } from "@/lib/server/personal-data";

import { hostileForm, hostileString, toFormData, toQuery } from "./arbitraries";

const RUNS = 60;
const MESSAGES = messagesFor("en");
const LONGEST_TEXT = 5000;
/**
 * Actions whose post holds more than a form's field: a file's content, or the email era's answers
 * (prose, often long), each bounded by its own limit instead.
 */
const LONGEST_FILE: Partial<Record<string, number>> = { importRequestsFile: 1_000_000, importRequest: 20_000 };

/**
 * The schema each action parses its post with, by the name given to validatedAction. createDraft
 * takes nothing; resendEmail's schema is private to its actions file, so it is restated here.
 */
const ACTION_SCHEMAS: Record<string, z.ZodType> = {
  saveSection: ZSectionSave,
  submitRequest: ZRequestChange,
  cancelRequest: ZRequestChange,
  deleteDraft: ZRequestChange,
  startFollowUp: ZRequestChange,
  answerInformation: ZInformationAnswer,
  giveUpGrant: ZGiveUpInput,
  answerCheckIn: ZCheckInTarget,
  createDraft: z.object({}),
  eraseMyData: ZErasure,
  saveAccountName: ZAccountName,
  saveDigest: ZDigestChoice,
  takeRequest: ZRequestVersion,
  releaseRequest: ZRequestVersion,
  moveJoint: ZJointMove,
  saveAssessment: ZAssessmentInput,
  addComment: ZCommentInput,
  askForInformation: ZInformationInput,
  recordRecommendation: ZRecommendationInput,
  recordHumanRights: ZHumanRightsInput,
  acknowledgeCheckIn: ZCheckInTarget,
  // The decide page's action reads its step, then the grant's or the decline's fields.
  decide: ZDecisionStep,
  grant: ZGrantInput,
  decline: ZDeclineInput,
  extendGrant: ZExtendInput,
  withdrawGrant: ZWithdrawInput,
  appealDecision: ZAppealInput,
  decideAppeal: ZAppealDecisionInput,
  changeRole: ZRoleChange,
  resendEmail: z.object({ emailId: z.string().min(1).max(64) }),
  sendContactLink: ZRequestChange,
  confirmContact: ZContactToken,
  createApiToken: ZApiTokenCreate,
  revokeApiToken: ZApiTokenRevoke,
  addUnitCost: ZUnitCostInput,
  importRequestsFile: ZImportUpload,
  importRequest: importRecordSchema("2026-06-01"),
  updateTargets: ZTargetsInput,
  estimateDevelopment: ZDevelopmentDaysInput,
  createWebhook: ZWebhookEndpointCreate,
  updateWebhook: ZWebhookEndpointEdit,
  rotateWebhookSecret: ZWebhookSecretRotation,
  sendWebhookTest: ZWebhookEndpointRef,
  resendWebhookDelivery: ZWebhookDeliveryRef,
  confirmProposal: ZConfirmProposalInput,
  returnProposal: ZReturnProposalInput,
  saveApprovalPolicy: ZApprovalPolicyInput,
  declareInterest: ZInterestDeclaration,
  liftConflict: ZConflictLift,
};

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return entry.name === "actions.ts" ? [full] : [];
  });
}

/** A message the person can read: a known key, and a parameter for every placeholder in it. */
function assertReadable(text: string, where: string) {
  const { key, params } = parseMessage(text);
  const template = MESSAGES[key];
  assert.ok(template !== undefined, `${where}: "${text}" maps to ${key}, which en.json lacks`);
  const placeholders = [...template.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
  assert.ok(Math.max(0, ...placeholders) <= params.length, `${where}: ${key} needs ${Math.max(...placeholders)} parameters, got ${params.length}`);
}

type TKnownBug = (issue: z.core.$ZodIssue) => boolean;

function assertRefusalReadable(error: z.ZodError, where: string, knownBug: TKnownBug = () => false) {
  const issues = error.issues.filter((issue) => !knownBug(issue));
  for (const issue of issues) assertReadable(issue.message, `${where}.${issue.path.join(".")}`);
  const byField = fieldErrorsOf(new z.ZodError(issues));
  assert.ok(error.issues.length > 0, `${where}: refused without a single field message`);
  for (const [field, message] of Object.entries(byField)) assert.ok(MESSAGES[message.key] !== undefined, `${where}.${field}: ${message.key}`);
}

/** Whatever a schema accepts is bounded: short strings, finite non-negative numbers, short lists. */
function assertWithinLimits(value: unknown, where: string, longest = LONGEST_TEXT) {
  if (typeof value === "string") assert.ok(value.length <= longest, `${where}: ${value.length} characters accepted`);
  else if (typeof value === "number") assert.ok(Number.isFinite(value) && value >= 0, `${where}: ${value} accepted`);
  else if (Array.isArray(value)) {
    assert.ok(value.length <= 20, `${where}: a list of ${value.length} accepted`);
    for (const [index, item] of value.entries()) assertWithinLimits(item, `${where}[${index}]`);
  } else if (value && typeof value === "object") {
    assert.equal(Object.getPrototypeOf(value), Object.prototype, `${where}: not a plain object`);
    for (const [key, item] of Object.entries(value)) assertWithinLimits(item, `${where}.${key}`, longest);
  }
}

function checkPost(schema: z.ZodType, values: TFormValues, where: string, knownBug?: TKnownBug) {
  const parsed = schema.safeParse(values);
  if (parsed.success) assertWithinLimits(parsed.data, where, LONGEST_FILE[where]);
  else assertRefusalReadable(parsed.error, where, knownBug);
}

describe("hostile posts to every server action's schema", () => {
  it("covers every action the app declares", () => {
    const declared = actionFiles("app").flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/(?:validated|public)Action\("(\w+)"/g)].map((match) => match[1]!),
    );
    assert.ok(declared.length > 0);
    assert.deepEqual(
      declared.filter((name) => !(name in ACTION_SCHEMAS)),
      [],
      "a new action: add its schema to ACTION_SCHEMAS so hostile posts are thrown at it",
    );
  });

  for (const [name, schema] of Object.entries(ACTION_SCHEMAS)) {
    it(`${name}: refuses with readable messages, or accepts within limits`, () => {
      const fields = objectKeys(schema);
      fc.assert(
        fc.property(hostileForm(fields.length > 0 ? fields : ["unused"]), (values) => checkPost(schema, values, name)),
        { numRuns: RUNS },
      );
    });
  }

  for (const section of SECTION_IDS) {
    it(`saveSection "${section}": the section's answers are refused readably, or accepted within limits`, () => {
      const requesterKind = fc.option(fc.oneof(fc.constantFrom(...REQUESTER_KINDS), hostileString), { nil: undefined });
      fc.assert(
        fc.property(hostileForm(SECTION_FIELD_NAMES[section]), requesterKind, (values, kind) =>
          checkPost(sectionSchema(section, { requesterKind: kind, today: "2026-06-01" }), values, section, undefined),
        ),
        { numRuns: RUNS },
      );
    });
  }

  it("emailSignIn: refuses any address it cannot send to, readably", () => {
    fc.assert(
      fc.property(hostileForm(["email", "callbackUrl"]), (values) => {
        const parsed = ZEmailSignIn.safeParse(values);
        if (!parsed.success) return assertRefusalReadable(parsed.error, "emailSignIn");
        assert.ok(parsed.data.email.length <= 254 && parsed.data.email.includes("@"));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("wikimediaSignIn and emailSignIn: a return path never leaves the site", () => {
    const origin = "https://access.example.org";
    const candidates = fc.oneof(
      hostileString,
      fc.webUrl(),
      fc.constantFrom(
        "//evil.example",
        "/\\evil.example",
        "/\t/evil.example",
        "/%2F%2Fevil.example",
        "/\u3000/evil.example",
        "\\\\evil.example",
        "/.//evil.example",
      ),
      fc.string({ unit: "binary", maxLength: 40 }).map((rest) => `/${rest}`),
    );
    fc.assert(
      fc.property(candidates, (value) => {
        const path = safeReturnPath(value);
        if (path === undefined) return;
        assert.equal(new URL(path, origin).origin, origin, `${JSON.stringify(value)} leads off the site`);
      }),
      { numRuns: 500 },
    );
  });
});

describe("hostile queries to the review queue and its CSV export", () => {
  // The page and /review/export.csv read their query with the same function: nothing is refused,
  // anything unknown falls back, so a query can never be an error, let alone a 500.
  it("reads any query as parameters within limits, and the export link carries exactly them", () => {
    fc.assert(
      fc.property(hostileForm(Object.keys(ZQueueParams.shape), { prototypeKeys: true }), (values) => {
        const params = queueParamsFrom(toQuery(values));
        assert.equal(Object.getPrototypeOf(params), Object.prototype);
        assert.ok(params.q === undefined || (params.q.length > 0 && params.q.length <= 200 && !params.q.includes("\u0000")), `q: ${params.q?.length}`);
        assert.ok(params.after === undefined || params.after.length <= 200);
        const given = (read: object) => Object.entries(read).filter(([, value]) => value !== undefined && value !== "");
        assert.deepEqual(given(queueParamsFrom(new URLSearchParams(queueSearch(params)))), given(params));
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe("the form post as the action wrapper reads it", () => {
  // validatedAction itself needs Next's request scope (getViewer reads the session cookie), so its
  // two pure steps are checked here: formValues on the post, fieldErrorsOf on a refusal.
  // FormData holds well-formed Unicode: a lone surrogate arrives as U+FFFD, as from a browser; and
  // formValues drops NUL characters, which PostgreSQL cannot store.
  const wellFormed = (text: string) =>
    Buffer.from(text, "utf8")
      .toString("utf8")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL formValues drops, dropped here too
      .replace(/\u0000/g, "");
  const expected = (values: TFormValues) =>
    Object.fromEntries(
      Object.entries(values)
        .filter(([name, value]) => !name.startsWith("$ACTION") && name !== "__proto__" && !(Array.isArray(value) && value.length === 0))
        .map(([name, value]) => [
          wellFormed(name),
          Array.isArray(value) ? (value.length === 1 ? wellFormed(value[0]!) : value.map(wellFormed)) : wellFormed(value),
        ]),
    );

  it("keeps every field as sent, as plain strings the page can be given back", () => {
    // Field names that are members of Object.prototype ("constructor", "toString") are data like
    // any other; "__proto__" is dropped.
    fc.assert(
      fc.property(hostileForm(["contactName", "apis", "requestId"], { prototypeKeys: true }), (values) => {
        const read = formValues(toFormData(values));
        assert.deepEqual({ ...read }, expected(values));
        assert.doesNotThrow(() => structuredClone(read), "the values go back to the browser with the action's answer");
      }),
      { numRuns: RUNS },
    );
  });
});
