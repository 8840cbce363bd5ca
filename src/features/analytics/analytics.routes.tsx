import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { sendPage } from '../../http/context.tsx';
import { fieldError } from '../../http/errors.ts';
import type { I18n } from '../../views/i18n.ts';
import { ActivityPage, OverviewPage, UsersPage } from './analytics.views.tsx';
import { checkGroupFilter, filterGroups, requireAnalytics, sendCsv } from './access.ts';
import { usersLevel } from './levels.ts';
import { overview } from './overview.ts';
import { analyticsSettingsApi, analyticsSettingsRoutes } from './settings.routes.tsx';
import { teamsApi, teamsRoutes } from './teams.routes.tsx';
import { contentApi, contentRoutes } from './content.routes.tsx';
import { valueApi, valueRoutes } from './value.routes.tsx';
import { goalsApi, goalsRoutes } from './goals.routes.tsx';
import { hashtagsApi, hashtagsRoutes } from './hashtags.routes.tsx';
import { impactApi, impactRoutes } from './impact.routes.tsx';
import { activityData, SHOWN, type ShownFigure } from './dashboard.ts';
import { PeriodQuery, periodFrom } from './filters.ts';

const CSV_HEADERS: Record<ShownFigure, string> = {
  posts: 'posts',
  comments: 'comments',
  reactions: 'reactions',
  documents: 'documents',
  downloads: 'downloads',
  visitors: 'visitors',
  active: 'active_people',
  engagementIndex: 'engagement_index',
};

/** Analytics pages: the overview, levels 1 and 3, the other levels and settings (each in its file). */
export async function analyticsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  await analyticsSettingsRoutes(instance, deps);
  await teamsRoutes(instance, deps);
  await contentRoutes(instance, deps);
  await valueRoutes(instance, deps);
  await goalsRoutes(instance, deps);
  await hashtagsRoutes(instance, deps);
  await impactRoutes(instance, deps);
  const pageQuery = (req: {
    query: { from?: string; to?: string; grain?: string };
    i18n: I18n;
  }) => {
    const now = deps.clock();
    const { period, errors } = periodFrom(req.query, now, req.i18n.t);
    const form = {
      from: req.query.from ?? period.from,
      to: req.query.to ?? period.to,
      grain: period.grain,
    };
    return { now, period, errors, form, query: new URLSearchParams({ ...period }).toString() };
  };

  app.get('/analytics', { schema: { querystring: PeriodQuery } }, async (req, reply) => {
    const viewer = await requireAnalytics(req, deps.db);
    const { now, period, errors, form, query } = pageQuery(req);
    const data = await overview(deps.db, viewer, period, now);
    return sendPage(req, reply, deps, req.i18n.t('analytics.title'), (ctx) => (
      <OverviewPage ctx={ctx} data={data} query={query} errors={errors} form={form} />
    ));
  });

  app.get('/analytics/users', { schema: { querystring: DayQuery } }, async (req, reply) => {
    const viewer = await requireAnalytics(req, deps.db);
    const now = deps.clock();
    const { day, errors } = dayFrom(req.query.day, now, req.i18n.t);
    const groups = await filterGroups(deps.db, viewer);
    let groupId: string | null = null;
    try {
      groupId = await checkGroupFilter(deps.db, viewer, req.query.groupId);
    } catch {
      errors.groupId = req.i18n.t('analytics.unknown_group');
    }
    const u = await usersLevel(deps.db, now, day, groupId);
    const form = { day: req.query.day ?? u.day, groupId: groupId ?? '' };
    return sendPage(req, reply, deps, req.i18n.t('analytics.nav_users'), (ctx) => (
      <UsersPage ctx={ctx} u={u} errors={errors} form={form} groups={groups} />
    ));
  });

  app.get('/analytics/activity', { schema: { querystring: PeriodQuery } }, async (req, reply) => {
    const viewer = await requireAnalytics(req, deps.db);
    const { now, period, errors, form, query } = pageQuery(req);
    let groupId: string | null = null;
    try {
      groupId = await checkGroupFilter(deps.db, viewer, req.query.groupId);
    } catch {
      errors.groupId = req.i18n.t('analytics.unknown_group');
    }
    const [data, groups] = await Promise.all([
      activityData(deps.db, period, now, groupId),
      filterGroups(deps.db, viewer),
    ]);
    const withGroup = groupId ? `${query}&${new URLSearchParams({ groupId })}` : query;
    return sendPage(req, reply, deps, req.i18n.t('analytics.nav_activity'), (ctx) => (
      <ActivityPage
        ctx={ctx}
        data={data}
        query={withGroup}
        errors={errors}
        form={{ ...form, groupId: groupId ?? '' }}
        groups={groups}
      />
    ));
  });

  app.get(
    '/analytics/activity.csv',
    { schema: { querystring: PeriodQuery } },
    async (req, reply) => {
      const viewer = await requireAnalytics(req, deps.db);
      const now = deps.clock();
      const { period, errors } = periodFrom(req.query, now, req.i18n.t);
      let groupId: string | null = null;
      try {
        groupId = await checkGroupFilter(deps.db, viewer, req.query.groupId);
      } catch {
        errors.groupId = req.i18n.t('analytics.unknown_group');
      }
      if (Object.keys(errors).length > 0) {
        const [field, message] = Object.entries(errors)[0]!;
        return reply.code(400).type('text/plain; charset=utf-8').send(`${field}: ${message}\n`);
      }
      const data = await activityData(deps.db, period, now, groupId);
      return sendCsv(
        reply,
        `activity-${period.from}-${period.to}`,
        ['period', ...SHOWN.map((f) => CSV_HEADERS[f])],
        data.activity.map((r) => [r.period, ...SHOWN.map((f) => r[f])]),
        data.k,
      );
    },
  );
}

