import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { ChartBlock, chartSummary, type Series } from './charts.tsx';
import { AnalyticsNav, Figure, PeriodForm } from './analytics.layout.tsx';
import { seriesOf, type ActivityData, type ShownFigure } from './dashboard.ts';
import type { UsersLevel } from './levels.ts';
import { StatusBadge, unitOf } from './goals.views.tsx';
import { MEANINGS } from './hashtags.kpi.ts';
import type { Overview } from './overview.ts';

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

export interface ActivityPageProps {
  ctx: PageContext;
  data: ActivityData;
  /** The query string of this period, for the CSV link. */
  query: string;
  errors: Record<string, string>;
  form: { from: string; to: string; grain: string; groupId?: string };
  /** Groups the viewer may filter by. */
  groups?: readonly { id: string; name: string }[];
}

const numberOf = (ctx: PageContext) => (x: number) =>
  ctx.i18n.number(x, { maximumFractionDigits: 1 });
const percentOf = (ctx: PageContext) => (x: number | null) =>
  x === null ? '—' : ctx.i18n.number(x, { style: 'percent', maximumFractionDigits: 0 });

/** Level 1: the figures of one day, each with its definition. */
export function UsersSection({ ctx, u }: { ctx: PageContext; u: UsersLevel }) {
  const { t } = ctx.i18n;
  const n = numberOf(ctx);
  const pct = percentOf(ctx);
  return (
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
  );
}

/** Level 3: charts of the period with their tables, and the CSV of exactly those figures. */
export function ActivitySection({
  ctx,
  data,
  query,
  charts = ['content', 'people', 'more'],
}: {
  ctx: PageContext;
  data: ActivityData;
  query: string;
  charts?: readonly ('content' | 'people' | 'more')[];
}) {
  const { t } = ctx.i18n;
  const n = numberOf(ctx);
  const label = (f: ShownFigure) => t(FIGURE[f]);
  const all = {
    content: [
      t('analytics.chart_content'),
      seriesOf(data.activity, ['posts', 'comments', 'reactions'], label),
      'line',
    ],
    people: [
      t('analytics.chart_people'),
      seriesOf(data.activity, ['active', 'visitors'], label),
      'bar',
    ],
    more: [
      t('analytics.chart_more'),
      seriesOf(data.activity, ['documents', 'downloads', 'engagementIndex'], label),
      'line',
    ],
  } as const;
  const fewer = t('analytics.fewer_than', { k: data.k });
  const periodHeader = t(`analytics.grain_${data.period.grain}` as MessageKey);
  const summary = (s: readonly Series[]) => chartSummary(t, s, n);
  return (
    <section aria-labelledby="level-activity">
      <h2 id="level-activity">{t('analytics.level_activity')}</h2>
      <p class="hint">{t('analytics.how_activity')}</p>
      {charts.map((id) => {
        const [title, series, kind] = all[id];
        return (
          <ChartBlock
            kind={kind}
            id={`chart-${id}`}
            title={title}
            desc={summary(series)}
            series={series}
            format={n}
            periodHeader={periodHeader}
            suppressed={fewer}
          />
        );
      })}
      <p>
        <a href={`/analytics/activity.csv?${query}`} download>
          {t('analytics.csv')}
        </a>
      </p>
    </section>
  );
}

export function UsersPage({
  ctx,
  u,
  errors,
  form,
  groups,
}: {
  ctx: PageContext;
  u: UsersLevel;
  errors: Record<string, string>;
  form: { day: string; groupId: string };
  groups: readonly { id: string; name: string }[];
}) {
  const { t } = ctx.i18n;
  return (
    <>
      <AnalyticsNav ctx={ctx} />
      <h1>{t('analytics.nav_users')}</h1>
      <p>{t('analytics.users_intro')}</p>
      <form method="get" action="/analytics/users" class="filters">
        <p class="field">
          <label for="a-day">{t('analytics.users_as_of')}</label>
          <input
            type="date"
            id="a-day"
            name="day"
            value={form.day}
            aria-invalid={errors.day ? 'true' : undefined}
            aria-describedby={errors.day ? 'a-day-error' : undefined}
          />
          {errors.day ? (
            <span class="error" id="a-day-error">
              {errors.day}
            </span>
          ) : null}
        </p>
        <p class="field">
          <label for="a-group">{t('analytics.group')}</label>
          <select
            id="a-group"
            name="groupId"
            aria-invalid={errors.groupId ? 'true' : undefined}
            aria-describedby={errors.groupId ? 'a-group-error' : undefined}
          >
            <option value="">{t('analytics.all_groups')}</option>
            {groups.map((g) => (
              <option value={g.id} selected={form.groupId === g.id}>
                {g.name}
              </option>
            ))}
          </select>
          {errors.groupId ? (
            <span class="error" id="a-group-error">
              {errors.groupId}
            </span>
          ) : null}
        </p>
        <p>
          <button type="submit">{t('analytics.show')}</button>
        </p>
      </form>
      {form.groupId ? <p class="hint">{t('analytics.users_group_hint')}</p> : null}
      <UsersSection ctx={ctx} u={u} />
    </>
  );
}

export function ActivityPage({ ctx, data, query, errors, form, groups }: ActivityPageProps) {
  const { t } = ctx.i18n;
  return (
    <>
      <AnalyticsNav ctx={ctx} />
      <h1>{t('analytics.nav_activity')}</h1>
      <p>{t('analytics.intro', { k: data.k })}</p>
      <PeriodForm
        ctx={ctx}
        action="/analytics/activity"
        form={form}
        errors={errors}
        groups={groups}
      />
      {data.groupId ? <p class="hint">{t('analytics.activity_group_hint')}</p> : null}
      <ActivitySection ctx={ctx} data={data} query={query} />
    </>
  );
}

