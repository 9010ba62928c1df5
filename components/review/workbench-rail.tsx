import type { ReactNode } from "react";

import { SECTION_IDS, type TSectionId } from "@/lib/domain/request/sections";
import { isSeverity, SEVERITY_LABEL } from "@/lib/i18n/flag-labels";
import { shortDate } from "@/lib/i18n/format";
import { SECTION_TITLE } from "@/lib/i18n/labels";
import type { TMessageKey, TParam, TTranslate } from "@/lib/i18n/translator";

type TPerson = { name: string | null; email: string | null } | null;
export type TScoredAssessment = {
  id: string;
  criterion: string;
  organisation: "WMF" | "WMDE";
  rating: string;
  note: string;
  updatedAt: Date;
  reviewer: TPerson;
};

export const RATING_LABEL: Record<string, TMessageKey> = {
  MET: "rating-met",
  PARTLY_MET: "rating-partly-met",
  NOT_MET: "rating-not-met",
  CANT_TELL: "rating-cant-tell",
};
const RATING_TONE: Record<string, string> = { MET: "tag--success", PARTLY_MET: "tag--warning", NOT_MET: "tag--error", CANT_TELL: "" };

/** Where an assessment's note is on the page, under its criterion's answers. */
export const assessmentAnchor = (id: string) => `assessment-${id}`;

/** The request's flags, each with its reason: red first, then warnings, then special considerations. */
export function FlagsCard({ t, flags }: { t: TTranslate; flags: { key: string; params: TParam[]; severity: string }[] }) {
  return (
    <section className="panel rail-card" aria-labelledby="flags-title">
      <h2 id="flags-title">
        {t("review-flags-title")} <span className="count">{flags.length}</span>
      </h2>
      {flags.length === 0 ? (
        <p>{t("review-flags-none")}</p>
      ) : (
        <ul className="flag-list">
          {flags.map((flag) => {
            const severity = isSeverity(flag.severity) ? SEVERITY_LABEL[flag.severity] : SEVERITY_LABEL.warning;
            return (
              <li key={flag.key + flag.params.join()}>
                <span className={`tag ${severity.tone}`}>{t(severity.label)}</span> {t(flag.key as TMessageKey, ...flag.params)}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * Six criteria by two organisations: each cell the rating, who gave it and when, linking to the
 * note under the criterion's answers.
 */
export function Scorecard({
  t,
  formats,
  assessments,
  person,
}: {
  t: TTranslate;
  formats: string;
  assessments: readonly TScoredAssessment[];
  person: (user: TPerson) => string;
}) {
  const cell = (criterion: TSectionId, organisation: "WMF" | "WMDE") => {
    const found = assessments.filter((assessment) => assessment.criterion === criterion && assessment.organisation === organisation);
    if (found.length === 0) return <span className="hint">{t("review-scorecard-none")}</span>;
    return found.map((assessment) => (
      <span key={assessment.id} className="scorecard__entry">
        <a href={`#${assessmentAnchor(assessment.id)}`} className={`tag ${RATING_TONE[assessment.rating] ?? ""}`}>
          {t(RATING_LABEL[assessment.rating] ?? "rating-cant-tell")}
        </a>
        {/* On one line each, cut short if need be: the note the rating links to names the reviewer in full. */}
        <span className="scorecard__who hint" title={person(assessment.reviewer)}>
          {person(assessment.reviewer)}
        </span>
        <span className="scorecard__when hint">{shortDate(assessment.updatedAt, formats)}</span>
      </span>
    ));
  };
  return (
    <div className="table-wrap">
      <table className="table scorecard">
        <caption>{t("review-scorecard-title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("review-scorecard-criterion")}</th>
            <th scope="col">{t("review-org-wmf")}</th>
            <th scope="col">{t("review-org-wmde")}</th>
          </tr>
        </thead>
        <tbody>
          {SECTION_IDS.map((criterion) => (
            <tr key={criterion}>
              <th scope="row">
                <a href={`#section-${criterion}`}>{t(SECTION_TITLE[criterion])}</a>
              </th>
              <td>{cell(criterion, "WMF")}</td>
              <td>{cell(criterion, "WMDE")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Who holds the request, and what this reviewer can do next: the primary step first. */
export function NextSteps({ t, holder, release, children }: { t: TTranslate; holder: string | null; release?: ReactNode; children: ReactNode }) {
  return (
    <section className="panel rail-card rail-card--actions" aria-labelledby="next-title">
      <h2 id="next-title">{t("review-next-title")}</h2>
      <div className="next-steps__holder">
        <p>{holder ? t("review-assigned-to", holder) : t("review-not-assigned")}</p>
        {release}
      </div>
      {children}
    </section>
  );
}

/**
 * Under a criterion's answers: the rating each organisation gave it, in one line, with the notes
 * (who wrote each, and when) behind it; a rating in the scorecard opens its note. `form` is the
 * reviewer's own assessment, closed until wanted.
 */
export function CriterionAssessments({
  t,
  formats,
  assessments,
  person,
  form,
}: {
  t: TTranslate;
  formats: string;
  assessments: readonly TScoredAssessment[];
  person: (user: TPerson) => string;
  form?: ReactNode;
}) {
  const ratings = assessments.map((assessment, index) => (
    <span key={assessment.id} className="assessment-rating">
      {index > 0 ? " · " : null}
      <span className="tag">{t(assessment.organisation === "WMF" ? "review-org-wmf" : "review-org-wmde")}</span>{" "}
      <span className={`tag ${RATING_TONE[assessment.rating] ?? ""}`}>{t(RATING_LABEL[assessment.rating] ?? "rating-cant-tell")}</span>
    </span>
  ));
  const notes = assessments.filter((assessment) => assessment.note.trim() !== "").length;
  return (
    <div className="assessments">
      {assessments.length === 0 ? (
        <p className="hint">{t("review-assessments-none")}</p>
      ) : (
        <details className="disclosure assessment-notes" data-print-open="">
          <summary>
            <span className="assessment-ratings">{ratings}</span>{" "}
            <span className="no-print">{notes > 0 ? t("review-assessments-read", notes) : t("review-assessments-who")}</span>
          </summary>
          <ul className="plain-list">
            {assessments.map((assessment) => (
              <li key={assessment.id} id={assessmentAnchor(assessment.id)} className="assessment">
                <span className="tag">{t(assessment.organisation === "WMF" ? "review-org-wmf" : "review-org-wmde")}</span>{" "}
                <strong>{t(RATING_LABEL[assessment.rating] ?? "rating-cant-tell")}</strong> –{" "}
                {t("review-scorecard-by", person(assessment.reviewer), shortDate(assessment.updatedAt, formats))}
                {assessment.note ? (
                  <span className="assessment-note pre-line" dir="auto">
                    {assessment.note}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      )}
      {form}
    </div>
  );
}
