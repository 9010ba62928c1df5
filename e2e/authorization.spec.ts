// The authorisation matrix, tried: every page, route handler and server action of the app as
// every persona, against the written table in e2e/authorization/matrix.ts. Actions are posted
// directly with A's ids and forged fields; a refusal must leave the database as it was.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { test as base, expect, type APIRequestContext, type APIResponse } from "@playwright/test";

import { QUEUE_VIEWS } from "../lib/domain/review/queue";
import { parseCsvFile } from "../test-support/csv";

import { ACTIONS, PAGES, PERSONAS, REQUEST_KINDS, ROUTES, type TActionRow, type TPersona, type TRequestKind, type TRouteRow } from "./authorization/matrix";
import { createApiToken, createSession, createUser, testDb, uniqueEmail, withReviewPolicy } from "./support/database";
import { callActionDirectly } from "./support/requests";
import { baseURL } from "./support/settings";
import {
  callFormActionDirectly,
  countRequestsOf,
  createFailedDelivery,
  createFailedEmail,
  createWebhookEndpoint,
  checkInIdOf,
  conflictIdOf,
  createRequest,
  createWorld,
  day,
  policyVersion,
  requestOwner,
  requestsFor,
  snapshot,
  versionOf,
  type TSignedInPersona,
  type TWorld,
} from "./support/world";

type TWorkerFixtures = { world: TWorld; as: (persona: TPersona, token?: string) => Promise<APIRequestContext> };

const test = base.extend<object, TWorkerFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; this one has none
  world: [async ({}, use) => use(await createWorld()), { scope: "worker" }],
  // One HTTP client per persona and worker, each carrying only that persona's session cookie.
  as: [
    async ({ playwright, world }, use) => {
      const clients = new Map<string, APIRequestContext>();
      await use(async (persona, token = persona === "anonymous" ? undefined : world.tokens[persona]) => {
        const key = `${persona}:${token ?? ""}`;
        if (!clients.has(key)) {
          const cookies = token
            ? [
                {
                  name: "authjs.session-token",
                  value: token,
                  domain: "localhost",
                  path: "/",
                  expires: -1,
                  httpOnly: true,
                  secure: false,
                  sameSite: "Lax" as const,
                },
              ]
            : [];
          clients.set(key, await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } }));
        }
        return clients.get(key)!;
      });
      for (const client of clients.values()) await client.dispose();
    },
    { scope: "worker" },
  ],
});

test.describe.configure({ mode: "parallel" });

const signedIn = (persona: TPersona): persona is TSignedInPersona => persona !== "anonymous";

/** Fills a path's placeholders (:draft, :submitted...) with the ids of the requests the persona's rows name. */
function resolvePath(template: string, world: TWorld, persona: TPersona, id?: string, webhook = world.webhookEndpointId) {
  const named: Record<string, string> = { ...requestsFor(world, persona), webhook };
  return template.replace(/:(\w+)/g, (match, name: string) => (name === "id" && id ? id : (named[name] ?? match)));
}

function expectNoServerError(response: APIResponse, what: string) {
  expect(response.status(), `${what} answered ${response.status()}`).toBeLessThan(500);
}

test.describe("the table covers the whole app", () => {
  const appDir = path.resolve("app");
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.relative(process.cwd(), path.join(dir, entry.name))],
    );
  const files = walk(appDir).map((file) => file.split(path.sep).join("/"));

  test("every page and route handler has a row, and every row a file", () => {
    const listed = new Set([...PAGES, ...ROUTES].map((row) => row.file));
    const existing = files.filter((file) => /\/(page\.tsx|route\.ts)$/.test(file));
    expect(
      existing.filter((file) => !listed.has(file)),
      "missing from e2e/authorization/matrix.ts",
    ).toEqual([]);
    expect(
      [...listed].filter((file) => !existing.includes(file)),
      "rows for files that no longer exist",
    ).toEqual([]);
  });

  test("every server action has a row, in the source and in the build", () => {
    const listed = new Set(ACTIONS.map((row) => `${row.file}#${row.name}`));
    const inSource = files
      .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")))
      .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/^export (?:async function|const) (\w+)/gm)].map((match) => `${file}#${match[1]}`));
    const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
      node: Record<string, { filename?: string; exportedName?: string }>;
    };
    const inBuild = Object.values(manifest.node).map((entry) => `${entry.filename}#${entry.exportedName}`);
    const all = [...new Set([...inSource, ...inBuild])];
    expect(
      all.filter((action) => !listed.has(action)),
      "missing from e2e/authorization/matrix.ts",
    ).toEqual([]);
    expect(
      [...listed].filter((action) => !all.includes(action)),
      "rows for actions that no longer exist",
    ).toEqual([]);
  });
});

