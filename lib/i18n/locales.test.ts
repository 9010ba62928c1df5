import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { withoutUselang, ZLanguageChoice } from "@/lib/domain/language";

import { areaOf, directionOf, formatsOf, recipientLocale, resolveLocale, type TLanguageCode } from "./locales";

const ALL: TLanguageCode[] = ["en", "de", "ar"];
const requester = { area: "requester" as const, available: ALL };
const staff = { area: "staff" as const, available: ALL };

describe("resolveLocale", () => {
  it("picks a loaded language from Accept-Language, by preference, else English", () => {
    assert.equal(resolveLocale({ acceptLanguage: "fr-CH, fr;q=0.9, de;q=0.8, en;q=0.7" }, requester), "de");
    assert.equal(resolveLocale({ acceptLanguage: "de-AT" }, requester), "de");
    assert.equal(resolveLocale({ acceptLanguage: "en;q=0.5, de" }, requester), "de");
    assert.equal(resolveLocale({ acceptLanguage: "fr" }, requester), "en");
    assert.equal(resolveLocale({ acceptLanguage: "" }, requester), "en");
    assert.equal(resolveLocale({}, requester), "en");
  });

  it("follows ?uselang=, then the saved preference, then the menu's cookie, then Accept-Language", () => {
    const choices = { uselang: "en", preference: "de", cookie: "ar", acceptLanguage: "fr, en" };
    assert.equal(resolveLocale(choices, requester), "en");
    assert.equal(resolveLocale({ ...choices, uselang: undefined }, requester), "de");
    assert.equal(resolveLocale({ ...choices, uselang: undefined, preference: null }, requester), "ar");
    assert.equal(resolveLocale({ acceptLanguage: "de", cookie: "en" }, requester), "en");
  });

  it("ignores values that are no loaded language, never failing", () => {
    const available: TLanguageCode[] = ["en", "de"];
    assert.equal(
      resolveLocale(
        { uselang: "xx", preference: "klingon", cookie: "<script>", acceptLanguage: "garbage;;q=x, ;q=, de;q=abc, de" },
        { area: "requester", available },
      ),
      "de",
    );
    assert.equal(resolveLocale({ uselang: "ar" }, { area: "requester", available }), "en", "a registered language whose file is not loaded");
    assert.equal(resolveLocale({ uselang: "__proto__", preference: "constructor" }, requester), "en");
    assert.equal(resolveLocale({ acceptLanguage: "de;q=0, *" }, requester), "en");
    assert.equal(resolveLocale({ acceptLanguage: `${"x,".repeat(10_000)}de` }, requester), "en", "an absurd header is cut short");
  });

  it("passes over a requester-side language on reviewer and admin pages, for the next full choice", () => {
    assert.equal(resolveLocale({ uselang: "ar", preference: "de" }, requester), "ar");
    assert.equal(resolveLocale({ uselang: "ar", preference: "de" }, staff), "de");
    assert.equal(resolveLocale({ preference: "ar", acceptLanguage: "ar, de;q=0.5" }, staff), "de");
    assert.equal(resolveLocale({ preference: "ar" }, staff), "en");
  });

  it("shows message keys (qqx) only when ?uselang= asks for it", () => {
    assert.equal(resolveLocale({ uselang: "qqx" }, requester), "qqx");
    assert.equal(resolveLocale({ uselang: "QQX" }, staff), "qqx");
    assert.equal(resolveLocale({ preference: "qqx", cookie: "qqx", acceptLanguage: "qqx" }, requester), "en");
  });
});

describe("where a page belongs", () => {
  it("counts /review and /admin as staff pages, everything else as the requesters'", () => {
    assert.equal(areaOf("/review"), "staff");
    assert.equal(areaOf("/review/abc/decide"), "staff");
    assert.equal(areaOf("/admin/users"), "staff");
    assert.equal(areaOf("/requests/abc"), "requester");
    assert.equal(areaOf("/reviewers"), "requester");
    assert.equal(areaOf("/"), "requester");
  });
});

describe("recipientLocale", () => {
  it("writes to a person in their saved language, else the one they last acted in, else English", () => {
    assert.equal(recipientLocale({ locale: "de", lastLocale: "en" }, requester), "de");
    assert.equal(recipientLocale({ locale: null, lastLocale: "de" }, requester), "de");
    assert.equal(recipientLocale({ locale: "xx", lastLocale: null }, requester), "en");
    assert.equal(recipientLocale(null, requester), "en");
  });

  it("writes reviewer emails in a language covering the staff side", () => {
    assert.equal(recipientLocale({ locale: "ar", lastLocale: "de" }, staff), "de");
    assert.equal(recipientLocale({ locale: "ar", lastLocale: null }, staff), "en");
    assert.equal(recipientLocale({ locale: "ar", lastLocale: null }, requester), "ar");
  });
});

describe("formats and direction", () => {
  it("formats dates and numbers for each language", () => {
    assert.equal(formatsOf("de"), "de-DE");
    assert.equal(formatsOf("qqx"), formatsOf("en"));
    assert.equal(
      new Intl.DateTimeFormat(formatsOf("de"), { dateStyle: "long", timeZone: "UTC" }).format(new Date("2026-11-22T12:00:00Z")),
      "22. November 2026",
    );
  });

  it("knows which languages are written right to left", () => {
    assert.equal(directionOf("ar"), "rtl");
    assert.equal(directionOf("he-IL"), "rtl");
    assert.equal(directionOf("de"), "ltr");
    assert.equal(directionOf("qqx"), "ltr");
  });
});

describe("the language menu's choice", () => {
  it("takes a language or the browser's, and ignores anything else", () => {
    assert.equal(ZLanguageChoice.parse({ locale: "de" }).locale, "de");
    assert.equal(ZLanguageChoice.parse({ locale: "" }).locale, "");
    assert.equal(ZLanguageChoice.parse({ locale: "qqx" }).locale, undefined);
    assert.equal(ZLanguageChoice.parse({ locale: ["de", "en"] }).locale, undefined);
    assert.equal(ZLanguageChoice.parse({}).locale, undefined);
  });

  it("goes back to a page of this site, without ?uselang=", () => {
    assert.equal(ZLanguageChoice.parse({ locale: "de", returnTo: "/review?view=new&uselang=qqx" }).returnTo, "/review?view=new");
    assert.equal(ZLanguageChoice.parse({ locale: "de", returnTo: "https://evil.example/" }).returnTo, "/");
    assert.equal(ZLanguageChoice.parse({ locale: "de", returnTo: "//evil.example/" }).returnTo, "/");
    assert.equal(withoutUselang("/requests/abc?uselang=de#answers"), "/requests/abc#answers");
  });
});
