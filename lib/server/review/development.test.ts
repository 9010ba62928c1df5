// The custom development estimate against a real database: WMF's to record, checked against the
// version the reviewer saw, and in the request's history.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { ZDevelopmentDaysInput } from "@/lib/domain/in-kind-value";
import { createRequest, createViewer, withDataLayerDatabase } from "@/test-support/database";

const database = withDataLayerDatabase();
const development = database.module(() => import("./development"));

const input = (requestId: string, version: number, developmentDays: string) =>
  ZDevelopmentDaysInput.parse({ requestId, version: String(version), developmentDays });

describe("estimating custom development", () => {
  it("is recorded by a WMF reviewer, audited, and cleared when left empty", async () => {
    const reviewer = await createViewer(database.db, "WMF_REVIEWER");
    const request = await createRequest(database.db, await createViewer(database.db, "REQUESTER"), { status: "IN_REVIEW", assigneeId: reviewer.id });
    const { version } = await development.estimateDevelopment(reviewer, input(request.id, request.version, "12"));
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).customDevelopmentDays, 12);
    await development.estimateDevelopment(reviewer, input(request.id, version, ""));
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).customDevelopmentDays, null);

    const trail = await database.db.auditEntry.findMany({
      where: { subjectId: request.id, action: "request.development_estimated" },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    assert.deepEqual(
      trail.map((entry) => [entry.actorId, entry.before, entry.after]),
      [
        [reviewer.id, { customDevelopmentDays: null }, { customDevelopmentDays: 12 }],
        [reviewer.id, { customDevelopmentDays: 12 }, { customDevelopmentDays: null }],
      ],
    );
  });

  it("refuses an estimate made on an older version of the request", async () => {
    const reviewer = await createViewer(database.db, "WMF_REVIEWER");
    const request = await createRequest(database.db, await createViewer(database.db, "REQUESTER"), { status: "IN_REVIEW", assigneeId: reviewer.id });
    await development.estimateDevelopment(reviewer, input(request.id, request.version, "3"));
    await assert.rejects(development.estimateDevelopment(reviewer, input(request.id, request.version, "30")), DomainError);
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).customDevelopmentDays, 3);
  });

  it("is WMF's: WMDE is refused and a requester finds nothing", async () => {
    const request = await createRequest(database.db, await createViewer(database.db, "REQUESTER"), { status: "IN_REVIEW", joint: true });
    await assert.rejects(
      development.estimateDevelopment(await createViewer(database.db, "WMDE_REVIEWER"), input(request.id, request.version, "5")),
      DomainError,
    );
    await assert.rejects(development.estimateDevelopment(await createViewer(database.db, "REQUESTER"), input(request.id, request.version, "5")), NotFoundError);
    assert.equal((await database.db.request.findUniqueOrThrow({ where: { id: request.id } })).customDevelopmentDays, null);
  });

  it("refuses negative and absurd estimates in the form's schema", () => {
    for (const days of ["-1", "2501", "1.5", "many"])
      assert.equal(ZDevelopmentDaysInput.safeParse({ requestId: "r1", version: "1", developmentDays: days }).success, false, days);
  });
});