for (const row of [...PAGES, ...ROUTES.filter((route) => route.method === "GET")]) {
  test.describe(`${row.kind} ${row.path}`, () => {
    for (const persona of PERSONAS) {
      const outcome = row.expect[persona];
      if (outcome === "n/a") continue;
      test(`${persona}: ${outcome}`, async ({ world, as }) => {
        const target = resolvePath(row.path, world, persona);
        const response = await (await as(persona)).get(target, { maxRedirects: 0 });
        expectNoServerError(response, target);
        const location = response.headers().location ?? "";
        const redirectedTo = location ? new URL(location, baseURL) : undefined;
        const status = response.status();
        if (outcome === "allow") expect(row.kind === "page" ? status : status < 400 ? 200 : status, `${target} as ${persona}`).toBe(200);
        if (outcome === "deny") expect(status, `${target} as ${persona}`).toBe(404);
        if (outcome === "token") {
          expect(status, `${target} as ${persona}`).toBe(401);
          expect(response.headers()["www-authenticate"]).toBe("Bearer");
        }
        if (outcome === "signin" || outcome === "redirect") {
          expect(status, `${target} as ${persona}: a redirect`).toBeGreaterThanOrEqual(300);
          expect(status).toBeLessThan(400);
          if (outcome === "signin") {
            expect(redirectedTo?.pathname).toBe("/signin");
            expect(redirectedTo?.searchParams.get("callbackUrl")).toBeTruthy();
          } else {
            expect(redirectedTo?.pathname).not.toBe("/signin");
          }
        }
      });
    }
  });
}

