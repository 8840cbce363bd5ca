import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireAdmin, sendPage } from '../../http/context.tsx';
import { fieldError } from '../../http/errors.ts';
import { FormBody, tryForm } from '../../http/forms.ts';
import type { Errors } from '../../views/form.tsx';
import type { I18n } from '../../views/i18n.ts';
import { requireAnalytics } from './access.ts';
import { toCsv } from './csv.ts';
import type { Period } from './dashboard.ts';
import { PeriodQuery, periodFrom } from './filters.ts';
import { dayOf } from './rollup.ts';
import {
  getValueModel,
  NUMBER_FIELDS,
  parseDecimal,
  setValueModel,
  valueReport,
  type ValueModel,
} from './value.ts';
import { modelFormOf, ValuePage, type ModelForm } from './value.views.tsx';

/** The value level has no group filter: its figures are the organisation's. */
const ValueQuery = Type.Omit(PeriodQuery, ['groupId']);

/** Without a period: the last twelve months (this one included), per month. */
export function defaultValuePeriod(now: Date): Period {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: dayOf(from), to: dayOf(now), grain: 'month' };
}

/** The period asked for (month by default), or the last twelve months; bad fields named. */
export function valuePeriodFrom(
  q: { from?: string; to?: string; grain?: string },
  now: Date,
  t: I18n['t'],
): { period: Period; errors: Record<string, string> } {
  const d = defaultValuePeriod(now);
  const r = periodFrom(
    { from: q.from || d.from, to: q.to || d.to, grain: q.grain || d.grain },
    now,
    t,
  );
  return Object.keys(r.errors).length > 0 ? { period: d, errors: r.errors } : r;
}

const CSV_HEADERS = [
  'period',
  'days',
  'answered_questions',
  'reused_documents',
  'success_stories',
  'hours_saved',
  'money_saved',
  'platform_cost',
  'roi',
];

