import { promisedContributions } from "@/lib/domain/request/contributions";
import type { TDraftAnswers, TSectionContext, TSectionId } from "@/lib/domain/request/sections";
import type { TFormValues } from "@/lib/form-state";
import type { TContributionView } from "@/components/ui/contribution-list";
import { longDate } from "@/lib/i18n/format";
import { contributionKindLabel } from "@/lib/i18n/labels";
import type { TTranslate } from "@/lib/i18n/translator";

import type { TFieldSpec } from "./field-spec";
import { sectionFields } from "./section-spec";

/**
 * `typed`: the answer is the person's own words, a line (name, address, number) or a text, in
 * whichever direction they wrote. `contributions`: the answer is these promises, one a row.
 */
export type TAnswerRow = { field: string; question: string; answer: string[]; typed?: "line" | "text"; contributions?: TContributionView[] };

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
        case "group":
          return rows(spec.fields, `${t(spec.label)}: `);
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
