import type { ReactNode } from "react";

import { niceScale } from "@/lib/domain/figures/figures";
import { formatNumber } from "@/lib/i18n/format";

// Charts as inline SVG, drawn on the server: no script, no library. Each is an image with a title
// and a description; colours come from Codex tokens (app/globals.css) and every series also has
// its own pattern or line style, so none depends on colour alone. The table beside them carries
// every figure as text.

const WIDTH = 720;
const HEIGHT = 280;
const LEFT = 48;
const RIGHT = 12;
const TOP = 20;
const BOTTOM = 40;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
/** At most this many quarter labels under the axis; more would overlap. */
const MAX_LABELS = 12;

export type TPattern = "solid" | "hatch" | "dots" | "cross" | "lines";
export type TMarker = "circle" | "square";
/** One series: bars take their fill's pattern, lines their marker (and style, from the stylesheet). */
export type TSeries = { key: string; label: string; pattern?: TPattern; marker?: TMarker };

/** `formats`: the language's formatting tag, for the numbers on the axis and the bars. */
type TChart = { id: string; title: string; description: string; formats: string };
type TFrame = TChart & { labels: string[]; top: number; ticks: number[]; defs?: ReactNode; children: ReactNode };

const slotOf = (count: number) => PLOT_WIDTH / Math.max(count, 1);
const centreOf = (index: number, count: number) => LEFT + slotOf(count) * (index + 0.5);

/** The image, its title and description, the value grid and the quarter labels; the series go inside. */
function Frame({ id, title, description, formats, labels, top, ticks, defs, children }: TFrame) {
  const y = (value: number) => TOP + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const every = Math.ceil(labels.length / MAX_LABELS);
  return (
    <svg className="chart__image" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {defs ? <defs>{defs}</defs> : null}
      <g className="chart__grid">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text className="chart__tick" x={LEFT - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {formatNumber(tick, formats)}
            </text>
          </g>
        ))}
      </g>
      {children}
      <line className="chart__axis" x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + PLOT_HEIGHT} y2={TOP + PLOT_HEIGHT} />
      {labels.map((label, index) =>
        index % every === 0 ? (
          <text key={label} className="chart__tick" x={centreOf(index, labels.length)} y={TOP + PLOT_HEIGHT + 18} textAnchor="middle">
            {label}
          </text>
        ) : null,
      )}
    </svg>
  );
}

/** A fill for one series: its colour, with white marks laid over it in its own pattern. */
function PatternFill({ id, series }: { id: string; series: TSeries }) {
  const marks: Record<TPattern, ReactNode> = {
    solid: null,
    hatch: <path className="chart__mark" d="M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2" />,
    dots: <circle className="chart__mark chart__mark--dot" cx="4" cy="4" r="1.4" />,
    cross: <path className="chart__mark" d="M0,0 l8,8 M8,0 l-8,8" />,
    lines: <path className="chart__mark" d="M0,4 h8" />,
  };
  return (
    <pattern id={`${id}-${series.key}`} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect className={`chart__fill--${series.key}`} width="8" height="8" />
      {marks[series.pattern ?? "solid"]}
    </pattern>
  );
}

/** The key to a chart's series, as text beside a sample of each fill or line. */
export function ChartLegend({ id, series, lines = false }: { id: string; series: TSeries[]; lines?: boolean }) {
  return (
    <ul className="chart-legend">
      {series.map((item) => (
        <li key={item.key}>
          <svg className="chart-legend__sample" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
            {lines ? <LineSample series={item} /> : <rect x="1" y="1" width="22" height="14" fill={`url(#${id}-${item.key})`} className="chart__segment" />}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

type TBar = { label: string; total: number; values: Record<string, number> };

/** Stacked bars, one per quarter: each bar is the requests received, divided by what became of them. */
export function StackedBarChart({ bars, series, ...chart }: TChart & { bars: TBar[]; series: TSeries[] }) {
  const { top, ticks } = niceScale(Math.max(0, ...bars.map((bar) => bar.total)));
  const scale = (value: number) => (value / top) * PLOT_HEIGHT;
  const width = Math.min(48, slotOf(bars.length) * 0.7);
  const showTotals = bars.length <= 16;
  return (
    <Frame
      {...chart}
      labels={bars.map((bar) => bar.label)}
      top={top}
      ticks={ticks}
      defs={series.map((item) => <PatternFill key={item.key} id={chart.id} series={item} />)}
    >
      {bars.map((bar, index) => {
        const x = centreOf(index, bars.length) - width / 2;
        let base = TOP + PLOT_HEIGHT;
        return (
          <g key={bar.label}>
            {series.map((item) => {
              const height = scale(bar.values[item.key] ?? 0);
              if (height <= 0) return null;
              base -= height;
              return <rect key={item.key} className="chart__segment" x={x} y={base} width={width} height={height} fill={`url(#${chart.id}-${item.key})`} />;
            })}
            {showTotals && bar.total > 0 ? (
              <text className="chart__value" x={x + width / 2} y={base - 5} textAnchor="middle">
                {formatNumber(bar.total, chart.formats)}
              </text>
            ) : null}
          </g>
        );
      })}
    </Frame>
  );
}

const MARKERS: Record<TMarker, (x: number, y: number) => ReactNode> = {
  circle: (x, y) => <circle cx={x} cy={y} r="4" />,
  square: (x, y) => <rect x={x - 4} y={y - 4} width="8" height="8" />,
};

type TLineSeries = TSeries & { marker: TMarker; values: (number | undefined)[] };

function LineSample({ series }: { series: TSeries }) {
  return (
    <g className={`chart__line chart__line--${series.key}`}>
      <path d="M1,8 h22" />
      <g className="chart__marker">{MARKERS[series.marker ?? "circle"](12, 8)}</g>
    </g>
  );
}

/** Lines over the quarters, broken where a quarter has no value, with a marker on each point. */
export function LineChart({ labels, series, ...chart }: TChart & { labels: string[]; series: TLineSeries[] }) {
  const values = series.flatMap((item) => item.values.filter((value): value is number => value !== undefined));
  const { top, ticks } = niceScale(Math.max(0, ...values));
  const y = (value: number) => TOP + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  return (
    <Frame {...chart} labels={labels} top={top} ticks={ticks}>
      {series.map((item) => {
        const points = item.values.map((value, index) => (value === undefined ? undefined : ([centreOf(index, labels.length), y(value)] as const)));
        // A new "M" after each gap, so that a missing quarter breaks the line instead of bridging it.
        const path = points.map((point, index) => (point ? `${points[index - 1] ? "L" : "M"}${point[0].toFixed(1)},${point[1].toFixed(1)}` : "")).join(" ");
        return (
          <g key={item.key} className={`chart__line chart__line--${item.key}`}>
            <path d={path} />
            <g className="chart__marker">
              {points.map((point, index) =>
                // biome-ignore lint/suspicious/noArrayIndexKey: one marker per quarter, in the quarters' order
                point ? <g key={index}>{MARKERS[item.marker](point[0], point[1])}</g> : null,
              )}
            </g>
          </g>
        );
      })}
    </Frame>
  );
}
