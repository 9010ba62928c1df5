import { Table } from "@/components/ui/table";
import { MIN_DECISIONS_FOR_TIMES, type TQuarter } from "@/lib/domain/figures/figures";
import type { TTargetShare } from "@/lib/domain/figures/targets";
import { formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

import { Figure, QuarterHeading, Row } from "./figure-parts";

export type TTargetFigures = { decisionDays: number; quarters: { bucket: TQuarter; figures: TTargetShare }[]; total: TTargetShare };

/** Per quarter of submission, the share of requests decided within the decision target: totals only, the table carrying every figure. */
export async function TargetFigures({ figures, period }: { figures: TTargetFigures; period: string }) {
  const { t, formats } = await getI18n();
  const number = (value: number) => formatNumber(value, formats);
  // As the page's other shares: German writes 25 %, with a no-break space.
  const percent = new Intl.NumberFormat(formats, { style: "percent", maximumFractionDigits: 0 });
  const share = (shares: TTargetShare) => (shares.share === undefined ? t("figures-too-few") : percent.format(shares.share));
  const cellsOf = (shares: TTargetShare) => [number(shares.within), number(shares.counted), share(shares)];
  const columns = [
    t("figures-col-quarter"),
    t("figures-target-col-within", figures.decisionDays),
    t("figures-target-col-counted"),
    t("figures-target-col-share"),
  ];
  return (
    <section aria-labelledby="figures-target">
      <h2 id="figures-target">{t("figures-target-title")}</h2>
      <p>{t("figures-target-intro", figures.decisionDays, MIN_DECISIONS_FOR_TIMES)}</p>
      <dl className="figures-glance">
        <Figure label={t("figures-target-share-in", period)} value={share(figures.total)} />
      </dl>
      <Table
        scrollable
        numbers
        stacked
        caption={t("figures-target-caption", period)}
        captionId="figures-target-caption"
        columns={columns}
        foot={<Row heading={t("figures-total")} cells={cellsOf(figures.total)} labels={columns.slice(1)} />}
      >
        {figures.quarters.map(({ bucket, figures: shares }) => (
          <Row key={bucket.key} heading={<QuarterHeading bucket={bucket} t={t} formats={formats} />} cells={cellsOf(shares)} labels={columns.slice(1)} />
        ))}
      </Table>
    </section>
  );
}
