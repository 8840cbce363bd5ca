import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, sendPage } from '../../http/context.tsx';
import { FormBody, formErrors, tryForm } from '../../http/forms.ts';
import { Line } from '../../http/validation.ts';
import type { Errors } from '../../views/form.tsx';
import { requireCustomerAdmin, requireSatisfaction } from './customers.access.ts';
import { formText } from './customers.checks.ts';
import { canEvaluate, canManageCustomers } from './customers.policy.ts';
import { allCustomers } from './customers.queries.ts';
import { namedDimensions } from './dimensions.ts';
import {
  byId,
  dimensionMeans,
  evaluationMean,
  evaluationsOfRound,
  pairsOf,
  scoredMean,
} from './evaluations.ts';
import {
  createRound,
  deleteRound,
  listRounds,
  loadRound,
  updateRound,
  type RoundRow,
} from './rounds.ts';
import {
  RoundDeletePage,
  RoundFormPage,
  RoundPage,
  RoundsListPage,
  type GridRow,
  type RoundForm,
} from './rounds.views.tsx';

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const RoundBody = FormBody({
  name: Type.Optional(Line(120)),
  startsOn: Type.Optional(Type.String({ maxLength: 20 })),
  endsOn: Type.Optional(Type.String({ maxLength: 20 })),
});

const typedRound = (b: unknown): RoundForm => ({
  name: formText(b, 'name'),
  startsOn: formText(b, 'startsOn'),
  endsOn: formText(b, 'endsOn'),
});

/** `/customers/rounds…`: the list, a round's grid, new, edit and delete. */
export async function roundsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get('/customers/rounds', async (req, reply) => {
    const viewer = await requireSatisfaction(req, db, 'page');
    const rounds = await listRounds(db);
    return sendPage(req, reply, deps, req.i18n.t('customers.rounds.title'), (ctx) => (
      <RoundsListPage ctx={ctx} rounds={rounds} canManage={canManageCustomers(viewer)} />
    ));
  });

  const showForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    round: RoundRow | null,
    values: RoundForm,
    errors: Errors,
    status = 200,
  ) =>
    sendPage(
      req,
      reply,
      deps,
      round
        ? req.i18n.t('customers.rounds.edit_title', { name: round.name })
        : req.i18n.t('customers.rounds.new'),
      (ctx) => <RoundFormPage ctx={ctx} round={round} values={values} errors={errors} />,
      status,
    );

  app.get('/customers/rounds/new', async (req, reply) => {
    await requireCustomerAdmin(req, db, 'page');
    return showForm(req, reply, null, typedRound({}), {});
  });

  app.post(
    '/customers/rounds',
    { schema: { body: RoundBody }, attachValidation: true },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'page');
      const typed = typedRound(req.body);
      const invalid = formErrors(req);
      if (invalid) return showForm(req, reply, null, typed, invalid, 400);
      const r = await tryForm(req, () => createRound(deps, actor, typed));
      if ('errors' in r) return showForm(req, reply, null, typed, r.errors, 400);
      return redirectWithFlash(
        reply,
        `/customers/rounds/${r.ok.id}`,
        'success',
        'customers.rounds.created',
        { name: r.ok.name },
      );
    },
  );

  app.get('/customers/rounds/:id', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = await requireSatisfaction(req, db, 'page');
    const round = await loadRound(db, req.params.id);
    const [evaluations, all, customers] = await Promise.all([
      evaluationsOfRound(db, round.id),
      namedDimensions(db, req.i18n, { archived: true }),
      allCustomers(db),
    ]);
    const used = new Set(evaluations.flatMap((e) => Object.keys(e.scores)));
    const dims = all.filter((d) => d.archived_at === null || used.has(d.id));
    const dimsById = byId(dims);
    const byCustomer = new Map(evaluations.map((e) => [e.customer_id, e]));
    // Evaluated customers and those still to be evaluated (former customers only if evaluated).
    const rows: GridRow[] = customers
      .filter((c) => byCustomer.has(c.id) || c.status !== 'former')
      .map((c) => {
        const e = byCustomer.get(c.id) ?? null;
        return {
          customer: c,
          evaluation: e,
          mean: e ? evaluationMean(e, dimsById) : null,
          canEvaluate: canEvaluate(viewer, c),
        };
      });
    const overall = scoredMean(
      evaluations.flatMap((e) => pairsOf(e.scores)),
      dimsById,
    );
    return sendPage(req, reply, deps, round.name, (ctx) => (
      <RoundPage
        ctx={ctx}
        round={round}
        dims={dims}
        rows={rows}
        dimensionMeans={dimensionMeans(evaluations, dimsById)}
        overall={overall}
        canManage={canManageCustomers(viewer)}
      />
    ));
  });

  app.get('/customers/rounds/:id/edit', { schema: { params: IdParams } }, async (req, reply) => {
    await requireCustomerAdmin(req, db, 'page');
    const round = await loadRound(db, req.params.id);
    return showForm(
      req,
      reply,
      round,
      {
        name: round.name,
        startsOn: round.starts_on,
        endsOn: round.ends_on,
      },
      {},
    );
  });

  app.post(
    '/customers/rounds/:id/edit',
    { schema: { params: IdParams, body: RoundBody }, attachValidation: true },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'page');
      const round = await loadRound(db, req.params.id);
      const typed = typedRound(req.body);
      const invalid = formErrors(req);
      if (invalid) return showForm(req, reply, round, typed, invalid, 400);
      const r = await tryForm(req, () => updateRound(deps, actor, round.id, typed));
      if ('errors' in r) return showForm(req, reply, round, typed, r.errors, 400);
      return redirectWithFlash(
        reply,
        `/customers/rounds/${round.id}`,
        'success',
        'customers.rounds.saved',
      );
    },
  );

  app.get('/customers/rounds/:id/delete', { schema: { params: IdParams } }, async (req, reply) => {
    await requireCustomerAdmin(req, db, 'page');
    const round = await loadRound(db, req.params.id);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('customers.rounds.delete_title', { name: round.name }),
      (ctx) => <RoundDeletePage ctx={ctx} round={round} />,
    );
  });

  app.post(
    '/customers/rounds/:id/delete',
    { schema: { params: IdParams, body: FormBody({}) } },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'page');
      const r = await deleteRound(deps, actor, req.params.id);
      return redirectWithFlash(reply, '/customers/rounds', 'success', 'customers.rounds.deleted', {
        name: r.name,
        count: r.evaluations,
      });
    },
  );
}
