import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { apiTokenHash, apiTokenPrefix, bearerToken, newApiToken, ZApiTokenCreate, ZApiTokenRevoke } from "./api-tokens";

describe("API tokens", () => {
  it("are the marker and 32 random bytes, never the same twice", () => {
    const [a, b] = [newApiToken(), newApiToken()];
    assert.match(a, /^eat_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, b);
  });

  it("are stored as their SHA-256 hash and a prefix too short to use", () => {
    const token = newApiToken();
    assert.match(apiTokenHash(token), /^[0-9a-f]{64}$/);
    assert.notEqual(apiTokenHash(token), apiTokenHash(newApiToken()));
    assert.equal(apiTokenPrefix(token), token.slice(0, 12));
  });

  it("are read from a Bearer header of the right shape only", () => {
    const token = newApiToken();
    assert.equal(bearerToken(`Bearer ${token}`), token);
    assert.equal(bearerToken(`bearer ${token}`), token);
    for (const header of [null, "", "Bearer", `Basic ${token}`, `Bearer ${token} extra`, `Bearer ${token}x`, "Bearer eat_short", `Bearer ${token.slice(4)}`]) {
      assert.equal(bearerToken(header), undefined, String(header));
    }
  });

  it("need a name, trimmed, of at most 100 characters", () => {
    assert.deepEqual(ZApiTokenCreate.parse({ name: "  Enterprise accounts  " }), { name: "Enterprise accounts" });
    const issues = (name: string) => ZApiTokenCreate.safeParse({ name }).error?.issues.map((issue) => issue.message);
    assert.deepEqual(issues("   "), ["error-api-token-name"]);
    assert.deepEqual(issues("a".repeat(101)), ["error-too-long|100"]);
    assert.equal(ZApiTokenRevoke.safeParse({ tokenId: "../x" }).success, false);
  });
});
