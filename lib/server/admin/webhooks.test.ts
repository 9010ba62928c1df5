import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { createViewer, withDataLayerDatabase } from "@/test-support/database";

const database = withDataLayerDatabase();
const webhooks = database.module(() => import("./webhooks"));

const INPUT = { url: "https://receiver.example.org/hooks", description: "Accounts", eventTypes: ["grant.created" as const], allowPlainHttp: false };

const auditOf = (id: string) =>
  database.db.auditEntry.findMany({ where: { subjectId: id }, orderBy: { at: "asc" }, select: { action: true, before: true, after: true } });

describe("an admin's webhook endpoints", () => {
  it("are refused, as if absent, to anyone but an admin", async () => {
    const reviewer = await createViewer(database.db, "WMF_REVIEWER");
    await assert.rejects(webhooks.createEndpoint(reviewer, INPUT), { name: "NotFoundError" });
    await assert.rejects(webhooks.listEndpoints(reviewer), { name: "NotFoundError" });
    await assert.rejects(webhooks.strugglingEndpoints(reviewer), { name: "NotFoundError" });
  });

  it("get a secret made once, which no audit entry and no read of the endpoint carries", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const { id, secret } = await webhooks.createEndpoint(admin, INPUT);
    assert.match(secret, /^whsec_/);
    const { secret: rotated, version } = await webhooks.rotateSecret(admin, { endpointId: id, version: 0 });
    assert.notEqual(rotated, secret);
    assert.equal(version, 1);
    const shown = JSON.stringify([await webhooks.getEndpoint(admin, id), await webhooks.listEndpoints(admin), await auditOf(id)]);
    assert.doesNotMatch(shown, /whsec_/);
    assert.deepEqual(
      (await auditOf(id)).map((entry) => entry.action),
      ["webhook.endpoint_created", "webhook.secret_rotated"],
    );
  });

  it("refuse an edit made on an older version, and an http address unless plain http is allowed", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const { id } = await webhooks.createEndpoint(admin, INPUT);
    const edit = { ...INPUT, endpointId: id, version: 0, enabled: false };
    assert.equal(await webhooks.updateEndpoint(admin, edit), 1);
    await assert.rejects(webhooks.updateEndpoint(admin, edit), { messageKey: "admin-webhooks-error-conflict" });
    await assert.rejects(webhooks.updateEndpoint(admin, { ...edit, version: 1, url: "http://receiver.example.org/" }), { name: "FieldRuleError" });
    assert.equal(await webhooks.updateEndpoint(admin, { ...edit, version: 1, url: "http://127.0.0.1:9/", allowPlainHttp: true }), 2);
    assert.equal((await webhooks.getEndpoint(admin, id)).enabled, false);
  });

  it("list a test event as not sent yet, and a failed delivery sent again as back in line", async () => {
    const admin = await createViewer(database.db, "ADMIN");
    const { id } = await webhooks.createEndpoint(admin, INPUT);
    await webhooks.sendTest(admin, id);
    const endpoint = await webhooks.getEndpoint(admin, id);
    const [test] = (await webhooks.listDeliveries(admin, endpoint)).deliveries;
    assert.equal(test?.type, "webhook.test");
    assert.equal(test?.state, "queued");
    await database.db.webhookDelivery.update({ where: { id: test?.id }, data: { status: "FAILED", attempts: 8, lastError: "connect ECONNREFUSED" } });
    assert.deepEqual(
      (await webhooks.strugglingEndpoints(admin)).filter((row) => row.id === id).map((row) => row.failed),
      [1],
    );
    assert.equal(await webhooks.resendFailedDelivery(admin, test?.id ?? ""), id);
    await assert.rejects(webhooks.resendFailedDelivery(admin, test?.id ?? ""), { messageKey: "admin-webhooks-error-not-failed" });
    assert.equal((await webhooks.listDeliveries(admin, endpoint)).deliveries[0]?.state, "queued");
  });
});
