import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, sendPage } from '../../http/context.tsx';
import { AppError } from '../../http/errors.ts';
import { FormBody, formErrors, tryForm } from '../../http/forms.ts';
import { Line, Text } from '../../http/validation.ts';
import type { Errors } from '../../views/form.tsx';
import { requireSatisfaction } from './customers.access.ts';
import { formText } from './customers.checks.ts';
import { canEvaluate } from './customers.policy.ts';
import { loadCustomer, type CustomerRow } from './customers.queries.ts';
import { namedDimensions } from './dimensions.ts';
import { findEvaluation, type EvaluationRecord } from './evaluations.ts';
import { deleteEvaluation, saveEvaluation, scoreOfText } from './evaluations.save.ts';
import {
  EvaluationDeletePage,
  EvaluationFormPage,
  evaluationUrl,
  type EvaluationForm,
} from './evaluations.views.tsx';
import { loadRound } from './rounds.ts';

const Params = Type.Object({
  id: Type.String({ maxLength: 40 }),
  roundId: Type.String({ maxLength: 40 }),
});
// Scores come as `scores.<dimension id>` fields, one per active dimension.
const EvaluationBody = Type.Object(
  {
    conversationDate: Type.Optional(Line(40)),
    comment: Type.Optional(Text(10_000)),
    _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: Type.String({ maxLength: 40 }) },
);

const SCORE_FIELD = /^scores\.(.+)$/;

function typedEvaluation(b: unknown): EvaluationForm {
  const out: EvaluationForm = {
    conversationDate: formText(b, 'conversationDate'),
    comment: formText(b, 'comment'),
  };
  for (const key of Object.keys((b ?? {}) as object)) {
    if (SCORE_FIELD.test(key)) out[key as `scores.${string}`] = formText(b, key);
  }
  return out;
}

function formOf(e: EvaluationRecord | null, today: string): EvaluationForm {
  const out: EvaluationForm = {
    conversationDate: e?.conversation_date ?? today,
    comment: e?.comment ?? '',
  };
  for (const [id, s] of Object.entries(e?.scores ?? {})) out[`scores.${id}`] = String(s);
  return out;
}

/** The scores of the form, by dimension id, for the use case. */
function scoresOf(f: EvaluationForm): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [key, v] of Object.entries(f)) {
    const m = SCORE_FIELD.exec(key);
    if (m?.[1]) out[m[1]] = scoreOfText(v);
  }
  return out;
}

/** `/customers/:id/evaluations/:roundId`: enter, change or delete one evaluation. */
export async function evaluationsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  /** The customer and round, if the viewer may evaluate the customer (403 otherwise). */
  const load = async (req: FastifyRequest, id: string, roundId: string) => {
    const viewer = await requireSatisfaction(req, db, 'page');
    const customer = await loadCustomer(db, id);
    const round = await loadRound(db, roundId);
    if (!canEvaluate(viewer, customer)) throw new AppError(403, 'forbidden', 'error.forbidden');
    return { viewer, customer, round };
  };

  const showForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    x: { customer: CustomerRow; round: Awaited<ReturnType<typeof loadRound>> },
    values: EvaluationForm | null,
    errors: Errors,
    status = 200,
  ) => {
    const existing = (await findEvaluation(db, x.customer.id, x.round.id)) ?? null;
    const all = await namedDimensions(db, req.i18n, { archived: true });
    const dims = all.filter((d) => d.archived_at === null || existing?.scores[d.id] !== undefined);
    const today = deps.clock().toISOString().slice(0, 10);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('customers.evaluation.title', { customer: x.customer.name, round: x.round.name }),
      (ctx) => (
        <EvaluationFormPage
          ctx={ctx}
          customer={x.customer}
          round={x.round}
          dims={dims}
          existing={existing}
          values={values ?? formOf(existing, today)}
          errors={errors}
        />
      ),
      status,
    );
  };

  app.get(
    '/customers/:id/evaluations/:roundId',
    { schema: { params: Params } },
    async (req, reply) => {
      const x = await load(req, req.params.id, req.params.roundId);
      return showForm(req, reply, x, null, {});
    },
  );

  app.post(
    '/customers/:id/evaluations/:roundId',
    { schema: { params: Params, body: EvaluationBody }, attachValidation: true },
    async (req, reply) => {
      const x = await load(req, req.params.id, req.params.roundId);
      const typed = typedEvaluation(req.body);
      const invalid = formErrors(req);
      if (invalid) return showForm(req, reply, x, typed, invalid, 400);
      const r = await tryForm(req, () =>
        saveEvaluation(deps, x.viewer, x.customer.id, x.round.id, {
          conversationDate: typed.conversationDate,
          comment: typed.comment,
          scores: scoresOf(typed),
        }),
      );
      if ('errors' in r) return showForm(req, reply, x, typed, r.errors, 400);
      return redirectWithFlash(
        reply,
        `/customers/${x.customer.id}`,
        'success',
        r.ok.created ? 'customers.evaluation.created' : 'customers.evaluation.saved',
        { customer: x.customer.name, round: x.round.name },
      );
    },
  );

  app.get(
    '/customers/:id/evaluations/:roundId/delete',
    { schema: { params: Params } },
    async (req, reply) => {
      const x = await load(req, req.params.id, req.params.roundId);
      const existing = await findEvaluation(db, x.customer.id, x.round.id);
      if (!existing) return reply.redirect(evaluationUrl(x.customer.id, x.round.id), 303);
      return sendPage(
        req,
        reply,
        deps,
        req.i18n.t('customers.evaluation.delete_title', {
          customer: x.customer.name,
          round: x.round.name,
        }),
        (ctx) => <EvaluationDeletePage ctx={ctx} customer={x.customer} round={x.round} />,
      );
    },
  );

  app.post(
    '/customers/:id/evaluations/:roundId/delete',
    { schema: { params: Params, body: FormBody({}) } },
    async (req, reply) => {
      const x = await load(req, req.params.id, req.params.roundId);
      await deleteEvaluation(deps, x.viewer, x.customer.id, x.round.id);
      return redirectWithFlash(
        reply,
        `/customers/${x.customer.id}`,
        'success',
        'customers.evaluation.deleted',
        {
          customer: x.customer.name,
          round: x.round.name,
        },
      );
    },
  );
}
