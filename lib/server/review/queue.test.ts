import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { startDataLayerDatabase, type TTestDatabase } from "@/test-support/database";

import type { TViewer } from "../session";

let database: TTestDatabase;
let queue: typeof import("./queue");

before(async () => {
  database = await startDataLayerDatabase();
  queue = await import("./queue");
});

after(async () => {
  await database?.stop();
});

const wmf: TViewer = { id: "wmf", email: null, name: null, role: "WMF_REVIEWER" };
const wmde: TViewer = { id: "wmde", email: null, name: null, role: "WMDE_REVIEWER" };

describe("queue counts kept by the database", () => {
  it("follow every insert, status change, routing move and deletion, for each kind of reviewer", async () => {
    const requester = await database.db.user.create({ data: { email: "counts@example.org" } });
    const make = (status: "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "GRANTED", joint: boolean) => ({ requesterId: requester.id, status, joint });
    await database.db.request.createMany({
      data: [make("DRAFT", false), make("SUBMITTED", false), make("SUBMITTED", true), make("IN_REVIEW", true), make("GRANTED", false), make("GRANTED", true)],
    });
    assert.deepEqual(await queue.queueCounts(wmf), { new: 2, in_review: 1, awaiting: 0, joint: 2, decided: 2 });
    assert.deepEqual(await queue.queueCounts(wmde), { new: 1, in_review: 1, awaiting: 0, joint: 2, decided: 1 });

    // One statement moving several rows, a routing move, and a deletion.
    await database.db.request.updateMany({ where: { status: "SUBMITTED" }, data: { status: "AWAITING_REQUESTER" } });
    const granted = await database.db.request.findFirstOrThrow({ where: { status: "GRANTED", joint: false } });
    await database.db.request.update({ where: { id: granted.id }, data: { joint: true } });
    await database.db.request.deleteMany({ where: { status: "DRAFT" } });
    assert.deepEqual(await queue.queueCounts(wmf), { new: 0, in_review: 1, awaiting: 2, joint: 2, decided: 2 });
    assert.deepEqual(await queue.queueCounts(wmde), { new: 0, in_review: 1, awaiting: 1, joint: 2, decided: 2 });

    // The kept counts equal a fresh count of the table.
    const actual = await database.db.request.groupBy({ by: ["status", "joint"], _count: { _all: true } });
    const kept = await database.db.queueCount.findMany({ where: { n: { not: 0 } } });
    assert.deepEqual(
      kept.map((row) => `${row.status}/${row.joint}=${row.n}`).sort(),
      actual.map((row) => `${row.status}/${row.joint}=${row._count._all}`).sort(),
    );
  });
});
