import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { Webhook } from "standardwebhooks";

import { newWebhookSecret, signedHeaders } from "../webhooks/signing";
import { endpointUrlProblem, isRetryable, retryAfterSeconds, retryDelaySeconds, webhookPayload } from "./webhooks";

describe("signing", () => {
  it("signs as Standard Webhooks define, so their verifier accepts it, and refuses a forgery", () => {
    const secret = newWebhookSecret();
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify(
      webhookPayload("request.declined", new Date("2026-12-06T12:00:00.000Z"), { reference: "EA-2026-0007", decided_at: "2026-12-06T12:00:00.000Z" }),
    );
    const headers = signedHeaders(secret, "msg_1", new Date(), body);
    assert.deepEqual(new Webhook(secret).verify(body, headers), JSON.parse(body));
    assert.throws(() => new Webhook(secret).verify(body.replace("0007", "0008"), headers), /signature/i);
    assert.throws(() => new Webhook(newWebhookSecret()).verify(body, headers), /signature/i);
    assert.throws(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "msg_2" }), /signature/i);
    assert.throws(() => new Webhook(secret).verify(body, { ...headers, "webhook-signature": "v1,AAAA" }), /signature/i);
  });

  it("puts the envelope's type, timestamp and data in that order", () => {
    const payload = webhookPayload("webhook.test", new Date("2026-12-06T12:00:00.000Z"), { message: "hello" });
    assert.equal(JSON.stringify(payload), '{"type":"webhook.test","timestamp":"2026-12-06T12:00:00.000Z","data":{"message":"hello"}}');
  });
});

describe("where webhooks may go", () => {
  const production = { allowPlainHttp: false, production: true };
  it("takes https, and plain http only when allowed and, in production, to this machine", () => {
    assert.equal(endpointUrlProblem("https://accounts.example.org/hooks", production), null);
    assert.equal(endpointUrlProblem("http://accounts.example.org/hooks", production), "error-webhook-url-https");
    assert.equal(endpointUrlProblem("http://accounts.example.org/hooks", { allowPlainHttp: true, production: true }), "error-webhook-url-https");
    assert.equal(endpointUrlProblem("http://127.0.0.1:4000/hooks", { allowPlainHttp: true, production: true }), null);
    assert.equal(endpointUrlProblem("http://accounts.example.org/hooks", { allowPlainHttp: true, production: false }), null);
    assert.equal(endpointUrlProblem("http://accounts.example.org/hooks", { allowPlainHttp: false, production: false }), "error-webhook-url-https");
  });
  it("refuses what is not a web address, or carries a password", () => {
    assert.equal(endpointUrlProblem("accounts.example.org", production), "error-webhook-url");
    assert.equal(endpointUrlProblem("ftp://accounts.example.org/", production), "error-webhook-url");
    assert.equal(endpointUrlProblem("https://user:pw@accounts.example.org/", production), "error-webhook-url-credentials");
  });
});

describe("retries", () => {
  it("retries no answer, 429 and 5xx, and nothing else", () => {
    assert.deepEqual(
      [null, 429, 500, 503, 400, 401, 404, 410, 301].map((statusCode) => isRetryable({ statusCode })),
      [true, true, true, true, false, false, false, false, false],
    );
  });
  it("doubles the wait after each failure, adds up to as much again at random, and waits longer when the receiver asks", () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((attempt) => retryDelaySeconds(attempt, { baseSeconds: 5, random: 0, retryAfter: null })),
      [5, 10, 20, 40],
    );
    assert.equal(retryDelaySeconds(2, { baseSeconds: 5, random: 0.5, retryAfter: null }), 15);
    assert.equal(retryDelaySeconds(1, { baseSeconds: 5, random: 0, retryAfter: 120 }), 120);
    assert.equal(retryDelaySeconds(3, { baseSeconds: 5, random: 0, retryAfter: 1 }), 20);
  });
  it("reads Retry-After as seconds or a date, at most a day", () => {
    const now = new Date("2026-12-06T12:00:00.000Z");
    assert.equal(retryAfterSeconds("30", now), 30);
    assert.equal(retryAfterSeconds("Sun, 06 Dec 2026 12:02:00 GMT", now), 120);
    assert.equal(retryAfterSeconds("999999", now), 86_400);
    assert.equal(retryAfterSeconds("soon", now), null);
    assert.equal(retryAfterSeconds(null, now), null);
  });
});
