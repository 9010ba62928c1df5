// The migration that turned the Obligation section's checkbox list of contributions into rows:
// run again on answers in the old shape, it leaves every request as valid as it was.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";

import { sectionSchema } from "@/lib/domain/request/sections";
import { completeAnswers } from "@/test-support/answers";
import { createViewer, startTestDatabase, type TTestDatabase } from "@/test-support/database";

const SQL = readFileSync(new URL("./migrations/20261206220000_contribution_rows/migration.sql", import.meta.url), "utf8");
const START = "2030-01-01";

let database: TTestDatabase;

before(async () => {
  database = await startTestDatabase();
});

after(async () => {
  await database?.stop();
});

/** A request whose Obligation answers are in the old shape: the given `reciprocal` and detail. */
async function oldRequest(reciprocal: string | string[] | undefined, reciprocalDetail: string) {
  const requester = await createViewer(database.db, "REQUESTER");
  const answers = completeAnswers(START);
  const { contributionKind: _kind, contributionDescription: _description, contributionLink: _link, contributionBy: _by, ...rest } = answers.obligation;
  const obligation = { ...rest, reciprocalDetail, ...(reciprocal === undefined ? {} : { reciprocal }) };
  const request = await database.db.request.create({ data: { requesterId: requester.id, answers: { ...answers, obligation } }, select: { id: true } });
  return request.id;
}

async function obligationOf(id: string) {
  const request = await database.db.request.findUniqueOrThrow({ where: { id }, select: { answers: true } });
  return (request.answers as Record<string, Record<string, string | string[]>>).obligation ?? {};
}

describe("the contribution rows migration", () => {
  it("turns each kind ticked into a row with the requester's words, and 'none' into the box for none", async () => {
    const two = await oldRequest(["reports", "tools"], "A yearly report and our packager.");
    const one = await oldRequest("content_data", "Photos for Commons.");
    const none = await oldRequest(["none"], "");
    const untouched = await oldRequest(undefined, "Kept as it was.");
    await database.db.$executeRawUnsafe(SQL);

    assert.deepEqual(await obligationOf(two), {
      ...(await obligationOf(two)),
      contributionKind: ["reports", "tools"],
      contributionDescription: ["A yearly report and our packager.", "A yearly report and our packager."],
      contributionLink: ["", ""],
      contributionBy: ["", ""],
      noContributions: "",
      reciprocalDetail: "",
    });
    assert.equal("reciprocal" in (await obligationOf(two)), false);
    assert.deepEqual((await obligationOf(one)).contributionKind, ["content_data"]);
    assert.equal((await obligationOf(none)).noContributions, "yes");
    assert.deepEqual((await obligationOf(none)).contributionKind, []);
    assert.equal((await obligationOf(untouched)).reciprocalDetail, "Kept as it was.");

    for (const id of [two, one, none]) {
      const result = sectionSchema("obligation", { today: START }).safeParse(await obligationOf(id));
      assert.ok(result.success, JSON.stringify(result.error?.issues));
    }
  });
});
