import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/page-heading";
import Link from "next/link";

import { ChartLegend, LineChart, StackedBarChart, type TSeries } from "@/components/figures/charts";
import { Figure, Row } from "@/components/figures/figure-parts";
import { InKindFigures } from "@/components/figures/in-kind-figures";
import { TargetFigures } from "@/components/figures/target-figures";
import { ErrorSummary } from "@/components/ui/error-summary";
import { DateField } from "@/components/ui/fields";
import { Table } from "@/components/ui/table";
import { DEFAULT_QUARTERS, MAX_RANGE_YEARS, MIN_DECISIONS_FOR_TIMES, parseFiguresQuery, type TFigures, type TQuarter } from "@/lib/domain/figures/figures";
import { firstValues, type TPageSearch } from "@/lib/domain/search-params";
import { joinDateParts, type TFieldError } from "@/lib/form-state";
import { dateParts, formatNumber, longDate, shortDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { inWords, withWords, type TMessageKey, type TTranslate } from "@/lib/i18n/translator";
import { today } from "@/lib/server/clock";
import { publicFigures, publicTargetFigures, publicValueFigures } from "@/lib/server/figures";

type TProps = TPageSearch;

async function readQuery(searchParams: TProps["searchParams"]) {
  // The period's dates come as day, month and year boxes; a link may give them whole (from=2026-01-01).
  const raw = joinDateParts(firstValues(await searchParams));
  return parseFiguresQuery({ from: raw.from, to: raw.to }, today());
}

export async function generateMetadata({ searchParams }: TProps): Promise<Metadata> {
  const [{ t }, query] = await Promise.all([getI18n(), readQuery(searchParams)]);
  const title = fullTitle(t, t("figures-title"));
  return { title: query.ok ? title : `${t("error-title-prefix")} ${title}` };
}

type TOutcome = "granted" | "declined" | "cancelled" | "lapsed" | "open";
const OUTCOMES: { key: TOutcome; label: TMessageKey; pattern: TSeries["pattern"] }[] = [
  { key: "granted", label: "figures-granted", pattern: "solid" },
  { key: "declined", label: "figures-declined", pattern: "hatch" },
  { key: "cancelled", label: "figures-cancelled", pattern: "dots" },
  { key: "lapsed", label: "figures-lapsed", pattern: "cross" },
  { key: "open", label: "figures-open", pattern: "lines" },
];

const quarterLabel = (t: TTranslate, bucket: TQuarter) => t("figures-quarter", bucket.quarter, bucket.year);

/** Requests received, what became of them and how long decisions took, per quarter: totals only, for anyone. */
export default async function FiguresPage({ searchParams }: TProps) {
  const [{ t, formats }, query] = await Promise.all([getI18n(), readQuery(searchParams)]);
  const values = query.ok ? query.range : query.values;
  const errors: Record<string, TFieldError> = query.ok ? {} : query.errors;
  const parts = dateParts(t, formats);
  return (
    <div className="page">
      <PageHeading title="figures-title" lead="figures-lead" />
      <p>
        {t("figures-register-intro")} <Link href="/register">{t("figures-register-link")}</Link>
      </p>

      <ErrorSummary fieldErrors={withWords(t, errors)} retitle={false} />
      <form className="filters" method="get" action="/figures" aria-label={t("figures-period-label")} noValidate>
        <DateField id="from" label={t("figures-from")} defaultValue={values.from} error={inWords(t, errors.from)} parts={parts} />
        <DateField id="to" label={t("figures-to")} defaultValue={values.to} error={inWords(t, errors.to)} parts={parts} />
        <div className="button-group">
          <button className="button button--primary" type="submit">
            {t("figures-apply")}
          </button>
          <Link href="/figures">{t("figures-reset")}</Link>
        </div>
      </form>
      <p className="hint">{t("figures-period-hint", DEFAULT_QUARTERS, MAX_RANGE_YEARS)}</p>

      {query.ok ? <Figures range={query.range} t={t} formats={formats} /> : <p>{t("figures-fix-dates")}</p>}
    </div>
  );
}

async function Figures({ range, t, formats }: { range: { from: string; to: string }; t: TTranslate; formats: string }) {
  const [{ quarters, total, activeGrants }, value, targets] = await Promise.all([publicFigures(range), publicValueFigures(range), publicTargetFigures(range)]);
  const number = (value: number) => formatNumber(value, formats);
  // German writes 25 %, its space a no-break space, so the sign stays on the number's line.
  const percent = new Intl.NumberFormat(formats, { style: "percent", maximumFractionDigits: 0 });
  const period = t("figures-period", longDate(range.from, formats), longDate(range.to, formats));
  const labels = quarters.map(({ bucket }) => quarterLabel(t, bucket));
  const busiest = quarters.reduce<(typeof quarters)[number] | undefined>(
    (best, quarter) => (!best || quarter.figures.received > best.figures.received ? quarter : best),
    undefined,
  );
  const withTimes = quarters.filter(({ figures }) => figures.medianDays !== undefined);
  const timeText = (value: number | undefined) => (value === undefined ? t("figures-too-few") : number(Math.round(value * 10) / 10));
  const share = (figures: TFigures) => (figures.jointShare === undefined ? t("figures-no-requests") : percent.format(figures.jointShare));
  // Requests decided by email before the app are told apart, in a column of their own, once there are any.
  const withImported = total.imported > 0;
  const cellsOf = (figures: TFigures) => [
    number(figures.received),
    ...(withImported ? [number(figures.imported)] : []),
    ...OUTCOMES.map((outcome) => number(figures[outcome.key])),
    share(figures),
    timeText(figures.medianDays),
    timeText(figures.p90Days),
  ];
  const series: TSeries[] = OUTCOMES.map((outcome) => ({ key: outcome.key, label: t(outcome.label), pattern: outcome.pattern }));
  const timeSeries = [
    { key: "median", label: t("figures-median"), marker: "circle" as const, values: quarters.map(({ figures }) => figures.medianDays) },
    { key: "p90", label: t("figures-p90"), marker: "square" as const, values: quarters.map(({ figures }) => figures.p90Days) },
  ];
  const columns = [
    t("figures-col-quarter"),
    t("figures-received"),
    ...(withImported ? [t("figures-col-imported")] : []),
    ...OUTCOMES.map((outcome) => t(outcome.label)),
    t("figures-joint-share"),
    t("figures-median"),
    t("figures-p90"),
  ];
  const first = labels[0] ?? "";
  const last = labels.at(-1) ?? "";

  return (
    <>
      <section aria-labelledby="figures-glance">
        <h2 id="figures-glance">{t("figures-glance-title")}</h2>
        <dl className="figures-glance">
          <Figure label={t("figures-active-today")} value={number(activeGrants)} />
          <Figure label={t("figures-received-in", period)} value={number(total.received)} />
          <Figure label={t("figures-granted")} value={number(total.granted)} />
          <Figure label={t("figures-declined")} value={number(total.declined)} />
          <Figure label={t("figures-joint-share")} value={share(total)} />
          <Figure label={t("figures-median")} value={timeText(total.medianDays)} />
        </dl>
      </section>

      <section aria-labelledby="figures-outcomes" className="chart">
        <h2 id="figures-outcomes">{t("figures-chart-outcomes")}</h2>
        <ChartLegend id="outcomes" series={series} />
        <StackedBarChart
          id="outcomes"
          formats={formats}
          title={t("figures-chart-outcomes")}
          description={
            total.received === 0 || !busiest
              ? t("figures-chart-outcomes-empty", first, last)
              : t("figures-chart-outcomes-desc", quarters.length, first, last, number(busiest.figures.received), quarterLabel(t, busiest.bucket))
          }
          bars={quarters.map(({ bucket, figures }) => ({
            label: quarterLabel(t, bucket),
            total: figures.received,
            values: Object.fromEntries(OUTCOMES.map((outcome) => [outcome.key, figures[outcome.key]])),
          }))}
          series={series}
        />
      </section>

      <section aria-labelledby="figures-times" className="chart">
        <h2 id="figures-times">{t("figures-chart-times")}</h2>
        {withTimes.length === 0 ? (
          <p>{t("figures-chart-times-none", MIN_DECISIONS_FOR_TIMES)}</p>
        ) : (
          <>
            <ChartLegend id="times" series={timeSeries} lines />
            <LineChart
              id="times"
              formats={formats}
              title={t("figures-chart-times")}
              description={t("figures-chart-times-desc", first, last, MIN_DECISIONS_FOR_TIMES)}
              labels={labels}
              series={timeSeries}
            />
          </>
        )}
      </section>
      <p className="hint">{t("figures-table-pointer")}</p>

      <section aria-labelledby="figures-table">
        <h2 id="figures-table">{t("figures-table-title")}</h2>
        <Table
          scrollable
          numbers
          stacked
          caption={t("figures-table-caption", period)}
          captionId="figures-table-caption"
          columns={columns}
          foot={<Row heading={t("figures-total")} cells={cellsOf(total)} labels={columns.slice(1)} />}
        >
          {quarters.map(({ bucket, figures }) => (
            <Row
              key={bucket.key}
              heading={
                <>
                  {quarterLabel(t, bucket)}
                  {bucket.partial ? (
                    <span className="hint table__note">{t("figures-partial", shortDate(bucket.from, formats), shortDate(bucket.to, formats))}</span>
                  ) : null}
                </>
              }
              cells={cellsOf(figures)}
              labels={columns.slice(1)}
            />
          ))}
        </Table>
        {withImported ? <p className="hint">{t("figures-imported-note")}</p> : null}
      </section>

      <TargetFigures figures={targets} period={period} />

      <InKindFigures figures={value} period={period} />

      <section aria-labelledby="figures-about">
        <h2 id="figures-about">{t("figures-about-title")}</h2>
        <ul>
          <li>{t("figures-about-cohort")}</li>
          <li>{t("figures-about-granted")}</li>
          <li>{t("figures-about-joint")}</li>
          <li>{t("figures-about-times", MIN_DECISIONS_FOR_TIMES)}</li>
          <li>{t("figures-about-active")}</li>
          <li>{t("figures-about-privacy")}</li>
        </ul>
      </section>
    </>
  );
}
