// API tokens against a real database: made by admins only, kept as a hash and a prefix, revoked
// once and for good, each step in the audit trail without the token.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";

import { NotFoundError } from "@/lib/domain/errors";
import { createViewer, withDataLayerDatabase } from "@/test-support/database";

const database = withDataLayerDatabase();
const tokens = database.module(() => import("./api-tokens"));

describe("API tokens", () => {
  it("are made by an admin, stored only as their hash and a prefix, and listed without either secret", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const { id, token } = await tokens.createApiToken(admin, { name: "Enterprise accounts" });
    assert.match(token, /^eat_[A-Za-z0-9_-]{43}$/);

    const row = await database.db.apiToken.findUniqueOrThrow({ where: { id } });
    assert.equal(row.tokenHash, createHash("sha256").update(token).digest("hex"));
    assert.equal(row.prefix, token.slice(0, 12));
    assert.equal(row.createdById, admin.id);
    assert.doesNotMatch(JSON.stringify(row), new RegExp(token.slice(12)), "the rest of the token is stored nowhere");

    const listed = await tokens.listApiTokens(admin);
    const mine = listed.find((entry) => entry.id === id);
    assert.deepEqual([mine?.name, mine?.prefix, mine?.createdBy, mine?.revokedAt], ["Enterprise accounts", token.slice(0, 12), admin.name, null]);
    assert.ok(!("tokenHash" in (mine ?? {})));

    const trail = await database.db.auditEntry.findMany({ where: { subjectType: "api_token", subjectId: id } });
    assert.deepEqual(
      trail.map((entry) => [entry.action, entry.actorId]),
      [["api_token.created", admin.id]],
    );
    assert.doesNotMatch(JSON.stringify(trail), new RegExp(token.slice(12)));
  });

  it("are neither made, listed nor revoked by anyone but an admin", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const { id } = await tokens.createApiToken(admin, { name: "Kept" });
    for (const role of ["REQUESTER", "WMF_REVIEWER", "WMDE_REVIEWER"] as const) {
      const someone = await createViewer(database.db, role);
      await assert.rejects(tokens.createApiToken(someone, { name: "Mine" }), NotFoundError);
      await assert.rejects(tokens.listApiTokens(someone), NotFoundError);
      await assert.rejects(tokens.revokeApiToken(someone, { tokenId: id }), NotFoundError);
    }
    assert.equal((await database.db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt, null);
  });

  it("are revoked once: again changes nothing, and an unknown one is not found", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const other = await createViewer(database.db, "ADMIN");
    const { id } = await tokens.createApiToken(admin, { name: "Leaked" });
    assert.deepEqual(await tokens.revokeApiToken(admin, { tokenId: id }), { revoked: true });
    const revokedAt = (await database.db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt;
    assert.deepEqual(await tokens.revokeApiToken(other, { tokenId: id }), { revoked: false });
    const row = await database.db.apiToken.findUniqueOrThrow({ where: { id } });
    assert.deepEqual([row.revokedAt, row.revokedById], [revokedAt, admin.id]);
    const revocations = await database.db.auditEntry.count({ where: { subjectId: id, action: "api_token.revoked" } });
    assert.equal(revocations, 1);
    await assert.rejects(tokens.revokeApiToken(admin, { tokenId: "no-such-token" }), NotFoundError);
  });
});
