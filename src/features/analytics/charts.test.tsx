import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import {
  BarChart,
  DataTable,
  LineChart,
  labelledIndices,
  latestChange,
  niceTicks,
  type Series,
} from './charts.tsx';

const format = (n: number) => new Intl.NumberFormat('de-DE').format(n);
const months = (ys: (number | null)[]) =>
  ys.map((y, i) => ({ x: `2026-${String(i + 1).padStart(2, '0')}`, y }));

const posts: Series = { label: 'Posts', points: months([10, 12, null, 15, 18, 20]) };
const comments: Series = { label: 'Comments', points: months([4, 0, 6, 7, null, 9]) };

const all = (html: string, re: RegExp) => [...html.matchAll(re)];
/** The `d` of each series' line, in order. */
const linePaths = (html: string) =>
  all(html, /<g class="chart-series"><path d="([^"]*)"/g).map((m) => m[1] ?? '');
/** Move-to commands in a path: one per unbroken run of shown values. */
const runs = (d: string) => (d.match(/M/g) ?? []).length;
const texts = (html: string, cls: string) =>
  all(html, new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, 'g')).map((m) => m[1]);
const tickLabels = (html: string) =>
  all(html, /<g class="chart-tick">.*?<text[^>]*>([^<]*)<\/text>/g).map((m) => m[1]);

describe('niceTicks', () => {
  it.each([
    [0, 43, false, [0, 10, 20, 30, 40, 50]],
    [0, 3, true, [0, 1, 2, 3]],
    [0, 0.83, false, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0, 1, true, [0, 1]],
    [-12, 30, false, [-20, -10, 0, 10, 20, 30]],
    [0, 0, true, [0, 1]],
    [0, 1840, true, [0, 500, 1000, 1500, 2000]],
  ])('covers %d..%d with round steps', (min, max, integer, expected) => {
    expect(niceTicks(min, max, 5, integer)).toEqual(expected);
  });

  it('never gives fractional ticks for counts', () => {
    expect(niceTicks(0, 2, 5, true).every(Number.isInteger)).toBe(true);
    expect(niceTicks(0, 2, 5, false)).toContain(0.5);
  });
});

