import type { ComponentChildren } from 'preact';
import type { I18n } from '../../views/i18n.ts';
import { periodsOf, seriesRows, type Series } from './csv.ts';

/*
 * Charts drawn as inline SVG on the server: no script, no external assets, no downloaded fonts.
 * The scales are a few lines of arithmetic here rather than d3-scale, which would bring
 * d3-array, d3-interpolate, d3-format and d3-time for a band and a linear scale.
 * Every string that a person reads (title, summary, legend, "fewer than k") comes from the
 * caller, already translated; numbers go through the caller's `format`.
 */

export type { Series };

/** Stroke colours, dark enough on white; a series is told apart by its dash and marker too. */
const COLOURS = ['#0b5cad', '#b3261e', '#1b6b34', '#8a5a00', '#6a3d9a', '#1c2430'];
const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 2', '1 4'];
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'circle', 'square'] as const;

const styleOf = (i: number) => ({
  colour: COLOURS[i % COLOURS.length] ?? '#1c2430',
  dash: DASHES[i % DASHES.length] ?? '',
  marker: MARKERS[i % MARKERS.length] ?? 'circle',
  pattern: i % DASHES.length,
});

/** Coordinates to a tenth of a unit keep the markup short. */
const pt = (n: number) => Math.round(n * 10) / 10;

// Rough advance of one character at FONT size, to keep labels from overlapping.
const FONT = 13;
const CHAR = 7.5;

/** Heckbert's "nice number": 1, 2, 5 or 10 times a power of ten near `x`. */
function niceNumber(x: number, round: boolean): number {
  const exp = Math.floor(Math.log10(x));
  const f = x / 10 ** exp;
  // Rounding picks the closest of 1, 2, 5, 10; otherwise the smallest that covers f.
  const limits = round ? [1.5, 3, 7] : [1, 2, 5];
  const nice = [1, 2, 5].find((_, i) => (round ? f < limits[i]! : f <= limits[i]!)) ?? 10;
  return nice * 10 ** exp;
}

/**
 * Round tick values covering [min, max], about `count` of them. Counts (all whole numbers) never
 * get fractional ticks.
 */
export function niceTicks(min: number, max: number, count = 5, integer = false): number[] {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    if (lo === 0) hi = 1;
    else if (lo > 0) lo = 0;
    else hi = 0;
  }
  let step = niceNumber(niceNumber(hi - lo, false) / Math.max(1, count - 1), true);
  if (integer) step = Math.max(1, Math.round(step));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toFixed(decimals)));
  return ticks;
}

/**
 * A chart's text alternative: its first series' latest shown figure, or that it has none.
 */
export function chartSummary(
  t: I18n['t'],
  series: readonly Series[],
  format: (x: number) => string,
): string {
  const last = series[0] ? latestChange(series[0]) : null;
  return last
    ? t('analytics.chart_summary', {
        figure: series[0]!.label,
        period: last.x,
        value: format(last.y),
      })
    : t('analytics.chart_empty');
}

/** The last shown value of a series and its change from the shown value before it. */
export function latestChange(s: Series): {
  x: string;
  y: number;
  previous: { x: string; y: number } | null;
  change: number | null;
} | null {
  const shown = s.points.filter((p): p is { x: string; y: number } => p.y !== null);
  const last = shown.at(-1);
  if (!last) return null;
  const previous = shown.at(-2) ?? null;
  return { x: last.x, y: last.y, previous, change: previous ? last.y - previous.y : null };
}

export interface ChartProps {
  /** Unique on the page: prefixes the ids that title, description and patterns need. */
  id: string;
  title: string;
  /** One sentence for screen readers, such as the last value and its change (see latestChange). */
  desc: string;
  series: Series[];
  format: (n: number) => string;
  /** How a period is shown, e.g. '2026-11' as 'Nov 2026'; as given by default. */
  formatX?: (x: string) => string;
  width?: number;
  height?: number;
}

interface Frame {
  periods: string[];
  ticks: number[];
  left: number;
  top: number;
  right: number;
  bottom: number;
  y: (v: number) => number;
}

