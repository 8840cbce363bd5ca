import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireViewer, sendPage } from '../../http/context.tsx';
import { fieldError } from '../../http/errors.ts';
import type { I18n } from '../../views/i18n.ts';
import { analyticsEnabled } from './access.ts';
import { toCsv } from './csv.ts';
import { periodFrom } from './filters.ts';
import { defaultImpactPeriod, IMPACT_COUNTS, impactOf } from './impact.ts';
import { ImpactPage } from './impact.views.tsx';

const ImpactQuery = Type.Object({
  from: Type.Optional(
    Type.String({
      maxLength: 20,
      description: 'YYYY-MM-DD, default the first of the month 11 months ago',
    }),
  ),
  to: Type.Optional(Type.String({ maxLength: 20, description: 'YYYY-MM-DD, default today' })),
});

/**
 * The period asked for, per month; by default the last 12 months. Errors name the field (the
 * figures then use the default).
 */
function impactPeriod(q: { from?: string; to?: string }, now: Date, t: I18n['t']) {
  const d = defaultImpactPeriod(now);
  const { period, errors } = periodFrom(
    { from: q.from || d.from, to: q.to || d.to, grain: 'month' },
    now,
    t,
  );
  return Object.keys(errors).length > 0
    ? { ...d, errors }
    : { from: period.from, to: period.to, errors };
}

const CSV_HEADERS = [...IMPACT_COUNTS, 'medianHoursToFirstAnswer'] as const;

/** `/me/impact` and its CSV: every signed-in person's own impact (not a dashboard). */
export async function impactRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/me/impact', { schema: { querystring: ImpactQuery } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { from, to, errors } = impactPeriod(req.query, deps.clock(), req.i18n.t);
    const [data, analyticsOn] = await Promise.all([
      impactOf(deps.db, viewer.id, from, to),
      analyticsEnabled(deps.db),
    ]);
    const form = { from: req.query.from ?? from, to: req.query.to ?? to };
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('analytics.impact.title'),
      (ctx) => (
        <ImpactPage
          ctx={ctx}
          data={data}
          analyticsOn={analyticsOn}
          query={new URLSearchParams({ from, to }).toString()}
          errors={errors}
          form={form}
        />
      ),
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  });

  app.get('/me/impact.csv', { schema: { querystring: ImpactQuery } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { from, to, errors } = impactPeriod(req.query, deps.clock(), req.i18n.t);
    const bad = Object.entries(errors)[0];
    if (bad) {
      return reply.code(400).type('text/plain; charset=utf-8').send(`${bad[0]}: ${bad[1]}\n`);
    }
    const data = await impactOf(deps.db, viewer.id, from, to);
    // About the person alone, so nothing is suppressed: an empty cell is a median of no answers.
    const csv = toCsv(
      ['month', ...CSV_HEADERS],
      data.months.map((m) => [m.period, ...CSV_HEADERS.map((c) => m[c])]),
      { bom: true },
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kantine-impact-${from}-${to}.csv"`)
      .send(csv);
  });
}

const Counts = Object.fromEntries(IMPACT_COUNTS.map((c) => [c, Type.Integer({ minimum: 0 })]));
const Median = Type.Union([Type.Number(), Type.Null()], {
  description: 'hours from asking to the first answer, median; null when none was answered',
});
const ImpactJson = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  months: Type.Array(
    Type.Object({
      period: Type.String({ description: 'YYYY-MM' }),
      ...Counts,
      medianHoursToFirstAnswer: Median,
    }),
  ),
  totals: Type.Object({ ...Counts, medianHoursToFirstAnswer: Median }),
  documents: Type.Integer({ description: 'documents the person uploaded first' }),
  downloads: Type.Integer({ description: 'all downloads of those documents so far (no dates)' }),
});

/** `GET /api/v1/me/impact`. */
export async function impactApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/me/impact',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The signed-in person’s own impact, per month',
        description:
          'Counts about the caller’s own posts, questions, answers and documents and what others ' +
          'did with them; never who. For everyone signed in, also when analytics is switched ' +
          'off or its dashboards are for admins only. `from`, `to`: YYYY-MM-DD, default the ' +
          'last 12 months.',
        querystring: ImpactQuery,
        response: { 200: ImpactJson, ...problems(400, 401) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const { from, to, errors } = impactPeriod(req.query, deps.clock(), req.i18n.t);
      const bad = Object.keys(errors)[0];
      if (bad) throw fieldError(bad, 'invalid_period', 'analytics.bad_period');
      return impactOf(deps.db, viewer.id, from, to);
    },
  );
}
