import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { Line } from '../../http/validation.ts';
import { requireCustomerAdmin, requireSatisfaction } from './customers.access.ts';
import { evaluationFields, evaluationJson } from './customers.json.ts';
import { listDimensions } from './dimensions.ts';
import { byId, evaluationsOfRound } from './evaluations.ts';
import {
  createRound,
  deleteRound,
  listRounds,
  loadRound,
  ROUND_NAME_MAX,
  updateRound,
  type RoundRow,
} from './rounds.ts';

const roundFields = {
  id: Type.String(),
  name: Type.String(),
  startsOn: Type.String({ format: 'date' }),
  endsOn: Type.String({ format: 'date' }),
  published: Type.Boolean(),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  evaluationCount: Type.Integer({ description: 'how many customers were evaluated in it' }),
  createdAt: Type.String({ format: 'date-time' }),
};
export const RoundJson = Type.Object(roundFields);
const RoundDetailJson = Type.Object({
  ...roundFields,
  evaluations: Type.Array(Type.Object({ ...evaluationFields, customerName: Type.String() }), {
    description: 'its evaluations by customer name; comments only where the caller may evaluate',
  }),
});

export const roundJson = (r: RoundRow): Static<typeof RoundJson> => ({
  id: r.id,
  name: r.name,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  published: r.published_at !== null,
  publishedAt: r.published_at,
  evaluationCount: r.evaluations,
  createdAt: r.created_at,
});

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const fields = {
  name: Line(ROUND_NAME_MAX * 2),
  startsOn: Type.String({ maxLength: 40, description: 'YYYY-MM-DD' }),
  endsOn: Type.String({ maxLength: 40, description: 'YYYY-MM-DD, not before the start' }),
};

/** `/api/v1/satisfaction/rounds…` (publishing is satisfaction.api.ts's). */
export async function roundsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const tags = ['customers'];

  app.get(
    '/satisfaction/rounds',
    {
      schema: {
        tags,
        summary: 'Evaluation rounds, newest first',
        response: { 200: Page(RoundJson), ...problems(401, 404) },
      },
    },
    async (req) => {
      await requireSatisfaction(req, db, 'api');
      return { items: (await listRounds(db)).map(roundJson), nextCursor: null };
    },
  );

  app.post(
    '/satisfaction/rounds',
    {
      schema: {
        tags,
        summary: 'Admin: add an evaluation round',
        body: Type.Object(fields, { additionalProperties: false }),
        response: { 201: RoundJson, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'api');
      return reply.code(201).send(roundJson(await createRound(deps, actor, req.body)));
    },
  );

  app.get(
    '/satisfaction/rounds/:id',
    {
      schema: {
        tags,
        summary: 'A round with its evaluations and their scores',
        params: IdParams,
        response: { 200: RoundDetailJson, ...problems(401, 404) },
      },
    },
    async (req) => {
      const viewer = await requireSatisfaction(req, db, 'api');
      const round = await loadRound(db, req.params.id);
      const [evaluations, dims] = await Promise.all([
        evaluationsOfRound(db, round.id),
        listDimensions(db, { archived: true }),
      ]);
      const dimsById = byId(dims);
      return {
        ...roundJson(round),
        evaluations: evaluations.map((e) => ({
          ...evaluationJson(e, { owner_id: e.customer_owner_id }, viewer, dimsById),
          customerName: e.customer_name,
        })),
      };
    },
  );

  app.patch(
    '/satisfaction/rounds/:id',
    {
      schema: {
        tags,
        summary: 'Admin: rename a round or change its dates (fields left out stay)',
        params: IdParams,
        body: Type.Partial(Type.Object(fields), { additionalProperties: false }),
        response: { 200: RoundJson, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = await requireCustomerAdmin(req, db, 'api');
      return roundJson(await updateRound(deps, actor, req.params.id, req.body));
    },
  );

  app.delete(
    '/satisfaction/rounds/:id',
    {
      schema: {
        tags,
        summary: 'Admin: delete a round with all its evaluations',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'api');
      await deleteRound(deps, actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
