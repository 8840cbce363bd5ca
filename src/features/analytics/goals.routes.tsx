import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect.ts';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireAdmin, sendPage } from '../../http/context.tsx';
import { FormBody, tryForm } from '../../http/forms.ts';
import type { Errors } from '../../views/form.tsx';
import type { User } from '../accounts/accounts.table.ts';
import { requireAnalytics } from './access.ts';
import { toCsv } from './csv.ts';
import {
  addMeasurement,
  createGoal,
  deleteGoal,
  deleteMeasurement,
  goalMeasurements,
  goalStatus,
  latestMeasurement,
  listGoals,
  loadGoal,
  lowerIsBetter,
  MANUAL,
  updateGoal,
  type Goal,
  type GoalInput,
  type Measurement,
} from './goals.ts';
import {
  goalFormOf,
  GoalFormPage,
  GoalPage,
  GoalsListPage,
  type GoalForm,
  type GoalRow,
  type MeasurementForm,
} from './goals.views.tsx';
import { KPIS, kpiOf } from './kpis.ts';
import { dayOf } from './rollup.ts';
import { parseDecimal } from './value.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const MeasurementParams = Type.Object({
  id: Type.String({ maxLength: 40 }),
  mid: Type.String({ maxLength: 40 }),
});

/** A goal with its latest measurement and status, as the list and the API show it. */
async function rowOf(db: Db, goal: Goal, now: Date): Promise<GoalRow> {
  const latest = await latestMeasurement(db, goal, now);
  return { goal, latest, status: goalStatus(goal, latest, dayOf(now)) };
}

/** A form's text as the use case's input: numbers parsed (NaN is named as not a number). */
const goalInputOf = (f: GoalForm): GoalInput => ({
  name: f.name,
  description: f.description,
  kpi: f.kpi,
  unit: f.unit,
  baseline: parseDecimal(f.baseline),
  target: parseDecimal(f.target),
  startDate: f.startDate,
  deadline: f.deadline,
});

const line = Type.Optional(Type.String({ maxLength: 200 }));
const GoalFormBody = FormBody({
  name: line,
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  kpi: Type.Optional(Type.String({ maxLength: 40 })),
  unit: line,
  baseline: Type.Optional(Type.String({ maxLength: 40 })),
  target: Type.Optional(Type.String({ maxLength: 40 })),
  startDate: Type.Optional(Type.String({ maxLength: 20 })),
  deadline: Type.Optional(Type.String({ maxLength: 20 })),
});

const typedGoal = (b: Partial<GoalForm>): GoalForm => ({
  name: b.name ?? '',
  description: b.description ?? '',
  kpi: b.kpi ?? MANUAL,
  unit: b.unit ?? '',
  baseline: b.baseline ?? '',
  target: b.target ?? '',
  startDate: b.startDate ?? '',
  deadline: b.deadline ?? '',
});

/** Admins change goals; the dashboards must be on as well. */
async function requireGoalAdmin(req: FastifyRequest, db: Db): Promise<User> {
  await requireAnalytics(req, db);
  return requireAdmin(req);
}

