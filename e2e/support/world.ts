// The world the authorisation matrix (e2e/authorization/matrix.ts) is tried in: one person per
// persona, requester A's requests in every state that matters, and a snapshot of everything those
// people and requests own, to prove a refused call changed nothing.
import { randomUUID } from "node:crypto";

import type { APIRequestContext, APIResponse } from "@playwright/test";

import type { TDraftAnswers } from "../../lib/domain/request/sections";
import { completeAnswers } from "../../test-support/answers";
import { insertRequestRow, nextReference } from "../../test-support/request-rows";
import { REQUEST_KINDS, type TPersona, type TRequestKind } from "../authorization/matrix";

import { createSession, createUser, testDb, type TTestUser } from "./database";
import { actionIdOf, wikidataHeavy } from "./requests";

export type TSignedInPersona = Exclude<TPersona, "anonymous">;

export type TWorld = {
  users: Record<TSignedInPersona, TTestUser>;
  tokens: Record<TSignedInPersona, string>;
  /** A's requests. */
  requests: Record<TRequestKind, string>;
  /** The self reviewer's own requests, in the same states. */
  ownRequests: Record<TRequestKind, string>;
  failedEmailId: string;
  /** A webhook endpoint, and one of its deliveries that the worker gave up on. */
  webhookEndpointId: string;
  failedDeliveryId: string;
};

/** Who owns the requests a persona's rows name: the self reviewer their own, everyone else A. */
export function requestOwner(persona: TPersona): "requesterA" | "selfReviewer" {
  return persona === "selfReviewer" ? "selfReviewer" : "requesterA";
}

/** The requests a persona's rows name (see requestOwner). */
export function requestsFor(world: TWorld, persona: TPersona): Record<TRequestKind, string> {
  return requestOwner(persona) === "selfReviewer" ? world.ownRequests : world.requests;
}

const DAY = 86_400_000;

