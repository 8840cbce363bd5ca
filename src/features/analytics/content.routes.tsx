import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, sendPage } from '../../http/context.tsx';
import { AppError, fieldError } from '../../http/errors.ts';
import { FormBody, tryForm } from '../../http/forms.ts';
import type { Errors } from '../../views/form.tsx';
import type { User } from '../accounts/accounts.table.ts';
import {
  breakdownGroups,
  checkGroupFilter,
  filterGroups,
  requireAnalytics,
  sendCsv,
} from './access.ts';
import {
  contentLevel,
  FIGURES,
  getContentTargets,
  setContentTargets,
  TARGET_FIELDS,
  type ContentLevel,
  type ContentRow,
  type ContentTargets,
  type Figure,
  type TargetField,
} from './content.level.ts';
import { ContentPage, hiddenFigure, type TargetValues } from './content.views.tsx';
import type { Cell } from './csv.ts';
import type { Period } from './dashboard.ts';
import { PeriodQuery, periodFrom, type PeriodQueryType } from './filters.ts';
import {
  painPointsCsv,
  PainPointsJson,
  painPointsJson,
  painPointsLevel,
} from './painpoints.level.ts';

const PARTS = ['summary', 'series', 'groups', 'hashtags', 'documents', 'painpoints'] as const;
type Part = (typeof PARTS)[number];

const CSV_COLUMN: Record<Figure, string> = {
  asked: 'asked',
  answered: 'answered',
  answerRate: 'answer_rate',
  accepted: 'accepted',
  acceptedRate: 'accepted_rate',
  firstAnswerP50Hours: 'first_answer_p50_hours',
  firstAnswerP90Hours: 'first_answer_p90_hours',
  firstAnswerP50BusinessHours: 'first_answer_p50_business_hours',
  firstAnswerP90BusinessHours: 'first_answer_p90_business_hours',
  acceptedP50Hours: 'accepted_p50_hours',
  acceptedP90Hours: 'accepted_p90_hours',
  acceptedP50BusinessHours: 'accepted_p50_business_hours',
  acceptedP90BusinessHours: 'accepted_p90_business_hours',
  answeredWithin24h: 'answered_within_24h',
  answeredWithin24hRate: 'answered_within_24h_rate',
  answeredWithinTarget: 'answered_within_target',
  answeredWithinTargetRate: 'answered_within_target_rate',
  targetHours: 'target_hours',
  unansweredAfter7Days: 'unanswered_after_7_days',
  unansweredAfter7DaysRate: 'unanswered_after_7_days_rate',
};
const FIGURE_COLUMNS = [...FIGURES.map((f) => CSV_COLUMN[f]), 'p50_meets_target'];

/**
 * A row's figures as CSV cells: null (written "<k") where the privacy threshold hid them, an
 * empty cell where there is no figure (no questions, none answered).
 */
function figureCells(row: ContentRow): Cell[] {
  const cells: Cell[] = FIGURES.map((f: Figure) => (hiddenFigure(row, f) ? null : (row[f] ?? '')));
  cells.push(
    hiddenFigure(row, 'p50MeetsTarget')
      ? null
      : row.p50MeetsTarget === null
        ? ''
        : String(row.p50MeetsTarget),
  );
  return cells;
}

function csvOf(data: ContentLevel, part: Part): { headers: string[]; rows: Cell[][] } {
  switch (part) {
    case 'series':
      return {
        headers: ['period', ...FIGURE_COLUMNS],
        rows: data.series.map((r) => [r.period, ...figureCells(r)]),
      };
    case 'groups':
      return {
        headers: ['group_id', 'group', ...FIGURE_COLUMNS],
        rows: data.groups.map((g) => [
          g.groupId ?? '',
          g.groupId === null ? 'org-wide' : (g.name ?? ''),
          ...figureCells(g),
        ]),
      };
    case 'hashtags':
      return {
        headers: ['hashtag', ...FIGURE_COLUMNS],
        rows: data.hashtags.map((h) => [h.display, ...figureCells(h)]),
      };
    case 'documents':
      return {
        headers: ['period', 'reuses', 'reusers'],
        rows: [
          ...data.documents.items.map((r) => [r.period, r.reuses, r.reusers]),
          ['total', data.documents.total.reuses, data.documents.total.reusers],
        ],
      };
    default:
      return {
        headers: ['from', 'to', 'group_id', ...FIGURE_COLUMNS],
        rows: [[data.period.from, data.period.to, data.groupId ?? '', ...figureCells(data.total)]],
      };
  }
}

/** A percentage typed in the form as a share (NaN when it is not a number, which is refused). */
const shareOf = (v: string | undefined): number => {
  const s = (v ?? '').trim().replace(',', '.');
  return /^\d{1,3}(?:\.\d+)?$/.test(s) ? Number(s) / 100 : NaN;
};

