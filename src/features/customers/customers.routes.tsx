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
import { CustomerPage } from './customers.detail.tsx';
import { canEvaluate, canManageCustomers } from './customers.policy.ts';
import {
  activePeople,
  countEvaluationsOf,
  customerIndustries,
  customerOwners,
  listCustomers,
  loadCustomer,
  type CustomerRow,
} from './customers.queries.ts';
import { createCustomer, deleteCustomer, updateCustomer } from './customers.service.ts';
import { CUSTOMER_STATUSES, type CustomerStatus } from './customers.table.ts';
import {
  CustomerDeletePage,
  CustomerFormPage,
  CustomersListPage,
  type CustomerForm,
} from './customers.views.tsx';
import { dimensionsRoutes } from './dimensions.routes.tsx';
import { namedDimensions } from './dimensions.ts';
import { evaluationsRoutes } from './evaluations.routes.tsx';
import { byId, evaluationMean, evaluationsOfCustomer, latestEvaluations } from './evaluations.ts';
import { importRoutes } from './import.routes.tsx';
import { roundsRoutes } from './rounds.routes.tsx';
import { listRounds } from './rounds.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const ListQuery = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 20 })),
  industry: Type.Optional(Type.String({ maxLength: 200 })),
  owner: Type.Optional(Type.String({ maxLength: 40 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
const CustomerFormBody = FormBody({
  name: Type.Optional(Line(400)),
  industry: Type.Optional(Line(200)),
  ownerId: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
});
const PAGE_SIZE = 100;

const typedCustomer = (b: unknown): CustomerForm => ({
  name: formText(b, 'name'),
  industry: formText(b, 'industry'),
  ownerId: formText(b, 'ownerId'),
  status: formText(b, 'status') || 'active',
});

const formOf = (c: CustomerRow): CustomerForm => ({
  name: c.name,
  industry: c.industry,
  ownerId: c.owner_id ?? '',
  status: c.status,
});

/** Customer voice pages: customers here; dimensions, rounds, evaluations and import beside. */
export async function customersRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get('/customers', { schema: { querystring: ListQuery } }, async (req, reply) => {
    const viewer = await requireSatisfaction(req, db, 'page');
    const q = req.query;
    const status = CUSTOMER_STATUSES.includes(q.status as CustomerStatus)
      ? (q.status as CustomerStatus)
      : null;
    const page = await listCustomers(
      db,
      { status, industry: q.industry || null, ownerId: q.owner || null },
      { cursor: q.cursor ?? null, limit: PAGE_SIZE },
    );
    const [latest, dims, industries, owners] = await Promise.all([
      latestEvaluations(
        db,
        page.items.map((c) => c.id),
      ),
      namedDimensions(db, req.i18n, { archived: true }),
      customerIndustries(db),
      customerOwners(db),
    ]);
    const dimsById = byId(dims);
    const rows = page.items.map((c) => {
      const e = latest.get(c.id);
      return {
        customer: c,
        latest: e ? { roundName: e.round_name, scored: evaluationMean(e, dimsById) } : null,
      };
    });
    const next = new URLSearchParams();
    if (status) next.set('status', status);
    if (q.industry) next.set('industry', q.industry);
    if (q.owner) next.set('owner', q.owner);
    if (page.nextCursor) next.set('cursor', page.nextCursor);
    return sendPage(req, reply, deps, req.i18n.t('customers.title'), (ctx) => (
      <CustomersListPage
        ctx={ctx}
        rows={rows}
        filter={{ status: status ?? '', industry: q.industry ?? '', owner: q.owner ?? '' }}
        industries={industries}
        owners={owners}
        canManage={canManageCustomers(viewer)}
        nextUrl={page.nextCursor ? `/customers?${next.toString()}` : null}
      />
    ));
  });

  const showForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    customer: CustomerRow | null,
    values: CustomerForm,
    errors: Errors,
    status = 200,
  ) => {
    const [people, industries] = await Promise.all([activePeople(db), customerIndustries(db)]);
    return sendPage(
      req,
      reply,
      deps,
      customer
        ? req.i18n.t('customers.edit_title', { name: customer.name })
        : req.i18n.t('customers.new'),
      (ctx) => (
        <CustomerFormPage
          ctx={ctx}
          customer={customer}
          values={values}
          errors={errors}
          people={people}
          industries={industries}
        />
      ),
      status,
    );
  };

  app.get('/customers/new', async (req, reply) => {
    await requireCustomerAdmin(req, db, 'page');
    return showForm(req, reply, null, typedCustomer({}), {});
  });

  app.post(
    '/customers',
    { schema: { body: CustomerFormBody }, attachValidation: true },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'page');
      const typed = typedCustomer(req.body);
      const invalid = formErrors(req);
      if (invalid) return showForm(req, reply, null, typed, invalid, 400);
      const r = await tryForm(req, () => createCustomer(deps, actor, typed));
      if ('errors' in r) return showForm(req, reply, null, typed, r.errors, 400);
      return redirectWithFlash(reply, `/customers/${r.ok.id}`, 'success', 'customers.created', {
        name: r.ok.name,
      });
    },
  );

  app.get('/customers/:id', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = await requireSatisfaction(req, db, 'page');
    const customer = await loadCustomer(db, req.params.id);
    const [evaluations, dims, rounds] = await Promise.all([
      evaluationsOfCustomer(db, customer.id),
      namedDimensions(db, req.i18n, { archived: true }),
      listRounds(db),
    ]);
    const done = new Set(evaluations.map((e) => e.round_id));
    return sendPage(req, reply, deps, customer.name, (ctx) => (
      <CustomerPage
        ctx={ctx}
        customer={customer}
        evaluations={evaluations}
        dims={dims}
        canEvaluate={canEvaluate(viewer, customer)}
        canManage={canManageCustomers(viewer)}
        openRounds={rounds.filter((r) => !done.has(r.id))}
      />
    ));
  });

  app.get('/customers/:id/edit', { schema: { params: IdParams } }, async (req, reply) => {
    await requireCustomerAdmin(req, db, 'page');
    const customer = await loadCustomer(db, req.params.id);
    return showForm(req, reply, customer, formOf(customer), {});
  });

  app.post(
    '/customers/:id/edit',
    { schema: { params: IdParams, body: CustomerFormBody }, attachValidation: true },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'page');
      const customer = await loadCustomer(db, req.params.id);
      const typed = typedCustomer(req.body);
      const invalid = formErrors(req);
      if (invalid) return showForm(req, reply, customer, typed, invalid, 400);
      const r = await tryForm(req, () => updateCustomer(deps, actor, customer.id, typed));
      if ('errors' in r) return showForm(req, reply, customer, typed, r.errors, 400);
      return redirectWithFlash(reply, `/customers/${customer.id}`, 'success', 'customers.saved');
    },
  );

  app.get('/customers/:id/delete', { schema: { params: IdParams } }, async (req, reply) => {
    await requireCustomerAdmin(req, db, 'page');
    const customer = await loadCustomer(db, req.params.id);
    const count = await countEvaluationsOf(db, customer.id);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('customers.delete_title', { name: customer.name }),
      (ctx) => <CustomerDeletePage ctx={ctx} customer={customer} evaluations={count} />,
    );
  });

  app.post(
    '/customers/:id/delete',
    { schema: { params: IdParams, body: FormBody({}) } },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'page');
      const c = await deleteCustomer(deps, actor, req.params.id);
      return redirectWithFlash(reply, '/customers', 'success', 'customers.deleted', {
        name: c.name,
      });
    },
  );

  await dimensionsRoutes(app, deps);
  await roundsRoutes(app, deps);
  await evaluationsRoutes(app, deps);
  await importRoutes(app, deps);
}
