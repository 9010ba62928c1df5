// The response-time clock as the lifecycle pipeline keeps it, against a real database: the first
// reviewer action, and the waits for the requester left out of the waited time.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { addDays } from "@/lib/domain/time";
import { createRequest, createViewer, withDataLayerDatabase } from "@/test-support/database";

import type { TEventInput, TLifecycleEvent } from "./types";

const database = withDataLayerDatabase();
const lifecycle = database.module(() => import("./apply"));

const SUBMITTED = new Date("2026-03-02T10:00:00.000Z");

async function run<E extends TLifecycleEvent>(day: number, input: TEventInput<E>) {
  const context = { now: addDays(SUBMITTED, day), baseUrl: "http://localhost:3000" };
  await database.db.$transaction((tx) => lifecycle.applyEvent(tx, context, input));
}

const clockOf = (id: string) =>
  database.db.request.findUniqueOrThrow({ where: { id }, select: { firstActionAt: true, pausedSeconds: true, pausedSince: true } });

describe("the response-time clock", () => {
  it("records the first reviewer action once, and pauses while the request waits for its requester", async () => {
    const requester = await createViewer(database.db, "REQUESTER");
    const reviewer = await createViewer(database.db, "WMF_REVIEWER");
    const request = await createRequest(database.db, requester, { status: "SUBMITTED", submittedAt: SUBMITTED });
    const wmf = { kind: "wmf", userId: reviewer.id } as const;

    assert.deepEqual(await clockOf(request.id), { firstActionAt: null, pausedSeconds: 0, pausedSince: null });
    await run(3, { event: "start_review", actor: wmf, requestId: request.id, details: {} });
    await run(4, { event: "ask_requester", actor: wmf, requestId: request.id, details: { questionId: "q1", question: "Which editions first?" } });
    assert.deepEqual(await clockOf(request.id), { firstActionAt: addDays(SUBMITTED, 3), pausedSeconds: 0, pausedSince: addDays(SUBMITTED, 4) });

    await run(9, { event: "requester_answered", actor: { kind: "requester", userId: requester.id }, requestId: request.id, details: { questionId: "q1" } });
    // The requester's answer is not a reviewer's action: the first one stays.
    assert.deepEqual(await clockOf(request.id), { firstActionAt: addDays(SUBMITTED, 3), pausedSeconds: 5 * 86_400, pausedSince: null });

    // A second wait adds to the first; a lapse ends it as an answer would.
    await run(10, { event: "ask_requester", actor: wmf, requestId: request.id, details: { questionId: "q2", question: "And the volume?" } });
    await run(12, { event: "lapse", actor: { kind: "system", userId: null }, requestId: request.id, details: { questionId: "q2" } });
    assert.deepEqual(await clockOf(request.id), { firstActionAt: addDays(SUBMITTED, 3), pausedSeconds: 7 * 86_400, pausedSince: null });
  });

  it("counts a WMDE reviewer's action as the first action", async () => {
    const requester = await createViewer(database.db, "REQUESTER");
    const wmde = await createViewer(database.db, "WMDE_REVIEWER");
    const request = await createRequest(database.db, requester, { status: "SUBMITTED", submittedAt: SUBMITTED, joint: true });
    await run(6, { event: "comment", actor: { kind: "wmde", userId: wmde.id }, requestId: request.id, details: {} });
    assert.deepEqual((await clockOf(request.id)).firstActionAt, addDays(SUBMITTED, 6));
  });
});
