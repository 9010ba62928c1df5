import { promisedContributions } from "@/lib/domain/request/contributions";
import { contextOf, SECTION_IDS, type TDraftAnswers, type TSectionContext, type TSectionId } from "@/lib/domain/request/sections";
import type { TFormValues } from "@/lib/form-state";
import type { TContributionView } from "@/components/ui/contribution-list";
import { decimalNumber, wholeNumber } from "@/lib/domain/request/fields";
import { formatNumber, longDate } from "@/lib/i18n/format";
import { contributionKindLabel } from "@/lib/i18n/labels";
import type { TTranslate } from "@/lib/i18n/translator";

import type { TFieldSpec } from "./field-spec";
import { sectionFields } from "./section-spec";

/**
 * `typed`: the answer is the person's own words, a line (name, address, number) or a text, in
 * whichever direction they wrote. `contributions`: the answer is these promises, one a row.
 * `group`: the question is one of a set asked together (a project's volumes), `part` its own words.
 */
export type TAnswerRow = {
  field: string;
  question: string;
  answer: string[];
  typed?: "line" | "text";
  contributions?: TContributionView[];
  group?: { field: string; label: string; part: string };
};

const NUMBERS = { numeric: wholeNumber(Number.MAX_SAFE_INTEGER), decimal: decimalNumber(Number.MAX_SAFE_INTEGER) };

/**
 * A section's answers as question and answer pairs in reading order, with choices named in the
 * reader's language. Questions revealed by a choice appear only when that choice was made.
 */
export function answerRows(section: TSectionId, saved: TFormValues, context: TSectionContext, t: TTranslate, formats: string): TAnswerRow[] {
  const countries = new Intl.DisplayNames([formats], { type: "region" });
  const list = (name: string) => {
    const value = saved[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };

  function rows(fields: TFieldSpec[], prefix = ""): TAnswerRow[] {
    return fields.flatMap((spec): TAnswerRow[] => {
      const question = prefix + t(spec.label);
      switch (spec.kind) {
        case "group": {
          const label = t(spec.label);
          return rows(spec.fields, `${label}: `).map((row) => ({ ...row, group: { field: spec.name, label, part: row.question.slice(label.length + 2) } }));
        }
        case "radios":
        case "checkboxes": {
          const chosen = spec.options.filter((option) => list(spec.name).includes(option.value));
          return [
            { field: spec.name, question, answer: chosen.map((option) => t(option.label)) },
            ...chosen.flatMap((option) => rows(option.reveals ?? [], prefix)),
            ...(spec.shared && chosen.some((option) => spec.shared?.for.includes(option.value)) ? rows(spec.shared.fields, prefix) : []),
          ];
        }
        case "contributions": {
          if (list("noContributions").includes("yes")) return [{ field: spec.name, question, answer: [t("field-no-contributions")] }];
          const contributions = contributionViews({ obligation: saved }, t, formats);
          return [{ field: spec.name, question, answer: contributions.map((row) => row.description), contributions }];
        }
        case "checkbox":
          return [{ field: spec.name, question, answer: [list(spec.name).some((v) => ["yes", "on", "true"].includes(v)) ? t("answer-yes") : t("answer-no")] }];
        case "select": {
          const code = list(spec.name)[0];
          return [{ field: spec.name, question, answer: code ? [safely(() => countries.of(code)) ?? code] : [] }];
        }
        case "date": {
          const value = list(spec.name)[0]?.trim();
          return [{ field: spec.name, question, answer: value ? [safely(() => longDate(value, formats)) ?? value] : [] }];
        }
        case "number": {
          // A number reads in the reader's way (1,000,000 or 1.000.000) however it was typed; one that does not parse, as typed.
          const value = list(spec.name)[0]?.trim();
          const parsed = NUMBERS[spec.inputMode === "decimal" ? "decimal" : "numeric"].safeParse(value);
          const number = parsed.success && parsed.data !== undefined ? formatNumber(parsed.data, formats) : value;
          return [{ field: spec.name, question, answer: number ? [number] : [], typed: "line" }];
        }
        default: {
          const value = list(spec.name)[0]?.trim();
          return [{ field: spec.name, question, answer: value ? value.split(/\r?\n/).filter(Boolean) : [], typed: spec.kind === "textarea" ? "text" : "line" }];
        }
      }
    });
  }

  return rows(sectionFields(section, context));
}

/** A request's promises, ready to show: the rows with a known kind and a description, in their order. */
export function contributionViews(answers: TDraftAnswers, t: TTranslate, formats: string): TContributionView[] {
  return promisedContributions(answers).map((row) => ({
    kind: contributionKindLabel(t, row.kind),
    description: row.description,
    link: row.link,
    expectedBy: row.expectedBy ? (safely(() => longDate(row.expectedBy ?? "", formats)) ?? row.expectedBy) : "",
  }));
}

function safely<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}

