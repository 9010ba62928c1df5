import type { ReactNode } from "react";

import { niceScale } from "@/lib/domain/figures/figures";
import { formatNumber } from "@/lib/i18n/format";

// Charts as inline SVG, drawn on the server: no script, no library. Each is an image with a title
// and a description; colours come from Codex tokens (app/globals.css) and every series also has
// its own pattern or line style, so none depends on colour alone. The table beside them carries
// every figure as text.

/**
 * A chart's drawing area. Each chart is drawn twice, wide and compact, and the stylesheet shows
 * the one that fits the screen: an image only scales, so a phone gets a smaller drawing with
 * larger text, whose labels stay readable (at least 12 px) instead of shrinking with it.
 */
type TGeometry = {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  maxLabels: number;
  /** The labels' size in the drawing's units (app/globals.css sets it), to judge how many fit. */
  fontSize: number;
  suffix: string;
};
const WIDE: TGeometry = { width: 720, height: 280, left: 48, right: 12, top: 20, bottom: 40, maxLabels: 12, fontSize: 12, suffix: "" };
const COMPACT: TGeometry = { width: 360, height: 260, left: 44, right: 8, top: 24, bottom: 40, maxLabels: 4, fontSize: 16, suffix: "-compact" };
const GEOMETRIES = [WIDE, COMPACT];

export type TPattern = "solid" | "hatch" | "dots" | "cross" | "lines";
export type TMarker = "circle" | "square";
/** One series: bars take their fill's pattern, lines their marker (and style, from the stylesheet). */
export type TSeries = { key: string; label: string; pattern?: TPattern; marker?: TMarker };

/** `formats`: the language's formatting tag, for the numbers on the axis and the bars. */
type TChart = { id: string; title: string; description: string; formats: string };
type TFrame = TChart & { geometry: TGeometry; labels: string[]; top: number; ticks: number[]; defs?: ReactNode; children: ReactNode };

const plotWidth = (g: TGeometry) => g.width - g.left - g.right;
const plotHeight = (g: TGeometry) => g.height - g.top - g.bottom;
const slotOf = (g: TGeometry, count: number) => plotWidth(g) / Math.max(count, 1);
const centreOf = (g: TGeometry, index: number, count: number) => g.left + slotOf(g, count) * (index + 0.5);
const yOf = (g: TGeometry, top: number) => (value: number) => g.top + plotHeight(g) - (value / top) * plotHeight(g);

/** The image, its title and description, the value grid and the quarter labels; the series go inside. */
function Frame({ id, title, description, formats, geometry: g, labels, top, ticks, defs, children }: TFrame) {
  const y = yOf(g, top);
  // As many quarter labels as fit side by side (a character is about 0.6 of the font size wide).
  const labelWidth = Math.max(0, ...labels.map((label) => label.length)) * g.fontSize * 0.6 + g.fontSize;
  const fitting = Math.max(1, Math.min(g.maxLabels, Math.floor(plotWidth(g) / labelWidth)));
  const every = Math.ceil(labels.length / fitting);
  const base = g.top + plotHeight(g);
  return (
    <svg
      className={`chart__image ${g === COMPACT ? "chart__image--compact" : "chart__image--wide"}`}
      viewBox={`0 0 ${g.width} ${g.height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {defs ? <defs>{defs}</defs> : null}
      <g className="chart__grid">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={g.left} x2={g.width - g.right} y1={y(tick)} y2={y(tick)} />
            <text className="chart__tick" x={g.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {formatNumber(tick, formats)}
            </text>
          </g>
        ))}
      </g>
      {children}
      <line className="chart__axis" x1={g.left} x2={g.width - g.right} y1={base} y2={base} />
      {labels.map((label, index) =>
        index % every === 0 ? (
          <text key={label} className="chart__tick" x={centreOf(g, index, labels.length)} y={base + 20} textAnchor="middle">
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

/** The key to a chart's series, as text beside a sample of each fill or line (with fills of its own). */
export function ChartLegend({ id, series, lines = false }: { id: string; series: TSeries[]; lines?: boolean }) {
  return (
    <ul className="chart-legend">
      {series.map((item) => (
        <li key={item.key}>
          <svg className="chart-legend__sample" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
            {lines ? (
              <LineSample series={item} />
            ) : (
              <>
                <defs>
                  <PatternFill id={`${id}-legend`} series={item} />
                </defs>
                <rect x="1" y="1" width="22" height="14" fill={`url(#${id}-legend-${item.key})`} className="chart__segment" />
              </>
            )}
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
  const showTotals = bars.length <= 16;
  return GEOMETRIES.map((g) => {
    const id = `${chart.id}${g.suffix}`;
    const scale = (value: number) => (value / top) * plotHeight(g);
    const width = Math.min(48, slotOf(g, bars.length) * 0.7);
    return (
      <Frame
        key={id}
        {...chart}
        id={id}
        geometry={g}
        labels={bars.map((bar) => bar.label)}
        top={top}
        ticks={ticks}
        defs={series.map((item) => <PatternFill key={item.key} id={id} series={item} />)}
      >
        {bars.map((bar, index) => {
          const x = centreOf(g, index, bars.length) - width / 2;
          let base = g.top + plotHeight(g);
          return (
            <g key={bar.label}>
              {series.map((item) => {
                const height = scale(bar.values[item.key] ?? 0);
                if (height <= 0) return null;
                base -= height;
                return <rect key={item.key} className="chart__segment" x={x} y={base} width={width} height={height} fill={`url(#${id}-${item.key})`} />;
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
  });
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
  return GEOMETRIES.map((g) => {
    const y = yOf(g, top);
    const id = `${chart.id}${g.suffix}`;
    return (
      <Frame key={id} {...chart} id={id} geometry={g} labels={labels} top={top} ticks={ticks}>
        {series.map((item) => {
          const points = item.values.map((value, index) => (value === undefined ? undefined : ([centreOf(g, index, labels.length), y(value)] as const)));
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
  });
}