function frameOf(p: ChartProps, width: number, height: number): Frame {
  const periods = periodsOf(p.series);
  const values = p.series.flatMap((s) => s.points.map((pt) => pt.y)).filter((v) => v !== null);
  const integer = values.every((v) => Number.isInteger(v));
  const ticks = values.length
    ? niceTicks(Math.min(0, ...values), Math.max(0, ...values), 5, integer)
    : [0, 1];
  const widest = Math.max(...ticks.map((t) => p.format(t).length));
  const left = pt(Math.min(width / 3, 10 + widest * CHAR));
  const top = 10;
  const right = width - 12;
  const bottom = height - 28;
  const lo = ticks[0] ?? 0;
  const hi = ticks.at(-1) ?? 1;
  const y = (v: number) => pt(bottom - ((v - lo) / (hi - lo || 1)) * (bottom - top));
  return { periods, ticks, left, top, right, bottom, y };
}

/** Indices of the periods that get a label: evenly thinned so that labels never collide. */
export function labelledIndices(count: number, widthAvailable: number, longest: number): number[] {
  const fit = Math.max(1, Math.floor(widthAvailable / (longest * CHAR + 16)));
  const step = Math.ceil(count / fit);
  const out: number[] = [];
  for (let i = 0; i < count; i += step) out.push(i);
  return out;
}

function Axes({
  f,
  xAt,
  formatX,
  format,
}: { f: Frame; xAt: (i: number) => number } & Pick<ChartProps, 'format'> & {
    formatX: (x: string) => string;
  }) {
  const labels = f.periods.map(formatX);
  const longest = Math.max(1, ...labels.map((l) => l.length));
  const shown = labelledIndices(f.periods.length, f.right - f.left, longest);
  return (
    <g class="chart-axes" fill="currentColor" font-size={FONT}>
      {f.ticks.map((t) => (
        <g key={t} class="chart-tick">
          <line x1={f.left} x2={f.right} y1={f.y(t)} y2={f.y(t)} stroke="#d5dbe3" />
          <text x={f.left - 6} y={pt(f.y(t) + FONT / 3)} text-anchor="end">
            {format(t)}
          </text>
        </g>
      ))}
      <line x1={f.left} x2={f.left} y1={f.top} y2={f.bottom} stroke="currentColor" />
      <line
        class="chart-baseline"
        x1={f.left}
        x2={f.right}
        y1={f.y(0)}
        y2={f.y(0)}
        stroke="currentColor"
      />
      {shown.map((i) => (
        <text
          key={i}
          class="chart-xlabel"
          x={pt(xAt(i))}
          y={f.bottom + FONT + 6}
          text-anchor="middle"
        >
          {labels[i]}
        </text>
      ))}
    </g>
  );
}

function Marker({
  kind,
  cx,
  cy,
  colour,
  children,
  swatch = false,
}: {
  kind: string;
  cx: number;
  cy: number;
  colour: string;
  children?: ComponentChildren;
  swatch?: boolean;
}) {
  const r = 3.5;
  const common = {
    fill: '#fff',
    stroke: colour,
    'stroke-width': 1.5,
    class: swatch ? undefined : 'chart-point',
  };
  if (kind === 'square')
    return (
      <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} {...common}>
        {children}
      </rect>
    );
  if (kind === 'triangle')
    return (
      <path
        d={`M${cx} ${cy - r - 1}L${cx + r + 0.5} ${cy + r}L${cx - r - 0.5} ${cy + r}Z`}
        {...common}
      >
        {children}
      </path>
    );
  if (kind === 'diamond')
    return (
      <path
        d={`M${cx} ${cy - r - 1}L${cx + r + 1} ${cy}L${cx} ${cy + r + 1}L${cx - r - 1} ${cy}Z`}
        {...common}
      >
        {children}
      </path>
    );
  return (
    <circle cx={cx} cy={cy} r={r} {...common}>
      {children}
    </circle>
  );
}