export interface OverviewPageProps {
  ctx: PageContext;
  data: Overview;
  query: string;
  errors: Record<string, string>;
  form: { from: string; to: string; grain: string };
}

/** The one page for management: the headline figures of every level, goals and hashtag KPIs. */
export function OverviewPage({ ctx, data, query, errors, form }: OverviewPageProps) {
  const { t } = ctx.i18n;
  const { base, teams, content, value } = data;
  const k = base.k;
  const n = numberOf(ctx);
  const pct = percentOf(ctx);
  const hidden = t('analytics.overview.hidden', { k });
  const num = (x: number | null) => (x === null ? hidden : n(x));
  const share = (x: number | null) => (x === null ? hidden : pct(x));
  const money = (x: number) =>
    ctx.i18n.number(x, {
      style: 'currency',
      currency: value.model.currency,
      maximumFractionDigits: 0,
    });
  const u = base.users;
  const sum = (f: 'posts' | 'comments' | 'reactions') =>
    base.activity.reduce<number | null>(
      (s, r) => (s === null || r[f] === null ? null : s + r[f]!),
      0,
    );
  const parts = [sum('posts'), sum('comments'), sum('reactions')];
  const interactions = parts.includes(null) ? null : parts.reduce((s, x) => s! + x!, 0)!;
  const lastIndex = base.activity.at(-1)?.engagementIndex ?? null;
  const c = content.total;
  const withPeriod = (path: string) => `${path}?${query}`;
  return (
    <>
      <AnalyticsNav ctx={ctx} />
      <h1>{t('analytics.title')}</h1>
      <p>{t('analytics.overview.intro', { k })}</p>
      <PeriodForm ctx={ctx} action="/analytics" form={form} errors={errors} />
      <section aria-labelledby="overview-glance">
        <h2 id="overview-glance">{t('analytics.overview.glance')}</h2>
        <dl class="figures">
          <Figure
            label={t('analytics.overview.users')}
            href="/analytics/users"
            value={t('analytics.overview.users_value', {
              active: n(u.active),
              invited: n(u.invited),
            })}
            how={t('analytics.overview.users_how', {
              activation: pct(u.activationRate),
              dauMau: pct(u.dauMau),
            })}
          />
          <Figure
            label={t('analytics.overview.teams')}
            href={withPeriod('/analytics/teams')}
            value={t('analytics.overview.teams_value', {
              active: num(teams.activeGroups),
              total: n(teams.groups.total),
            })}
            how={t('analytics.overview.teams_how', { cross: share(teams.crossShare) })}
          />
          <Figure
            label={t('analytics.overview.activity')}
            href={withPeriod('/analytics/activity')}
            value={t('analytics.overview.activity_value', { n: num(interactions) })}
            how={t('analytics.overview.activity_how', {
              index: lastIndex === null ? '—' : n(lastIndex),
            })}
          />
          <Figure
            label={t('analytics.overview.content')}
            href={withPeriod('/analytics/content')}
            value={t('analytics.overview.content_value', {
              rate: share(c.answerRate),
              target: pct(content.targets.answerRate),
            })}
            how={t('analytics.overview.content_how', {
              calendar: num(c.firstAnswerP50Hours),
              business: num(c.firstAnswerP50BusinessHours),
              within: share(c.answeredWithin24hRate),
            })}
          />
          <Figure
            label={t('analytics.overview.value')}
            href={withPeriod('/analytics/value')}
            value={t('analytics.overview.value_value', {
              hours: n(value.total.hours),
              money: money(value.total.money),
            })}
            how={t('analytics.overview.value_how', {
              roi: value.total.roi === null ? '—' : pct(value.total.roi),
              money: money(value.total.money),
              cost: money(value.total.cost),
            })}
          />
          <Figure
            label={t('analytics.overview.hashtags')}
            href={withPeriod('/analytics/hashtags')}
            value={MEANINGS.map((m) => t(`hashtags.${m}` as MessageKey)).join(' · ')}
            how={t('analytics.overview.hashtags_how')}
          />
        </dl>
      </section>
      <section aria-labelledby="overview-goals">
        <h2 id="overview-goals">
          <a href="/analytics/goals">{t('analytics.overview.goals')}</a>
        </h2>
        {data.goals.length === 0 ? (
          <p>{t('analytics.overview.no_goals')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('analytics.overview.goal')}</th>
                  <th scope="col">{t('analytics.overview.latest')}</th>
                  <th scope="col">{t('analytics.overview.target')}</th>
                  <th scope="col">{t('analytics.overview.deadline')}</th>
                  <th scope="col">{t('analytics.overview.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.goals.map((g) => (
                  <tr>
                    <th scope="row">
                      <a href={`/analytics/goals/${g.goal.id}`}>{g.goal.name}</a>
                    </th>
                    <td>{g.latest ? `${n(g.latest.value)} ${unitOf(ctx, g.goal)}`.trim() : '—'}</td>
                    <td>{`${n(g.goal.target)} ${unitOf(ctx, g.goal)}`.trim()}</td>
                    <td>{g.goal.deadline}</td>
                    <td>
                      <StatusBadge ctx={ctx} status={g.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <ActivitySection ctx={ctx} data={base} query={query} charts={['content']} />
    </>
  );
}
