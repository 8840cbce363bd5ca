import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, PageQuery, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { Line, Text } from '../../http/validation.ts';
import { requireCustomerAdmin, requireSatisfaction } from './customers.access.ts';
import {
  CustomerJson,
  customerJson,
  EvaluationJson,
  evaluationJson,
  StatusJson,
} from './customers.json.ts';
import { listCustomers, loadCustomer, type CustomerRow } from './customers.queries.ts';
import {
  createCustomer,
  CUSTOMER_LIMITS,
  deleteCustomer,
  updateCustomer,
} from './customers.service.ts';
import { dimensionsApi } from './dimensions.api.ts';
import { listDimensions } from './dimensions.ts';
import { COMMENT_MAX, deleteEvaluation, saveEvaluation } from './evaluations.save.ts';
import { byId, evaluationsOfCustomer, latestEvaluations } from './evaluations.ts';
import { importApi } from './import.api.ts';
import { roundsApi } from './rounds.api.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const EvaluationParams = Type.Object({
  id: Type.String({ maxLength: 40 }),
  roundId: Type.String({ maxLength: 40 }),
});

const customerBody = {
  name: Line(CUSTOMER_LIMITS.name * 2),
  industry: Line(CUSTOMER_LIMITS.industry * 2),
  ownerId: Type.Union([Type.String({ maxLength: 40 }), Type.Null()], {
    description: 'the account owner: an active person’s id; null for none',
  }),
  status: StatusJson,
};

/**
 * `/api/v1/customers…` and the rest of the customer voice API (dimensions, settings, rounds,
 * CSV): those who see satisfaction read, admins change, account owners evaluate their own.
 */
export async function customersCoreApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addSchema(CustomerJson);
  app.addSchema(EvaluationJson);
  const CustomerRef = Type.Ref(CustomerJson);
  const EvaluationRef = Type.Ref(EvaluationJson);
  const tags = ['customers'];

  const present = async (rows: CustomerRow[]) => {
    const [latest, dims] = await Promise.all([
      latestEvaluations(
        db,
        rows.map((c) => c.id),
      ),
      listDimensions(db, { archived: true }),
    ]);
    const dimsById = byId(dims);
    return rows.map((c) => customerJson(c, latest.get(c.id), dimsById));
  };
  const one = async (c: CustomerRow) => (await present([c]))[0];

  app.get(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Customers by name, with their latest mean score',
        querystring: Type.Object({
          status: Type.Optional(StatusJson),
          industry: Type.Optional(Type.String({ maxLength: 200 })),
          ownerId: Type.Optional(Type.String({ maxLength: 40 })),
          ...PageQuery,
        }),
        response: { 200: Page(CustomerRef), ...problems(400, 401, 404) },
      },
    },
    async (req) => {
      await requireSatisfaction(req, db, 'api');
      const q = req.query;
      const page = await listCustomers(
        db,
        { status: q.status ?? null, industry: q.industry ?? null, ownerId: q.ownerId ?? null },
        { cursor: q.cursor ?? null, limit: q.limit ?? 20 },
      );
      return { items: await present(page.items), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Admin: add a customer',
        body: Type.Object(
          {
            name: customerBody.name,
            industry: Type.Optional(customerBody.industry),
            ownerId: Type.Optional(customerBody.ownerId),
            status: Type.Optional(customerBody.status),
          },
          { additionalProperties: false },
        ),
        response: { 201: CustomerRef, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'api');
      const c = await createCustomer(deps, actor, req.body);
      return reply.code(201).send(await one(c));
    },
  );

  app.get(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'A customer',
        params: IdParams,
        response: { 200: CustomerRef, ...problems(401, 404) },
      },
    },
    async (req) => {
      await requireSatisfaction(req, db, 'api');
      return one(await loadCustomer(db, req.params.id));
    },
  );

  app.patch(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'Admin: change a customer (fields left out stay)',
        params: IdParams,
        body: Type.Partial(Type.Object(customerBody), { additionalProperties: false }),
        response: { 200: CustomerRef, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = await requireCustomerAdmin(req, db, 'api');
      return one(await updateCustomer(deps, actor, req.params.id, req.body));
    },
  );

  app.delete(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'Admin: delete a customer with all its evaluations',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'api');
      await deleteCustomer(deps, actor, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/customers/:id/evaluations',
    {
      schema: {
        tags,
        summary: 'A customer’s evaluations, newest round first',
        params: IdParams,
        response: { 200: Page(EvaluationRef), ...problems(401, 404) },
      },
    },
    async (req) => {
      const viewer = await requireSatisfaction(req, db, 'api');
      const customer = await loadCustomer(db, req.params.id);
      const [evaluations, dims] = await Promise.all([
        evaluationsOfCustomer(db, customer.id),
        listDimensions(db, { archived: true }),
      ]);
      const dimsById = byId(dims);
      return {
        items: evaluations.map((e) => evaluationJson(e, customer, viewer, dimsById)),
        nextCursor: null,
      };
    },
  );

  app.put(
    '/customers/:id/evaluations/:roundId',
    {
      schema: {
        tags,
        summary: 'Enter or replace the customer’s evaluation in a round (admins, account owner)',
        params: EvaluationParams,
        body: Type.Object(
          {
            conversationDate: Type.String({ maxLength: 40, description: 'YYYY-MM-DD' }),
            comment: Type.Optional(Text(COMMENT_MAX * 2)),
            scores: Type.Record(
              Type.String({ maxLength: 40 }),
              Type.Union([Type.Number(), Type.Null()]),
              {
                description:
                  'by dimension id: a whole number from 1 to 10, or null for not scored; ' +
                  'active dimensions left out are not scored; at least one score',
              },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: EvaluationRef,
          201: EvaluationRef,
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const viewer = await requireSatisfaction(req, db, 'api');
      const customer = await loadCustomer(db, req.params.id);
      const r = await saveEvaluation(deps, viewer, customer.id, req.params.roundId, req.body);
      const dims = byId(await listDimensions(db, { archived: true }));
      return reply
        .code(r.created ? 201 : 200)
        .send(evaluationJson(r.evaluation, customer, viewer, dims));
    },
  );

  app.delete(
    '/customers/:id/evaluations/:roundId',
    {
      schema: {
        tags,
        summary: 'Delete the customer’s evaluation in a round (admins, account owner)',
        params: EvaluationParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const viewer = await requireSatisfaction(req, db, 'api');
      await deleteEvaluation(deps, viewer, req.params.id, req.params.roundId);
      return reply.code(204).send(null);
    },
  );

  await dimensionsApi(app, deps);
  await roundsApi(app, deps);
  await importApi(app, deps);
}