// The queue's CSV export discloses every request of a view at once: each reviewer's files, over
// every view, list exactly the requests of A's that the reviewer may open, and a WMDE reviewer's
// no request outside the joint queue at all.
const EXPORTED: Partial<Record<TPersona, TRequestKind[]>> = {
  wmfReviewer: ["submitted", "inReview", "joint", "granted", "awaiting", "proposed", "conflicted", "declined", "appealed"],
  wmdeReviewer: ["joint", "conflicted"],
  admin: ["submitted", "inReview", "joint", "granted", "awaiting", "proposed", "conflicted", "declined", "appealed"],
  selfReviewer: ["submitted", "inReview", "joint", "granted", "awaiting", "proposed", "conflicted", "declined", "appealed"],
};
for (const [persona, kinds] of Object.entries(EXPORTED) as [TPersona, TRequestKind[]][]) {
  test(`route /review/export.csv: ${persona}'s files list only the requests they may open`, async ({ world, as }) => {
    const listed = new Set<string>();
    for (const view of QUEUE_VIEWS) {
      const response = await (await as(persona)).get(`/review/export.csv?view=${view}`);
      expect(response.status(), view).toBe(200);
      const [header, ...rows] = parseCsvFile(await response.body());
      const link = header!.indexOf("Link");
      for (const row of rows) listed.add(decodeURIComponent(new URL(row[link]!).pathname.replace(/^\/review\//, "")));
    }
    for (const kind of REQUEST_KINDS) expect(listed.has(world.requests[kind]), `A's ${kind} request in ${persona}'s export`).toBe(kinds.includes(kind));
    // Staff never meet their own requests as reviewers: the self reviewer's are in everyone's files but theirs.
    for (const kind of REQUEST_KINDS) {
      expect(listed.has(world.ownRequests[kind]), `the self reviewer's ${kind} request in ${persona}'s export`).toBe(
        persona !== "selfReviewer" && kinds.includes(kind),
      );
    }
    if (persona === "wmdeReviewer") {
      const { rows } = await testDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM "Request" WHERE id = ANY($1) AND (NOT joint OR status = 'DRAFT')`, [
        [...listed],
      ]);
      expect(rows[0]!.n, "requests outside the joint queue in a WMDE reviewer's export").toBe(0);
    }
  });
}

for (const row of ROUTES.filter((route) => route.method === "POST")) {
  test.describe(`route POST ${row.path}`, () => {
    for (const persona of PERSONAS) {
      const outcome = row.expect[persona];
      if (outcome === "n/a") continue;
      test(`${persona}: ${outcome}`, async ({ world, as }) => {
        const client = await clientFor(row, persona, world, as);
        const people = Object.values(world.users).map((user) => user.id);
        const before = await snapshot(people);
        const response = await client.post(row.path, { form: { callbackUrl: "/" }, maxRedirects: 0 });
        expectNoServerError(response, row.path);
        const after = await snapshot(people);
        if (outcome === "deny") expect(after, `POST ${row.path} as ${persona} changed the database`).toEqual(before);
        else expect(after).not.toEqual(before);
      });
    }
  });
}

/** The persona's client; with a spare session when the row signs out, so the world's stays. */
async function clientFor(row: TActionRow | TRouteRow, persona: TPersona, world: TWorld, as: TWorkerFixtures["as"]) {
  if (row.session !== "spare" || !signedIn(persona)) return as(persona);
  return as(persona, await createSession(world.users[persona].id));
}

/** An action's fields with their placeholders filled for this persona and target. */
function resolveFields(row: TActionRow, values: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(row.fields).map(([name, value]) => {
      const date = value.match(/^:today([+-]\d+)?$/);
      if (date) return [name, day(Number(date[1] ?? 0))];
      return [name, value.startsWith(":") ? (values[value.slice(1)] ?? value) : value];
    }),
  );
}

for (const row of ACTIONS) {
  test.describe(`action ${row.name}${row.variant ? ` (${row.variant})` : ""}`, () => {
    for (const persona of PERSONAS) {
      const outcome = row.expect[persona];
      test(`${persona}: ${outcome}`, async ({ world, as }) => {
        // Changing the review policy takes turns with the journeys that change it (one setting for the whole app).
        const changesPolicy = Object.values(row.fields).some((value) => value === ":approvalsVersion" || value === ":targetsVersion");
        await (changesPolicy ? withReviewPolicy : (work: () => Promise<void>) => work())(async () => {
          const allowed = outcome === "allow";
          // An allowed call works on a fresh copy of its target, so the world stays as the table describes it.
          const id = row.target
            ? allowed
              ? await createRequest(world, row.target, requestOwner(persona))
              : requestsFor(world, persona)[row.target]
            : undefined;
          const self = signedIn(persona) ? world.users[persona] : undefined;
          const otherUser = allowed ? await createUser("REQUESTER", "role-target") : world.users.requesterB;
          const failedEmail = allowed ? await createFailedEmail(world) : world.failedEmailId;
          // The same for webhooks: a fresh endpoint (version 0) and a failed delivery of its own.
          const webhook = allowed ? await createWebhookEndpoint() : world.webhookEndpointId;
          const failedDelivery = allowed ? await createFailedDelivery(webhook) : world.failedDeliveryId;
          const newEmail = uniqueEmail("sign-in");
          const apiToken = Object.values(row.fields).includes(":apiToken") ? (await createApiToken()).id : "";
          const fields = resolveFields(row, {
            id: id ?? "",
            version: String(id ? await versionOf(id) : 0),
            userA: world.users.requesterA.id,
            userB: otherUser.id,
            self: self?.id ?? "",
            selfRole: self?.role ?? "REQUESTER",
            failedEmail,
            newEmail,
            apiToken,
            webhook,
            webhookVersion: "0",
            approvalsVersion: Object.values(row.fields).includes(":approvalsVersion") ? String(await policyVersion("approvals")) : "",
            targetsVersion: Object.values(row.fields).includes(":targetsVersion") ? String(await policyVersion("targets")) : "",
            failedDelivery,
            checkIn: id ? checkInIdOf(id) : "",
            answeredCheckIn: id ? checkInIdOf(id, "answered") : "",
            conflict: id ? conflictIdOf(id) : "",
          });
          const people = [...Object.values(world.users).map((user) => user.id), otherUser.id];
          const scope = {
            requestIds: id ? [id] : [],
            emails: [newEmail],
            outboxIds: [failedEmail],
            apiTokenIds: apiToken ? [apiToken] : [],
            webhookEndpointIds: [webhook],
          };
          const client = await clientFor(row, persona, world, as);
          const requestsOfA = await countRequestsOf(world.users.requesterA.id);
          const before = await snapshot(people, scope);

          const page = resolvePath(row.page, world, persona, id, webhook);
          const response =
            row.encoding === "form" ? await callFormActionDirectly(client, page, row.name, fields) : await callActionDirectly(client, page, row.name, fields);
          expectNoServerError(response, `${row.name} as ${persona}`);
          const after = await snapshot(people, scope);

          if (outcome === "deny") expect(after, `${row.name} as ${persona} changed the database (answer ${response.status()})`).toEqual(before);
          if (allowed)
            expect(after, `${row.name} as ${persona} changed nothing (answer ${response.status()}: ${(await response.text()).slice(0, 300)})`).not.toEqual(
              before,
            );
          // An endpoint an allowed call added would be sent every later decision of the run, to a host that cannot exist.
          if (allowed) await testDb().query(`UPDATE "WebhookEndpoint" SET enabled = false WHERE enabled AND url LIKE 'https://receiver.invalid/%'`);
          // A forged requesterId never puts a request in A's name.
          if (persona !== "requesterA") expect(await countRequestsOf(world.users.requesterA.id), "a request was made in A's name").toBe(requestsOfA);
        });
      });
    }
  });
}
