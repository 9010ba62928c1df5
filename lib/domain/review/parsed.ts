import {
  contextOf,
  SECTION_IDS,
  sectionSchema,
  type TDraftAnswers,
  type TMissionSection,
  type TNeedSection,
  type TObligationSection,
  type TValuesSection,
  type TWhatSection,
  type TWhoSection,
} from "@/lib/domain/request/sections";

/** The typed answers of every section that passes its rules; a section that does not is left out. */
export type TParsedAnswers = {
  who?: TWhoSection;
  what?: TWhatSection;
  need?: TNeedSection;
  obligation?: TObligationSection;
  mission?: TMissionSection;
  values?: TValuesSection;
};

/**
 * Reads the raw answers through the form's own schemas, so review rules work on typed values.
 * `today` is the day the start date is checked against: pass the day the request was submitted,
 * or a start date that has since passed would leave the obligation section out.
 */
export function parseAnswers(answers: TDraftAnswers, today: string): TParsedAnswers {
  const context = contextOf(answers, today);
  const parsed: Record<string, unknown> = {};
  for (const section of SECTION_IDS) {
    const saved = answers[section];
    if (!saved) continue;
    const result = sectionSchema(section, context).safeParse(saved);
    if (result.success) parsed[section] = result.data;
  }
  return parsed as TParsedAnswers;
}
