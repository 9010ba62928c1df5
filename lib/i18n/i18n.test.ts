import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { linkTargets } from "./links";
import { LANGUAGES } from "./locales";
import { AVAILABLE_LANGUAGES, messagesFor } from "./messages";
import { createTranslator } from "./translator";

type TFile = Record<string, unknown>;
const read = (name: string) => JSON.parse(readFileSync(`i18n/${name}.json`, "utf8")) as TFile;
const messagesOf = (file: TFile) => Object.fromEntries(Object.entries(file).filter(([key]) => key !== "@metadata")) as Record<string, string>;

const en = messagesOf(read("en"));
const qqq = messagesOf(read("qqq"));
/** Every translation in i18n/, whether or not it is loaded yet. */
const TRANSLATIONS = readdirSync("i18n")
  .filter((name) => name.endsWith(".json") && !["en.json", "qqq.json"].includes(name))
  .map((name) => name.replace(/\.json$/, ""));

/** The parameters a message uses: $1, $2… */
const parameters = (text: string) => [...new Set([...text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])))].sort((a, b) => a - b);

/** What is wrong with a message's {{…}} constructs, as MediaWiki reads them; empty when nothing. */
function syntaxProblems(text: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  for (const [brace] of text.matchAll(/\{\{|\}\}/g)) {
    depth += brace === "{{" ? 1 : -1;
    if (depth < 0) problems.push("a }} without its {{");
  }
  if (depth > 0) problems.push("a {{ without its }}");
  for (const match of text.matchAll(/\{\{\s*([^:|}]+)\s*:([^}]*)\}\}/g)) {
    const [name, body] = [match[1]!.trim().toUpperCase(), match[2]!];
    if (!["PLURAL", "GENDER", "FORMATNUM"].includes(name)) problems.push(`unknown {{${name}:…}}`);
    if (name === "FORMATNUM" && !/^\$\d+$/.test(body.trim())) problems.push("{{formatnum:…}} takes one parameter");
    if (name === "PLURAL" || name === "GENDER") {
      const [subject, ...forms] = body.split("|");
      if (!/^\$\d+$/.test(subject!.trim())) problems.push(`{{${name}:…}} must start with a parameter, like {{${name}:$1|…}}`);
      if (forms.length < 2) problems.push(`{{${name}:…}} needs at least two forms`);
    }
  }
  try {
    createTranslator("en", { message: text })("message" as never, 1, 2, 3, 4, 5, 6);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return problems;
}

describe("message files", () => {
  it("document every message in qqq.json, and nothing else", () => {
    assert.deepEqual(Object.keys(qqq).sort(), Object.keys(en).sort());
    for (const [key, doc] of Object.entries(qqq)) assert.ok(typeof doc === "string" && doc.length > 10, `qqq.json documents ${key}`);
  });

  it("write PLURAL, GENDER and formatnum as MediaWiki does, in English", () => {
    const broken = Object.entries(en).flatMap(([key, text]) => syntaxProblems(text).map((problem) => `${key}: ${problem}`));
    assert.deepEqual(broken, []);
  });

  for (const code of TRANSLATIONS) {
    const translation = messagesOf(read(code));
    const complete = code in LANGUAGES && LANGUAGES[code as keyof typeof LANGUAGES].coverage === "full";

    describe(`i18n/${code}.json`, () => {
      it("is a language of lib/i18n/locales.ts, loaded by lib/i18n/messages.ts", () => {
        assert.ok(code in LANGUAGES, `add ${code} to LANGUAGES in lib/i18n/locales.ts`);
        assert.ok((AVAILABLE_LANGUAGES as string[]).includes(code), `add ${code}.json to FILES in lib/i18n/messages.ts`);
      });

      it("has no message English lacks", () => {
        assert.deepEqual(
          Object.keys(translation).filter((key) => !(key in en)),
          [],
        );
      });

      if (complete) {
        it("translates every message, as a language covering every page must", () => {
          assert.deepEqual(
            Object.keys(en).filter((key) => !(key in translation)),
            [],
          );
        });
      }

      it("keeps each message's parameters, neither dropping nor adding any", () => {
        const changed = Object.entries(translation)
          .filter(([key, text]) => key in en && parameters(text).join() !== parameters(en[key]!).join())
          .map(
            ([key, text]) =>
              `${key}: English ${
                parameters(en[key]!)
                  .map((n) => `$${n}`)
                  .join(" ") || "none"
              }, ${code} ${
                parameters(text)
                  .map((n) => `$${n}`)
                  .join(" ") || "none"
              }`,
          );
        assert.deepEqual(changed, []);
      });

      it("never breaks a line between a number and its percent sign", () => {
        const breakable = Object.entries(translation).flatMap(([key, text]) => (/\s%/u.test(text.replace(/\u00a0%/gu, "")) ? [key] : []));
        assert.deepEqual(breakable, [], "a space before % is a no-break space (U+00A0)");
      });

      it("links to the same addresses as English, in [https://… words] links", () => {
        const moved = Object.entries(translation)
          .filter(([key, text]) => key in en && linkTargets(text).join() !== linkTargets(en[key]!).join())
          .map(([key]) => key);
        assert.deepEqual(moved, []);
      });

      it("writes PLURAL, GENDER and formatnum as MediaWiki does", () => {
        const broken = Object.entries(translation).flatMap(([key, text]) => syntaxProblems(text).map((problem) => `${key}: ${problem}`));
        assert.deepEqual(broken, []);
      });

      it("renders every message with its parameters filled in, in the singular and the plural", () => {
        const t = createTranslator(code, messagesFor(code as keyof typeof LANGUAGES));
        for (const count of [1, 7]) {
          for (const key of Object.keys(translation)) {
            const text = t(key as never, ...Array.from({ length: 6 }, () => count));
            assert.doesNotMatch(text, /\{\{|\}\}|\$\d/, `${key} with ${count}`);
          }
        }
      });
    });
  }
});

describe("the translator", () => {
  it("fills in parameters, plural forms and formatted numbers", () => {
    const t = createTranslator("en", { a: "Works for $1 {{PLURAL:$1|minute|minutes}}.", b: "Up to {{formatnum:$1}}" });
    assert.equal(t("a" as never, 1), "Works for 1 minute.");
    assert.equal(t("a" as never, 60), "Works for 60 minutes.");
    assert.equal(t("b" as never, 250000), "Up to 250,000");
    assert.equal(createTranslator("de", { b: "Bis zu {{formatnum:$1}}" })("b" as never, 250000), "Bis zu 250.000");
  });

  it("speaks German in German", () => {
    const t = createTranslator("de", messagesFor("de"));
    assert.equal(t("queue-age-days", 1), "1 Tag");
    assert.equal(t("queue-age-days", 3), "3 Tage");
    assert.equal(t("error-too-long", 5000), "Kürzen Sie diese Antwort auf höchstens 5.000 Zeichen");
  });

  it("shows keys in the debug language qqx, with the parameters English uses", () => {
    const t = createTranslator("qqx", messagesFor("qqx"));
    assert.equal(t("app-name"), "(app-name)");
    assert.equal(t("request-title", "EA-2026-0042"), "(request-title: EA-2026-0042)");
    assert.equal(t("decision-outcome-granted", "Ada", "1 May"), "(decision-outcome-granted: Ada, 1 May)");
  });
});
