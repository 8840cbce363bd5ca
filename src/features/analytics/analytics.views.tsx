import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { BarChart, DataTable, LineChart, latestChange } from './charts.tsx';
import { seriesOf, type Dashboard, type ShownFigure } from './dashboard.ts';

const FIGURE: Record<ShownFigure, MessageKey> = {
  posts: 'analytics.posts',
  comments: 'analytics.comments',
  reactions: 'analytics.reactions',
  documents: 'analytics.documents',
  downloads: 'analytics.downloads',
  visitors: 'analytics.visitors',
  active: 'analytics.active_people',
  engagementIndex: 'analytics.engagement_index',
};

export interface DashboardPageProps {
  ctx: PageContext;
  data: Dashboard;
  /** The query string of this period, for the CSV link. */
  query: string;
  errors: Record<string, string>;
  form: { from: string; to: string; grain: string };
}

function Figure({ label, value, how }: { label: string; value: string; how: string }) {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
        <span class="how">{how}</span>
      </dd>
    </div>
  );
}

export function DashboardPage({ ctx, data, query, errors, form }: DashboardPageProps) {
  const { t } = ctx.i18n;
  const n = (x: number) => ctx.i18n.number(x, { maximumFractionDigits: 1 });
  const pct = (x: number | null) =>
    x === null ? '—' : ctx.i18n.number(x, { style: 'percent', maximumFractionDigits: 0 });
  const u = data.users;
  const label = (f: ShownFigure) => t(FIGURE[f]);
  const content = seriesOf(data.activity, ['posts', 'comments', 'reactions'], label);
  const people = seriesOf(data.activity, ['active', 'visitors'], label);
  const more = seriesOf(data.activity, ['documents', 'downloads', 'engagementIndex'], label);
  const fewer = t('analytics.fewer_than', { k: data.k });
  const periodHeader = t(`analytics.grain_${data.period.grain}` as MessageKey);
  const summary = (s: { label: string; points: { x: string; y: number | null }[] }[]) => {
    const last = s[0] ? latestChange(s[0]) : null;
    return last
      ? t('analytics.chart_summary', { figure: s[0]!.label, period: last.x, value: n(last.y) })
      : t('analytics.chart_empty');
  };
  return (
    <>
      <h1>{t('analytics.title')}</h1>
      <p>{t('analytics.intro', { k: data.k })}</p>

      <section aria-labelledby="level-users">
        <h2 id="level-users">{t('analytics.level_users')}</h2>
        <p class="hint">{t('analytics.users_day', { day: u.day })}</p>
        <dl class="figures">
          <Figure
            label={t('analytics.invited')}
            value={n(u.invited)}
            how={t('analytics.how_invited')}
          />
          <Figure
            label={t('analytics.activated')}
            value={`${n(u.activated)} (${pct(u.activationRate)})`}
            how={t('analytics.how_activated')}
          />
          <Figure
            label={t('analytics.active_28')}
            value={n(u.active)}
            how={t('analytics.how_active')}
          />
          <Figure
            label={t('analytics.engaged')}
            value={n(u.engaged)}
            how={t('analytics.how_engaged')}
          />
          <Figure
            label={t('analytics.contributing')}
            value={n(u.contributing)}
            how={t('analytics.how_contributing')}
          />
          <Figure
            label={t('analytics.dau_wau_mau')}
            value={`${n(u.dau)} · ${n(u.wau)} · ${n(u.mau)}`}
            how={t('analytics.how_dau')}
          />
          <Figure label="DAU/MAU" value={pct(u.dauMau)} how={t('analytics.how_dau_mau')} />
        </dl>
      </section>

      <section aria-labelledby="level-activity">
        <h2 id="level-activity">{t('analytics.level_activity')}</h2>
        <form method="get" action="/analytics" class="filters">
          <p class="field">
            <label for="a-from">{t('analytics.from')}</label>
            <input type="date" id="a-from" name="from" value={form.from} />
            {errors.from ? <span class="error">{errors.from}</span> : null}
          </p>
          <p class="field">
            <label for="a-to">{t('analytics.to')}</label>
            <input type="date" id="a-to" name="to" value={form.to} />
            {errors.to ? <span class="error">{errors.to}</span> : null}
          </p>
          <p class="field">
            <label for="a-grain">{t('analytics.grain')}</label>
            <select id="a-grain" name="grain">
              {(['day', 'week', 'month'] as const).map((g) => (
                <option value={g} selected={form.grain === g}>
                  {t(`analytics.grain_${g}` as MessageKey)}
                </option>
              ))}
            </select>
          </p>
          <p>
            <button type="submit">{t('analytics.show')}</button>
          </p>
        </form>
        <p class="hint">{t('analytics.how_activity')}</p>
        {[
          ['content', t('analytics.chart_content'), content, 'line'],
          ['people', t('analytics.chart_people'), people, 'bar'],
          ['more', t('analytics.chart_more'), more, 'line'],
        ].map(([id, title, series, kind]) => {
          const s = series as typeof content;
          const Chart = kind === 'bar' ? BarChart : LineChart;
          return (
            <div class="chart-block">
              <Chart
                id={`chart-${id as string}`}
                title={title as string}
                desc={summary(s)}
                series={s}
                format={n}
              />
              <DataTable
                caption={title as string}
                periodHeader={periodHeader}
                series={s}
                format={n}
                suppressed={fewer}
              />
            </div>
          );
        })}
        <p>
          <a href={`/analytics/activity.csv?${query}`} download>
            {t('analytics.csv')}
          </a>
        </p>
      </section>
    </>
  );
}
