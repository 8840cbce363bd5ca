import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { sendPage } from '../../http/context.tsx';
import { AppError, fieldError } from '../../http/errors.ts';
import type { User } from '../accounts/accounts.table.ts';
import { checkGroupFilter, filterGroups, requireAnalytics, sendCsv } from './access.ts';
import type { Cell } from './csv.ts';
import type { Period } from './dashboard.ts';
import { PeriodQuery, periodFrom, type PeriodQueryType } from './filters.ts';
import { hashtagKpis, MEANINGS, type HashtagKpis } from './hashtags.kpi.ts';
import { HashtagsPage } from './hashtags.views.tsx';

const TABLES = ['series', 'hashtags', 'departments'] as const;
type Table = (typeof TABLES)[number];

const CsvQuery = Type.Object({
  ...PeriodQuery.properties,
  part: Type.Optional(
    Type.String({
      maxLength: 20,
      description: 'which table: series (default), hashtags or departments',
    }),
  ),
});

/**
 * The period and group asked for. Each unusable field is named in `errors` (translated); the
 * figures then use the default period, or all groups.
 */
async function filtersOf(
  req: FastifyRequest,
  deps: Deps,
  viewer: User,
  q: PeriodQueryType,
): Promise<{ period: Period; groupId: string | null; errors: Record<string, string> }> {
  const { t } = req.i18n;
  const { period, errors } = periodFrom(q, deps.clock(), t);
  let groupId: string | null = null;
  try {
    groupId = await checkGroupFilter(deps.db, viewer, q.groupId);
  } catch (e) {
    const field = e instanceof AppError ? e.fields[0] : undefined;
    if (!field) throw e;
    errors[field.field] = t(field.message);
  }
  return { period, groupId, errors };
}

function queryOf(period: Period, groupId: string | null): string {
  return new URLSearchParams({ ...period, ...(groupId ? { groupId } : {}) }).toString();
}

/** The rows of one table exactly as the page shows it; suppressed cells stay null. */
function csvTable(
  data: HashtagKpis,
  table: Table,
  noDepartment: string,
): { headers: string[]; rows: Cell[][] } {
  if (table === 'hashtags') {
    return {
      headers: ['hashtag', 'meaning', 'posts'],
      rows: data.tags.map((h) => [h.tag, h.meaning, h.posts]),
    };
  }
  if (table === 'departments') {
    const d = data.departments;
    return {
      headers: ['department', ...MEANINGS, 'total'],
      rows: [
        ...d.rows.map((r) => [r.department || noDepartment, ...r.cells, r.total]),
        ['total', ...d.totals, d.grandTotal],
      ],
    };
  }
  return {
    headers: ['period', ...MEANINGS],
    rows: data.series.map((r) => [r.period, ...MEANINGS.map((m) => r[m])]),
  };
}

/** `/analytics/hashtags` and its CSV: hashtags with a meaning as KPIs. */
export async function hashtagsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/analytics/hashtags', { schema: { querystring: PeriodQuery } }, async (req, reply) => {
    const viewer = await requireAnalytics(req, deps.db);
    const { period, groupId, errors } = await filtersOf(req, deps, viewer, req.query);
    const [data, groups] = await Promise.all([
      hashtagKpis(deps.db, viewer, period, groupId),
      filterGroups(deps.db, viewer),
    ]);
    const form = {
      from: req.query.from ?? period.from,
      to: req.query.to ?? period.to,
      grain: period.grain,
      groupId: req.query.groupId ?? '',
    };
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('analytics.hashtags.title'),
      (ctx) => (
        <HashtagsPage
          ctx={ctx}
          data={data}
          query={queryOf(period, groupId)}
          errors={errors}
          form={form}
          groups={groups}
        />
      ),
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  });

  app.get('/analytics/hashtags.csv', { schema: { querystring: CsvQuery } }, async (req, reply) => {
    const viewer = await requireAnalytics(req, deps.db);
    const { t } = req.i18n;
    const { period, groupId, errors } = await filtersOf(req, deps, viewer, req.query);
    const table = (req.query.part ?? 'series') as Table;
    if (!TABLES.includes(table)) errors.part = t('analytics.hashtags.bad_table');
    const bad = Object.entries(errors)[0];
    if (bad) {
      return reply.code(400).type('text/plain; charset=utf-8').send(`${bad[0]}: ${bad[1]}\n`);
    }
    const data = await hashtagKpis(deps.db, viewer, period, groupId);
    const { headers, rows } = csvTable(data, table, t('analytics.hashtags.no_department'));
    return sendCsv(reply, `hashtags-${table}-${period.from}-${period.to}`, headers, rows, data.k);
  });
}

const Figure = Type.Union([Type.Integer(), Type.Null()], {
  description: 'null: fewer than k people behind it (or derivable from the shown figures)',
});
const MeaningJson = Type.Union([
  Type.Literal('success_story'),
  Type.Literal('customer_voice'),
  Type.Literal('pain_point'),
  Type.Literal('campaign'),
]);
const HashtagsJson = Type.Object({
  k: Type.Integer({ description: 'the privacy threshold' }),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  grain: Type.String(),
  groupId: Type.Union([Type.String(), Type.Null()]),
  meanings: Type.Array(MeaningJson, { description: 'the order of the department cells' }),
  series: Type.Array(
    Type.Object({
      period: Type.String({ description: 'a day, the Monday of a week, or YYYY-MM' }),
      ...Object.fromEntries(MEANINGS.map((m) => [m, Figure])),
    }),
  ),
  hashtags: Type.Array(
    Type.Object({
      tag: Type.String(),
      display: Type.String(),
      meaning: MeaningJson,
      aliases: Type.Array(Type.String()),
      posts: Figure,
    }),
  ),
  departments: Type.Object({
    rows: Type.Array(
      Type.Object({
        department: Type.String({ description: "'' for people who gave none" }),
        cells: Type.Array(Figure, { description: 'one per meaning, in the order of `meanings`' }),
        total: Figure,
      }),
    ),
    totals: Type.Array(Figure, { description: 'one per meaning' }),
    grandTotal: Figure,
  }),
});

/** `GET /api/v1/analytics/hashtags`. */
export async function hashtagsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/analytics/hashtags',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Hashtags with a meaning as KPIs: over time, per hashtag and by department',
        description:
          'Posts carrying a hashtag with a meaning (success story, customer voice, pain point, ' +
          'campaign), counted in groups the caller may see and org-wide. A figure behind which ' +
          'fewer than k people stand is null, as is one that could be worked out from the ' +
          'totals. `from`, `to`: YYYY-MM-DD, default the last 12 weeks; `grain`: day, week or ' +
          'month; `groupId`: only that group.',
        querystring: PeriodQuery,
        response: { 200: HashtagsJson, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const viewer = await requireAnalytics(req, deps.db);
      const { period: p, errors } = periodFrom(req.query, deps.clock(), req.i18n.t);
      const bad = Object.keys(errors)[0];
      if (bad) throw fieldError(bad, 'invalid_period', 'analytics.bad_period');
      const groupId = await checkGroupFilter(deps.db, viewer, req.query.groupId);
      const d = await hashtagKpis(deps.db, viewer, p, groupId);
      return {
        k: d.k,
        from: p.from,
        to: p.to,
        grain: p.grain,
        groupId,
        meanings: [...MEANINGS],
        series: d.series,
        hashtags: d.tags,
        departments: d.departments,
      };
    },
  );
}
