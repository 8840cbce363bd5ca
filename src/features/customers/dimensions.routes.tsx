import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, sendPage } from '../../http/context.tsx';
import { FormBody, formErrors, tryForm } from '../../http/forms.ts';
import { Line } from '../../http/validation.ts';
import type { Errors } from '../../views/form.tsx';
import { requireCustomerAdmin } from './customers.access.ts';
import { decimalText, formText, parseDecimal } from './customers.checks.ts';
import { getAudience } from './customers.policy.ts';
import { setAudience } from './customers.settings.ts';
import {
  createDimension,
  dimensionName,
  loadDimension,
  moveDimension,
  namedDimensions,
  updateDimension,
} from './dimensions.ts';
import { DimensionEditPage, StandardsPage, type DimensionForm } from './dimensions.views.tsx';

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const DimensionBody = FormBody({
  name: Type.Optional(Line(120)),
  target: Type.Optional(Type.String({ maxLength: 40 })),
  tolerance: Type.Optional(Type.String({ maxLength: 40 })),
  position: Type.Optional(Type.String({ maxLength: 10 })),
});

const typedDimension = (b: unknown): DimensionForm => ({
  name: formText(b, 'name'),
  target: formText(b, 'target'),
  tolerance: formText(b, 'tolerance'),
});

const inputOf = (f: DimensionForm) => ({
  name: f.name,
  target: parseDecimal(f.target),
  tolerance: parseDecimal(f.tolerance),
});

/** `/customers/standards`: dimensions with their standards, the legend, the audience. */
export async function dimensionsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  const showStandards = async (
    req: FastifyRequest,
    reply: FastifyReply,
    add: { values: DimensionForm; errors: Errors } = {
      values: { name: '', target: '8', tolerance: '1' },
      errors: {},
    },
    audienceErrors: Errors = {},
    status = 200,
  ) => {
    const [all, audience] = await Promise.all([
      namedDimensions(db, req.i18n, { archived: true }),
      getAudience(db),
    ]);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('customers.standards.title'),
      (ctx) => (
        <StandardsPage
          ctx={ctx}
          dims={all.filter((d) => d.archived_at === null)}
          archived={all.filter((d) => d.archived_at !== null)}
          audience={audience}
          add={add}
          audienceErrors={audienceErrors}
        />
      ),
      status,
    );
  };

  app.get('/customers/standards', async (req, reply) => {
    await requireCustomerAdmin(req, db, 'page');
    return showStandards(req, reply);
  });

  app.post(
    '/customers/standards',
    { schema: { body: DimensionBody }, attachValidation: true },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'page');
      const values = typedDimension(req.body);
      const invalid = formErrors(req);
      if (invalid) return showStandards(req, reply, { values, errors: invalid }, {}, 400);
      const r = await tryForm(req, () => createDimension(deps, actor, inputOf(values)));
      if ('errors' in r) return showStandards(req, reply, { values, errors: r.errors }, {}, 400);
      return redirectWithFlash(
        reply,
        '/customers/standards',
        'success',
        'customers.standards.added',
        {
          name: r.ok.name,
        },
      );
    },
  );

  app.post(
    '/customers/standards/audience',
    {
      schema: { body: FormBody({ audience: Type.Optional(Type.String({ maxLength: 20 })) }) },
      attachValidation: true,
    },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'page');
      const r = await tryForm(req, () => setAudience(deps, actor, formText(req.body, 'audience')));
      if ('errors' in r) return showStandards(req, reply, undefined, r.errors, 400);
      return redirectWithFlash(
        reply,
        '/customers/standards',
        'success',
        'customers.audience.saved',
      );
    },
  );

  const showEdit = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: (DimensionForm & { position: string }) | null,
    errors: Errors,
    status = 200,
  ) => {
    const dim = await loadDimension(db, id);
    const active = await namedDimensions(db, req.i18n);
    const position = active.findIndex((d) => d.id === dim.id) + 1;
    const named = { ...dim, displayName: dimensionName(req.i18n, dim) };
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('customers.standards.edit_title', { name: named.displayName }),
      (ctx) => (
        <DimensionEditPage
          ctx={ctx}
          dim={named}
          defaultName={dim.code ? dimensionName(req.i18n, { code: dim.code, name: '' }) : null}
          values={
            values ?? {
              name: dim.name,
              target: decimalText(dim.target, req.i18n.locale),
              tolerance: decimalText(dim.tolerance, req.i18n.locale),
              position: String(position),
            }
          }
          errors={errors}
          positions={dim.archived_at === null ? active.length : 0}
        />
      ),
      status,
    );
  };

  app.get('/customers/standards/:id/edit', { schema: { params: IdParams } }, async (req, reply) => {
    await requireCustomerAdmin(req, db, 'page');
    return showEdit(req, reply, req.params.id, null, {});
  });

  app.post(
    '/customers/standards/:id/edit',
    { schema: { params: IdParams, body: DimensionBody }, attachValidation: true },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'page');
      await loadDimension(db, req.params.id);
      const values = { ...typedDimension(req.body), position: formText(req.body, 'position') };
      const invalid = formErrors(req);
      if (invalid) return showEdit(req, reply, req.params.id, values, invalid, 400);
      const position = values.position === '' ? undefined : Number(values.position);
      const r = await tryForm(req, () =>
        updateDimension(deps, actor, req.params.id, { ...inputOf(values), position }),
      );
      if ('errors' in r) return showEdit(req, reply, req.params.id, values, r.errors, 400);
      return redirectWithFlash(
        reply,
        '/customers/standards',
        'success',
        'customers.standards.saved',
      );
    },
  );

  app.post(
    '/customers/standards/:id/move',
    {
      schema: {
        params: IdParams,
        body: FormBody({ direction: Type.Union([Type.Literal('up'), Type.Literal('down')]) }),
      },
    },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'page');
      await moveDimension(deps, actor, req.params.id, req.body.direction);
      return redirectWithFlash(
        reply,
        '/customers/standards',
        'success',
        'customers.standards.moved',
      );
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/customers/standards/:id/${action}`,
      { schema: { params: IdParams, body: FormBody({}) } },
      async (req, reply) => {
        const actor = await requireCustomerAdmin(req, db, 'page');
        const d = await updateDimension(deps, actor, req.params.id, { archived });
        return redirectWithFlash(
          reply,
          '/customers/standards',
          'success',
          archived ? 'customers.standards.archived' : 'customers.standards.restored',
          { name: dimensionName(req.i18n, d) },
        );
      },
    );
  }
}
