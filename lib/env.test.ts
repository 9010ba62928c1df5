import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { EnvError, parseEnv } from "./env";

function problemsOf(source: Record<string, string>) {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    assert.ok(error instanceof EnvError);
    return error.problems;
  }
}

describe("parseEnv", () => {
  it("runs with no settings at all: embedded database, development, demo data", () => {
    const env = parseEnv({});
    assert.equal(env.embeddedDatabase, true);
    assert.equal(env.appEnv, "development");
    assert.equal(env.demoData, true);
    assert.equal(env.port, 3000);
    assert.equal(env.bindHost, "127.0.0.1", "a development app listens on this machine only");
    assert.equal(env.trustProxy, false, "forwarded headers are believed only when AUTH_TRUST_HOST says so");
  });

  it("trusts a proxy's forwarded headers, and listens beyond this machine, only when told to", () => {
    assert.equal(parseEnv({ AUTH_TRUST_HOST: "true" }).trustProxy, true);
    assert.equal(parseEnv({ BIND_HOST: "0.0.0.0" }).bindHost, "0.0.0.0");
  });

  it("treats a deployment with its own database as production and lists everything missing at once", () => {
    const problems = problemsOf({ DATABASE_URL: "postgresql://app@db.internal/access" });
    assert.equal(problems.length, 4);
    assert.match(problems.join("\n"), /SMTP_URL/);
    assert.match(problems.join("\n"), /AUTH_SECRET/);
    assert.match(problems.join("\n"), /AUTH_URL/);
    assert.match(problems.join("\n"), /MAIL_FROM/);
  });

  it("accepts a complete production configuration", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://app:secret@db.internal:5432/access",
      SMTP_URL: "smtps://mailer:secret@smtp.example.org:465",
      AUTH_SECRET: "x".repeat(40),
      AUTH_URL: "https://access.example.org",
      MAIL_FROM: "Access <access@example.org>",
      ADMIN_EMAILS: " One@Example.org, two@example.org ",
      PORT: "8080",
    });
    assert.equal(env.production, true);
    assert.equal(env.demoData, false);
    assert.equal(env.trustProxy, false);
    assert.equal(env.bindHost, undefined, "production listens on every interface unless BIND_HOST says otherwise");
    assert.equal(env.port, 8080);
    assert.deepEqual(env.adminEmails, ["one@example.org", "two@example.org"]);
  });

  it("refuses malformed values with the variable named", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://x", PORT: "eighty", SMTP_URL: "mail.example.org", ADMIN_EMAILS: "nobody" });
    assert.ok(problems.some((p) => p.startsWith("DATABASE_URL")));
    assert.ok(problems.some((p) => p.startsWith("PORT")));
    assert.ok(problems.some((p) => p.startsWith("SMTP_URL")));
    assert.ok(problems.some((p) => p.startsWith("ADMIN_EMAILS")));
  });

  it("sends webhooks with a short first retry, eight retries and ten seconds to answer, unless told otherwise", () => {
    const defaults = parseEnv({});
    assert.deepEqual([defaults.webhookRetryDelaySeconds, defaults.webhookRetryLimit, defaults.webhookTimeoutSeconds], [5, 8, 10]);
    const set = parseEnv({ WEBHOOK_RETRY_DELAY_SECONDS: "30", WEBHOOK_RETRY_LIMIT: "0", WEBHOOK_TIMEOUT_SECONDS: "3" });
    assert.deepEqual([set.webhookRetryDelaySeconds, set.webhookRetryLimit, set.webhookTimeoutSeconds], [30, 0, 3]);
    const problems = problemsOf({ WEBHOOK_RETRY_DELAY_SECONDS: "0", WEBHOOK_RETRY_LIMIT: "21", WEBHOOK_TIMEOUT_SECONDS: "61" });
    for (const name of ["WEBHOOK_RETRY_DELAY_SECONDS", "WEBHOOK_RETRY_LIMIT", "WEBHOOK_TIMEOUT_SECONDS"]) assert.ok(problems.some((p) => p.startsWith(name)));
  });

  it("takes one REPLY_TO address, or none", () => {
    assert.equal(parseEnv({}).replyTo, undefined);
    assert.equal(parseEnv({ REPLY_TO: " team@example.org " }).replyTo, "team@example.org");
    assert.ok(problemsOf({ REPLY_TO: "a@example.org, b@example.org" }).some((p) => p.startsWith("REPLY_TO")));
  });

  it("needs both Wikimedia OAuth settings or neither", () => {
    assert.match(problemsOf({ AUTH_WIKIMEDIA_ID: "abc" }).join(), /AUTH_WIKIMEDIA_ID and AUTH_WIKIMEDIA_SECRET/);
    assert.deepEqual(parseEnv({ AUTH_WIKIMEDIA_ID: "abc", AUTH_WIKIMEDIA_SECRET: "def" }).wikimedia, {
      clientId: "abc",
      clientSecret: "def",
      url: "https://meta.wikimedia.org",
      demo: false,
    });
  });

  it("marks the launcher's demo consumer, and never allows it in production", () => {
    const demo = { AUTH_WIKIMEDIA_ID: "abc", AUTH_WIKIMEDIA_SECRET: "def", AUTH_WIKIMEDIA_URL: "http://127.0.0.1:4010", AUTH_WIKIMEDIA_DEMO: "true" };
    assert.equal(parseEnv(demo).wikimedia?.demo, true);
    assert.match(problemsOf({ ...demo, APP_ENV: "production" }).join(), /AUTH_WIKIMEDIA_DEMO: .*never in production/);
  });

  it("signs Wikimedia accounts in at AUTH_WIKIMEDIA_URL, which production takes over https only", () => {
    const consumer = { AUTH_WIKIMEDIA_ID: "abc", AUTH_WIKIMEDIA_SECRET: "def" };
    assert.equal(parseEnv({ ...consumer, AUTH_WIKIMEDIA_URL: "http://127.0.0.1:4010/" }).wikimedia?.url, "http://127.0.0.1:4010");
    assert.match(problemsOf({ ...consumer, AUTH_WIKIMEDIA_URL: "meta.wikimedia.org" }).join(), /AUTH_WIKIMEDIA_URL: must be a full URL/);
    const production = { APP_ENV: "production", ...consumer, AUTH_WIKIMEDIA_URL: "http://wiki.internal" };
    assert.match(problemsOf(production).join(), /AUTH_WIKIMEDIA_URL: must be an https:\/\/ address in production/);
    assert.ok(!problemsOf({ ...production, AUTH_WIKIMEDIA_URL: "https://meta.wikimedia.org" }).some((p) => p.startsWith("AUTH_WIKIMEDIA_URL")));
  });

  it("treats empty values as unset", () => {
    assert.equal(parseEnv({ DATABASE_URL: "", SMTP_URL: " " }).embeddedDatabase, true);
  });

  it("lets APP_ENV=production demand production settings even on the embedded database", () => {
    assert.ok(problemsOf({ APP_ENV: "production" }).length > 0);
  });
});
