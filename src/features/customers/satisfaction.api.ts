import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireAdmin, requireViewer } from '../../http/context.tsx';
import { notFound } from '../../http/errors.ts';
import { canSeeSatisfaction } from './customers.policy.ts';
import { publishRound } from './publish.ts';
import { checkFilter, loadSatisfaction } from './satisfaction.ts';
import { filterOf, FilterQuery } from './satisfaction.filters.ts';
import { SatisfactionJson, satisfactionJson } from './satisfaction.json.ts';
import {
  createWidgetToken,
  listWidgetTokens,
  NAME_MAX,
  parseOrigins,
  revokeWidgetToken,
  saveWidgetSettings,
  widgetSettings,
  type WidgetToken,
} from './widget.tokens.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

const WidgetTokenJson = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    createdBy: Nullable(Type.String()),
    lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
    revokedAt: Nullable(Type.String({ format: 'date-time' })),
  },
  { $id: 'WidgetToken' },
);

const tokenJson = (t: WidgetToken): Static<typeof WidgetTokenJson> => ({
  id: t.id,
  name: t.name,
  createdAt: t.created_at,
  createdBy: t.created_by,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
});

const WidgetSettingsJson = Type.Object({
  showNames: Type.Boolean({
    description: 'the widget through a token names the customers below standard (else a count)',
  }),
  frameAncestors: Type.Array(Type.String({ maxLength: 200 }), {
    maxItems: 20,
    description: 'origins that may frame the widget page; empty: any',
  }),
});

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

/** `/api/v1/satisfaction…`: the figures, widget tokens and settings, publishing a round. */
export async function satisfactionApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addSchema(SatisfactionJson);
  app.addSchema(WidgetTokenJson);
  const tags = ['satisfaction'];

  app.get(
    '/satisfaction',
    {
      schema: {
        tags,
        summary: 'The satisfaction widget’s figures: index, dimensions, trend, below standard',
        querystring: FilterQuery,
        response: { 200: Type.Ref(SatisfactionJson), ...problems(400, 401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      // Who may not see customer satisfaction does not learn that it exists.
      if (!(await canSeeSatisfaction(db, viewer))) throw notFound();
      const filter = filterOf(req.query);
      await checkFilter(db, filter);
      return satisfactionJson(req.i18n, await loadSatisfaction(db, filter), { customers: 'ids' });
    },
  );

  app.get(
    '/satisfaction/widget-tokens',
    {
      schema: {
        tags,
        summary: 'Admin: the widget’s read tokens, newest first (revoked ones too)',
        response: { 200: Page(Type.Ref(WidgetTokenJson)), ...problems(401, 403) },
      },
    },
    async (req) => {
      requireAdmin(req);
      return { items: (await listWidgetTokens(db)).map(tokenJson), nextCursor: null };
    },
  );

  app.post(
    '/satisfaction/widget-tokens',
    {
      schema: {
        tags,
        summary: 'Admin: make a widget token; the token is in this response only',
        body: Type.Object(
          { name: Type.String({ maxLength: NAME_MAX * 2 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            ...WidgetTokenJson.properties,
            token: Type.String({ description: 'shown once; stored only as its SHA-256' }),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const r = await createWidgetToken(deps, requireAdmin(req), req.body.name);
      return reply.code(201).send({ ...tokenJson(r.row), token: r.token });
    },
  );

  app.delete(
    '/satisfaction/widget-tokens/:id',
    {
      schema: {
        tags,
        summary: 'Admin: revoke a widget token (the widget then answers 401)',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await revokeWidgetToken(deps, requireAdmin(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/satisfaction/widget-settings',
    {
      schema: {
        tags,
        summary: 'Admin: what the widget shows through a token, and who may frame it',
        response: { 200: WidgetSettingsJson, ...problems(401, 403) },
      },
    },
    async (req) => {
      requireAdmin(req);
      return widgetSettings(db);
    },
  );

  app.put(
    '/satisfaction/widget-settings',
    {
      schema: {
        tags,
        summary: 'Admin: change the widget settings',
        body: Type.Object(WidgetSettingsJson.properties, { additionalProperties: false }),
        response: { 200: WidgetSettingsJson, ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const actor = requireAdmin(req);
      return saveWidgetSettings(deps, actor, {
        showNames: req.body.showNames,
        frameAncestors: parseOrigins(req.body.frameAncestors.join(' ')),
      });
    },
  );

  app.post(
    '/satisfaction/rounds/:id/publish',
    {
      schema: {
        tags,
        summary: 'Admin: post the round’s summary under the customer-voice hashtag',
        description:
          'Comments only with includeComments. Publishing again makes a new post; the round ' +
          'then points at it.',
        params: IdParams,
        body: Type.Object(
          {
            groupId: Type.Optional(
              Nullable(Type.String({ maxLength: 40, description: 'null or left out: org-wide' })),
            ),
            includeComments: Type.Optional(Type.Boolean({ default: false })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            roundId: Type.String(),
            postId: Type.String(),
            groupId: Nullable(Type.String()),
            publishedAt: Type.String({ format: 'date-time' }),
          }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const r = await publishRound(deps, actor, req.i18n, req.params.id, {
        groupId: req.body.groupId ?? null,
        includeComments: req.body.includeComments ?? false,
      });
      return reply.code(201).send({
        roundId: r.round.id,
        postId: r.post.id,
        groupId: r.post.group_id,
        publishedAt: r.round.published_at!,
      });
    },
  );
}
