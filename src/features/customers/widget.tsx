import { assetUrl } from '../../views/assets.ts';
import type { I18n } from '../../views/i18n.ts';
import { DataTable, LineChart, type Series } from '../analytics/charts.tsx';
import { indexChange, type BelowCustomer, type Satisfaction } from './satisfaction.ts';
import {
  dimensionName,
  formatFigure,
  ratingLabel,
  shown,
  standardShown,
} from './satisfaction.format.ts';
import { RATING_SYMBOL, type Rating } from './standards.ts';

/**
 * The satisfaction widget, server-rendered without script. The same markup serves the home
 * page (compact), the full page, the embeddable fragment and the page for an iframe: every class
 * starts with `ksat`, so that it can sit in any intranet page next to that page's own styles.
 * Colour is never the only signal: each rating shows its symbol and its word.
 */
/**
 * The widget's stylesheet, linked from inside the pages that need it: the layout links only
 * app.css (a `link` to a stylesheet may stand in the body).
 */
export const WIDGET_CSS = (): string => assetUrl('satisfaction.css');

export interface WidgetProps {
  i18n: I18n;
  data: Satisfaction;
  variant: 'full' | 'compact';
  /** Unique on the page: prefixes the ids of headings and the chart. */
  id: string;
  /**
   * How the customers furthest below standard appear: linked to their page (signed-in
   * viewers), by name, or only counted (the default through a widget token).
   */
  customers: 'links' | 'names' | 'count';
  /** A stylesheet to link inside the widget (the fragment carries its own). */
  stylesheet?: string | null;
  /** The compact variant's link to the full page. */
  moreHref?: string;
}

export function RatingBadge({ i18n, rating }: { i18n: I18n; rating: Rating | null }) {
  if (!rating) return <span class="ksat-rating ksat-none">{i18n.t('satisfaction.no_value')}</span>;
  return (
    <span class={`ksat-rating ksat-${rating}`}>
      <span aria-hidden="true">{RATING_SYMBOL[rating]}</span> {ratingLabel(i18n.t, rating)}
    </span>
  );
}

const fig = (i18n: I18n, v: number | null, s?: { target: number; tolerance: number }) =>
  v === null ? i18n.t('satisfaction.no_value') : formatFigure(i18n, shown(v, s));
const std = (i18n: I18n, v: number) => formatFigure(i18n, standardShown(v));

function IndexBlock({ i18n, data, id }: { i18n: I18n; data: Satisfaction; id: string }) {
  const { t } = i18n;
  const { index } = data;
  const change = indexChange(data);
  return (
    <div class="ksat-index" role="group" aria-labelledby={`${id}-index`}>
      <p class="ksat-index-label" id={`${id}-index`}>
        {t('satisfaction.index')}
      </p>
      <p class="ksat-index-value">
        <strong class="ksat-figure">{fig(i18n, index.mean, index.standard)}</strong>{' '}
        <RatingBadge i18n={i18n} rating={index.rating} />
      </p>
      <p class="ksat-note">
        {t('satisfaction.index_standard', {
          target: std(i18n, index.standard.target),
          tolerance: std(i18n, index.standard.tolerance),
        })}
        {change
          ? ` ${t('satisfaction.index_change', {
              change: `${change.change > 0 ? '+' : change.change < 0 ? '−' : '±'}${formatFigure(
                i18n,
                Math.abs(shown(change.change)),
              )}`,
              round: change.previous.round.name,
            })}`
          : null}
      </p>
    </div>
  );
}

