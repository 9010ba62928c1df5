import { Table } from "@/components/ui/table";
import type { TQuarter } from "@/lib/domain/figures/figures";
import type { TQuarterValue } from "@/lib/domain/figures/in-kind";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

import { Figure, QuarterHeading, Row } from "./figure-parts";

export type TValueFigures = {
  quarters: { bucket: TQuarter; value: TQuarterValue }[];
  total: TQuarterValue;
  active: { grants: number; monthlyCents: number; termCents: number; incomplete: number };
  contributions: { delivered: number; promised: number; share?: number };
};

/**
 * What the programme gives and gets back, in totals: the estimated in-kind value of the grants
 * active today and of those decided in each quarter, and the share of promised contributions
 * delivered. The table carries every figure as text.
 */
export async function InKindFigures({ figures, period }: { figures: TValueFigures; period: string }) {
  const { t, formats } = await getI18n();
  const money = (cents: number) => formatMoney(cents, formats);
  const number = (value: number) => formatNumber(value, formats);
  const percent = new Intl.NumberFormat(formats, { style: "percent", maximumFractionDigits: 0 });
  const { contributions } = figures;
  const columns = [t("figures-col-quarter"), t("figures-value-col-grants"), t("figures-value-col-term")];
  const incomplete = figures.total.incomplete + figures.active.incomplete;
  return (
    <section aria-labelledby="figures-value">
      <h2 id="figures-value">{t("figures-value-title")}</h2>
      <dl className="figures-glance">
        <Figure label={t("figures-value-active-month")} value={money(figures.active.monthlyCents)} />
        <Figure label={t("figures-value-active-term")} value={money(figures.active.termCents)} />
        <Figure label={t("figures-value-granted-in", period)} value={money(figures.total.termCents)} />
        <Figure
          label={t("figures-contributions-delivered")}
          value={
            contributions.share === undefined
              ? t("figures-contributions-none")
              : t("figures-contributions-share", percent.format(contributions.share), number(contributions.delivered), number(contributions.promised))
          }
        />
      </dl>
      {incomplete > 0 ? <p className="hint">{t("figures-value-incomplete")}</p> : null}
      <Table
        scrollable
        numbers
        stacked
        caption={t("figures-value-caption", period)}
        captionId="figures-value-caption"
        columns={columns}
        foot={<Row heading={t("figures-total")} cells={[number(figures.total.grants), money(figures.total.termCents)]} labels={columns.slice(1)} />}
      >
        {figures.quarters.map(({ bucket, value }) => (
          <Row
            key={bucket.key}
            heading={<QuarterHeading bucket={bucket} t={t} formats={formats} />}
            cells={[number(value.grants), money(value.termCents)]}
            labels={columns.slice(1)}
          />
        ))}
      </Table>
      <p className="hint">{t("figures-value-about")}</p>
    </section>
  );
}
