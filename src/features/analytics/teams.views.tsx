import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { AnalyticsNav, HowCounted, PeriodForm } from './analytics.layout.tsx';
import { ChartBlock, chartSummary, type Series } from './charts.tsx';
import type { TeamsLevel } from './teams.level.ts';

/** The chart's series: the same figures as its table and its CSV. */
export function teamsSeries(data: TeamsLevel, t: PageContext['i18n']['t']): Series[] {
  return [
    {
      label: t('analytics.teams.series_conversations'),
      points: data.series.map((r) => ({ x: r.period, y: r.conversations })),
    },
    {
      label: t('analytics.teams.series_cross'),
      points: data.series.map((r) => ({ x: r.period, y: r.crossDepartment })),
    },
  ];
}

export interface TeamsPageProps {
  ctx: PageContext;
  /** null when the filters are wrong (the errors say why). */
  data: TeamsLevel | null;
  /** The query string of these filters, for the CSV links. */
  query: string;
  errors: Record<string, string>;
  form: { from: string; to: string; grain: string; groupId: string };
  groups: readonly { id: string; name: string }[];
  /** Whether the viewer sees every group (admins). */
  everyGroup: boolean;
}

function Figure({
  ctx,
  label,
  value,
  detail,
  children,
}: {
  ctx: PageContext;
  label: string;
  value: string;
  detail?: string;
  children: preact.ComponentChildren;
}) {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
        {detail ? <span class="how">{detail}</span> : null}
        <HowCounted ctx={ctx}>
          <p class="how">{children}</p>
        </HowCounted>
      </dd>
    </div>
  );
}

export function TeamsPage({ ctx, data, query, errors, form, groups, everyGroup }: TeamsPageProps) {
  const { t } = ctx.i18n;
  return (
    <>
      <AnalyticsNav ctx={ctx} />
      <h1>{t('analytics.teams.title')}</h1>
      <PeriodForm ctx={ctx} action="/analytics/teams" form={form} errors={errors} groups={groups} />
      {data ? (
        <TeamsFigures ctx={ctx} data={data} query={query} groups={groups} everyGroup={everyGroup} />
      ) : (
        <p role="alert">{t('analytics.teams.fix_filters')}</p>
      )}
    </>
  );
}