function ChartSvg({
  p,
  width,
  height,
  children,
  defs,
}: {
  p: ChartProps;
  width: number;
  height: number;
  children: ComponentChildren;
  defs?: ComponentChildren;
}) {
  return (
    <svg
      class="chart-svg"
      role="img"
      aria-labelledby={`${p.id}-title ${p.id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      xmlns="http://www.w3.org/2000/svg"
      font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
    >
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.desc}</desc>
      {defs ? <defs>{defs}</defs> : null}
      {children}
    </svg>
  );
}

/**
 * A line per series. A null value breaks the line (a gap, never a drop to 0); a shown value
 * between two gaps still gets its marker. Markers are drawn on every point up to 24 periods.
 */
export function LineChart(p: ChartProps) {
  const width = p.width ?? 480;
  const height = p.height ?? 240;
  const f = frameOf(p, width, height);
  const formatX = p.formatX ?? ((x: string) => x);
  const n = f.periods.length;
  const xAt = (i: number) =>
    n <= 1 ? (f.left + f.right) / 2 : f.left + 8 + (i * (f.right - f.left - 16)) / (n - 1);
  return (
    <figure class="chart">
      <ChartSvg p={p} width={width} height={height}>
        <Axes f={f} xAt={xAt} formatX={formatX} format={p.format} />
        {p.series.map((s, si) => {
          const st = styleOf(si);
          const byX = new Map(s.points.map((q) => [q.x, q.y]));
          const ys = f.periods.map((x) => byX.get(x) ?? null);
          let d = '';
          ys.forEach((v, i) => {
            if (v === null) return;
            d += `${i > 0 && ys[i - 1] !== null ? 'L' : 'M'}${pt(xAt(i))} ${pt(f.y(v))}`;
          });
          const lonely = (i: number) =>
            (i === 0 || ys[i - 1] === null) && (ys[i + 1] ?? null) === null;
          return (
            <g key={si} class="chart-series">
              {d ? (
                <path
                  d={d}
                  fill="none"
                  stroke={st.colour}
                  stroke-width={2}
                  stroke-dasharray={st.dash || undefined}
                  stroke-linejoin="round"
                />
              ) : null}
              {ys.map((v, i) =>
                v !== null && (n <= 24 || lonely(i)) ? (
                  <Marker
                    key={i}
                    kind={st.marker}
                    cx={pt(xAt(i))}
                    cy={pt(f.y(v))}
                    colour={st.colour}
                  >
                    <title>{`${s.label}, ${formatX(f.periods[i] ?? '')}: ${p.format(v)}`}</title>
                  </Marker>
                ) : null,
              )}
            </g>
          );
        })}
      </ChartSvg>
      <Legend p={p} kind="line" />
    </figure>
  );
}

/** Fill patterns for bars: solid, then hatching, dots and grids, each in the series' colour. */
function Pattern({ id, i }: { id: string; i: number }) {
  const { colour, pattern } = styleOf(i);
  const lines: Record<number, string> = {
    1: 'M0 6L6 0M-1 1L1 -1M5 7L7 5',
    3: 'M0 3H6',
    4: 'M0 6L6 0M0 0L6 6',
    5: 'M3 0V6',
  };
  return (
    <pattern id={`${id}-p${i}`} width={6} height={6} patternUnits="userSpaceOnUse">
      <rect width={6} height={6} fill={pattern === 0 ? colour : '#fff'} />
      {pattern === 2 ? <circle cx={3} cy={3} r={1.3} fill={colour} /> : null}
      {lines[pattern] ? <path d={lines[pattern]} stroke={colour} stroke-width={1.4} /> : null}
    </pattern>
  );
}

/**
 * Bars grouped per period. A null value leaves its slot empty; a zero is a thin bar on the axis,
 * so the two can be told apart.
 */
export function BarChart(p: ChartProps) {
  const width = p.width ?? 480;
  const height = p.height ?? 240;
  const f = frameOf(p, width, height);
  const formatX = p.formatX ?? ((x: string) => x);
  const band = (f.right - f.left) / Math.max(1, f.periods.length);
  const xAt = (i: number) => f.left + band * (i + 0.5);
  const inner = band * 0.8;
  const barW = inner / Math.max(1, p.series.length);
  return (
    <figure class="chart">
      <ChartSvg
        p={p}
        width={width}
        height={height}
        defs={p.series.map((_, si) => (
          <Pattern key={si} id={p.id} i={si} />
        ))}
      >
        <Axes f={f} xAt={xAt} formatX={formatX} format={p.format} />
        {p.series.map((s, si) => {
          const st = styleOf(si);
          const byX = new Map(s.points.map((q) => [q.x, q.y]));
          return (
            <g key={si} class="chart-series">
              {f.periods.map((x, i) => {
                const v = byX.get(x) ?? null;
                if (v === null) return null;
                const y0 = f.y(0);
                const y1 = f.y(v);
                const h = Math.max(1.5, Math.abs(y1 - y0));
                return (
                  <rect
                    key={i}
                    class="chart-bar"
                    x={pt(xAt(i) - inner / 2 + si * barW)}
                    y={pt(v >= 0 ? Math.min(y1, y0 - h) : y0)}
                    width={pt(Math.max(1, barW - 1))}
                    height={pt(h)}
                    fill={`url(#${p.id}-p${si})`}
                    stroke={st.colour}
                  >
                    <title>{`${s.label}, ${formatX(x)}: ${p.format(v)}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </ChartSvg>
      <Legend p={p} kind="bar" />
    </figure>
  );
}

/** The series names with a swatch showing both the colour and the dash or fill pattern. */
function Legend({ p, kind }: { p: ChartProps; kind: 'line' | 'bar' }) {
  return (
    <ul class="chart-legend">
      {p.series.map((s, si) => {
        const st = styleOf(si);
        return (
          <li key={si}>
            <svg class="chart-swatch" viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
              {kind === 'line' ? (
                <>
                  <line
                    x1={1}
                    x2={27}
                    y1={6}
                    y2={6}
                    stroke={st.colour}
                    stroke-width={2}
                    stroke-dasharray={st.dash || undefined}
                  />
                  <Marker kind={st.marker} cx={14} cy={6} colour={st.colour} swatch />
                </>
              ) : (
                <rect
                  x={1}
                  y={1}
                  width={26}
                  height={10}
                  fill={`url(#${p.id}-p${si})`}
                  stroke={st.colour}
                />
              )}
            </svg>
            {s.label}
          </li>
        );
      })}
    </ul>
  );
}

