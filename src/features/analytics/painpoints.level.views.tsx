import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { Figure, HowCounted } from './analytics.layout.tsx';
import { ChartBlock, chartSummary } from './charts.tsx';
import type { Series } from './csv.ts';
import type { PainPointRow, PainPointsLevel } from './painpoints.level.ts';

type CountField = 'open' | 'acknowledged' | 'resolved';
type MedianField = 'acknowledgeMedian' | 'resolveMedian';

const DEFINITIONS: [MessageKey, MessageKey][] = [
  ['analytics.painpoints.open', 'analytics.painpoints.how_open'],
  ['analytics.painpoints.acknowledged', 'analytics.painpoints.how_acknowledged'],
  ['analytics.painpoints.resolved', 'analytics.painpoints.how_resolved'],
  ['analytics.painpoints.acknowledge_median', 'analytics.painpoints.how_acknowledge_median'],
  ['analytics.painpoints.resolve_median', 'analytics.painpoints.how_resolve_median'],
  ['analytics.painpoints.per_month', 'analytics.painpoints.how_per_month'],
  ['analytics.painpoints.by_department', 'analytics.painpoints.how_by_department'],
  ['analytics.painpoints.privacy', 'analytics.painpoints.how_privacy'],
];

/** The pain-point figures of the content level: headline figures, months, departments. */
export function PainPointsSection({
  ctx,
  data,
  csvHref,
}: {
  ctx: PageContext;
  data: PainPointsLevel;
  csvHref: string;
}) {
  const { t } = ctx.i18n;
  const fewer = t('analytics.fewer_than', { k: data.k });
  const n = (x: number) => ctx.i18n.number(x, { maximumFractionDigits: 1 });
  const none = t('analytics.painpoints.none');
  const count = (r: PainPointRow, f: CountField) => (r.hidden[f] ? fewer : n(r[f] ?? 0));
  const median = (r: PainPointRow, f: MedianField) => {
    if (r.hidden[f]) return fewer;
    const v = r[f === 'acknowledgeMedian' ? 'acknowledgeMedianHours' : 'resolveMedianHours'];
    return v === null ? none : t('analytics.content.hours', { n: n(v) });
  };
  const cellOf = (text: string, hidden: boolean) => (
    <td class={hidden ? 'num suppressed' : 'num'}>{text}</td>
  );
  const row = (label: string, r: PainPointRow) => (
    <tr>
      <th scope="row">{label}</th>
      {cellOf(count(r, 'open'), r.hidden.open)}
      {cellOf(count(r, 'acknowledged'), r.hidden.acknowledged)}
      {cellOf(count(r, 'resolved'), r.hidden.resolved)}
      {cellOf(median(r, 'acknowledgeMedian'), r.hidden.acknowledgeMedian)}
      {cellOf(median(r, 'resolveMedian'), r.hidden.resolveMedian)}
    </tr>
  );
  const series: Series[] = [
    {
      label: t('analytics.painpoints.resolved'),
      points: data.months.map((m) => ({ x: m.month, y: m.resolved })),
    },
  ];
  const total = data.total;
  return (
    <section aria-labelledby="content-painpoints">
      <h2 id="content-painpoints">{t('analytics.painpoints.title')}</h2>
      <p class="hint">{t('analytics.painpoints.intro', { k: data.k })}</p>
      <dl class="figures">
        <Figure
          label={t('analytics.painpoints.open')}
          value={count(total, 'open')}
          how={t('analytics.painpoints.short_open')}
          href="/pain-points"
        />
        <Figure
          label={t('analytics.painpoints.acknowledged')}
          value={count(total, 'acknowledged')}
          how={t('analytics.painpoints.short_in_period')}
        />
        <Figure
          label={t('analytics.painpoints.resolved')}
          value={count(total, 'resolved')}
          how={t('analytics.painpoints.short_in_period')}
        />
        <Figure
          label={t('analytics.painpoints.acknowledge_median')}
          value={median(total, 'acknowledgeMedian')}
          how={t('analytics.painpoints.short_acknowledge_median')}
        />
        <Figure
          label={t('analytics.painpoints.resolve_median')}
          value={median(total, 'resolveMedian')}
          how={t('analytics.painpoints.short_resolve_median')}
        />
      </dl>
      <HowCounted ctx={ctx}>
        <dl class="definitions">
          {DEFINITIONS.map(([term, how]) => (
            <>
              <dt>{t(term)}</dt>
              <dd>{t(how, { k: data.k })}</dd>
            </>
          ))}
        </dl>
      </HowCounted>

      <h3 id="content-painpoints-months">{t('analytics.painpoints.per_month')}</h3>
      <ChartBlock
        kind="bar"
        id="chart-painpoints-resolved"
        title={t('analytics.painpoints.per_month')}
        desc={chartSummary(t, series, n)}
        series={series}
        format={n}
        periodHeader={t('analytics.grain_month')}
        suppressed={fewer}
      />

      <h3 id="content-painpoints-departments">{t('analytics.painpoints.by_department')}</h3>
      {data.departments.length === 0 ? (
        <p>{t('analytics.painpoints.no_pain_points')}</p>
      ) : (
        <div
          class="table-scroll"
          role="region"
          aria-labelledby="content-painpoints-departments"
          tabIndex={0}
        >
          <table>
            <caption>{t('analytics.painpoints.by_department')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.painpoints.department')}</th>
                <th scope="col" class="num">
                  {t('analytics.painpoints.open')}
                </th>
                <th scope="col" class="num">
                  {t('analytics.painpoints.acknowledged')}
                </th>
                <th scope="col" class="num">
                  {t('analytics.painpoints.resolved')}
                </th>
                <th scope="col" class="num">
                  {t('analytics.painpoints.acknowledge_median')}
                </th>
                <th scope="col" class="num">
                  {t('analytics.painpoints.resolve_median')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.departments.map((d) =>
                row(d.department || t('analytics.painpoints.no_department'), d),
              )}
            </tbody>
            <tfoot>{row(t('analytics.painpoints.total'), total)}</tfoot>
          </table>
        </div>
      )}
      <p>
        <a href={csvHref} download>
          {t('analytics.csv')}
        </a>
      </p>
    </section>
  );
}