function TeamsFigures({
  ctx,
  data,
  query,
  groups,
  everyGroup,
}: {
  ctx: PageContext;
  data: TeamsLevel;
  query: string;
  groups: readonly { id: string; name: string }[];
  everyGroup: boolean;
}) {
  const { t } = ctx.i18n;
  const n = (x: number) => ctx.i18n.number(x, { maximumFractionDigits: 1 });
  const pct = (x: number | null) =>
    x === null ? '—' : ctx.i18n.number(x, { style: 'percent', maximumFractionDigits: 0 });
  const fewer = t('analytics.fewer_than', { k: data.k });
  const shown = (x: number | null) => (x === null ? fewer : n(x));
  const g = data.groups;
  const series = teamsSeries(data, t);
  const chartTitle = t('analytics.teams.chart');
  const csv = (part: string) => `/analytics/teams.csv?${query}&part=${part}`;
  const chosen = data.groupId ? groups.find((x) => x.id === data.groupId) : undefined;
  return (
    <>
      <p>{t('analytics.teams.intro', { k: data.k })}</p>
      <p class="hint">
        {chosen
          ? t('analytics.teams.scope_group', { name: chosen.name })
          : t(everyGroup ? 'analytics.teams.scope_all' : 'analytics.teams.scope_member')}
      </p>

      <section>
        <h2 id="teams-figures">{t('analytics.teams.figures')}</h2>
        <dl class="figures">
          <Figure
            ctx={ctx}
            label={t('analytics.teams.groups')}
            value={n(g.total)}
            detail={t('analytics.teams.groups_detail', {
              team: n(g.team),
              community: n(g.community),
              public: n(g.public),
              private: n(g.private),
              secret: n(g.secret),
            })}
          >
            {t('analytics.teams.how_groups')}
          </Figure>
          <Figure
            ctx={ctx}
            label={t('analytics.teams.active')}
            value={
              data.activeGroups === null
                ? fewer
                : t('analytics.teams.active_value', {
                    active: n(data.activeGroups),
                    total: n(g.total),
                    share: pct(data.activeShare),
                  })
            }
          >
            {t('analytics.teams.how_active', { day: data.day })}
          </Figure>
          <Figure
            ctx={ctx}
            label={t('analytics.teams.members')}
            value={t('analytics.teams.members_value', {
              median: data.members.median === null ? '—' : n(data.members.median),
              mean: data.members.mean === null ? '—' : n(data.members.mean),
            })}
          >
            {t('analytics.teams.how_members')}
          </Figure>
          <Figure
            ctx={ctx}
            label={t('analytics.teams.conversations')}
            value={shown(data.conversations)}
          >
            {t('analytics.teams.how_conversations', { k: data.k })}
          </Figure>
          <Figure
            ctx={ctx}
            label={t('analytics.teams.cross')}
            value={
              data.crossDepartment === null
                ? fewer
                : t('analytics.teams.cross_value', {
                    count: n(data.crossDepartment),
                    share: pct(data.crossShare),
                  })
            }
          >
            {t('analytics.teams.how_cross', { k: data.k })}
          </Figure>
        </dl>
        <div class="table-scroll" role="region" aria-labelledby="teams-sizes" tabIndex={0}>
          <table>
            <caption id="teams-sizes">{t('analytics.teams.sizes')}</caption>
            <tbody>
              {data.members.distribution.map((b) => (
                <tr>
                  <th scope="row">
                    {b.max === null
                      ? t('analytics.teams.size_open', { min: n(b.min) })
                      : t('analytics.teams.size_range', { min: n(b.min), max: n(b.max) })}
                  </th>
                  <td class="num">{n(b.groups)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <HowCounted ctx={ctx}>
          <p class="how">{t('analytics.teams.how_sizes')}</p>
        </HowCounted>
        <p>
          <a href={csv('figures')} download>
            {t('analytics.teams.csv_figures')}
          </a>
        </p>
      </section>

      <section>
        <h2 id="teams-conversations">{t('analytics.teams.conversations_h')}</h2>
        <ChartBlock
          id="chart-conversations"
          title={chartTitle}
          desc={chartSummary(t, series, n)}
          series={series}
          format={n}
          periodHeader={t(`analytics.grain_${data.period.grain}` as MessageKey)}
          suppressed={fewer}
        />
        <HowCounted ctx={ctx}>
          <p class="how">{t('analytics.teams.how_conversations', { k: data.k })}</p>
          <p class="how">{t('analytics.teams.how_cross', { k: data.k })}</p>
        </HowCounted>
        <p>
          <a href={csv('series')} download>
            {t('analytics.teams.csv_series')}
          </a>
        </p>
      </section>

      <section>
        <h2 id="teams-breakdown">{t('analytics.teams.breakdown')}</h2>
        <HowCounted ctx={ctx}>
          <p class="how">{t('analytics.teams.how_breakdown', { day: data.day, k: data.k })}</p>
        </HowCounted>
        {data.breakdown.length === 0 ? (
          <p>{t('analytics.teams.no_groups')}</p>
        ) : (
          <div class="table-scroll" role="region" aria-labelledby="teams-breakdown" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('analytics.teams.col_group')}</th>
                  <th scope="col">{t('analytics.teams.col_kind')}</th>
                  <th scope="col">{t('analytics.teams.col_visibility')}</th>
                  <th scope="col" class="num">
                    {t('analytics.teams.col_members')}
                  </th>
                  <th scope="col" class="num">
                    {t('analytics.teams.col_engaged')}
                  </th>
                  <th scope="col" class="num">
                    {t('analytics.teams.col_posts')}
                  </th>
                  <th scope="col" class="num">
                    {t('analytics.teams.col_comments')}
                  </th>
                  <th scope="col" class="num">
                    {t('analytics.teams.col_reactions')}
                  </th>
                  <th scope="col">{t('analytics.teams.col_active')}</th>
                </tr>
              </thead>
              <tbody>
                {data.breakdown.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`/groups/${r.id}`}>{r.name}</a>
                    </th>
                    <td>{t(`analytics.teams.${r.kind}`)}</td>
                    <td>{t(`analytics.teams.${r.visibility}`)}</td>
                    <td class="num">{n(r.members)}</td>
                    {[r.engaged, r.posts, r.comments, r.reactions].map((v) => (
                      <td class={v === null ? 'num suppressed' : 'num'}>{shown(v)}</td>
                    ))}
                    <td class={r.active === null ? 'suppressed' : undefined}>
                      {r.active === null
                        ? fewer
                        : t(r.active ? 'analytics.teams.yes' : 'analytics.teams.no')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <a href={csv('groups')} download>
            {t('analytics.teams.csv_groups')}
          </a>
        </p>
      </section>
    </>
  );
}
