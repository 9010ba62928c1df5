// Every message key the code uses is in i18n/en.json, and every key there is used. Most keys are
// written out; the rest are built from a prefix and a value, and FAMILIES below says which values
// each built pattern takes. A pattern the table does not know fails the test, so it cannot go stale.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import * as OPTIONS from "@/lib/domain/request/options";
import { FREE_METHODS, PROJECTS } from "@/lib/domain/request/options";
import { SECTION_IDS } from "@/lib/domain/request/sections";
import { APIS, REQUESTER_KINDS } from "@/lib/domain/request/options";
import { HUMAN_RIGHTS_OUTCOMES, RECOMMENDATIONS, SNAPSHOT_FREQUENCIES, WITHDRAWAL_REASONS } from "@/lib/domain/review/decisions";

const ROOTS = ["app", "components", "lib", "prisma"];
const en = JSON.parse(readFileSync("i18n/en.json", "utf8")) as Record<string, unknown>;
const KEYS = new Set(Object.keys(en).filter((key) => key !== "@metadata"));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const SOURCES = ROOTS.flatMap(sourceFiles).map((file) => ({ file, text: readFileSync(file, "utf8") }));

const kebab = (value: string) => value.toLowerCase().replace(/_/g, "-");
const family = (prefix: string, values: readonly string[], suffix = "") => values.map((value) => `${prefix}-${kebab(value)}${suffix}`);

/** Each pattern as the code builds it (a `${…}` is a `*`), with the keys it can produce. */
const FAMILIES: Record<string, string[]> = {
  "check-error-incomplete-*": family("check-error-incomplete", SECTION_IDS),
  "request-answer-error-*": family("request-answer-error", SECTION_IDS),
  "field-volume-*-legend": family("field-volume", PROJECTS, "-legend"),
  "option-free-method-*": family("option-free-method", FREE_METHODS),
  "field-free-method-*-hint": family("field-free-method", FREE_METHODS, "-hint"),
  "field-method-shortfall-*": family("field-method-shortfall", FREE_METHODS),
  "error-method-use-*": family("error-method-use", FREE_METHODS),
  "error-method-shortfall-*": family("error-method-shortfall", FREE_METHODS),
  "error-volume-*-*": [...family("error-volume-requests", PROJECTS), ...family("error-volume-snapshots", PROJECTS)],
  "scope-api-*": family("scope-api", APIS),
  "option-requester-kind-*": family("option-requester-kind", REQUESTER_KINDS),
  "snapshot-frequency-*": family("snapshot-frequency", SNAPSHOT_FREQUENCIES),
  "recommendation-*": family("recommendation", RECOMMENDATIONS),
  "human-rights-*": family("human-rights", HUMAN_RIGHTS_OUTCOMES),
  "withdraw-reason-*": family("withdraw-reason", WITHDRAWAL_REASONS),
  // The helpers option("prefix", value) and options(VALUES, "prefix"): their calls are read below.
  "*-*": [],
};

/** Template literals used as message keys: cast to a key type, passed to key() or t(), or given as a zod issue's message. */
const DYNAMIC_KEY = /(?:\bkey\(|\bt\(|\bmessage:\s*)`([^`]*\$\{[^`]*)`|`([^`]*\$\{[^`]*)`\s*as\s+(?:TMessageKey|TFieldError\["key"\])/g;

function dynamicPatterns() {
  return SOURCES.flatMap(({ file, text }) =>
    [...text.matchAll(DYNAMIC_KEY)].map((match) => ({ file, pattern: (match[1] ?? match[2]!).replace(/\$\{[^}]*\}/g, "*") })),
  );
}

/** Keys named through the prefix helpers: options(REQUESTER_KINDS, "option-requester-kind") declares a family, option("option-api", value) uses one. */
function helperFamilies() {
  const declared = new Map<string, string[]>();
  const used: { file: string; prefix: string }[] = [];
  for (const { file, text } of SOURCES) {
    for (const [, list, prefix] of text.matchAll(/\boptions\((\w+),\s*"([a-z-]+)"/g)) {
      const values = (OPTIONS as Record<string, unknown>)[list!];
      assert.ok(Array.isArray(values), `${file}: options(${list}, …) names no list in lib/domain/request/options.ts`);
      declared.set(prefix!, family(prefix!, values as string[]));
    }
    for (const [, prefix] of text.matchAll(/\boption\("([a-z-]+)",/g)) used.push({ file, prefix: prefix! });
  }
  return { declared, used };
}

function literalKeys() {
  const used = new Set<string>();
  for (const { text } of SOURCES) {
    for (const [, literal] of text.matchAll(/["'`]([a-z][a-z0-9]*(?:-[a-z0-9]+)+)["'`]/g)) if (KEYS.has(literal!)) used.add(literal!);
  }
  return used;
}

describe("message keys in the code", () => {
  const patterns = dynamicPatterns();
  const helpers = helperFamilies();

  it("build keys only in patterns whose values are known", () => {
    const unknown = patterns.filter(({ pattern }) => !(pattern in FAMILIES));
    assert.deepEqual(unknown, [], "a key built in a new way: add its pattern and values to FAMILIES in lib/i18n/keys.test.ts");
    const seen = new Set(patterns.map(({ pattern }) => pattern));
    assert.deepEqual(
      Object.keys(FAMILIES).filter((pattern) => !seen.has(pattern)),
      [],
      "patterns in FAMILIES that the code no longer builds",
    );
    const undeclared = helpers.used.filter(({ prefix }) => !helpers.declared.has(prefix));
    assert.deepEqual(undeclared, [], "option(prefix, …) with a prefix no options(…) call declares");
  });

  it("use only keys that are in en.json", () => {
    const built = [...Object.values(FAMILIES).flat(), ...[...helpers.declared.values()].flat()];
    assert.deepEqual(
      built.filter((key) => !KEYS.has(key)),
      [],
      "keys the code can build that en.json lacks",
    );
    // Zod messages are plain strings (lib/form-state.ts reads "error-…" as a key), so TypeScript cannot check them.
    const errors = SOURCES.flatMap(({ file, text }) =>
      [...text.matchAll(/["'`](error-[a-z0-9-]+)["'`|]/g)]
        .map((match) => match[1]!)
        .filter((key) => !KEYS.has(key) && !file.endsWith("error-summary.tsx"))
        .map((key) => `${file}: ${key}`),
    );
    assert.deepEqual(errors, [], "error messages missing from en.json");
    const called = SOURCES.flatMap(({ file, text }) =>
      [...text.matchAll(/\bt\("([^"]+)"/g)]
        .map((match) => match[1]!)
        .filter((key) => !KEYS.has(key))
        .map((key) => `${file}: ${key}`),
    );
    assert.deepEqual(called, [], "t() called with keys missing from en.json");
  });

  it("leave no key in en.json unused", () => {
    const used = new Set([...literalKeys(), ...Object.values(FAMILIES).flat(), ...[...helpers.declared.values()].flat()]);
    assert.deepEqual(
      [...KEYS].filter((key) => !used.has(key)),
      [],
      "keys in en.json that no code uses: remove them (and from qqq.json and every translation)",
    );
  });
});
