// The entitlements API against a real database: grants made through the pipeline, read back by
// the route handlers with a token, as they stand now, at an instant, and as changes since one.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";

import type { TEntitlementJson } from "@/lib/domain/entitlements";
import { DAY_MS } from "@/lib/domain/time";
import { createViewer, withDataLayerDatabase } from "@/test-support/database";
import { TEST_BASE_URL as BASE_URL, dayFromToday as day } from "@/test-support/days";
import { grantedRequest } from "@/test-support/grants";

// Failed calls are counted per client address, which the front door stamps with this secret.
process.env.FRONT_DOOR_SECRET = "entitlements-test";
process.env.API_AUTH_FAILURES_PER_IP_PER_MINUTE = "3";

const database = withDataLayerDatabase();
const decisions = database.module(() => import("@/lib/server/review/decisions"));
const tokens = database.module(() => import("@/lib/server/admin/api-tokens"));
const list = database.module(() => import("@/app/api/v1/entitlements/route"));
const account = database.module(() => import("@/app/api/v1/entitlements/[username]/route"));

type TListAnswer = { at: string; entitlements: TEntitlementJson[] };

/** A grant through the pipeline, for an account of its own unless told. */
async function granted({ startsIn = 0, username = `acct-${randomUUID().slice(0, 8)}` } = {}) {
  const { reviewer, request } = await grantedRequest(database.db, decisions.grantRequest, {
    terms: { apis: ["snapshot", "on_demand"], startsOn: day(startsIn), expiresOn: day(startsIn + 365) },
    answers: (answers) => ({ ...answers, who: { ...answers.who, enterpriseUsername: username } }),
    baseUrl: BASE_URL,
  });
  return { reviewer, request, reference: request.reference ?? "", username };
}

let bearer: string | undefined;
async function token() {
  if (!bearer) {
    const admin = await createViewer(database.db, "ADMIN");
    bearer = (await tokens.createApiToken(admin, { name: "Account system" })).token;
  }
  return bearer;
}

