import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { Line } from '../../http/validation.ts';
import type { I18n } from '../../views/i18n.ts';
import { requireCustomerAdmin, requireSatisfaction } from './customers.access.ts';
import { getAudience } from './customers.policy.ts';
import { setAudience } from './customers.settings.ts';
import type { Dimension } from './customers.table.ts';
import {
  createDimension,
  DIMENSION_NAME_MAX,
  dimensionName,
  listDimensions,
  updateDimension,
} from './dimensions.ts';

export const DimensionJson = Type.Object({
  id: Type.String(),
  code: Type.Union([Type.String(), Type.Null()], {
    description: "'overall', 'quality', 'communication', 'reliability', 'value' for the defaults",
  }),
  name: Type.String({ description: 'the name shown, in the caller’s language for defaults' }),
  customName: Type.String({ description: 'the name an admin gave; empty: the default name' }),
  position: Type.Integer(),
  target: Type.Number({ description: 'green at or above it (scale 1–10)' }),
  tolerance: Type.Number({ description: 'amber down to target − tolerance; red below' }),
  archived: Type.Boolean({ description: 'out of the forms; its scores stay' }),
});

export const dimensionJson = (
  i18n: Pick<I18n, 't'>,
  d: Dimension,
): Static<typeof DimensionJson> => ({
  id: d.id,
  code: d.code,
  name: dimensionName(i18n, d),
  customName: d.name,
  position: d.position,
  target: d.target,
  tolerance: d.tolerance,
  archived: d.archived_at !== null,
});

const AudienceJson = Type.Union([Type.Literal('owners'), Type.Literal('members')], {
  description: 'who besides admins sees satisfaction: account owners (default) or every member',
});
const SettingsJson = Type.Object({ audience: AudienceJson });

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const fields = {
  name: Line(DIMENSION_NAME_MAX * 2),
  target: Type.Number({ description: '1 to 10' }),
  tolerance: Type.Number({ description: '0 to 9' }),
};

/** `/api/v1/satisfaction/dimensions…` and `/api/v1/satisfaction/settings`. */
export async function dimensionsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const tags = ['customers'];

  app.get(
    '/satisfaction/dimensions',
    {
      schema: {
        tags,
        summary: 'The dimensions customers are scored on, with their standards, by position',
        querystring: Type.Object({
          archived: Type.Optional(Type.Boolean({ description: 'include archived dimensions' })),
        }),
        response: { 200: Page(DimensionJson), ...problems(400, 401, 404) },
      },
    },
    async (req) => {
      await requireSatisfaction(req, db, 'api');
      const dims = await listDimensions(db, { archived: req.query.archived ?? false });
      return { items: dims.map((d) => dimensionJson(req.i18n, d)), nextCursor: null };
    },
  );

  app.post(
    '/satisfaction/dimensions',
    {
      schema: {
        tags,
        summary: 'Admin: add a dimension (placed last)',
        body: Type.Object(fields, { additionalProperties: false }),
        response: { 201: DimensionJson, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'api');
      const d = await createDimension(deps, actor, req.body);
      return reply.code(201).send(dimensionJson(req.i18n, d));
    },
  );

  app.patch(
    '/satisfaction/dimensions/:id',
    {
      schema: {
        tags,
        summary: 'Admin: rename, change the standard, move, archive or restore a dimension',
        params: IdParams,
        body: Type.Partial(
          Type.Object({
            ...fields,
            position: Type.Integer({ description: '1 = first among the active dimensions' }),
            archived: Type.Boolean(),
          }),
          { additionalProperties: false },
        ),
        response: { 200: DimensionJson, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = await requireCustomerAdmin(req, db, 'api');
      return dimensionJson(req.i18n, await updateDimension(deps, actor, req.params.id, req.body));
    },
  );

  app.get(
    '/satisfaction/settings',
    {
      schema: {
        tags,
        summary: 'Admin: who sees customer satisfaction',
        response: { 200: SettingsJson, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      await requireCustomerAdmin(req, db, 'api');
      return { audience: await getAudience(db) };
    },
  );

  app.put(
    '/satisfaction/settings',
    {
      schema: {
        tags,
        summary: 'Admin: set who sees customer satisfaction',
        body: Type.Object({ audience: AudienceJson }, { additionalProperties: false }),
        response: { 200: SettingsJson, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const actor = await requireCustomerAdmin(req, db, 'api');
      return { audience: await setAudience(deps, actor, req.body.audience) };
    },
  );
}
