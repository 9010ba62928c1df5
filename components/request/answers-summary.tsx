import Link from "next/link";

import type { ReactNode } from "react";

import { SECTION_IDS, contextOf, type TDraftAnswers, type TSectionId } from "@/lib/domain/request/sections";
import { getI18n } from "@/lib/i18n/server";
import { SECTION_TITLE } from "@/lib/i18n/labels";

import { type TAddedOnAppeal, AddedOnAppeal } from "./appeal-additions";
import { answerRows } from "./answer-rows";
import { ContributionList } from "@/components/ui/contribution-list";

type Props = {
  answers: TDraftAnswers;
  today: string;
  changeBase?: string;
  headingLevel?: 2 | 3;
  /** What an appeal added to the answers, shown under each section it added to. */
  added?: TAddedOnAppeal;
  /** Extra content shown under each section's answers (reviewers' assessments). */
  after?: (section: TSectionId) => ReactNode;
};

/** Every answer, grouped by criterion; with `changeBase`, each answer links to its question. */
export async function AnswersSummary({ answers, today, changeBase, headingLevel = 2, added, after }: Props) {
  const { t, formats } = await getI18n();
  const context = contextOf(answers, today);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      {SECTION_IDS.map((section) => (
        <section key={section} aria-labelledby={`section-${section}`} className="summary-section">
          <Heading id={`section-${section}`}>{t(SECTION_TITLE[section])}</Heading>
          <dl className="summary-list">
            {answerRows(section, answers[section] ?? {}, context, t, formats).map((row) => (
              <div className="summary-list__row" key={row.field}>
                <dt>{row.question}</dt>
                <dd dir={row.typed === "text" && row.answer.length > 0 ? "auto" : undefined}>
                  {row.contributions?.length ? (
                    <ContributionList rows={row.contributions} t={t} />
                  ) : row.answer.length === 0 ? (
                    <span className="hint">{t("answer-none")}</span>
                  ) : row.answer.length === 1 ? (
                    row.typed === "line" ? (
                      <bdi>{row.answer[0]}</bdi>
                    ) : (
                      row.answer[0]
                    )
                  ) : (
                    <ul>
                      {row.answer.map((line, index) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one answer, which may repeat, in their order
                        <li key={index}>{line}</li>
                      ))}
                    </ul>
                  )}
                </dd>
                {changeBase ? (
                  <dd className="summary-list__action">
                    <Link href={`${changeBase}/${section}?from=check#${row.field}`}>
                      {t("check-change")}
                      <span className="visually-hidden"> {row.question}</span>
                    </Link>
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
          <AddedOnAppeal added={added} section={section} headingLevel={headingLevel} t={t} formats={formats} />
          {after?.(section)}
        </section>
      ))}
    </>
  );
}
