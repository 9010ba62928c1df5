import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { directionOf, resolveLocale } from "./locales";
import { createTranslator } from "./translator";

const en = JSON.parse(readFileSync("i18n/en.json", "utf8")) as Record<string, unknown>;
const qqq = JSON.parse(readFileSync("i18n/qqq.json", "utf8")) as Record<string, unknown>;

describe("message files", () => {
  it("document every message in qqq.json, and nothing else", () => {
    assert.deepEqual(Object.keys(qqq).sort(), Object.keys(en).sort());
    for (const [key, doc] of Object.entries(qqq)) {
      if (key !== "@metadata") assert.ok(typeof doc === "string" && doc.length > 10, `qqq.json documents ${key}`);
    }
  });

  it("fill in parameters and plural forms", () => {
    const t = createTranslator("en", { "check-email-body": "Works for $1 {{PLURAL:$1|minute|minutes}}." } as Record<string, string>);
    assert.equal(t("check-email-body", 1), "Works for 1 minute.");
    assert.equal(t("check-email-body", 60), "Works for 60 minutes.");
  });
});

describe("resolveLocale", () => {
  it("picks a supported language from Accept-Language, by preference", () => {
    assert.equal(resolveLocale(undefined, "fr-CH, fr;q=0.9, en;q=0.8"), "en");
    assert.equal(resolveLocale(undefined, "en-GB"), "en");
    assert.equal(resolveLocale(undefined, ""), "en");
    assert.equal(resolveLocale("xx", "garbage;;q=x"), "en");
  });

  it("knows which languages are written right to left", () => {
    assert.equal(directionOf("ar"), "rtl");
    assert.equal(directionOf("he-IL"), "rtl");
    assert.equal(directionOf("de"), "ltr");
  });
});
