import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { withDataLayerDatabase } from "@/test-support/database";

import type { TViewer } from "./session";

const database = withDataLayerDatabase();
const users = database.module(() => import("./users"));

async function person(email: string, name: string | null): Promise<TViewer> {
  const user = await database.db.user.create({ data: { email, name } });
  return { id: user.id, email, name, role: "REQUESTER" };
}

const entriesOf = (id: string) =>
  database.db.auditEntry.findMany({
    where: { subjectId: id, action: "user.name_changed" },
    orderBy: { at: "asc" },
    select: { actorId: true, before: true, after: true },
  });

describe("the name of one's own account", () => {
  it("is set, changed and removed, each change recorded without the name itself", async () => {
    const viewer = await person("naming@example.org", null);
    await users.setOwnName(viewer, "Ada Lovelace");
    await users.setOwnName(viewer, "Ada King");
    await users.setOwnName(viewer, null);
    const stored = await database.db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { name: true } });
    assert.equal(stored.name, null);
    const entries = await entriesOf(viewer.id);
    assert.deepEqual(entries, [
      { actorId: viewer.id, before: { named: false }, after: { named: true } },
      { actorId: viewer.id, before: { named: true }, after: { named: true } },
      { actorId: viewer.id, before: { named: true }, after: { named: false } },
    ]);
    assert.doesNotMatch(JSON.stringify(entries), /Ada/);
  });

  it("records nothing when the name stays as it was", async () => {
    const viewer = await person("unchanged@example.org", "Grace Hopper");
    await users.setOwnName(viewer, "Grace Hopper");
    assert.deepEqual(await entriesOf(viewer.id), []);
  });
});
