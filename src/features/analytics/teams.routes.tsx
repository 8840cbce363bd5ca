import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { sendPage } from '../../http/context.tsx';
import { AppError, fieldError } from '../../http/errors.ts';
import type { User } from '../accounts/accounts.table.ts';
import type { I18n } from '../../views/i18n.ts';
import { checkGroupFilter, filterGroups, requireAnalytics, sendCsv } from './access.ts';
import { seriesRows, type Cell } from './csv.ts';
import { PeriodQuery, periodFrom, type PeriodQueryType } from './filters.ts';
import { teamsLevel, type TeamsLevel } from './teams.level.ts';
import { teamsSeries, TeamsPage } from './teams.views.tsx';

const PARTS = ['groups', 'series', 'figures'] as const;
type Part = (typeof PARTS)[number];

const CsvQuery = Type.Object({
  ...PeriodQuery.properties,
  part: Type.Optional(
    Type.String({ maxLength: 10, description: 'groups (default), series or figures' }),
  ),
});

/**
 * The figures the query asks for, or the reasons it cannot be answered (field → message):
 * the period (filters.ts) and the group filter, which names only groups the viewer may see.
 */
async function load(
  deps: Deps,
  viewer: User,
  q: PeriodQueryType,
  t: I18n['t'],
): Promise<{ data: TeamsLevel | null; errors: Record<string, string>; query: string }> {
  const now = deps.clock();
  const { period, errors } = periodFrom(q, now, t);
  let groupId: string | null = null;
  try {
    groupId = await checkGroupFilter(deps.db, viewer, q.groupId);
  } catch (err) {
    const field = err instanceof AppError ? err.fields[0] : undefined;
    if (!field) throw err;
    errors[field.field] = t(field.message);
  }
  const query = new URLSearchParams({
    from: period.from,
    to: period.to,
    grain: period.grain,
    ...(groupId ? { groupId } : {}),
  }).toString();
  if (Object.keys(errors).length > 0) return { data: null, errors, query };
  return { data: await teamsLevel(deps.db, viewer, period, groupId, now), errors, query };
}

/** Rows of the per-group table as the CSV has them: suppressed cells null (sendCsv: "<k"). */
function groupRows(d: TeamsLevel): Cell[][] {
  return d.breakdown.map((r) => [
    r.name,
    r.kind,
    r.visibility,
    r.members,
    r.engaged,
    r.posts,
    r.comments,
    r.reactions,
    r.active === null ? null : r.active ? 1 : 0,
  ]);
}

/** The headline figures, one per row. A share without a base is empty, a hidden one "<k". */
function figureRows(d: TeamsLevel): Cell[][] {
  const share = (x: number | null, part: number | null, base: number | null): Cell =>
    part === null || base === null ? null : x === null ? '' : Math.round(x * 10_000) / 10_000;
  const round = (x: number | null): Cell => (x === null ? '' : Math.round(x * 100) / 100);
  return [
    ['groups', d.groups.total],
    ['groups_team', d.groups.team],
    ['groups_community', d.groups.community],
    ['groups_public', d.groups.public],
    ['groups_private', d.groups.private],
    ['groups_secret', d.groups.secret],
    [`active_groups_${d.day}`, d.activeGroups],
    [`active_share_${d.day}`, share(d.activeShare, d.activeGroups, d.groups.total)],
    ['members_median', round(d.members.median)],
    ['members_mean', round(d.members.mean)],
    ...d.members.distribution.map((b): Cell[] => [
      `groups_${b.min}_${b.max ?? 'plus'}_members`,
      b.groups,
    ]),
    ['conversations', d.conversations],
    ['cross_department_conversations', d.crossDepartment],
    ['cross_department_share', share(d.crossShare, d.crossDepartment, d.conversations)],
  ];
}

