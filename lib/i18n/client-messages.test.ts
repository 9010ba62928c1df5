// Every message a client component names is in the set its page gives it (lib/i18n/client-messages.ts),
// and every client component that names messages has a set: a browser is never sent the catalogue,
// so a key left out would show as the key itself.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import { REQUESTER_KINDS } from "@/lib/domain/request/options";
import { SECTION_IDS } from "@/lib/domain/request/sections";

import {
  ACCOUNT_MESSAGES,
  ADMIN_MESSAGES,
  ANSWER_ERRORS,
  ANSWER_FORM_MESSAGES,
  APPEAL_FORM_MESSAGES,
  BASE_MESSAGES,
  CHECK_IN_FORM_MESSAGES,
  CONFIRM_CONTACT_MESSAGES,
  ERASE_MESSAGES,
  REVIEW_MESSAGES,
  SIGN_IN_MESSAGES,
  sectionFormMessages,
} from "./client-messages";
import { messagesOf, type TMessageSet } from "./messages";

const en = JSON.parse(readFileSync("i18n/en.json", "utf8")) as Record<string, unknown>;
const KEYS = new Set(Object.keys(en).filter((key) => key !== "@metadata"));

function clientFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientFiles(full);
    return entry.name.endsWith(".tsx") && readFileSync(full, "utf8").startsWith('"use client"') ? [full] : [];
  });
}

/** The client components, and the components they import (which run in the browser with them). */
function browserFiles() {
  const found = new Set([...clientFiles("app"), ...clientFiles("components")]);
  for (const file of found) {
    for (const [, from] of readFileSync(file, "utf8").matchAll(/^import (?!type )[^;]*?from "((?:\.{1,2}|@\/components)\/[^"]+)"/gm)) {
      const base = from!.startsWith("@/") ? from!.slice(2) : path.join(path.dirname(file), from!);
      const imported = [`${base}.tsx`, `${base}.ts`].find((candidate) => existsSync(candidate));
      if (imported) found.add(imported);
    }
  }
  return [...found];
}

