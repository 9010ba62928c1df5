import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";

import { DAY_MS as DAY } from "@/lib/domain/time";
import { createViewer, withDataLayerDatabase } from "@/test-support/database";

const database = withDataLayerDatabase();
const sessions = database.module(() => import("./session-user"));

async function sessionFor(userId: string, expires: Date) {
  const sessionToken = randomBytes(16).toString("hex");
  await database.db.session.create({ data: { sessionToken, userId, expires } });
  return sessionToken;
}

const expiresOf = async (sessionToken: string) => (await database.db.session.findUniqueOrThrow({ where: { sessionToken } })).expires.getTime();

describe("reading the session", () => {
  it("gives the person a live session belongs to, with their role and languages", async () => {
    const viewer = await createViewer(database.db, "WMF_REVIEWER");
    await database.db.user.update({ where: { id: viewer.id }, data: { locale: "de", lastLocale: "ar" } });
    const now = new Date();
    const token = await sessionFor(viewer.id, new Date(now.getTime() + 29.5 * DAY));
    assert.deepEqual(await sessions.sessionOf(token, now), { ...viewer, locale: "de", lastLocale: "ar" });
    assert.equal(await sessions.sessionOf("not-a-token", now), null);
  });

  it("refuses a session that has ended, to the millisecond", async () => {
    const viewer = await createViewer(database.db, "REQUESTER");
    const now = new Date();
    const ended = await sessionFor(viewer.id, new Date(now.getTime() - 1));
    const ending = await sessionFor(viewer.id, new Date(now.getTime() + 1));
    assert.equal(await sessions.sessionOf(ended, now), null);
    assert.equal((await sessions.sessionOf(ending, now))?.id, viewer.id);
  });

  it("pushes a session back to 30 days once a day has passed since it last was, as Auth.js does", async () => {
    const viewer = await createViewer(database.db, "REQUESTER");
    const now = new Date();
    const fresh = await sessionFor(viewer.id, new Date(now.getTime() + 29.5 * DAY));
    const due = await sessionFor(viewer.id, new Date(now.getTime() + 10 * DAY));
    const before = await expiresOf(fresh);
    await sessions.sessionOf(fresh, now);
    await sessions.sessionOf(due, now);
    assert.equal(await expiresOf(fresh), before);
    assert.equal(await expiresOf(due), now.getTime() + 30 * DAY);
  });
});
