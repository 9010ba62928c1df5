import Link from "next/link";

import type { ReactNode } from "react";

import { SECTION_IDS, contextOf, type TDraftAnswers, type TSectionId } from "@/lib/domain/request/sections";
import { formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import type { TTranslate } from "@/lib/i18n/translator";

import { type TAddedOnAppeal, AddedOnAppeal } from "./appeal-additions";
import { answerRows, changedAnswers, compactRows, type TAnswerRow } from "./answer-rows";
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
  /** For readers of many requests: a project's volumes on one row, the questions left empty named together at the end. */
  compact?: boolean;
  /**
   * A request recorded from the email era: only the questions it has answers to, so a question
   * nobody asked reads neither as unanswered nor, for a box, as "No".
   */
  recordedOnly?: boolean;
};

/** Every answer, grouped by criterion; with `changeBase`, each answer links to its question. */
export async function AnswersSummary({ answers, today, changeBase, headingLevel = 2, added, after, earlier, compact, recordedOnly }: Props) {
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
          <dl className={compact ? "summary-list summary-list--grid" : "summary-list"}>
            <SectionRows
              rows={answerRows(section, answers[section] ?? {}, context, t, formats).filter((row) => !recordedOnly || hasAnswer(answers[section]?.[row.field]))}
              changed={changes?.get(section)}
              reference={earlier?.reference ?? ""}
              change={changeBase ? `${changeBase}/${section}?from=check` : undefined}
              compact={compact}
              t={t}
              formats={formats}
            />
          </dl>
          <AddedOnAppeal added={added} section={section} headingLevel={headingLevel} t={t} formats={formats} />
          {after?.(section)}
        </section>
      ))}
    </>
  );
}

function hasAnswer(value: string | string[] | undefined) {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

type TRowsProps = {
  rows: TAnswerRow[];
  /** The answers that differ from the earlier request's, with its answer (null: it had none). */
  changed?: Map<string, TAnswerRow | null>;
  reference: string;
  /** Where each answer is changed, without its field's anchor. */
  change?: string;
  compact?: boolean;
  t: TTranslate;
  formats: string;
};

/** A section's rows of question and answer, in full or compact. */
function SectionRows({ rows, changed, reference, change, compact, t, formats }: TRowsProps) {
  const row = (row: TAnswerRow, wide?: boolean) => (
    <div className={wide ? "summary-list__row summary-list__row--wide" : "summary-list__row"} key={row.field}>
      <dt>{row.question}</dt>
      <dd dir={row.typed === "text" && row.answer.length > 0 ? "auto" : undefined}>
        <AnswerValue row={row} t={t} />
        {changed?.has(row.field) ? <EarlierAnswer t={t} reference={reference} before={changed.get(row.field) ?? null} /> : null}
      </dd>
      {change ? (
        <dd className="summary-list__action">
          <Link href={`${change}#${row.field}`}>
            {t("check-change")}
            <span className="visually-hidden"> {row.question}</span>
          </Link>
        </dd>
      ) : null}
    </div>
  );
  if (!compact) return rows.map((each) => row(each));
  return compactRows(rows, new Set(changed?.keys())).map((item) => {
    if (item.kind === "answer") return row(item.row, item.wide);
    if (item.kind === "group")
      return (
        <div className="summary-list__row" key={item.field}>
          <dt>{item.question}</dt>
          <dd>
            <ul className="plain-list">
              {item.parts.map(({ part, answer }) => (
                <li key={part}>
                  {part}: <bdi>{answer}</bdi>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      );
    return (
      <div className="summary-list__row summary-list__row--wide summary-list__row--unanswered" key="unanswered">
        <dt>{t("answer-none")}</dt>
        <dd>
          <details data-print-open="">
            <summary className="summary-list__toggle">
              {t("answers-unanswered-show", formatNumber(item.questions.length, formats), item.questions.length)}
            </summary>
            <ul className="inline-list">
              {item.questions.map((question) => (
                <li key={question}>{question}</li>
              ))}
            </ul>
          </details>
        </dd>
      </div>
    );
  });
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