const call = async (path: string, headers: Record<string, string> = {}) => {
  const request = new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${await token()}`, ...headers } });
  const match = /^\/api\/v1\/entitlements\/([^/?]+)/.exec(path);
  return match ? account.GET(request, { params: Promise.resolve({ username: decodeURIComponent(match[1]!) }) }) : list.GET(request);
};

async function answer(path: string): Promise<TListAnswer> {
  const response = await call(path);
  assert.equal(response.status, 200, await response.clone().text());
  assert.equal(response.headers.get("cache-control"), "no-store");
  return (await response.json()) as TListAnswer;
}

const references = (body: TListAnswer) => body.entitlements.map((entitlement) => entitlement.reference);
const iso = (date: Date) => encodeURIComponent(date.toISOString());

describe("GET /api/v1/entitlements", () => {
  it("lists the entitlements in force now: not one before its first day", async () => {
    const active = await granted();
    const scheduled = await granted({ startsIn: 10 });
    const now = await answer("/api/v1/entitlements");
    assert.ok(references(now).includes(active.reference));
    assert.ok(!references(now).includes(scheduled.reference), "a grant whose first day has not come is not in force");
    const mine = now.entitlements.find((entitlement) => entitlement.reference === active.reference);
    assert.deepEqual(mine?.scope, { on_demand: { requests_per_month: 50000 }, snapshot: { frequency: "weekly" }, realtime: false });
    assert.equal(mine?.state, "active");
    assert.equal(mine?.username, active.username);

    const later = await answer(`/api/v1/entitlements?at=${iso(new Date(Date.now() + 11 * DAY_MS))}`);
    assert.ok(references(later).includes(scheduled.reference), "in force from its first day");
  });

  it("answers as things stood at an instant: before a grant, and between it and its withdrawal", async () => {
    const before = new Date(Date.now() - 1000);
    const grant = await granted();
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await decisions.withdrawGrant(
      grant.reviewer,
      { requestId: grant.request.id, version: grant.request.version, reason: "POLICY", message: "Stopped." },
      BASE_URL,
    );

    assert.ok(!references(await answer(`/api/v1/entitlements?at=${iso(before)}`)).includes(grant.reference));
    const then = await answer(`/api/v1/entitlements?at=${iso(between)}`);
    assert.equal(then.at, between.toISOString());
    assert.ok(references(then).includes(grant.reference));
    assert.ok(!references(await answer("/api/v1/entitlements")).includes(grant.reference), "withdrawn: no longer in force");

    const changed = await answer(`/api/v1/entitlements?changed_since=${iso(between)}`);
    const withdrawn = changed.entitlements.find((entitlement) => entitlement.reference === grant.reference);
    assert.equal(withdrawn?.state, "ended");
    assert.equal(withdrawn?.end_reason, "withdrawn");
    assert.ok(withdrawn?.ended_at);
    assert.deepEqual(references(await answer(`/api/v1/entitlements?changed_since=${iso(new Date())}`)), [], "nothing changed since now");
  });

  it("takes a grant past its expiry out of force before the worker records the expiry", async () => {
    const grant = await granted();
    const expiresAt = new Date(Date.now() + 2 * DAY_MS);
    await database.db.request.update({ where: { id: grant.request.id }, data: { expiresAt } });
    const afterExpiry = new Date(expiresAt.getTime() + DAY_MS);

    assert.ok(references(await answer("/api/v1/entitlements")).includes(grant.reference));
    assert.ok(!references(await answer(`/api/v1/entitlements?at=${iso(afterExpiry)}`)).includes(grant.reference));
    const changed = await answer(`/api/v1/entitlements?changed_since=${iso(new Date(Date.now() + DAY_MS))}&at=${iso(afterExpiry)}`);
    const expired = changed.entitlements.find((entitlement) => entitlement.reference === grant.reference);
    assert.deepEqual([expired?.state, expired?.end_reason, expired?.ended_at], ["ended", "expired", expiresAt.toISOString()]);
  });

  it("refuses a query it cannot read with a JSON problem", async () => {
    for (const query of ["?at=tomorrow", "?at=2026-12-06", "?since=2026-12-06T00:00:00Z", "?at=2026-01-01T00:00:00Z&changed_since=2026-12-01T00:00:00Z"]) {
      const response = await call(`/api/v1/entitlements${query}`);
      assert.equal(response.status, 400, query);
      const problem = (await response.json()) as { error: string; detail: string };
      assert.ok(problem.error && problem.detail, query);
    }
  });
});

describe("GET /api/v1/entitlements/{username}", () => {
  it("lists one account's entitlements, and an empty list for a name nobody has", async () => {
    const username = `acct-${randomUUID().slice(0, 8)}`;
    const first = await granted({ username });
    const second = await granted({ username, startsIn: 30 });
    await granted();
    const now = await answer(`/api/v1/entitlements/${username}`);
    assert.deepEqual(references(now), [first.reference]);
    assert.equal((now as TListAnswer & { username: string }).username, username);
    const later = await answer(`/api/v1/entitlements/${username}?at=${iso(new Date(Date.now() + 31 * DAY_MS))}`);
    assert.deepEqual(references(later).sort(), [first.reference, second.reference].sort());
    assert.deepEqual(references(await answer("/api/v1/entitlements/nobody-has-this-name")), []);
  });
});

describe("the API's door", () => {
  const from = (address: string) => ({ "x-ea-front-door": "entitlements-test", "x-ea-client-address": address });

  it("refuses a missing, malformed, unknown or revoked token with 401, an empty body and WWW-Authenticate: Bearer", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const revoked = await tokens.createApiToken(admin, { name: "Old system" });
    await tokens.revokeApiToken(admin, { tokenId: revoked.id });
    const headers: Record<string, string>[] = [
      {},
      { authorization: "Bearer" },
      { authorization: `Basic ${revoked.token}` },
      { authorization: `Bearer eat_${"A".repeat(43)}` },
      { authorization: `Bearer ${revoked.token}` },
    ];
    for (const [index, header] of headers.entries()) {
      const response = await list.GET(new Request("http://localhost/api/v1/entitlements", { headers: { ...from(`192.0.2.${index + 1}`), ...header } }));
      assert.equal(response.status, 401, JSON.stringify(header));
      assert.equal(response.headers.get("www-authenticate"), "Bearer");
      assert.equal(await response.text(), "");
    }
  });

  it("limits failed calls per client address with 429 and Retry-After", async () => {
    const failing = () => list.GET(new Request("http://localhost/api/v1/entitlements", { headers: from("198.51.100.7") }));
    for (let attempt = 0; attempt < 3; attempt += 1) assert.equal((await failing()).status, 401);
    const refused = await failing();
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get("retry-after")) >= 1);
    const other = await list.GET(new Request("http://localhost/api/v1/entitlements", { headers: from("198.51.100.8") }));
    assert.equal(other.status, 401, "another address has its own budget");
  });

  it("records each call in the audit trail, and when the token was last used at most once a minute", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const made = await tokens.createApiToken(admin, { name: "Audited system" });
    const headers = { authorization: `Bearer ${made.token}` };
    assert.equal((await list.GET(new Request("http://localhost/api/v1/entitlements?at=2026-01-01T00:00:00Z", { headers }))).status, 200);
    const firstUse = (await database.db.apiToken.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt;
    assert.ok(firstUse);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal((await list.GET(new Request("http://localhost/api/v1/entitlements", { headers }))).status, 200);
    assert.deepEqual((await database.db.apiToken.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt, firstUse);
    const uses = await database.db.auditEntry.findMany({
      where: { subjectType: "api_token", subjectId: made.id, action: "api_token.used" },
      orderBy: { at: "asc" },
    });
    assert.deepEqual(
      uses.map((entry) => entry.after),
      [
        { path: "/api/v1/entitlements", query: "?at=2026-01-01T00:00:00Z" },
        { path: "/api/v1/entitlements", query: "" },
      ],
    );
    assert.doesNotMatch(JSON.stringify(uses), new RegExp(made.token));
  });
});