/** Pages of the value level: the report, the value model (admins change it) and its CSV. */
export async function valueRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    modelForm: ModelForm | null,
    modelErrors: Errors,
    status = 200,
  ) => {
    const viewer = await requireAnalytics(req, db);
    const now = deps.clock();
    const q = (req.query ?? {}) as { from?: string; to?: string; grain?: string };
    const { period, errors } = valuePeriodFrom(q, now, req.i18n.t);
    const report = await valueReport(db, viewer, period);
    const form = { from: q.from || period.from, to: q.to || period.to, grain: period.grain };
    const query = new URLSearchParams({ ...period }).toString();
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('analytics.value.title'),
      (ctx) => (
        <ValuePage
          ctx={ctx}
          report={report}
          form={form}
          errors={errors}
          query={query}
          canEdit={viewer.role === 'admin'}
          modelForm={modelForm ?? modelFormOf(report.model, req.i18n.locale)}
          modelErrors={modelErrors}
        />
      ),
      status,
    );
  };

  app.get('/analytics/value', { schema: { querystring: ValueQuery } }, (req, reply) =>
    show(req, reply, null, {}),
  );

  const text = Type.Optional(Type.String({ maxLength: 40 }));
  app.post(
    '/analytics/value/model',
    {
      schema: {
        body: FormBody({
          hoursPerAnswer: text,
          hoursPerReuse: text,
          hoursPerStory: text,
          hourCost: text,
          currency: text,
          monthlyCost: text,
        }),
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const b = req.body as Partial<ModelForm>;
      const typed: ModelForm = {
        hoursPerAnswer: b.hoursPerAnswer ?? '',
        hoursPerReuse: b.hoursPerReuse ?? '',
        hoursPerStory: b.hoursPerStory ?? '',
        hourCost: b.hourCost ?? '',
        currency: (b.currency ?? '').trim().toUpperCase(),
        monthlyCost: b.monthlyCost ?? '',
      };
      const input: Partial<Record<keyof ValueModel, unknown>> = { currency: typed.currency };
      for (const f of NUMBER_FIELDS) input[f] = parseDecimal(typed[f]);
      const r = await tryForm(req, () => setValueModel(deps, actor, input));
      if ('errors' in r) {
        return show(req, reply, typed, r.errors, 400);
      }
      return redirectWithFlash(reply, '/analytics/value', 'success', 'analytics.value.model_saved');
    },
  );

  app.get('/analytics/value.csv', { schema: { querystring: ValueQuery } }, async (req, reply) => {
    const viewer = await requireAnalytics(req, db);
    const { period, errors } = valuePeriodFrom(req.query, deps.clock(), req.i18n.t);
    const bad = Object.entries(errors)[0];
    if (bad)
      return reply.code(400).type('text/plain; charset=utf-8').send(`${bad[0]}: ${bad[1]}\n`);
    const report = await valueReport(db, viewer, period);
    const row = (p: string, r: (typeof report.series)[number] | typeof report.total) => [
      p,
      r.days,
      r.answered,
      r.reused,
      r.stories,
      r.hours,
      r.money,
      r.cost,
      r.roi,
    ];
    const csv = toCsv(
      CSV_HEADERS,
      [...report.series.map((r) => row(r.period, r)), row('total', report.total)],
      { bom: true },
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="kantine-value-${period.from}-${period.to}.csv"`,
      )
      .send(csv);
  });
}

const ModelJson = Type.Object(
  {
    hoursPerAnswer: Type.Number({ description: 'hours saved per answered question (0–100)' }),
    hoursPerReuse: Type.Number({ description: 'hours saved per reused document (0–1000)' }),
    hoursPerStory: Type.Number({ description: 'hours saved per success story (0–1000)' }),
    hourCost: Type.Number({ description: 'cost of an hour of work (> 0, at most 10,000)' }),
    currency: Type.String({ description: 'ISO 4217 code, e.g. EUR' }),
    monthlyCost: Type.Number({ description: 'platform cost per month (0–100,000,000)' }),
  },
  { $id: 'ValueModel' },
);

const FiguresFields = {
  days: Type.Integer({ description: 'days counted' }),
  answered: Type.Integer({ description: 'questions whose first answer came in the period' }),
  reused: Type.Integer({ description: 'document reuses recorded in the period' }),
  stories: Type.Integer({ description: 'posts of the period with a success-story hashtag' }),
  hours: Type.Number({ description: 'Σ count × hours per item (to the hundredth)' }),
  money: Type.Number({ description: 'hours × cost of an hour' }),
  cost: Type.Number({ description: 'cost per month × days ÷ (365.25 / 12)' }),
  roi: Type.Union([Type.Number(), Type.Null()], {
    description:
      '(money − cost) ÷ cost, a ratio (0.5 = 50 %); null when the platform costs nothing',
  }),
};

/** `/api/v1/analytics/value` and `/api/v1/analytics/value-model`. */
export async function valueApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addSchema(ModelJson);
  const ModelRef = Type.Ref(ModelJson);
  const tags = ['analytics'];

  app.get(
    '/analytics/value',
    {
      schema: {
        tags,
        summary: 'Level 5, value: hours and money saved against the platform’s cost, and ROI',
        description:
          'Totals of the organisation for the period and per day, week or month (default: the ' +
          'last twelve months, per month). Viewers who are not admins count only content of ' +
          'groups they may see (`limited`). `from`, `to`: YYYY-MM-DD.',
        querystring: ValueQuery,
        response: {
          200: Type.Object({
            from: Type.String({ format: 'date' }),
            to: Type.String({ format: 'date' }),
            grain: Type.String(),
            limited: Type.Boolean(),
            model: ModelRef,
            total: Type.Object(FiguresFields),
            items: Type.Array(Type.Object({ period: Type.String(), ...FiguresFields })),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => {
      const viewer = await requireAnalytics(req, db);
      const { period, errors } = valuePeriodFrom(req.query, deps.clock(), req.i18n.t);
      const bad = Object.entries(errors)[0];
      if (bad) throw fieldError(bad[0], 'invalid_period', 'analytics.bad_period');
      const r = await valueReport(db, viewer, period);
      return {
        ...period,
        limited: r.limited,
        model: r.model,
        total: r.total,
        items: r.series,
      };
    },
  );

  app.get(
    '/analytics/value-model',
    {
      schema: {
        tags,
        summary: 'The value model: hours saved per item, cost of an hour, platform cost',
        response: { 200: ModelRef, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      await requireAnalytics(req, db);
      return getValueModel(db);
    },
  );

  app.put(
    '/analytics/value-model',
    {
      schema: {
        tags,
        summary: 'Admin: change the value model (fields left out keep their value)',
        body: Type.Partial(
          Type.Object({
            hoursPerAnswer: Type.Number(),
            hoursPerReuse: Type.Number(),
            hoursPerStory: Type.Number(),
            hourCost: Type.Number(),
            currency: Type.String({ maxLength: 3 }),
            monthlyCost: Type.Number(),
          }),
          { additionalProperties: false },
        ),
        response: { 200: ModelRef, ...problems(400, 401, 403) },
      },
    },
    async (req) => setValueModel(deps, requireAdmin(req), req.body),
  );
}
