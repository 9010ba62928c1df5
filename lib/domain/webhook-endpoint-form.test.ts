import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { deliveryState, ZWebhookEndpointCreate, ZWebhookEndpointEdit } from "./webhook-endpoint-form";

describe("the webhook endpoint form as posted", () => {
  it("reads one ticked event type as a list, and the plain http box as a yes or no", () => {
    const parsed = ZWebhookEndpointCreate.parse({ url: " https://example.org/hook ", description: "", eventTypes: "grant.created", allowPlainHttp: "yes" });
    assert.deepEqual(parsed, { url: "https://example.org/hook", description: "", eventTypes: ["grant.created"], allowPlainHttp: true });
    assert.equal(ZWebhookEndpointCreate.parse({ url: "https://example.org", eventTypes: ["grant.created", "grant.created"] }).allowPlainHttp, false);
  });

  it("refuses no event type, an unknown one, and a missing address, each on its field", () => {
    const fields = (values: Record<string, unknown>) => {
      const parsed = ZWebhookEndpointCreate.safeParse(values);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
    };
    assert.deepEqual(fields({ url: "https://example.org" }), ["eventTypes:error-webhook-event-types"]);
    assert.deepEqual(fields({ url: "", eventTypes: "grant.created" }), ["url:error-webhook-url"]);
    assert.equal(fields({ url: "https://example.org", eventTypes: "webhook.test" })[0]?.startsWith("eventTypes"), true);
  });

  it("takes an edit with the version it was made on and the on/off box", () => {
    const parsed = ZWebhookEndpointEdit.parse({ url: "https://example.org", eventTypes: ["request.declined"], endpointId: "abc123", version: "4" });
    assert.equal(parsed.version, 4);
    assert.equal(parsed.enabled, false);
  });
});

describe("a delivery's state", () => {
  const endpoint = { endpointEnabled: true, heldBack: false };
  it("says delivered and failed whatever the endpoint", () => {
    assert.equal(deliveryState({ status: "DELIVERED", attempts: 1 }, { endpointEnabled: false, heldBack: true }), "delivered");
    assert.equal(deliveryState({ status: "FAILED", attempts: 8 }, { endpointEnabled: false, heldBack: false }), "failed");
  });
  it("says paused while the endpoint is off, waiting while held behind an earlier event, then retrying or not sent yet", () => {
    assert.equal(deliveryState({ status: "PENDING", attempts: 2 }, { endpointEnabled: false, heldBack: true }), "paused");
    assert.equal(deliveryState({ status: "PENDING", attempts: 0 }, { ...endpoint, heldBack: true }), "waiting");
    assert.equal(deliveryState({ status: "PENDING", attempts: 2 }, endpoint), "retrying");
    assert.equal(deliveryState({ status: "PENDING", attempts: 0 }, endpoint), "queued");
  });
});
