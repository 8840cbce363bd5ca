import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import type { Meaning } from '../hashtags/hashtags.table.ts';
import { AnalyticsNav, HowCounted, PeriodForm } from './analytics.layout.tsx';
import { ChartBlock, latestChange } from './charts.tsx';
import type { Series } from './csv.ts';
import { MEANINGS, type Figure, type HashtagKpis } from './hashtags.kpi.ts';

export const MEANING_LABEL: Record<Meaning, MessageKey> = {
  success_story: 'hashtags.success_story',
  customer_voice: 'hashtags.customer_voice',
  pain_point: 'hashtags.pain_point',
  campaign: 'hashtags.campaign',
};

/** The series per meaning, as the chart, its table and the CSV show them. */
export function meaningSeries(data: HashtagKpis, label: (m: Meaning) => string): Series[] {
  return MEANINGS.map((m) => ({
    label: label(m),
    points: data.series.map((r) => ({ x: r.period, y: r[m] })),
  }));
}

export interface HashtagsPageProps {
  ctx: PageContext;
  data: HashtagKpis;
  /** The query string of this view, for the CSV links. */
  query: string;
  errors: Record<string, string>;
  form: { from: string; to: string; grain: string; groupId?: string };
  groups: readonly { id: string; name: string }[];
}

export function HashtagsPage({ ctx, data, query, errors, form, groups }: HashtagsPageProps) {
  const { t } = ctx.i18n;
  const n = (x: number) => ctx.i18n.number(x);
  const fewer = t('analytics.fewer_than', { k: data.k });
  const show = (v: Figure) => (v === null ? fewer : n(v));
  const cls = (v: Figure) => (v === null ? 'num suppressed' : 'num');
  const meaning = (m: Meaning) => t(MEANING_LABEL[m]);
  const series = meaningSeries(data, meaning);
  // For screen readers: each meaning's latest shown figure.
  const latest = series.flatMap((s) => {
    const c = latestChange(s);
    return c ? [t('analytics.chart_summary', { figure: s.label, period: c.x, value: n(c.y) })] : [];
  });
  const desc = latest.length > 0 ? latest.join(' ') : t('analytics.chart_empty');
  const csv = (table: string) => `/analytics/hashtags.csv?${query}&part=${table}`;
  const dep = data.departments;
  return (
    <>
      <AnalyticsNav ctx={ctx} />
      <h1>{t('analytics.hashtags.title')}</h1>
      <p>{t('analytics.hashtags.intro', { k: data.k })}</p>
      <PeriodForm
        ctx={ctx}
        action="/analytics/hashtags"
        form={form}
        errors={errors}
        groups={groups}
      />

      {data.tags.length === 0 ? (
        <p class="hint">
          {t('analytics.hashtags.none')}{' '}
          {ctx.viewer?.role === 'admin' ? (
            <a href="/admin/hashtags">{t('analytics.hashtags.none_admin')}</a>
          ) : null}
        </p>
      ) : null}

      <section>
        <h2 id="h-over-time">{t('analytics.hashtags.over_time')}</h2>
        <HowCounted ctx={ctx}>
          <p>{t('analytics.hashtags.how_over_time', { k: data.k })}</p>
        </HowCounted>
        <ChartBlock
          id="chart-meanings"
          title={t('analytics.hashtags.over_time')}
          desc={desc}
          series={series}
          format={n}
          periodHeader={t(`analytics.grain_${data.period.grain}` as MessageKey)}
          suppressed={fewer}
        />
        <p>
          <a href={csv('series')} download>
            {t('analytics.hashtags.csv_series')}
          </a>
        </p>
      </section>

      <section>
        <h2 id="h-per-tag">{t('analytics.hashtags.per_tag')}</h2>
        <HowCounted ctx={ctx}>
          <p>{t('analytics.hashtags.how_per_tag', { k: data.k })}</p>
        </HowCounted>
        <div
          class="table-scroll"
          role="region"
          aria-label={t('analytics.hashtags.per_tag')}
          tabIndex={0}
        >
          <table>
            <caption>{t('analytics.hashtags.per_tag')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.hashtags.tag')}</th>
                <th scope="col">{t('analytics.hashtags.meaning')}</th>
                <th scope="col" class="num">
                  {t('analytics.hashtags.posts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.tags.map((h) => (
                <tr key={h.tag}>
                  <th scope="row">
                    <a href={`/hashtags/${encodeURIComponent(h.tag)}`}>#{h.display}</a>
                    {h.aliases.length > 0 ? (
                      <span class="hint">
                        {' '}
                        (
                        {t('analytics.hashtags.aliases', {
                          aliases: h.aliases.map((a) => `#${a}`).join(', '),
                        })}
                        )
                      </span>
                    ) : null}
                  </th>
                  <td>{meaning(h.meaning)}</td>
                  <td class={cls(h.posts)}>{show(h.posts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a href={csv('hashtags')} download>
            {t('analytics.hashtags.csv_tags')}
          </a>
        </p>
      </section>

      <section>
        <h2 id="h-by-department">{t('analytics.hashtags.by_department')}</h2>
        <HowCounted ctx={ctx}>
          <p>{t('analytics.hashtags.how_by_department', { k: data.k })}</p>
        </HowCounted>
        {dep.rows.length === 0 ? (
          <p class="hint">{t('analytics.hashtags.no_posts')}</p>
        ) : (
          <div
            class="table-scroll"
            role="region"
            aria-label={t('analytics.hashtags.by_department')}
            tabIndex={0}
          >
            <table>
              <caption>{t('analytics.hashtags.by_department')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analytics.hashtags.department')}</th>
                  {MEANINGS.map((m) => (
                    <th scope="col" class="num" key={m}>
                      {meaning(m)}
                    </th>
                  ))}
                  <th scope="col" class="num">
                    {t('analytics.hashtags.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {dep.rows.map((r) => (
                  <tr key={r.department}>
                    <th scope="row">{r.department || t('analytics.hashtags.no_department')}</th>
                    {r.cells.map((c, i) => (
                      <td key={i} class={cls(c)}>
                        {show(c)}
                      </td>
                    ))}
                    <td class={cls(r.total)}>{show(r.total)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('analytics.hashtags.total')}</th>
                  {dep.totals.map((c, i) => (
                    <td key={i} class={cls(c)}>
                      {show(c)}
                    </td>
                  ))}
                  <td class={cls(dep.grandTotal)}>{show(dep.grandTotal)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        <p>
          <a href={csv('departments')} download>
            {t('analytics.hashtags.csv_departments')}
          </a>
        </p>
      </section>
    </>
  );
}