export interface DataTableProps {
  caption: string;
  /** Header of the period column, e.g. "Month". */
  periodHeader: string;
  series: Series[];
  format: (n: number) => string;
  formatX?: (x: string) => string;
  /** Shown instead of a suppressed value, e.g. "fewer than 5". */
  suppressed: string;
}

/** The figures of a chart as a table; the same rows as the CSV download (seriesRows). */
export function DataTable(p: DataTableProps) {
  const formatX = p.formatX ?? ((x: string) => x);
  const { headers, rows } = seriesRows(p.series, p.periodHeader);
  return (
    <div class="table-scroll chart-table" role="region" aria-label={p.caption} tabIndex={0}>
      <table>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col" class={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([x, ...cells], r) => (
            <tr key={r}>
              <th scope="row">{formatX(String(x))}</th>
              {cells.map((c, i) =>
                typeof c === 'number' ? (
                  <td key={i} class="num">
                    {p.format(c)}
                  </td>
                ) : (
                  <td key={i} class="num suppressed">
                    {p.suppressed}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A chart with its figures as a table beside it, as every dashboard shows one: the table's
 * caption is the chart's title, and it takes the chart's series, format and period labels.
 */
export function ChartBlock(
  p: ChartProps &
    Pick<DataTableProps, 'periodHeader' | 'suppressed'> & {
      /** Lines for rates and levels over time (the default), bars for counts per period. */
      kind?: 'line' | 'bar';
    },
) {
  const { kind, periodHeader, suppressed, ...chart } = p;
  const Chart = kind === 'bar' ? BarChart : LineChart;
  return (
    <div class="chart-block">
      <Chart {...chart} />
      <DataTable
        caption={p.title}
        periodHeader={periodHeader}
        series={p.series}
        format={p.format}
        formatX={p.formatX}
        suppressed={suppressed}
      />
    </div>
  );
}