/**
 * Per section, the answers that differ from the earlier request's, by field: the earlier row, or
 * null for a question the earlier request did not answer. Compared as they read: choices in the
 * order the form lists them, text without the spaces around it, numbers without their separators.
 */
export function changedAnswers(answers: TDraftAnswers, earlier: TDraftAnswers, today: string, t: TTranslate, formats: string) {
  const now = contextOf(answers, today);
  const then = contextOf(earlier, today);
  const changes = new Map<TSectionId, Map<string, TAnswerRow | null>>();
  for (const section of SECTION_IDS) {
    const before = new Map(answerRows(section, earlier[section] ?? {}, then, t, formats).map((row) => [row.field, row]));
    const changed = new Map<string, TAnswerRow | null>();
    for (const row of answerRows(section, answers[section] ?? {}, now, t, formats)) {
      const previous = before.get(row.field);
      if (!previous) {
        if (row.answer.length > 0) changed.set(row.field, null);
      } else if (readsAs(previous) !== readsAs(row)) {
        changed.set(row.field, previous);
      }
    }
    changes.set(section, changed);
  }
  return changes;
}

/** A whole number written with thousands separators (1,000,000 or 1 000 000) reads as the same number without them. */
const GROUPED = /^\d{1,3}(?:[,\s\u00a0\u202f'’]\d{3})+$/;
function readsAs(row: TAnswerRow) {
  const lines = row.answer.map((line) => (GROUPED.test(line.trim()) ? line.replace(/\D/g, "") : line.trim()));
  return JSON.stringify([lines, row.contributions ?? []]);
}

/**
 * A section's answers for a reader who reads many requests: the questions asked together (a
 * project's volumes) on one row each, and the questions left empty named together at the end.
 * An answer in `keep` (one that changed since an earlier request) keeps a row of its own. A row is
 * `wide` when it would read badly in half the width: a long question, a long or many-line answer,
 * promises, a changed answer with its earlier one, the list of empty questions.
 */
export type TCompactRow = { wide: boolean } & (
  | { kind: "answer"; row: TAnswerRow }
  | { kind: "group"; field: string; question: string; parts: { part: string; answer: string }[] }
  | { kind: "unanswered"; questions: string[] }
);

/** Characters a question or answer may have and still read well in a half-width row. */
export const HALF_WIDTH_QUESTION = 80;
export const HALF_WIDTH_ANSWER = 60;

export function compactRows(rows: TAnswerRow[], keep: ReadonlySet<string> = new Set()): TCompactRow[] {
  const kept = (row: TAnswerRow) => keep.has(row.field);
  const groupsWithChanges = new Set(rows.filter((row) => row.group && kept(row)).map((row) => row.group?.field));
  const compact: TCompactRow[] = [];
  const unanswered: string[] = [];
  for (const row of rows) {
    const group = row.group && !groupsWithChanges.has(row.group.field) ? row.group : undefined;
    if (row.answer.length === 0 && !row.contributions?.length && !kept(row)) {
      unanswered.push(row.question);
    } else if (group) {
      const last = compact.at(-1);
      const part = { part: group.part, answer: row.answer.join(", ") };
      if (last?.kind === "group" && last.field === group.field) last.parts.push(part);
      else compact.push({ kind: "group", field: group.field, question: group.label, parts: [part], wide: false });
    } else {
      const wide =
        kept(row) ||
        Boolean(row.contributions?.length) ||
        row.question.length > HALF_WIDTH_QUESTION ||
        row.answer.length > 3 ||
        row.answer.some((line) => line.length > HALF_WIDTH_ANSWER);
      compact.push({ kind: "answer", row, wide });
    }
  }
  return unanswered.length ? [...compact, { kind: "unanswered", questions: unanswered, wide: true }] : compact;
}