/** A date `days` from today (UTC) as YYYY-MM-DD. */
export function day(days: number) {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

export async function createWorld(): Promise<TWorld> {
  const users = {
    requesterA: await createUser("REQUESTER", "requester-a"),
    requesterB: await createUser("REQUESTER", "requester-b"),
    wmfReviewer: await createUser("WMF_REVIEWER"),
    wmdeReviewer: await createUser("WMDE_REVIEWER"),
    admin: await createUser("ADMIN"),
    selfReviewer: await createUser("WMF_REVIEWER", "self-reviewer"),
  };
  const tokens = Object.fromEntries(
    await Promise.all(Object.entries(users).map(async ([persona, user]) => [persona, await createSession(user.id)] as const)),
  ) as Record<TSignedInPersona, string>;
  const world = {
    users,
    tokens,
    requests: {} as Record<TRequestKind, string>,
    ownRequests: {} as Record<TRequestKind, string>,
    failedEmailId: "",
    webhookEndpointId: "",
    failedDeliveryId: "",
  };
  for (const kind of REQUEST_KINDS) {
    world.requests[kind] = await createRequest(world, kind);
    world.ownRequests[kind] = await createRequest(world, kind, "selfReviewer");
  }
  world.failedEmailId = await createFailedEmail(world);
  world.webhookEndpointId = await createWebhookEndpoint();
  world.failedDeliveryId = await createFailedDelivery(world.webhookEndpointId);
  return world;
}

/** The open (or the earlier, answered) check-in of a granted request made by createRequest. */
export function checkInIdOf(requestId: string, which: "open" | "answered" = "open") {
  return `${requestId}_${which}`;
}

/** One of A's requests (or the owner's) in the state `kind` names, written as the app would have left it. */
export async function createRequest(world: Pick<TWorld, "users">, kind: TRequestKind, owner: "requesterA" | "selfReviewer" = "requesterA"): Promise<string> {
  const { wmfReviewer } = world.users;
  const requester = world.users[owner];
  const answers = completeAnswers(day(7));
  // A contact address of its own, not yet confirmed: mail goes to the sign-in address.
  answers.who.email = `contact.${requester.email}`;
  answers.who.organisation = `Org ${randomUUID().slice(0, 8)}`;
  if (kind === "joint" || kind === "conflicted") wikidataHeavy(answers as Required<TDraftAnswers>);
  const id = `test_${randomUUID()}`;
  const status = {
    draft: "DRAFT",
    submitted: "SUBMITTED",
    inReview: "IN_REVIEW",
    joint: "SUBMITTED",
    granted: "GRANTED",
    awaiting: "AWAITING_REQUESTER",
    proposed: "IN_REVIEW",
    conflicted: "IN_REVIEW",
    declined: "DECLINED",
    appealed: "DECLINE_APPEALED",
  }[kind];
  const assignee = kind === "inReview" || kind === "awaiting" || kind === "granted" || kind === "proposed" ? wmfReviewer.id : null;
  const reference = kind === "draft" ? null : await nextReference(testDb());
  // Ahead, and within the last 60 days, when its holder may ask to renew it.
  const expiresAt = kind === "granted" ? new Date(Date.now() + 45 * DAY) : null;
  await insertRequestRow(testDb(), {
    id,
    reference,
    requesterId: requester.id,
    status,
    answers,
    submittedAt: kind === "draft" ? null : new Date(),
    assigneeId: assignee,
    expiresAt,
  });
  if (kind === "granted") {
    await testDb().query(
      `INSERT INTO "Decision" (id, "requestId", outcome, "decidedById", message, criteria, apis, realtime, "startsAt", "expiresAt")
       VALUES ($1, $2, 'GRANTED', $3, 'Granted for the tests', '{who}', '{realtime}', true, $4, $5)`,
      [randomUUID(), id, wmfReviewer.id, new Date(Date.now() - 10 * DAY), expiresAt],
    );
    // Asked to check in today, as the worker would have: the check-in is open for 30 days. An
    // earlier one was answered ("still active") and waits for a reviewer to acknowledge it.
    const today = new Date(new Date().setUTCHours(0, 0, 0, 0));
    await testDb().query(
      `INSERT INTO "CheckIn" (id, "requestId", "scheduledFor", "openedAt", "dueAt", "answeredAt", "answeredById", "useCase", usage)
       VALUES ($1, $2, $3, $3, $4, $4, $5, 'active', 'about_all'), ($6, $2, $4, now(), $7, NULL, NULL, NULL, NULL)`,
      [checkInIdOf(id, "answered"), id, new Date(today.getTime() - 8 * DAY), today, requester.id, checkInIdOf(id), new Date(Date.now() + 30 * DAY)],
    );
  }
  if (kind === "proposed") {
    // The grant form's values as the WMF reviewer proposed them, under a policy that asked for a second approver.
    const grant = { apis: ["realtime"], startsOn: day(0), expiresOn: day(180), criteria: ["who"], rationale: "Proposed for the tests", message: "Welcome." };
    await testDb().query(`INSERT INTO "GrantProposal" (id, "requestId", "proposedById", "grant", reasons) VALUES ($1, $2, $3, $4, '{all}')`, [
      randomUUID(),
      id,
      wmfReviewer.id,
      JSON.stringify(grant),
    ]);
  }
  if (kind !== "draft") await declareInterests(world, id, kind === "conflicted");
  if (kind === "declined" || kind === "appealed") {
    // Declined two days ago by the WMF reviewer: within the appeal window, and they took part.
    await testDb().query(
      `INSERT INTO "Decision" (id, "requestId", outcome, "decidedById", "decidedAt", message, criteria) VALUES ($1, $2, 'DECLINED', $3, $4, 'Declined for the tests', '{need}')`,
      [randomUUID(), id, wmfReviewer.id, new Date(Date.now() - 2 * DAY)],
    );
  }
  if (kind === "appealed") {
    await testDb().query(
      `INSERT INTO "Appeal" (id, "requestId", "fromStatus", statement, original, "involvedIds") VALUES ($1, $2, 'DECLINED', 'Appealed for the tests', '{}', $3)`,
      [randomUUID(), id, [wmfReviewer.id]],
    );
  }
  if (kind === "awaiting") {
    await testDb().query(
      `INSERT INTO "InformationRequest" (id, "requestId", "askedById", question, "replyBy", sections) VALUES ($1, $2, $3, 'Which editions?', $4, '{who}')`,
      [randomUUID(), id, wmfReviewer.id, new Date(Date.now() + 14 * DAY)],
    );
  }
  return id;
}

/** The WMF reviewer's declaration on a request made by createRequest (a conflict on a conflicted one). */
export function conflictIdOf(requestId: string) {
  return `${requestId}_conflict_wmf`;
}

/**
 * The staff's declarations of interest on a request: none of them has a conflict, as they would
 * have declared before their first assessment or decision; or, on a conflicted request, the WMF and
 * WMDE reviewers have one (the admin, who may lift it, has none).
 */
async function declareInterests(world: Pick<TWorld, "users">, requestId: string, conflicted: boolean) {
  const { wmfReviewer, wmdeReviewer, admin } = world.users;
  const rows = [
    [conflictIdOf(requestId), wmfReviewer.id, conflicted],
    [`${requestId}_conflict_wmde`, wmdeReviewer.id, conflicted],
    [`${requestId}_conflict_admin`, admin.id, false],
  ] as const;
  for (const [id, reviewerId, hasConflict] of rows) {
    await testDb().query(`INSERT INTO "ConflictDeclaration" (id, "requestId", "reviewerId", "hasConflict", reason) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      requestId,
      reviewerId,
      hasConflict,
      hasConflict ? "The requester is a close colleague." : null,
    ]);
  }
}

/** An email about A's granted request that the worker gave up on: what an admin may send again. */
export async function createFailedEmail(world: Pick<TWorld, "users" | "requests">): Promise<string> {
  const id = `test_${randomUUID()}`;
  await testDb().query(
    `INSERT INTO "OutboxEmail" (id, "idempotencyKey", "to", subject, text, html, status, attempts, "lastError", "requestId", kind, "dispatchedAt")
     VALUES ($1, $1, $2, 'Granted', 'Granted', '<p>Granted</p>', 'FAILED', 7, 'mailbox full', $3, 'granted', now())`,
    [id, world.users.requesterA.email, world.requests.granted],
  );
  return id;
}

/**
 * A webhook endpoint an admin added, at version 0, with a secret nobody should see again. Turned
 * off, so the worker sends the other journeys' events nowhere (.invalid names no host anyway).
 */
export async function createWebhookEndpoint(url = "https://receiver.invalid/webhooks"): Promise<string> {
  const id = `test_${randomUUID()}`;
  await testDb().query(
    `INSERT INTO "WebhookEndpoint" (id, url, description, "eventTypes", enabled, secret, "updatedAt")
     VALUES ($1, $2, 'Accounts', '{grant.created,grant.expired}', false, $3, now())`,
    [id, url, `whsec_${Buffer.from(randomUUID()).toString("base64")}`],
  );
  return id;
}

/** A delivery of a test event to the endpoint that the worker gave up on: what an admin may send again. */
export async function createFailedDelivery(endpointId: string): Promise<string> {
  const eventId = `msg_${randomUUID().replaceAll("-", "")}`;
  const id = `test_${randomUUID()}`;
  await testDb().query(
    `INSERT INTO "WebhookEvent" (id, type, payload, "createdAt") VALUES ($1, 'webhook.test', '{"type":"webhook.test","timestamp":"2026-01-01T00:00:00.000Z","data":{"message":"test"}}', now())`,
    [eventId],
  );
  const { rows } = await testDb().query<{ sequence: string }>(`SELECT sequence FROM "WebhookEvent" WHERE id = $1`, [eventId]);
  await testDb().query(
    `INSERT INTO "WebhookDelivery" (id, "eventId", "endpointId", sequence, status, attempts, "nextAttemptAt", "lastAttemptAt", "lastStatusCode", "lastDurationMs", "lastError", "lastResponse", "createdAt")
     VALUES ($1, $2, $3, $4, 'FAILED', 8, now(), now(), 503, 120, 'the receiver answered 503', '<h1>Service unavailable</h1>', now())`,
    [id, eventId, endpointId, rows[0]!.sequence],
  );
  return id;
}

/**
 * Everything the world's people and A's requests own, as one comparable value: request rows,
 * decisions, reviews, comments, questions, audit entries, emails written, roles, sessions and API tokens.
 * Emails are counted, not compared, since the worker sends them meanwhile.
 */
export async function snapshot(
  userIds: string[],
  extra: { requestIds?: string[]; emails?: string[]; outboxIds?: string[]; apiTokenIds?: string[]; webhookEndpointIds?: string[] } = {},
) {
  const { rows } = await testDb().query<{ world: unknown }>(
    `WITH req AS (SELECT * FROM "Request" WHERE "requesterId" = ANY($1) OR id = ANY($2))
     SELECT json_build_object(
       'requests', (SELECT json_agg(json_build_object('id', id, 'requester', "requesterId", 'status', status, 'version', version, 'assignee', "assigneeId",
                      'joint', joint, 'expiresAt', "expiresAt", 'answers', md5(answers::text), 'reference', reference, 'basedOn', "basedOnId") ORDER BY id) FROM req),
       'decisions', (SELECT json_agg(json_build_object('request', "requestId", 'outcome', outcome, 'by', "decidedById", 'expiresAt', "expiresAt", 'endedAt', "endedAt") ORDER BY "requestId")
                      FROM "Decision" WHERE "requestId" IN (SELECT id FROM req)),
       'assessments', (SELECT count(*) FROM "Assessment" WHERE "requestId" IN (SELECT id FROM req)),
       'comments', (SELECT count(*) FROM "Comment" WHERE "requestId" IN (SELECT id FROM req)),
       'questions', (SELECT json_agg(json_build_object('id', id, 'answeredAt', "answeredAt") ORDER BY id) FROM "InformationRequest" WHERE "requestId" IN (SELECT id FROM req)),
       'recommendations', (SELECT json_agg(json_build_object('request', "requestId", 'by', "reviewerId", 'r', recommendation, 'note', note) ORDER BY "requestId") FROM "WmdeRecommendation" WHERE "requestId" IN (SELECT id FROM req)),
       'humanRights', (SELECT json_agg(json_build_object('request', "requestId", 'by', "assessedById", 'o', outcome, 'note', note) ORDER BY "requestId") FROM "HumanRightsAssessment" WHERE "requestId" IN (SELECT id FROM req)),
       'audit', (SELECT count(*) FROM "AuditEntry" WHERE "subjectId" IN (SELECT id FROM req) OR "subjectId" = ANY($1) OR "actorId" = ANY($1)),
       'emails', (SELECT count(*) FROM "OutboxEmail" WHERE "requestId" IN (SELECT id FROM req)),
       'failedEmails', (SELECT json_agg(json_build_object('id', id, 'status', status, 'attempts', attempts) ORDER BY id) FROM "OutboxEmail" WHERE id = ANY($4)),
       'users', (SELECT json_agg(json_build_object('id', id, 'role', role, 'locale', locale) ORDER BY id) FROM "User" WHERE id = ANY($1)),
       'sessions', (SELECT count(*) FROM "Session" WHERE "userId" = ANY($1)),
       'signInLinks', (SELECT count(*) FROM "VerificationToken" WHERE identifier = ANY($3)),
       'unitCosts', (SELECT count(*) FROM "UnitCost" WHERE "createdById" = ANY($1)),
       'apiTokens', (SELECT json_agg(json_build_object('id', id, 'revokedAt', "revokedAt") ORDER BY id) FROM "ApiToken" WHERE id = ANY($5) OR "createdById" = ANY($1)),
       'webhookEndpoints', (SELECT json_agg(json_build_object('id', id, 'version', version, 'url', url, 'enabled', enabled, 'types', "eventTypes", 'secret', md5(secret)) ORDER BY id)
                      FROM "WebhookEndpoint" WHERE id = ANY($6)),
       'webhookDeliveries', (SELECT json_agg(json_build_object('id', id, 'status', status, 'attempts', attempts) ORDER BY id) FROM "WebhookDelivery" WHERE "endpointId" = ANY($6))
     ) AS world`,
    [userIds, extra.requestIds ?? [], extra.emails ?? [], extra.outboxIds ?? [], extra.apiTokenIds ?? [], extra.webhookEndpointIds ?? []],
  );
  return rows[0]!.world;
}

/** The version of one part of the review policy (its approval rules or its targets), which an admin's change of that part names. */
export async function policyVersion(part: "approvals" | "targets") {
  const { rows } = await testDb().query<{ version: number }>(`SELECT "${part}Version" AS version FROM "ReviewPolicy" WHERE id = 1`);
  return rows[0]?.version ?? 0;
}

export async function versionOf(requestId: string) {
  const { rows } = await testDb().query<{ version: number }>(`SELECT version FROM "Request" WHERE id = $1`, [requestId]);
  return rows[0]?.version ?? 0;
}

export async function countRequestsOf(userId: string) {
  const { rows } = await testDb().query<{ count: string }>(`SELECT count(*) FROM "Request" WHERE "requesterId" = $1`, [userId]);
  return Number(rows[0]!.count);
}

/**
 * Calls a plain form action (one argument, the form data) directly, as React encodes it: the
 * fields prefixed "_1_", then argument 0 referring to them. Actions used with useActionState go
 * through callActionDirectly (e2e/support/requests.ts) instead.
 */
export async function callFormActionDirectly(
  request: APIRequestContext,
  pagePath: string,
  exportedName: string,
  fields: Record<string, string>,
): Promise<APIResponse> {
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
  multipart.append("0", JSON.stringify(["$K1"]));
  return request.post(pagePath, { headers: { "Next-Action": actionIdOf(exportedName) }, multipart });
}
