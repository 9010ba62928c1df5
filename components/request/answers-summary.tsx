import Link from "next/link";

import type { ReactNode } from "react";

import { SECTION_IDS, contextOf, type TDraftAnswers, type TSectionId } from "@/lib/domain/request/sections";
import { getI18n } from "@/lib/i18n/server";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import type { TTranslate } from "@/lib/i18n/translator";

import { type TAddedOnAppeal, AddedOnAppeal } from "./appeal-additions";
import { answerRows, changedAnswers, type TAnswerRow } from "./answer-rows";
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
  /** The request this one starts from: each answer that differs from it is marked, its earlier value a click away. */
  earlier?: { reference: string; answers: TDraftAnswers } | null;
};

/** Every answer, grouped by criterion; with `changeBase`, each answer links to its question. */
export async function AnswersSummary({ answers, today, changeBase, headingLevel = 2, added, after, earlier }: Props) {
  const { t, formats } = await getI18n();
  const context = contextOf(answers, today);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const changes = earlier ? changedAnswers(answers, earlier.answers, today, t, formats) : undefined;
  return (
    <>
      {SECTION_IDS.map((section) => (
        <section key={section} aria-labelledby={`section-${section}`} className="summary-section">
          <Heading id={`section-${section}`}>{t(SECTION_TITLE[section])}</Heading>
          {earlier && changes ? (
            <p className="hint">
              {changes.get(section)?.size
                ? t("review-answers-changed-count", changes.get(section)?.size ?? 0, earlier.reference)
                : t("review-answers-unchanged", earlier.reference)}
            </p>
          ) : null}
          <dl className="summary-list">
            {answerRows(section, answers[section] ?? {}, context, t, formats).map((row) => (
              <div className="summary-list__row" key={row.field}>
                <dt>{row.question}</dt>
                <dd dir={row.typed === "text" && row.answer.length > 0 ? "auto" : undefined}>
                  <AnswerValue row={row} t={t} />
                  {changes?.get(section)?.has(row.field) ? (
                    <EarlierAnswer t={t} reference={earlier?.reference ?? ""} before={changes.get(section)?.get(row.field) ?? null} />
                  ) : null}
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

/** One answer as it reads: a list of promises, the person's own words, or the chosen options. */
function AnswerValue({ row, t }: { row: TAnswerRow; t: TTranslate }) {
  if (row.contributions?.length) return <ContributionList rows={row.contributions} t={t} />;
  if (row.answer.length === 0) return <span className="hint">{t("answer-none")}</span>;
  if (row.answer.length === 1) return row.typed === "line" ? <bdi>{row.answer[0]}</bdi> : row.answer[0];
  return (
    <ul>
      {row.answer.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one answer, which may repeat, in their order
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

/** Marks an answer that differs from the earlier request's, with that answer behind a disclosure. */
function EarlierAnswer({ t, reference, before }: { t: TTranslate; reference: string; before: TAnswerRow | null }) {
  return (
    <details className="earlier-answer">
      <summary>
        <span className="tag tag--warning">{t(before ? "review-answers-changed-tag" : "review-answers-new-tag")}</span>{" "}
        {t("review-answers-earlier-show", reference)}
      </summary>
      <div>{before ? <AnswerValue row={before} t={t} /> : <span className="hint">{t("review-answers-earlier-none", reference)}</span>}</div>
    </details>
  );
}
