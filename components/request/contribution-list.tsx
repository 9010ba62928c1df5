import type { TTranslate } from "@/lib/i18n/translator";

import type { TContributionView } from "./answer-rows";

/** Promised contributions, one item each: kind, the requester's words, the link, and when it is expected. */
export function ContributionList({ rows, t, status }: { rows: readonly TContributionView[]; t: TTranslate; status?: (index: number) => string }) {
  return (
    <ul className="contribution-list">
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the promises of one answer, in their order
        <li key={index} className="contribution-list__item">
          <strong>{row.kind}</strong>
          {status ? <span className="contribution-list__status"> ({status(index)})</span> : null}
          <span className="contribution-list__description" dir="auto">
            {row.description}
          </span>
          {row.link ? (
            <a href={row.link} dir="ltr" className="contribution-list__link">
              {row.link}
            </a>
          ) : null}
          <span className="hint">{row.expectedBy ? t("contribution-expected-by", row.expectedBy) : t("contribution-ongoing")}</span>
        </li>
      ))}
    </ul>
  );
}