/** `/analytics/teams` and its CSV (admins; members too when the audience setting says so). */
export async function teamsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/analytics/teams', { schema: { querystring: PeriodQuery } }, async (req, reply) => {
    const viewer = await requireAnalytics(req, deps.db);
    const { t } = req.i18n;
    const { data, errors, query } = await load(deps, viewer, req.query, t);
    const groups = await filterGroups(deps.db, viewer);
    const p = periodFrom({}, deps.clock(), t).period;
    const form = {
      from: req.query.from ?? data?.period.from ?? p.from,
      to: req.query.to ?? data?.period.to ?? p.to,
      grain: data?.period.grain ?? req.query.grain ?? p.grain,
      groupId: req.query.groupId ?? '',
    };
    return sendPage(
      req,
      reply,
      deps,
      t('analytics.teams.title'),
      (ctx) => (
        <TeamsPage
          ctx={ctx}
          data={data}
          query={query}
          errors={errors}
          form={form}
          groups={groups}
          everyGroup={viewer.role === 'admin'}
        />
      ),
      data ? 200 : 400,
    );
  });

  app.get('/analytics/teams.csv', { schema: { querystring: CsvQuery } }, async (req, reply) => {
    const viewer = await requireAnalytics(req, deps.db);
    const { t } = req.i18n;
    const part = (req.query.part ?? 'groups') as Part;
    const bad = (field: string, message: string): FastifyReply =>
      reply.code(400).type('text/plain; charset=utf-8').send(`${field}: ${message}\n`);
    if (!PARTS.includes(part)) return bad('part', PARTS.join(', '));
    const { data, errors } = await load(deps, viewer, req.query, t);
    if (!data) {
      const [field, message] = Object.entries(errors)[0]!;
      return bad(field, message);
    }
    const name = `teams-${part}-${data.period.from}-${data.period.to}`;
    if (part === 'series') {
      const { rows } = seriesRows(teamsSeries(data, t), 'period');
      return sendCsv(reply, name, ['period', 'conversations', 'cross_department'], rows, data.k);
    }
    if (part === 'figures')
      return sendCsv(reply, name, ['figure', 'value'], figureRows(data), data.k);
    return sendCsv(
      reply,
      name,
      [
        'group',
        'kind',
        'visibility',
        'members',
        'engaged_members_28_days',
        'posts',
        'comments',
        'reactions',
        'active',
      ],
      groupRows(data),
      data.k,
    );
  });
}

const Shown = Type.Union([Type.Number(), Type.Null()], {
  description: 'null: fewer than k people behind it',
});
const Share = Type.Union([Type.Number(), Type.Null()], {
  description: '0–1; null when a part is hidden or there is nothing to divide by',
});
const TeamsJson = Type.Object({
  k: Type.Integer({ description: 'the privacy threshold' }),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  grain: Type.String({ description: 'day, week or month' }),
  groupId: Type.Union([Type.String(), Type.Null()]),
  day: Type.String({
    format: 'date',
    description: 'the day active groups are judged on: the period’s end, or today if later',
  }),
  groups: Type.Object(
    {
      total: Type.Integer(),
      team: Type.Integer(),
      community: Type.Integer(),
      public: Type.Integer(),
      private: Type.Integer(),
      secret: Type.Integer(),
    },
    { description: 'groups the viewer may see (all for admins), by kind and visibility' },
  ),
  activeGroups: Type.Union([Type.Integer(), Type.Null()], {
    description:
      'groups where at least 5 % of the members (and at least one) posted, commented or ' +
      'reacted in the 28 days up to `day`; null when it would reveal a hidden group',
  }),
  activeShare: Share,
  members: Type.Object({
    median: Type.Union([Type.Number(), Type.Null()]),
    mean: Type.Union([Type.Number(), Type.Null()]),
    distribution: Type.Array(
      Type.Object({
        min: Type.Integer(),
        max: Type.Union([Type.Integer(), Type.Null()]),
        groups: Type.Integer(),
      }),
    ),
  }),
  conversations: Shown,
  crossDepartment: Shown,
  crossShare: Share,
  series: Type.Array(
    Type.Object({
      period: Type.String({ description: 'a day, the Monday of a week, or YYYY-MM' }),
      conversations: Shown,
      crossDepartment: Shown,
      share: Share,
    }),
  ),
  breakdown: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      visibility: Type.String(),
      members: Type.Integer(),
      engaged: Shown,
      posts: Shown,
      comments: Shown,
      reactions: Shown,
      active: Type.Union([Type.Boolean(), Type.Null()]),
    }),
  ),
});

/** `GET /api/v1/analytics/teams`: the figures of the page. */
export async function teamsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/analytics/teams',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Level 2, teams: groups, active groups, members per group, cross-department',
        description:
          'For the groups the viewer may see (every group for admins), or the one `groupId`. ' +
          'A figure behind which fewer than k people stand (the setting `analytics.k`, ' +
          'default 5) is null. `from`, `to`: YYYY-MM-DD, default the last 12 weeks.',
        querystring: PeriodQuery,
        response: { 200: TeamsJson, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const viewer = await requireAnalytics(req, deps.db);
      const { data, errors } = await load(deps, viewer, req.query, req.i18n.t);
      if (!data) {
        const field = Object.keys(errors)[0]!;
        if (field === 'groupId')
          throw fieldError(field, 'unknown_group', 'analytics.unknown_group');
        throw fieldError(field, 'invalid_period', 'analytics.bad_period');
      }
      const { period, ...rest } = data;
      return { ...rest, from: period.from, to: period.to, grain: period.grain };
    },
  );
}
