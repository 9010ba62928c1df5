import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";

import { requestEmail } from "@/lib/mail/templates/request-email";
import { signInEmail } from "@/lib/mail/templates/sign-in";
import { requesterMessageKeys } from "@/test-support/requester-messages";

import { withoutLinks } from "./links";
import { messagesFor } from "./messages";
import { createTranslator, type TMessageKey } from "./translator";

const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
const en = read("i18n/en.json");
const ar = read("i18n/ar.json");
const enKeys = Object.keys(en).filter((key) => key !== "@metadata");
const arMessages = Object.entries(ar).filter((entry): entry is [string, string] => entry[0] !== "@metadata");

const parameters = (text: string) => [...new Set(text.match(/\$\d+/g) ?? [])].sort();
const ARABIC = /[\u0600-\u06FF]/;

describe("Arabic messages (i18n/ar.json)", () => {
  it("translate only messages that exist in English", () => {
    const unknown = arMessages.map(([key]) => key).filter((key) => !(key in en));
    assert.deepEqual(unknown, [], "keys in ar.json that en.json lacks");
  });

  it("keep every parameter of the English message, and add none", () => {
    for (const [key, text] of arMessages) {
      assert.equal(typeof text, "string", key);
      assert.deepEqual(parameters(text), parameters(String(en[key])), `parameters of ${key}`);
    }
  });

  it("are written in Arabic, not copied from English", () => {
    for (const [key, text] of arMessages) {
      if (/[A-Za-z]/.test(String(en[key]).replace(/\$\d+/g, ""))) assert.match(text, ARABIC, key);
    }
  });

  it("set the Latin fragments that hold punctuation (web and email addresses, dates) between isolates, FSI ... PDI", () => {
    for (const [key, text] of arMessages) {
      const bare = withoutLinks(text).replace(/\u2068[^\u2069]*\u2069/g, "");
      assert.doesNotMatch(bare, /https?:\/\/|\S@\S|\d{4}-\d{2}-\d{2}/, key);
    }
  });

  it("give all six Arabic plural forms (zero, one, two, few, many, other)", () => {
    for (const [key, text] of arMessages) {
      for (const [, forms] of text.matchAll(/\{\{PLURAL:\$\d+\|([^}]*)\}\}/g)) {
        assert.equal(forms!.split("|").filter((form) => !/^\d+=/.test(form)).length, 6, key);
      }
    }
  });

  it("cover every message a requester or a visitor can see", () => {
    const needed = requesterMessageKeys(process.cwd(), enKeys);
    const missing = [...needed].filter((key) => !(key in ar));
    assert.deepEqual(missing, [], "requester-side messages without Arabic");
  });

  it("fall back to English for the rest (reviewers' and admins' pages)", () => {
    const messages = messagesFor("ar");
    for (const key of enKeys) assert.ok(key in messages, key);
    assert.equal(messages["review-title"], en["review-title"]);
    assert.equal(messages["requests-title"], ar["requests-title"]);
  });
});

describe("left-to-right text in Arabic sentences", () => {
  const t = createTranslator("ar", messagesFor("ar"));

  it("isolates a parameter written in Latin script, so its punctuation and the sentence's full stop stay in place", () => {
    assert.equal(t("timeline-submitted", "EA-2026-0047"), "قدّمت الطلب. الرقم المرجعي: \u2068EA-2026-0047\u2069.");
    assert.equal(t("check-email-sent-to", "ada@example.org"), "أرسلنا إلى \u2068ada@example.org\u2069 رابطًا لتسجيل الدخول.");
  });

  it("leaves numbers, and words in Arabic script, as they are", () => {
    assert.equal(t("error-link", 3), "السطر 3 ليس عنوان ويب يبدأ بـ \u2068http://\u2069 أو \u2068https://\u2069");
    assert.equal(t("request-question-answered", "3 مارس 2026"), "أجبت في 3 مارس 2026:");
  });

  it("changes nothing in a left-to-right language", () => {
    assert.equal(createTranslator("en", messagesFor("en"))("timeline-submitted", "EA-2026-0047"), "You submitted the request. Reference: EA-2026-0047.");
  });
});