/** Message keys written out in a file: quoted words that are keys, but not a class name or a field's name. */
function keysIn(file: string) {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(\w+=)?["'`]([a-z][a-z0-9]*(?:-[a-z0-9]+)+)["'`]/g)]
    .filter(([, attribute, key]) => KEYS.has(key!) && attribute !== "className=")
    .map(([, , key]) => key!);
}

const covers = (sets: TMessageSet[], key: string) =>
  sets.some((set) => set.some((entry) => entry === key || (entry.endsWith("-*") && key.startsWith(entry.slice(0, -1)))));

// Every question page, for every kind of requester.
const SECTION_FORMS = SECTION_IDS.flatMap((section) =>
  [undefined, ...REQUESTER_KINDS].map((requesterKind) => sectionFormMessages(section, { requesterKind, today: "2026-06-01" })),
);

const BASE = [
  "app/error.tsx",
  "components/ui/document-title.tsx",
  "components/ui/error-summary.tsx",
  "components/ui/error-prefix.tsx",
  "components/ui/print-button.tsx",
];
const REVIEW = [
  "components/review/forms.tsx",
  "components/review/decision-forms.tsx",
  "components/review/in-kind-value.tsx",
  "components/review/confirmed-contributions.tsx",
  "components/review/development-days-form.tsx",
  "components/review/interest-form.tsx",
  "components/review/proposal-forms.tsx",
  "components/review/appeal-decision-form.tsx",
  "components/review/acknowledge-check-in.tsx",
  "components/review/check-in-cadence.tsx",
];

/** Each client component that names messages, with the sets the pages that show it give. */
const SETS_OF: Record<string, TMessageSet[]> = {
  ...Object.fromEntries(BASE.map((file) => [file, [BASE_MESSAGES]])),
  ...Object.fromEntries(REVIEW.map((file) => [file, [REVIEW_MESSAGES]])),
  "components/auth/email-sign-in-form.tsx": [SIGN_IN_MESSAGES],
  "components/apply/section-form.tsx": SECTION_FORMS,
  "components/apply/question-field.tsx": SECTION_FORMS,
  "components/apply/contribution-rows.tsx": SECTION_FORMS,
  "components/apply/answer-form.tsx": [ANSWER_FORM_MESSAGES],
  "components/apply/appeal-form.tsx": [APPEAL_FORM_MESSAGES],
  "components/apply/check-in-form.tsx": [CHECK_IN_FORM_MESSAGES],
  "components/apply/confirm-contact-form.tsx": [CONFIRM_CONTACT_MESSAGES],
  "components/account/account-name-form.tsx": [ACCOUNT_MESSAGES],
  "components/account/digest-form.tsx": [ACCOUNT_MESSAGES],
  "app/(requester)/account/erase/erase-form.tsx": [ERASE_MESSAGES],
  "components/admin/approval-policy-form.tsx": [ADMIN_MESSAGES.approvals],
  "components/admin/lift-conflict-form.tsx": [ADMIN_MESSAGES.conflicts],
  "components/admin/unit-cost-form.tsx": [ADMIN_MESSAGES.costs],
  "components/admin/resend-email-form.tsx": [ADMIN_MESSAGES.emails],
  "components/admin/import-file-form.tsx": [ADMIN_MESSAGES.imports],
  "components/admin/import-record-form.tsx": [ADMIN_MESSAGES.imports],
  "components/admin/targets-form.tsx": [ADMIN_MESSAGES.targets],
  "components/admin/api-token-form.tsx": [ADMIN_MESSAGES.tokens],
  "components/admin/revoke-token-form.tsx": [ADMIN_MESSAGES.tokens],
  "components/admin/role-form.tsx": [ADMIN_MESSAGES.users],
  "components/admin/webhook-endpoint-form.tsx": [ADMIN_MESSAGES.webhooks],
  "components/admin/webhook-button-form.tsx": [ADMIN_MESSAGES.webhooks],
  "components/admin/webhook-labels.ts": [ADMIN_MESSAGES.webhooks],
  "components/admin/shown-once-secret.tsx": [ADMIN_MESSAGES.webhooks, ADMIN_MESSAGES.tokens],
};

describe("messages sent to the browser", () => {
  const files = browserFiles();

  it("cover every key a client component names", () => {
    const missing = files.flatMap((file) => {
      const sets = SETS_OF[file];
      const keys = keysIn(file);
      if (!sets) return keys.length > 0 ? [`${file}: names messages but has no set in SETS_OF`] : [];
      return keys.filter((key) => !covers(sets, key)).map((key) => `${file}: ${key}`);
    });
    assert.deepEqual(missing, [], "keys a client component uses that its set leaves out (lib/i18n/client-messages.ts)");
  });

  it("name only files that run in the browser", () => {
    assert.deepEqual(
      Object.keys(SETS_OF).filter((file) => !files.includes(file)),
      [],
    );
  });

  it("name only keys that exist, and families that have members", () => {
    const all = [BASE_MESSAGES, SIGN_IN_MESSAGES, ANSWER_ERRORS, REVIEW_MESSAGES, ...SECTION_FORMS, ...Object.values(ADMIN_MESSAGES)];
    const unknown = all.flat().filter((entry) => (entry.endsWith("-*") ? ![...KEYS].some((key) => key.startsWith(entry.slice(0, -1))) : !KEYS.has(entry)));
    assert.deepEqual([...new Set(unknown)], []);
  });

  it("send a small part of the catalogue to a requester's question page", () => {
    const whole = JSON.stringify(messagesOf("en", [...KEYS] as unknown as TMessageSet)).length;
    for (const set of SECTION_FORMS) {
      const sent = JSON.stringify(messagesOf("en", set)).length;
      assert.ok(sent < whole / 4, `a question page is sent ${sent} of ${whole} characters of messages`);
    }
    assert.ok(JSON.stringify(messagesOf("en", BASE_MESSAGES)).length < 1000);
  });

  it("pick a language's own words, with English where it has none", () => {
    const german = messagesOf("de", SIGN_IN_MESSAGES);
    assert.deepEqual(Object.keys(german).sort(), [...SIGN_IN_MESSAGES].sort());
    assert.notEqual(german["signin-email-submit"], messagesOf("en", SIGN_IN_MESSAGES)["signin-email-submit"]);
  });
});
