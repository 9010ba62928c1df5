import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import pg from "pg";

import { DomainError } from "@/lib/domain/errors";
import { connectionFields } from "@/lib/database-url";
import { CLIENT_ADDRESS_HEADER, FRONT_DOOR_HEADER } from "@/lib/http/front-door";
import { startDataLayerDatabase, type TTestDatabase } from "@/test-support/database";

let database: TTestDatabase;
let pool: pg.Pool;
let limits: typeof import("./rate-limit");
const FRONT_DOOR_SECRET = "secret-for-the-tests";

const BUDGETS = {
  signInEmail: { points: 2, seconds: 60 },
  signInIp: { points: 3, seconds: 60 },
  submission: { points: 1, seconds: 1 },
  message: { points: 2, seconds: 60 },
  contactLink: { points: 1, seconds: 60 },
  apiToken: { points: 2, seconds: 60 },
  apiAuthFailure: { points: 2, seconds: 60 },
};

before(async () => {
  database = await startDataLayerDatabase();
  process.env.SIGNIN_LINKS_PER_IP_PER_HOUR = "3";
  process.env.FRONT_DOOR_SECRET = FRONT_DOOR_SECRET;
  limits = await import("./rate-limit");
  pool = new pg.Pool(connectionFields(database.url));
});

after(async () => {
  await pool?.end();
  await database?.stop();
});

/** A request as the front door passes it on: the client's address, stamped with its secret. */
function fromAddress(address: string) {
  return new Headers({ [CLIENT_ADDRESS_HEADER]: address, [FRONT_DOOR_HEADER]: FRONT_DOOR_SECRET });
}

describe("rate limits in PostgreSQL", () => {
  it("refuses once the budget is spent, saying how long to wait", async () => {
    const limiter = limits.createRateLimiter(pool, BUDGETS);
    assert.deepEqual(await limiter.consume("message", "user-1"), { ok: true });
    assert.deepEqual(await limiter.consume("message", "user-1"), { ok: true });
    const refused = await limiter.consume("message", "user-1");
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.retryAfterSeconds > 0 && refused.retryAfterSeconds <= 60, JSON.stringify(refused));
  });

  it("keeps separate keys and separate limits apart", async () => {
    const limiter = limits.createRateLimiter(pool, BUDGETS);
    await limiter.consume("message", "user-2");
    await limiter.consume("message", "user-2");
    assert.equal((await limiter.consume("message", "user-2")).ok, false);
    assert.equal((await limiter.consume("message", "user-3")).ok, true);
    assert.equal((await limiter.consume("signInEmail", "user-2")).ok, true);
  });

  it("stores keys hashed, never the address itself", async () => {
    const limiter = limits.createRateLimiter(pool, BUDGETS);
    await limiter.consume("signInEmail", "private.person@example.org");
    const rows = await pool.query<{ key: string }>(`SELECT key FROM "RateLimit"`);
    assert.ok(rows.rows.length > 0);
    assert.ok(
      rows.rows.every((row) => !row.key.includes("@")),
      JSON.stringify(rows.rows),
    );
  });

  it("allows again once the window has passed, and gives back refunded points", async () => {
    const limiter = limits.createRateLimiter(pool, BUDGETS);
    assert.equal((await limiter.consume("submission", "user-4")).ok, true);
    assert.equal((await limiter.consume("submission", "user-4")).ok, false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    assert.equal((await limiter.consume("submission", "user-4")).ok, true);

    await limiter.refund("submission", "user-4");
    assert.equal((await limiter.consume("submission", "user-4")).ok, true);
  });

  it("lets everything through when the store fails, rather than locking people out", async () => {
    const broken = new pg.Pool(connectionFields(database.url));
    await broken.end();
    const limiter = limits.createRateLimiter(broken, BUDGETS);
    for (let attempt = 0; attempt < 5; attempt++) assert.deepEqual(await limiter.consume("message", "user-5"), { ok: true });
    await limiter.refund("message", "user-5");
  });
});

describe("sign-in links", () => {
  it("limits one address across the spellings that reach the same inbox", async () => {
    const spellings = ["person@example.org", " Person@Example.ORG", "person+a@example.org", "person@example.org,other.example", "PERSON+b@example.org"];
    for (const [index, email] of spellings.entries()) {
      assert.deepEqual(await limits.consumeSignInLink(email, fromAddress(`192.0.2.${index}`)), { ok: true }, email);
    }
    const refused = await limits.consumeSignInLink("person@example.org", fromAddress("192.0.2.99"));
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.message.key === "signin-error-too-many-email");
    assert.ok(!refused.ok && refused.message.params[0]! >= 1 && refused.message.params[0]! <= 60);
    assert.deepEqual(await limits.consumeSignInLink("someone.else@example.org", fromAddress("192.0.2.99")), { ok: true });
  });

  it("limits one network across addresses, by SIGNIN_LINKS_PER_IP_PER_HOUR", async () => {
    for (let index = 0; index < 3; index++) {
      assert.deepEqual(await limits.consumeSignInLink(`network${index}@example.org`, fromAddress("198.51.100.7")), { ok: true });
    }
    const refused = await limits.consumeSignInLink("network9@example.org", fromAddress("198.51.100.7"));
    assert.ok(!refused.ok && refused.message.key === "signin-error-too-many-network", JSON.stringify(refused));
    assert.deepEqual(await limits.consumeSignInLink("network9@example.org", fromAddress("198.51.100.8")), { ok: true });
  });

  it("counts by the address the front door stamped, never by one a client wrote itself", async () => {
    for (let index = 0; index < 3; index++) await limits.consumeSignInLink(`stamp${index}@example.org`, fromAddress("198.51.100.20"));
    const forged = new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.21", [FRONT_DOOR_HEADER]: "guessed", "x-forwarded-for": "198.51.100.22" });
    // Without a trustworthy address only the email's own budget counts: no new network to hide behind.
    assert.deepEqual(await limits.consumeSignInLink("stamp9@example.org", forged), { ok: true });
    assert.equal((await limits.consumeSignInLink("stamp10@example.org", fromAddress("198.51.100.20"))).ok, false);
  });
});

describe("refusals", () => {
  it("says the wait in minutes for hourly limits and in hours for the daily one, rounded up", () => {
    assert.deepEqual(limits.refusalMessage("signInEmail", 61), { key: "signin-error-too-many-email", params: [2] });
    assert.deepEqual(limits.refusalMessage("message", 1), { key: "error-too-many-messages", params: [1] });
    assert.deepEqual(limits.refusalMessage("submission", 3 * 3600 + 1), { key: "request-error-too-many-submissions", params: [4] });
  });

  it("refuses a server action with its message, as an expected outcome", async () => {
    const outcomes = [];
    for (let attempt = 0; attempt < 61; attempt++)
      outcomes.push(
        await limits.enforceRateLimit("message", "busy-user").then(
          () => "ok",
          (error: unknown) => error,
        ),
      );
    assert.ok(outcomes.slice(0, 60).every((outcome) => outcome === "ok"));
    const refusal = outcomes[60];
    assert.ok(refusal instanceof DomainError && refusal.messageKey === "error-too-many-messages", String(refusal));
  });
});