const DayQuery = Type.Object({
  day: Type.Optional(Type.String({ maxLength: 20, description: 'YYYY-MM-DD; default yesterday' })),
  groupId: Type.Optional(
    Type.String({ maxLength: 40, description: 'only the members of this group' }),
  ),
});

/** The day level 1 is computed for: the one asked for, or the last complete day. */
function dayFrom(
  q: string | undefined,
  now: Date,
  t: I18n['t'],
): { day: string | undefined; errors: Record<string, string> } {
  if (!q) return { day: undefined, errors: {} };
  const { errors } = periodFrom({ from: q, to: q }, now, t);
  return errors.from ? { day: undefined, errors: { day: errors.from } } : { day: q, errors: {} };
}

const Nullable = Type.Union([Type.Number(), Type.Null()]);
const UsersJson = Type.Object({
  day: Type.String({ format: 'date', description: 'the last complete day (UTC)' }),
  invited: Type.Integer({ description: 'accounts that are not deactivated' }),
  activated: Type.Integer({ description: 'of those, signed in at least once' }),
  activationRate: Nullable,
  active: Type.Integer({ description: 'visited or did anything in the 28 days up to `day`' }),
  engaged: Type.Integer({ description: 'posted, commented or reacted in those 28 days' }),
  contributing: Type.Integer({ description: 'created a post or a document in those 28 days' }),
  dau: Type.Integer(),
  wau: Type.Integer(),
  mau: Type.Integer(),
  dauMau: Nullable,
});
const ActivityJson = Type.Object({
  period: Type.String({ description: 'a day, the Monday of a week, or YYYY-MM' }),
  ...Object.fromEntries(
    SHOWN.map((f) => [
      f,
      Type.Union([Type.Number(), Type.Null()], { description: 'null: fewer than k people' }),
    ]),
  ),
});