describe('labelledIndices', () => {
  it('labels every period when there is room', () => {
    expect(labelledIndices(6, 434, 7)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('thins 60 weekly labels to a legible few, evenly spaced from the first', () => {
    const shown = labelledIndices(60, 400, 8);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(shown.length).toBeLessThanOrEqual(8);
    expect(shown[0]).toBe(0);
    const step = (shown[1] ?? 0) - (shown[0] ?? 0);
    expect(shown.every((v, i) => v === i * step)).toBe(true);
  });
});

describe('latestChange', () => {
  it('compares the last shown value with the shown value before it, skipping gaps', () => {
    expect(latestChange({ label: 'A', points: months([5, 8, null]) })).toEqual({
      x: '2026-02',
      y: 8,
      previous: { x: '2026-01', y: 5 },
      change: 3,
    });
    expect(latestChange({ label: 'A', points: months([null, 7]) })).toMatchObject({
      y: 7,
      previous: null,
      change: null,
    });
    expect(latestChange({ label: 'A', points: months([null, null]) })).toBeNull();
  });
});

describe('LineChart', () => {
  const html = render(
    <LineChart
      id="activity"
      title="Activity per month"
      desc="Posts: 20 in June, 2 more than in May."
      series={[posts, comments]}
      format={format}
    />,
  );

  it('is an image named by its title and described by its summary', () => {
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toMatch(/<svg[^>]*aria-labelledby="activity-title activity-desc"/);
    expect(html).toContain('<title id="activity-title">Activity per month</title>');
    expect(html).toContain(
      '<desc id="activity-desc">Posts: 20 in June, 2 more than in May.</desc>',
    );
  });

  it('scales with its viewBox, full width, and needs no script or external asset', () => {
    expect(html).toMatch(/<svg[^>]*viewBox="0 0 480 240"[^>]*width="100%"/);
    expect(html).not.toMatch(/<script|<image|href="http|@import|@font-face/);
  });

  it('draws one path per series, broken at each suppressed value instead of dropping to 0', () => {
    const paths = linePaths(html);
    expect(paths).toHaveLength(2);
    // Posts: 10, 12, –, 15, 18, 20 → two runs; Comments: 4, 0, 6, 7, –, 9 → two runs.
    expect(paths.map(runs)).toEqual([2, 2]);
    // Five shown values each: a suppressed value adds no point.
    const coords = paths.map((d) => all(d, /[ML]([\d.]+) ([\d.]+)/g).map((m) => Number(m[2])));
    expect(coords.map((c) => c.length)).toEqual([5, 5]);
    // The only point on the zero line is Comments' real 0 in February.
    const zeroY = Number(/class="chart-baseline"[^>]*y1="([^"]*)"/.exec(html)?.[1]);
    expect(zeroY).toBeGreaterThan(0);
    const ysOnZero = coords.flat().filter((y) => y === zeroY);
    expect(ysOnZero).toHaveLength(1);
  });

  it('shows a marker on each shown value, with the value as a tooltip', () => {
    expect(all(html, /class="chart-point"/g)).toHaveLength(10);
    expect(html).toContain('<title>Posts, 2026-06: 20</title>');
    expect(html).not.toContain('Posts, 2026-03');
  });

  it('tells series apart by dash and marker as well as colour, and names them in a legend', () => {
    const dashes = all(
      html,
      /<g class="chart-series"><path [^>]*?(stroke-dasharray="[^"]*")?\s*stroke-linejoin/g,
    );
    expect(dashes).toHaveLength(2);
    expect(dashes[0]?.[1]).toBeUndefined();
    expect(dashes[1]?.[1]).toMatch(/stroke-dasharray="\d/);
    const strokes = all(html, /<g class="chart-series"><path [^>]*stroke="(#[0-9a-f]{6})"/g).map(
      (m) => m[1],
    );
    expect(new Set(strokes).size).toBe(2);
    expect(html).toMatch(
      /<g class="chart-series">.*<circle[^>]*class="chart-point".*<g class="chart-series">.*<rect[^>]*class="chart-point"/,
    );
    const legend = /<ul class="chart-legend">(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(all(legend, /<li>/g)).toHaveLength(2);
    expect(legend).toMatch(/<svg[^>]*aria-hidden="true"[^>]*>.*<\/svg>Posts<\/li>/);
    expect(legend).toContain('Comments</li>');
  });

  it('labels the y axis with round ticks formatted by the page', () => {
    expect(tickLabels(html)).toEqual(['0', '5', '10', '15', '20']);
    const big = render(
      <LineChart
        id="big"
        title="t"
        desc="d"
        series={[{ label: 'Visits', points: months([0, 1840]) }]}
        format={format}
      />,
    );
    expect(tickLabels(big)).toEqual(['0', '500', '1.000', '1.500', '2.000']);
  });

  it('labels every period of a short series, formatted by the page', () => {
    expect(texts(html, 'chart-xlabel')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    const named = render(
      <LineChart
        id="n"
        title="t"
        desc="d"
        series={[posts]}
        format={format}
        formatX={(x) => `M${x.slice(5)}`}
      />,
    );
    expect(texts(named, 'chart-xlabel')[0]).toBe('M01');
  });

  it('keeps 60 weekly points legible: few labels, no crowd of markers, gaps still drawn', () => {
    const weeks: Series = {
      label: 'Active',
      points: Array.from({ length: 60 }, (_, i) => ({
        x: `2026-W${i + 1}`,
        y: i === 30 ? null : 100 + (i % 7),
      })),
    };
    const dense = render(<LineChart id="w" title="t" desc="d" series={[weeks]} format={format} />);
    const labels = texts(dense, 'chart-xlabel');
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeLessThanOrEqual(8);
    expect(labels[0]).toBe('2026-W1');
    expect(all(dense, /class="chart-point"/g)).toHaveLength(0);
    expect(linePaths(dense).map(runs)).toEqual([2]);
  });

  it('marks a value standing alone between two gaps, which a line alone could not show', () => {
    const lonely = render(
      <LineChart
        id="l"
        title="t"
        desc="d"
        series={[
          {
            label: 'A',
            points: Array.from({ length: 40 }, (_, i) => ({
              x: `W${i}`,
              y: i === 20 ? 7 : i === 19 || i === 21 ? null : 5,
            })),
          },
        ]}
        format={format}
      />,
    );
    expect(all(lonely, /class="chart-point"/g)).toHaveLength(1);
    expect(lonely).toContain('<title>A, W20: 7</title>');
  });

  it('renders axes without lines when every value is suppressed', () => {
    const empty = render(
      <LineChart
        id="e"
        title="t"
        desc="d"
        series={[{ label: 'A', points: months([null, null]) }]}
        format={format}
      />,
    );
    expect(linePaths(empty)).toEqual([]);
    expect(empty).toContain('<g class="chart-series"></g>');
    expect(tickLabels(empty)).toEqual(['0', '1']);
  });
});

describe('BarChart', () => {
  const html = render(
    <BarChart
      id="bars"
      title="Posts and comments"
      desc="Summary."
      series={[posts, comments]}
      format={format}
    />,
  );
  const bars = (s: string) =>
    all(
      s,
      /<rect class="chart-bar"[^>]*y="([^"]*)"[^>]*height="([^"]*)"[^>]*fill="url\(#([^)]*)\)"[^>]*><title>([^<]*)<\/title>/g,
    ).map((m) => ({ y: Number(m[1]), height: Number(m[2]), fill: m[3], title: m[4] ?? '' }));

  it('is a named, described image', () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="bars-title bars-desc"/);
    expect(html).toContain('<title id="bars-title">Posts and comments</title>');
    expect(html).toContain('<desc id="bars-desc">Summary.</desc>');
  });

  it('draws a bar for each shown value and leaves a suppressed one empty', () => {
    const drawn = bars(html);
    expect(drawn).toHaveLength(10);
    expect(drawn.map((b) => b.title)).not.toContain('Posts, 2026-03: 0');
    expect(drawn.some((b) => b.title.startsWith('Posts, 2026-03'))).toBe(false);
    expect(drawn.some((b) => b.title.startsWith('Comments, 2026-05'))).toBe(false);
  });

  it('shows a real zero as a thin bar on the axis, unlike a suppressed value', () => {
    const zero = bars(html).find((b) => b.title === 'Comments, 2026-02: 0');
    expect(zero).toBeDefined();
    expect(zero?.height).toBeGreaterThan(0);
    expect(zero?.height).toBeLessThan(3);
  });

  it('fills each series with its own pattern and colour, shown in the legend', () => {
    const fills = new Set(bars(html).map((b) => b.fill));
    expect(fills).toEqual(new Set(['bars-p0', 'bars-p1']));
    expect(all(html, /<pattern id="bars-p\d"/g)).toHaveLength(2);
    expect(html).toMatch(/<pattern id="bars-p1"[^>]*>.*?<path d="M0 6L6 0/);
    const legend = /<ul class="chart-legend">(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(legend).toMatch(
      /fill="url\(#bars-p0\)".*Posts<\/li>.*fill="url\(#bars-p1\)".*Comments<\/li>/,
    );
  });

  it('draws a negative value below the zero line', () => {
    const neg = render(
      <BarChart
        id="n"
        title="t"
        desc="d"
        series={[{ label: 'Change', points: months([5, -5]) }]}
        format={format}
      />,
    );
    const [up, down] = bars(neg);
    expect(up && down).toBeTruthy();
    expect(down!.y).toBeCloseTo(up!.y + up!.height, 0);
    expect(tickLabels(neg)).toEqual(['-6', '-4', '-2', '0', '2', '4', '6']);
  });
});

describe('DataTable', () => {
  const html = render(
    <DataTable
      caption="Activity per month"
      periodHeader="Month"
      series={[posts, comments]}
      format={format}
      suppressed="fewer than 5"
    />,
  );

  it('has a caption, column headers and a row header per period', () => {
    expect(html).toContain('<caption>Activity per month</caption>');
    expect(all(html, /<th scope="col"[^>]*>([^<]*)<\/th>/g).map((m) => m[1])).toEqual([
      'Month',
      'Posts',
      'Comments',
    ]);
    expect(all(html, /<th scope="row">([^<]*)<\/th>/g).map((m) => m[1])).toEqual(
      months([1, 1, 1, 1, 1, 1]).map((p) => p.x),
    );
    expect(html).toMatch(/role="region" aria-label="Activity per month" tabindex="0"/);
  });

  it('shows the same figures as the chart, formatted, and the passed text for suppressed cells', () => {
    const rows = all(html, /<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g).map((m) => [
      m[1],
      ...all(m[2] ?? '', /<td[^>]*>([^<]*)<\/td>/g).map((c) => c[1]),
    ]);
    expect(rows).toEqual([
      ['2026-01', '10', '4'],
      ['2026-02', '12', '0'],
      ['2026-03', 'fewer than 5', '6'],
      ['2026-04', '15', '7'],
      ['2026-05', '18', 'fewer than 5'],
      ['2026-06', '20', '9'],
    ]);
    expect(all(html, /<td class="num suppressed">/g)).toHaveLength(2);
  });

  it('formats numbers and periods with the page’s functions', () => {
    const t = render(
      <DataTable
        caption="c"
        periodHeader="Monat"
        series={[{ label: 'Besuche', points: [{ x: '2026-11', y: 1234.5 }] }]}
        format={format}
        formatX={(x) => `Nov. ${x.slice(0, 4)}`}
        suppressed="weniger als 5"
      />,
    );
    expect(t).toContain('<th scope="row">Nov. 2026</th><td class="num">1.234,5</td>');
  });
});