describe("Arabic plurals", () => {
  const t = createTranslator("ar", messagesFor("ar"));

  it("choose the form CLDR gives each number: 0 zero, 1 one, 2 two, 3 few, 11 many, 100 other", () => {
    const rendered = [0, 1, 2, 3, 11, 100].map((n) => t("account-requests-count", n));
    assert.deepEqual(rendered, ["لا طلبات", "طلب واحد", "طلبان", "3 طلبات", "11 طلبًا", "100 طلب"]);
  });

  it("inside a sentence, with the other parameters in place", () => {
    const text = (days: number) => t("email-reminder-body", "EA-2026-0042", "", "30 نوفمبر 2027", days);
    assert.equal(text(1), "ينتهي وصولك الاستثنائي للطلب \u2068EA-2026-0042\u2069 في 30 نوفمبر 2027، بعد يوم واحد.");
    assert.match(text(2), /بعد يومين\.$/);
    assert.match(text(7), /بعد 7 أيام\.$/);
    assert.match(text(30), /بعد 30 يومًا\.$/);
  });
});

describe("Arabic emails", () => {
  it("are marked right to left, with the reference and link intact", () => {
    const mail = requestEmail(
      "granted",
      {
        reference: "EA-2026-0042",
        url: "https://access.example.org/requests/abc",
        detail: "مرحبًا",
        more: ["واجهة Realtime", "1 ديسمبر 2026", "30 نوفمبر 2027", ""],
      },
      "ar",
    );
    assert.equal(mail.subject, "قُبل طلبك \u2068EA-2026-0042\u2069", "the reference isolated from the sentence");
    assert.match(mail.html, /<html lang="ar" dir="rtl">/);
    assert.match(mail.text, /https:\/\/access\.example\.org\/requests\/abc/);
    assert.match(mail.html, /<p dir="ltr"[^>]*>https:\/\/access\.example\.org\/requests\/abc<\/p>/, "the address stays left to right");
    assert.match(mail.text, /يسري وصولك من 1 ديسمبر 2026 إلى 30 نوفمبر 2027/);
    for (const part of [mail.subject, mail.text, mail.html]) assert.doesNotMatch(part, /\$\d/);
  });

  it("sign-in: says how long the link works", () => {
    const mail = signInEmail(
      createTranslator("ar", messagesFor("ar")),
      "ar",
      "https://access.example.org/api/auth/callback/nodemailer?token=abc",
      "access.example.org",
    );
    assert.match(mail.text, /لمدة 60 دقيقة\./);
    assert.match(mail.html, /lang="ar" dir="rtl"/);
  });
});

describe("finding the requester side's messages in the code", () => {
  const keys = enKeys as TMessageKey[];
  const found = requesterMessageKeys(process.cwd(), keys);

  it("sees messages named directly, built from a prefix, or built from a template", () => {
    for (const key of [
      "start-title",
      "option-requester-kind-public-body",
      "check-error-incomplete-values",
      "field-volume-commons-legend",
      "transition-error-cancel-not-now",
    ]) {
      assert.ok(found.has(key), key);
    }
  });

  it("follows imports into shared modules, taking only what the requester side uses", () => {
    assert.ok(found.has("decision-dates-value"), "the grant's terms, from a component the review pages share");
    for (const key of ["decision-rationale", "decide-title", "review-title", "flag-open-ended", "email-joint-subject"]) assert.ok(!found.has(key), key);
  });

  it("notices a new message on a requester page, even one reached through another module", () => {
    const root = mkdtempSync(path.join(tmpdir(), "requester-messages-"));
    try {
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      };
      write(
        "app/(requester)/new/page.tsx",
        `import { label } from "@/components/shared/labels";\nexport default function Page() { return t("brand-new") + label("x"); }\n`,
      );
      write("components/shared/labels.ts", `export const label = (kind: string) => t(\`kind-\${kind}\`);\nexport const unused = () => t("reviewer-only");\n`);
      const result = requesterMessageKeys(root, ["brand-new", "kind-x", "kind-y", "reviewer-only", "other"], ["app/(requester)"]);
      assert.deepEqual([...result].sort(), ["brand-new", "kind-x", "kind-y"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
