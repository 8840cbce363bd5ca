import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireAdmin, sendPage } from '../../http/context.tsx';
import { AppError } from '../../http/errors.ts';
import { FormBody, tryForm } from '../../http/forms.ts';
import type { Errors } from '../../views/form.tsx';
import type { User } from '../accounts/accounts.table.ts';
import { myGroups } from '../posts/index.ts';
import type { Round } from './customers.table.ts';
import { loadRound, publishRound, roundPostBody } from './publish.ts';
import { PublishPage, type PublishForm } from './publish.views.tsx';

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const PublishQuery = Type.Object({
  groupId: Type.Optional(Type.String({ maxLength: 40 })),
  includeComments: Type.Optional(Type.String({ maxLength: 5 })),
});
const PublishBody = FormBody({
  groupId: Type.Optional(Type.String({ maxLength: 40 })),
  includeComments: Type.Optional(Type.String({ maxLength: 5 })),
});

/** The preview's text, or null when the round has nothing to publish yet. */
async function previewOf(deps: Deps, req: FastifyRequest, round: Round, comments: boolean) {
  try {
    return await roundPostBody(deps.db, req.i18n, round, comments);
  } catch (err) {
    if (err instanceof AppError && err.code === 'no_evaluations') return null;
    throw err;
  }
}

/** Admins publish a round's summary: the form with its preview, and the post. */
export async function publishRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    actor: User,
    round: Round,
    values: PublishForm,
    errors: Errors,
    status = 200,
  ) => {
    const [groups, preview] = await Promise.all([
      myGroups(db, actor.id),
      previewOf(deps, req, round, values.includeComments),
    ]);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('satisfaction.publish.title', { round: round.name }),
      (ctx) => (
        <PublishPage
          ctx={ctx}
          round={round}
          groups={groups}
          values={values}
          errors={errors}
          preview={preview}
        />
      ),
      status,
    );
  };

  app.get(
    '/customers/rounds/:id/publish',
    { schema: { params: IdParams, querystring: PublishQuery } },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const round = await loadRound(db, req.params.id);
      return show(
        req,
        reply,
        actor,
        round,
        {
          groupId: req.query.groupId ?? '',
          includeComments: req.query.includeComments === '1',
        },
        {},
      );
    },
  );

  app.post(
    '/customers/rounds/:id/publish',
    { schema: { params: IdParams, body: PublishBody } },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const round = await loadRound(db, req.params.id);
      const values = {
        groupId: req.body.groupId ?? '',
        includeComments: req.body.includeComments === '1',
      };
      try {
        const r = await tryForm(req, () =>
          publishRound(deps, actor, req.i18n, round.id, {
            groupId: values.groupId || null,
            includeComments: values.includeComments,
          }),
        );
        if ('errors' in r) return show(req, reply, actor, round, values, r.errors, 400);
        return redirectWithFlash(
          reply,
          `/posts/${r.ok.post.id}`,
          'success',
          'satisfaction.publish.done',
          {
            round: round.name,
          },
        );
      } catch (err) {
        if (err instanceof AppError && err.status === 422)
          return show(req, reply, actor, round, values, { _form: req.i18n.t(err.title) }, 422);
        throw err;
      }
    },
  );
}