/** Pages: the list, a goal with its chart and measurements, new/edit forms, CSV. */
export async function goalsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get('/analytics/goals', async (req, reply) => {
    const viewer = await requireAnalytics(req, db);
    const now = deps.clock();
    const rows: GoalRow[] = [];
    for (const g of await listGoals(db)) rows.push(await rowOf(db, g, now));
    return sendPage(req, reply, deps, req.i18n.t('analytics.goals.title'), (ctx) => (
      <GoalsListPage ctx={ctx} rows={rows} canEdit={viewer.role === 'admin'} />
    ));
  });

  const showForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    goal: Goal | null,
    values: GoalForm,
    errors: Errors,
    status = 200,
  ) =>
    sendPage(
      req,
      reply,
      deps,
      goal
        ? req.i18n.t('analytics.goals.edit_title', { name: goal.name })
        : req.i18n.t('analytics.goals.new_title'),
      (ctx) => <GoalFormPage ctx={ctx} goal={goal} values={values} errors={errors} />,
      status,
    );

  app.get('/analytics/goals/new', async (req, reply) => {
    await requireGoalAdmin(req, db);
    const today = dayOf(deps.clock());
    return showForm(req, reply, null, { ...typedGoal({}), startDate: today }, {});
  });

  app.post('/analytics/goals', { schema: { body: GoalFormBody } }, async (req, reply) => {
    const actor = await requireGoalAdmin(req, db);
    const typed = typedGoal(req.body as Partial<GoalForm>);
    const r = await tryForm(req, () => createGoal(deps, actor, goalInputOf(typed)));
    if ('errors' in r) return showForm(req, reply, null, typed, r.errors, 400);
    return redirectWithFlash(
      reply,
      `/analytics/goals/${r.ok.id}`,
      'success',
      'analytics.goals.created',
      {
        name: r.ok.name,
      },
    );
  });

  const showGoal = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: MeasurementForm | null,
    errors: Errors,
    status = 200,
  ) => {
    const viewer = await requireAnalytics(req, db);
    const goal = await loadGoal(db, id);
    const now = deps.clock();
    const today = dayOf(now);
    const measurements = await goalMeasurements(db, goal, now);
    const st = goalStatus(goal, measurements.at(-1) ?? null, today);
    return sendPage(
      req,
      reply,
      deps,
      goal.name,
      (ctx) => (
        <GoalPage
          ctx={ctx}
          goal={goal}
          measurements={measurements}
          status={st}
          today={today}
          canEdit={viewer.role === 'admin'}
          form={form ?? { day: today, value: '', note: '' }}
          errors={errors}
        />
      ),
      status,
    );
  };

  app.get('/analytics/goals/:id', { schema: { params: IdParams } }, (req, reply) =>
    showGoal(req, reply, req.params.id, null, {}),
  );

  app.get('/analytics/goals/:id/edit', { schema: { params: IdParams } }, async (req, reply) => {
    await requireGoalAdmin(req, db);
    const goal = await loadGoal(db, req.params.id);
    return showForm(req, reply, goal, goalFormOf(goal, req.i18n.locale), {});
  });

  app.post(
    '/analytics/goals/:id/edit',
    { schema: { params: IdParams, body: GoalFormBody } },
    async (req, reply) => {
      const actor = await requireGoalAdmin(req, db);
      const goal = await loadGoal(db, req.params.id);
      const typed = typedGoal(req.body as Partial<GoalForm>);
      const r = await tryForm(req, () => updateGoal(deps, actor, goal.id, goalInputOf(typed)));
      if ('errors' in r) return showForm(req, reply, goal, typed, r.errors, 400);
      return redirectWithFlash(
        reply,
        `/analytics/goals/${goal.id}`,
        'success',
        'analytics.goals.saved',
      );
    },
  );

  app.post(
    '/analytics/goals/:id/delete',
    { schema: { params: IdParams, body: FormBody({}) } },
    async (req, reply) => {
      const actor = await requireGoalAdmin(req, db);
      const goal = await deleteGoal(deps, actor, req.params.id);
      return redirectWithFlash(reply, '/analytics/goals', 'success', 'analytics.goals.deleted', {
        name: goal.name,
      });
    },
  );

  app.post(
    '/analytics/goals/:id/measurements',
    {
      schema: {
        params: IdParams,
        body: FormBody({
          day: Type.Optional(Type.String({ maxLength: 20 })),
          value: Type.Optional(Type.String({ maxLength: 40 })),
          note: Type.Optional(Type.String({ maxLength: 1000 })),
        }),
      },
    },
    async (req, reply) => {
      const actor = await requireGoalAdmin(req, db);
      const b = req.body as Partial<MeasurementForm>;
      const typed = { day: b.day ?? '', value: b.value ?? '', note: b.note ?? '' };
      const r = await tryForm(req, () =>
        addMeasurement(deps, actor, req.params.id, {
          day: typed.day,
          value: parseDecimal(typed.value),
          note: typed.note,
        }),
      );
      if ('errors' in r) return showGoal(req, reply, req.params.id, typed, r.errors, 400);
      return redirectWithFlash(
        reply,
        `/analytics/goals/${req.params.id}`,
        'success',
        'analytics.goals.measurement_added',
      );
    },
  );

  app.post(
    '/analytics/goals/:id/measurements/:mid/delete',
    { schema: { params: MeasurementParams, body: FormBody({}) } },
    async (req, reply) => {
      const actor = await requireGoalAdmin(req, db);
      await deleteMeasurement(deps, actor, req.params.id, req.params.mid);
      return redirectWithFlash(
        reply,
        `/analytics/goals/${req.params.id}`,
        'success',
        'analytics.goals.measurement_deleted',
      );
    },
  );

  app.get(
    '/analytics/goals/:id/measurements.csv',
    { schema: { params: IdParams } },
    async (req, reply) => {
      await requireAnalytics(req, db);
      const goal = await loadGoal(db, req.params.id);
      const measurements = await goalMeasurements(db, goal, deps.clock());
      const csv = toCsv(
        ['day', 'value', 'baseline', 'target', 'computed', 'note'],
        measurements.map((m) => [
          m.day,
          m.value,
          goal.baseline,
          goal.target,
          m.computed ? 'yes' : 'no',
          m.note,
        ]),
        { bom: true },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kantine-goal-${goal.id}.csv"`)
        .send(csv);
    },
  );
}

