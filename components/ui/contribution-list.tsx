import type { TTranslate } from "@/lib/i18n/translator";

/** A contribution as a reader sees it: its kind named, its date written out ("" when ongoing). */
export type TContributionView = { kind: string; description: string; link?: string; expectedBy: string };

type Props = {
  rows: readonly TContributionView[];
  t: TTranslate;
  /** Where each one stands, when that is known. */
  status?: (index: number) => string;
  /** Whether to say when each is expected; the public register does not. */
  dates?: boolean;
};

/** Contributions, one item each: kind, the words of the promise, the link, and when it is expected. */
export function ContributionList({ rows, t, status, dates = true }: Props) {
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
          {dates ? <span className="hint">{row.expectedBy ? t("contribution-expected-by", row.expectedBy) : t("contribution-ongoing")}</span> : null}
        </li>
      ))}
    </ul>
  );
}