const percentValues = (t: ContentTargets): TargetValues =>
  Object.fromEntries(
    TARGET_FIELDS.map((f) => [f, String(Math.round(t[f] * 1000) / 10)]),
  ) as TargetValues;

async function load(
  deps: Deps,
  viewer: User,
  period: Period,
  groupId: string | null,
): Promise<ContentLevel> {
  return contentLevel(deps.db, period, deps.clock(), {
    visible: await breakdownGroups(deps.db, viewer),
    groupId,
  });
}

/** Pages of the content analytics: the dashboard, its CSV, and the rate targets (admins). */
export async function contentRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    viewer: User,
    q: PeriodQueryType,
    target: { values: TargetValues; errors: Errors } | null,
    status = 200,
    groupsPage = 1,
  ) => {
    const { period, errors } = periodFrom(q, deps.clock(), req.i18n.t);
    let groupId: string | null = null;
    const r = await tryForm(req, () => checkGroupFilter(deps.db, viewer, q.groupId));
    if ('errors' in r) Object.assign(errors, r.errors);
    else groupId = r.ok;
    const [data, groups, painPoints] = await Promise.all([
      load(deps, viewer, period, groupId),
      filterGroups(deps.db, viewer),
      painPointsLevel(deps.db, viewer, period, groupId),
    ]);
    const query = new URLSearchParams({
      from: period.from,
      to: period.to,
      grain: period.grain,
      ...(groupId ? { groupId } : {}),
    }).toString();
    const form = {
      from: q.from ?? period.from,
      to: q.to ?? period.to,
      grain: period.grain,
      groupId: q.groupId ?? '',
    };
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('analytics.content.title'),
      (ctx) => (
        <ContentPage
          ctx={ctx}
          data={data}
          groupsPage={groupsPage}
          query={query}
          errors={errors}
          form={form}
          groups={groups}
          canEditTargets={viewer.role === 'admin'}
          targetValues={target?.values ?? percentValues(data.targets)}
          targetErrors={target?.errors ?? {}}
          painPoints={painPoints}
        />
      ),
      status,
    );
  };

  app.get(
    '/analytics/content',
    {
      schema: {
        querystring: Type.Intersect([
          PeriodQuery,
          Type.Object({ groupsPage: Type.Optional(Type.String({ maxLength: 10 })) }),
        ]),
      },
    },
    async (req, reply) => {
      const viewer = await requireAnalytics(req, deps.db);
      const q = req.query as PeriodQueryType & { groupsPage?: string };
      return show(req, reply, viewer, q, null, 200, Number(q.groupsPage) || 1);
    },
  );

  app.post(
    '/analytics/content/targets',
    {
      schema: {
        body: FormBody({
          answerRate: Type.Optional(Type.String({ maxLength: 20 })),
          acceptedRate: Type.Optional(Type.String({ maxLength: 20 })),
          answeredWithin24h: Type.Optional(Type.String({ maxLength: 20 })),
        }),
      },
    },
    async (req, reply) => {
      const viewer = await requireAnalytics(req, deps.db);
      if (viewer.role !== 'admin') throw new AppError(403, 'forbidden', 'error.forbidden');
      const body = req.body as Partial<Record<TargetField, string>>;
      const input = Object.fromEntries(TARGET_FIELDS.map((f) => [f, shareOf(body[f])]));
      const r = await tryForm(req, () =>
        setContentTargets(deps, viewer, input, 'analytics.content.bad_target_percent'),
      );
      if ('errors' in r) {
        const values = Object.fromEntries(
          TARGET_FIELDS.map((f) => [f, body[f] ?? '']),
        ) as TargetValues;
        return show(req, reply, viewer, {}, { values, errors: r.errors }, 400);
      }
      return redirectWithFlash(
        reply,
        '/analytics/content',
        'success',
        'analytics.content.targets_saved',
      );
    },
  );

  app.get(
    '/analytics/content.csv',
    {
      schema: {
        querystring: Type.Intersect([
          PeriodQuery,
          Type.Object({ part: Type.Optional(Type.String({ maxLength: 20 })) }),
        ]),
      },
    },
    async (req, reply) => {
      const viewer = await requireAnalytics(req, deps.db);
      const q = req.query as PeriodQueryType & { part?: string };
      const { period, errors } = periodFrom(q, deps.clock(), req.i18n.t);
      if (q.part && !(PARTS as readonly string[]).includes(q.part)) {
        errors.part = req.i18n.t('analytics.content.bad_part', { parts: PARTS.join(', ') });
      }
      const bad = Object.entries(errors)[0];
      if (bad) {
        return reply.code(400).type('text/plain; charset=utf-8').send(`${bad[0]}: ${bad[1]}\n`);
      }
      const groupId = await checkGroupFilter(deps.db, viewer, q.groupId);
      const part = (q.part ?? 'summary') as Part;
      if (part === 'painpoints') {
        const pp = await painPointsLevel(deps.db, viewer, period, groupId);
        const csv = painPointsCsv(pp);
        const name = `content-painpoints-${period.from}-${period.to}`;
        return sendCsv(reply, name, csv.headers, csv.rows, pp.k);
      }
      const data = await load(deps, viewer, period, groupId);
      const { headers, rows } = csvOf(data, part);
      return sendCsv(reply, `content-${part}-${period.from}-${period.to}`, headers, rows, data.k);
    },
  );
}