const MeasurementJson = Type.Object(
  {
    id: Type.Union([Type.String(), Type.Null()], { description: 'null for a computed value' }),
    day: Type.String({ format: 'date' }),
    value: Type.Number(),
    note: Type.String(),
    computed: Type.Boolean(),
  },
  { $id: 'GoalMeasurement' },
);

const goalFields = {
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  kpi: Type.String({ description: `'manual' or one of: ${KPIS.map((k) => k.key).join(', ')}` }),
  unit: Type.String({
    description:
      'a manual goal’s unit as entered; for a computed goal the KPI’s unit: ' +
      'percent, people, hours, documents or posts',
  }),
  baseline: Type.Number(),
  target: Type.Number(),
  startDate: Type.String({ format: 'date' }),
  deadline: Type.String({ format: 'date' }),
  direction: Type.Union([Type.Literal('increase'), Type.Literal('decrease')], {
    description: 'decrease: lower is better (the target is below the baseline)',
  }),
  status: Type.Union(
    [
      Type.Literal('none'),
      Type.Literal('on_track'),
      Type.Literal('at_risk'),
      Type.Literal('off_track'),
      Type.Literal('achieved'),
    ],
    { description: 'none: no measurement yet' },
  ),
  progress: Type.Union([Type.Number(), Type.Null()], {
    description: '(latest − baseline) ÷ (target − baseline); 1 = target reached',
  }),
  expected: Type.Number({ description: 'share of the time from start to deadline passed' }),
  latest: Type.Union([Type.Ref(MeasurementJson), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};
const GoalJson = Type.Object(goalFields, { $id: 'Goal' });
const GoalDetailJson = Type.Object({
  ...goalFields,
  measurements: Type.Array(Type.Ref(MeasurementJson), { description: 'oldest first' }),
});

function goalJson(row: GoalRow): Static<typeof GoalJson> {
  const { goal: g, latest, status } = row;
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    kpi: g.kpi,
    unit: g.kpi === MANUAL ? g.unit : (kpiOf(g.kpi)?.unit ?? ''),
    baseline: g.baseline,
    target: g.target,
    startDate: g.startDate,
    deadline: g.deadline,
    direction: lowerIsBetter(g) ? 'decrease' : 'increase',
    status: status.status,
    progress: status.progress,
    expected: status.expected,
    latest,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
  };
}

const goalBody = {
  name: Type.String({ maxLength: 200 }),
  description: Type.String({ maxLength: 4000 }),
  kpi: Type.String({ maxLength: 40, description: "'manual' or a computed KPI's key" }),
  unit: Type.String({ maxLength: 200, description: 'required for manual goals' }),
  baseline: Type.Number(),
  target: Type.Number({ description: 'must differ from the baseline' }),
  startDate: Type.String({ maxLength: 20, description: 'YYYY-MM-DD' }),
  deadline: Type.String({ maxLength: 20, description: 'YYYY-MM-DD, after the start' }),
};

/** `/api/v1/analytics/goals…`: everyone who sees the dashboards reads; admins change. */
export async function goalsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addSchema(MeasurementJson);
  app.addSchema(GoalJson);
  const GoalRef = Type.Ref(GoalJson);
  const tags = ['analytics'];

  const detail = async (goal: Goal) => {
    const now = deps.clock();
    const measurements = await goalMeasurements(db, goal, now);
    const latest = measurements.at(-1) ?? null;
    return {
      ...goalJson({ goal, latest, status: goalStatus(goal, latest, dayOf(now)) }),
      measurements,
    };
  };

  app.get(
    '/analytics/goals',
    {
      schema: {
        tags,
        summary: 'Business goals with their latest value and status',
        response: { 200: Page(GoalRef), ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      await requireAnalytics(req, db);
      const now = deps.clock();
      const items = [];
      for (const g of await listGoals(db)) items.push(goalJson(await rowOf(db, g, now)));
      return { items, nextCursor: null };
    },
  );

  app.post(
    '/analytics/goals',
    {
      schema: {
        tags,
        summary: 'Admin: create a business goal',
        body: Type.Object(
          {
            ...goalBody,
            description: Type.Optional(goalBody.description),
            unit: Type.Optional(goalBody.unit),
          },
          { additionalProperties: false },
        ),
        response: { 201: GoalDetailJson, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const goal = await createGoal(deps, await requireGoalAdmin(req, db), req.body);
      return reply.code(201).send(await detail(goal));
    },
  );

  app.get(
    '/analytics/goals/:id',
    {
      schema: {
        tags,
        summary: 'A business goal with its measurements (computed ones monthly)',
        params: IdParams,
        response: { 200: GoalDetailJson, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      await requireAnalytics(req, db);
      return detail(await loadGoal(db, req.params.id));
    },
  );

  app.patch(
    '/analytics/goals/:id',
    {
      schema: {
        tags,
        summary: 'Admin: change a business goal (fields left out stay)',
        params: IdParams,
        body: Type.Partial(Type.Object(goalBody), { additionalProperties: false }),
        response: { 200: GoalDetailJson, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const actor = await requireGoalAdmin(req, db);
      return detail(await updateGoal(deps, actor, req.params.id, req.body as GoalInput));
    },
  );

  app.delete(
    '/analytics/goals/:id',
    {
      schema: {
        tags,
        summary: 'Admin: delete a business goal with its measurements',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await deleteGoal(deps, await requireGoalAdmin(req, db), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/analytics/goals/:id/measurements',
    {
      schema: {
        tags,
        summary: 'Admin: add a measurement to a manual goal',
        params: IdParams,
        body: Type.Object(
          {
            day: Type.String({ maxLength: 20, description: 'YYYY-MM-DD, not in the future' }),
            value: Type.Number(),
            note: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref(MeasurementJson), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const actor = await requireGoalAdmin(req, db);
      const m: Measurement = await addMeasurement(deps, actor, req.params.id, req.body);
      return reply.code(201).send(m);
    },
  );

  app.delete(
    '/analytics/goals/:id/measurements/:mid',
    {
      schema: {
        tags,
        summary: 'Admin: delete a measurement of a manual goal',
        params: MeasurementParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = await requireGoalAdmin(req, db);
      await deleteMeasurement(deps, actor, req.params.id, req.params.mid);
      return reply.code(204).send(null);
    },
  );
}