function DimensionsTable({ i18n, data, compact }: WidgetProps & { compact: boolean }) {
  const { t } = i18n;
  return (
    <div class="ksat-scroll">
      <table class="ksat-table">
        <caption>{t('satisfaction.dimensions_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('satisfaction.dimension')}</th>
            <th scope="col" class="ksat-num">
              {t('satisfaction.mean')}
            </th>
            <th scope="col" class="ksat-num">
              {t('satisfaction.target')}
            </th>
            {compact ? null : (
              <th scope="col" class="ksat-num">
                {t('satisfaction.tolerance')}
              </th>
            )}
            <th scope="col">{t('satisfaction.rating')}</th>
            {compact ? null : (
              <th scope="col" class="ksat-num">
                {t('satisfaction.evaluations')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {data.dimensions.map((d) => (
            <tr key={d.dimension.id}>
              <th scope="row">{dimensionName(t, d.dimension)}</th>
              <td class="ksat-num">{fig(i18n, d.mean, d.standard)}</td>
              <td class="ksat-num">{std(i18n, d.standard.target)}</td>
              {compact ? null : <td class="ksat-num">{std(i18n, d.standard.tolerance)}</td>}
              <td>
                <RatingBadge i18n={i18n} rating={d.rating} />
              </td>
              {compact ? null : <td class="ksat-num">{i18n.number(d.n)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The trend's series: the index first, then each dimension, one point per round. */
export function trendSeries(i18n: I18n, data: Satisfaction): Series[] {
  const point = (x: string, v: number | null) => ({ x, y: v === null ? null : shown(v) });
  return [
    {
      label: i18n.t('satisfaction.index'),
      points: data.trend.map((r) => point(r.round.name, r.index)),
    },
    ...data.dimensions.map((d) => ({
      label: dimensionName(i18n.t, d.dimension),
      points: data.trend.map((r) => point(r.round.name, r.dimensions[d.dimension.id] ?? null)),
    })),
  ];
}

function Trend({ i18n, data, id }: WidgetProps) {
  const { t } = i18n;
  const series = trendSeries(i18n, data);
  const shownRounds = data.trend.filter((r) => r.index !== null);
  const last = shownRounds.at(-1);
  const desc = last
    ? t('satisfaction.trend_desc', {
        rounds: shownRounds.length,
        round: last.round.name,
        value: formatFigure(i18n, shown(last.index!)),
      })
    : t('satisfaction.no_evaluations');
  return (
    <section class="ksat-trend" aria-labelledby={`${id}-trend-h`}>
      <h3 id={`${id}-trend-h`}>{t('satisfaction.trend')}</h3>
      <LineChart
        id={`${id}-trend`}
        title={t('satisfaction.trend')}
        desc={desc}
        series={series}
        format={(n) => i18n.number(n)}
      />
      <DataTable
        caption={t('satisfaction.trend_table')}
        periodHeader={t('satisfaction.round')}
        series={series}
        format={(n) => formatFigure(i18n, n)}
        suppressed={t('satisfaction.no_value')}
      />
    </section>
  );
}

function BelowItem({ i18n, c, links }: { i18n: I18n; c: BelowCustomer; links: boolean }) {
  const { t } = i18n;
  return (
    <li>
      {links ? <a href={`/customers/${c.customerId}`}>{c.name}</a> : <span>{c.name}</span>}{' '}
      <span class="ksat-note">
        {t('satisfaction.shortfall', { value: formatFigure(i18n, shown(c.shortfall)) })}
      </span>
      <ul class="ksat-below-dims">
        {c.dimensions.map((d) => (
          <li key={d.dimension.id}>
            {`${dimensionName(t, d.dimension)}: ${i18n.number(d.score)} `}
            <RatingBadge i18n={i18n} rating={d.rating} />
          </li>
        ))}
      </ul>
    </li>
  );
}

function Below(p: WidgetProps) {
  const { i18n, data, id } = p;
  const { t } = i18n;
  const more = data.belowCount - data.below.length;
  let body;
  if (data.belowCount === 0) body = <p>{t('satisfaction.below_none')}</p>;
  else if (p.customers === 'count' || p.variant === 'compact')
    body = <p>{t('satisfaction.below_count', { count: data.belowCount })}</p>;
  else
    body = (
      <>
        <ol class="ksat-below">
          {data.below.map((c) => (
            <BelowItem key={c.customerId} i18n={i18n} c={c} links={p.customers === 'links'} />
          ))}
        </ol>
        {more > 0 ? <p class="ksat-note">{t('satisfaction.below_more', { count: more })}</p> : null}
      </>
    );
  return (
    <section class="ksat-below-block" aria-labelledby={`${id}-below-h`}>
      <h3 id={`${id}-below-h`}>{t('satisfaction.below')}</h3>
      {body}
    </section>
  );
}

/** The rule, with the index's own numbers as the example. */
function Legend({ i18n, data }: { i18n: I18n; data: Satisfaction }) {
  const { t } = i18n;
  const s = data.index.standard;
  const lower = standardShown(s.target - s.tolerance);
  return (
    <div class="ksat-legend">
      <p class="ksat-legend-title">{t('satisfaction.legend')}</p>
      <ul>
        <li>
          <RatingBadge i18n={i18n} rating="green" /> {t('satisfaction.legend_green')}
        </li>
        <li>
          <RatingBadge i18n={i18n} rating="amber" /> {t('satisfaction.legend_amber')}
        </li>
        <li>
          <RatingBadge i18n={i18n} rating="red" /> {t('satisfaction.legend_red')}
        </li>
      </ul>
      <p class="ksat-note">
        {t('satisfaction.legend_example', {
          target: std(i18n, s.target),
          tolerance: std(i18n, s.tolerance),
          lower: formatFigure(i18n, lower),
        })}
      </p>
    </div>
  );
}

export function SatisfactionWidget(p: WidgetProps) {
  const { i18n, data, id } = p;
  const { t } = i18n;
  const compact = p.variant === 'compact';
  return (
    <section class={`ksat ksat-${p.variant}`} aria-labelledby={`${id}-h`}>
      {p.stylesheet ? <link rel="stylesheet" href={p.stylesheet} /> : null}
      <h2 id={`${id}-h`} class="ksat-title">
        {t('satisfaction.title')}
      </h2>
      {data.round ? (
        <p class="ksat-meta">
          {t('satisfaction.round_meta', { round: data.round.name, count: data.index.n })}
        </p>
      ) : (
        <p class="ksat-meta">{t('satisfaction.no_evaluations')}</p>
      )}
      <IndexBlock i18n={i18n} data={data} id={id} />
      <DimensionsTable {...p} compact={compact} />
      {compact ? null : <Trend {...p} />}
      <Below {...p} />
      <Legend i18n={i18n} data={data} />
      {compact && p.moreHref ? (
        <p class="ksat-more">
          <a href={p.moreHref}>{t('satisfaction.full_view')}</a>
        </p>
      ) : null}
    </section>
  );
}