/** `/api/v1/analytics/…` (admins). */
export async function analyticsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  await analyticsSettingsApi(instance, deps);
  await teamsApi(instance, deps);
  await contentApi(instance, deps);
  await valueApi(instance, deps);
  await goalsApi(instance, deps);
  await hashtagsApi(instance, deps);
  await impactApi(instance, deps);
  const tags = ['analytics'];
  const period = async (
    q: { from?: string; to?: string; grain?: string },
    t: I18n['t'],
    groupId: string | null = null,
  ) => {
    const now = deps.clock();
    const { period: p, errors } = periodFrom(q, now, t);
    const bad = Object.entries(errors)[0];
    if (bad) throw fieldError(bad[0], 'invalid_period', 'analytics.bad_period');
    return activityData(deps.db, p, now, groupId);
  };
  const N = Type.Union([Type.Number(), Type.Null()]);
  app.get(
    '/analytics/overview',
    {
      schema: {
        tags,
        summary: 'The overview for management: headline figures of every level and the goals',
        description:
          'The figures of `/analytics` for a period (`from`, `to`: YYYY-MM-DD, default the last ' +
          '12 weeks). null: fewer than k people, or no figure.',
        querystring: PeriodQuery,
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            k: Type.Integer(),
            users: UsersJson,
            teams: Type.Object({
              groups: Type.Integer(),
              activeGroups: N,
              crossDepartmentShare: N,
            }),
            activity: Type.Object({ posts: N, comments: N, reactions: N }),
            content: Type.Object({
              asked: N,
              answerRate: N,
              acceptedRate: N,
              firstAnswerP50Hours: N,
              firstAnswerP50BusinessHours: N,
              answeredWithin24hRate: N,
            }),
            value: Type.Object({
              currency: Type.String(),
              hours: Type.Number(),
              money: Type.Number(),
              cost: Type.Number(),
              roi: N,
            }),
            goals: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                status: Type.String(),
                latest: N,
                target: Type.Number(),
                deadline: Type.String(),
              }),
            ),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => {
      const viewer = await requireAnalytics(req, deps.db);
      const now = deps.clock();
      const { period: p, errors } = periodFrom(req.query, now, req.i18n.t);
      const bad = Object.entries(errors)[0];
      if (bad) throw fieldError(bad[0], 'invalid_period', 'analytics.bad_period');
      const o = await overview(deps.db, viewer, p, now);
      const sum = (f: 'posts' | 'comments' | 'reactions') =>
        o.base.activity.reduce<number | null>(
          (s, r) => (s === null || r[f] === null ? null : s + r[f]!),
          0,
        );
      const c = o.content.total;
      return {
        from: p.from,
        to: p.to,
        k: o.base.k,
        users: o.base.users,
        teams: {
          groups: o.teams.groups.total,
          activeGroups: o.teams.activeGroups,
          crossDepartmentShare: o.teams.crossShare,
        },
        activity: { posts: sum('posts'), comments: sum('comments'), reactions: sum('reactions') },
        content: {
          asked: c.asked,
          answerRate: c.answerRate,
          acceptedRate: c.acceptedRate,
          firstAnswerP50Hours: c.firstAnswerP50Hours,
          firstAnswerP50BusinessHours: c.firstAnswerP50BusinessHours,
          answeredWithin24hRate: c.answeredWithin24hRate,
        },
        value: {
          currency: o.value.model.currency,
          hours: o.value.total.hours,
          money: o.value.total.money,
          cost: o.value.total.cost,
          roi: o.value.total.roi,
        },
        goals: o.goals.map((g) => ({
          id: g.goal.id,
          name: g.goal.name,
          status: g.status,
          latest: g.latest?.value ?? null,
          target: g.goal.target,
          deadline: g.goal.deadline,
        })),
      };
    },
  );
  app.get(
    '/analytics/users',
    {
      schema: {
        tags,
        summary: 'Level 1, users (invited, activated, active, engaged, contributing, DAU/WAU/MAU)',
        querystring: DayQuery,
        response: { 200: UsersJson, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const viewer = await requireAnalytics(req, deps.db);
      const { day, errors } = dayFrom(req.query.day, deps.clock(), req.i18n.t);
      if (errors.day) throw fieldError('day', 'invalid_date', 'analytics.bad_date');
      const groupId = await checkGroupFilter(deps.db, viewer, req.query.groupId);
      return usersLevel(deps.db, deps.clock(), day, groupId);
    },
  );
  app.get(
    '/analytics/activity',
    {
      schema: {
        tags,
        summary: 'Level 3, activity per day, week or month',
        description:
          'Counts per period; a figure behind which fewer than k people stand (the setting ' +
          '`analytics.k`, default 5) is null. `from`, `to`: YYYY-MM-DD, default the last 12 weeks. ' +
          '`groupId`: only the activity of that group’s current members (anywhere).',
        querystring: PeriodQuery,
        response: {
          200: Type.Intersect([
            Page(ActivityJson),
            Type.Object({
              k: Type.Integer(),
              grain: Type.String(),
              groupId: Type.Union([Type.String(), Type.Null()]),
            }),
          ]),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => {
      const viewer = await requireAnalytics(req, deps.db);
      const groupId = await checkGroupFilter(deps.db, viewer, req.query.groupId);
      const d = await period(req.query, req.i18n.t, groupId);
      return {
        items: d.activity,
        nextCursor: null,
        k: d.k,
        grain: d.period.grain,
        groupId: d.groupId,
      };
    },
  );
}