const Nullable = Type.Union([Type.Number(), Type.Null()]);
const StatusJson = Type.Union([Type.Literal('met'), Type.Literal('missed'), Type.Null()]);
const rowProperties = {
  ...Object.fromEntries(FIGURES.map((f) => [f, Nullable])),
  p50MeetsTarget: Type.Union([Type.Boolean(), Type.Null()], {
    description: 'at least half of the answered questions answered within their target',
  }),
  status: Type.Object(
    Object.fromEntries(TARGET_FIELDS.map((f) => [f, StatusJson])) as Record<
      TargetField,
      typeof StatusJson
    >,
  ),
  privacy: Type.Object(
    { row: Type.Boolean(), firstAnswer: Type.Boolean(), acceptedAnswer: Type.Boolean() },
    { description: 'true: hidden because fewer than k askers stand behind it' },
  ),
};
const RowJson = Type.Object(rowProperties);
const TargetsJson = Type.Object({
  answerRate: Type.Number({ minimum: 0, maximum: 1 }),
  acceptedRate: Type.Number({ minimum: 0, maximum: 1 }),
  answeredWithin24h: Type.Number({ minimum: 0, maximum: 1 }),
});
const ContentJson = Type.Object({
  k: Type.Integer(),
  period: Type.Object({ from: Type.String(), to: Type.String(), grain: Type.String() }),
  groupId: Type.Union([Type.String(), Type.Null()]),
  cutoff: Type.String({ format: 'date-time' }),
  percentile: Type.Literal('nearest-rank'),
  targets: TargetsJson,
  orgTargetHours: Type.Number(),
  total: RowJson,
  series: Type.Array(Type.Object({ period: Type.String(), ...rowProperties })),
  groups: Type.Array(
    Type.Object({
      groupId: Type.Union([Type.String(), Type.Null()], {
        description: 'null: org-wide questions',
      }),
      name: Type.Union([Type.String(), Type.Null()]),
      ...rowProperties,
    }),
  ),
  hashtags: Type.Array(
    Type.Object({ tag: Type.String(), display: Type.String(), ...rowProperties }),
  ),
  hashtagsNotShown: Type.Integer(),
  documents: Type.Object({
    items: Type.Array(Type.Object({ period: Type.String(), reuses: Nullable, reusers: Nullable })),
    total: Type.Object({ reuses: Nullable, reusers: Nullable }),
  }),
  painPoints: PainPointsJson,
});

/** `/api/v1/analytics/content` and the rate targets. */
export async function contentApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['analytics'];
  app.get(
    '/analytics/content',
    {
      schema: {
        tags,
        summary: 'Level 4, content: answer rates and times, per group and hashtag, reuse',
        description:
          'The questions asked in the period (`from`, `to`: YYYY-MM-DD, default the last 12 ' +
          'weeks; `grain` for the series; `groupId`: one group). Rates are shares from 0 to 1, ' +
          'times hours (p50/p90 by nearest rank; calendar and business hours). A figure behind ' +
          'which fewer than k askers stand is null (`privacy` says which); `k` is the threshold.',
        querystring: PeriodQuery,
        response: { 200: ContentJson, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const viewer = await requireAnalytics(req, deps.db);
      const { period, errors } = periodFrom(req.query, deps.clock(), req.i18n.t);
      const bad = Object.entries(errors)[0];
      if (bad) throw fieldError(bad[0], 'invalid_period', 'analytics.bad_period');
      const groupId = await checkGroupFilter(deps.db, viewer, req.query.groupId);
      return {
        ...(await load(deps, viewer, period, groupId)),
        percentile: 'nearest-rank' as const,
        painPoints: painPointsJson(await painPointsLevel(deps.db, viewer, period, groupId)),
      };
    },
  );
  app.get(
    '/analytics/content-targets',
    {
      schema: {
        tags,
        summary: 'Targets for the answer rate, accepted rate and answered within 24 h',
        response: { 200: TargetsJson, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      await requireAnalytics(req, deps.db);
      return getContentTargets(deps.db);
    },
  );
  app.put(
    '/analytics/content-targets',
    {
      schema: {
        tags,
        summary: 'Admin: change the content targets (shares from 0 to 1; those given)',
        body: Type.Object({
          answerRate: Type.Optional(Type.Number()),
          acceptedRate: Type.Optional(Type.Number()),
          answeredWithin24h: Type.Optional(Type.Number()),
        }),
        response: { 200: TargetsJson, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const viewer = await requireAnalytics(req, deps.db);
      return setContentTargets(deps, viewer, req.body, 'analytics.content.bad_target');
    },
  );
}
