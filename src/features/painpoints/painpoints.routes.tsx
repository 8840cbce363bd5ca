import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireViewer, sendPage } from '../../http/context.tsx';
import { AppError } from '../../http/errors.ts';
import { FormBody, formErrors, safeNext } from '../../http/forms.ts';
import { Line, Text } from '../../http/validation.ts';
import { translateErrors, type Errors } from '../../views/form.tsx';
import type { MessageKey } from '../../views/i18n.ts';
import { excerptOf } from './board.ts';
import { boardRoutes } from './board.routes.tsx';
import { leadsRoutes } from './leads.routes.tsx';
import { loadPainPoint } from './painpoints.queries.ts';
import { loadPanel } from './painpoints.section.tsx';
import { changePainPoint, NOTE_MAX, vote, type PainPointChange } from './painpoints.service.ts';
import { PainPointPage } from './painpoints.views.tsx';

export const PpParams = Type.Object({ id: Type.String({ maxLength: 60 }) });
const Back = Type.Optional(Type.String({ maxLength: 1000 }));

/** The board, a pain point's page and its forms, department leads. */
export async function painPointsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  /** The pain point's own page: its forms (with errors and what was typed) and its history. */
  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: { errors: Errors; values: Record<string, string>; status: number },
  ) => {
    const viewer = requireViewer(req);
    const { pp, post } = await loadPainPoint(deps, viewer, id);
    const p = await loadPanel(deps, viewer, pp, post.author_id, `/pain-points/${pp.id}`);
    const excerpt = excerptOf(post.body);
    return sendPage(
      req,
      reply,
      deps,
      `${req.i18n.t('painpoints.page_title')}: ${excerpt}`,
      (ctx) => (
        <PainPointPage
          ctx={ctx}
          s={p.s}
          excerpt={excerpt}
          events={p.events}
          readable={(postId) => p.readable.has(postId)}
          errors={form.errors}
          values={form.values}
        />
      ),
      form.status,
    );
  };

  app.get('/pain-points/:id', { schema: { params: PpParams } }, async (req, reply) =>
    show(req, reply, req.params.id, { errors: {}, values: {}, status: 200 }),
  );

  /**
   * One form's change: done, then back where the form was (the post, by default) with a
   * message; refused for a field, the pain point's page with the errors beside the fields.
   */
  const submit = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    change: PainPointChange,
    done: MessageKey,
  ) => {
    const viewer = requireViewer(req);
    const { id } = req.params as { id: string };
    const invalid = formErrors(req);
    if (invalid) return show(req, reply, id, { errors: invalid, values, status: 400 });
    try {
      const pp = await changePainPoint(deps, viewer, id, change);
      const back = (req.body as { back?: string } | undefined)?.back;
      const to = back ? safeNext(back) : `/posts/${pp.post_id}`;
      return redirectWithFlash(reply, `${to}#pain-point`, 'success', done);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        const errors = translateErrors(req.i18n, err.fields);
        return show(req, reply, id, { errors, values, status: err.status });
      }
      throw err;
    }
  };

  app.post(
    '/pain-points/:id/status',
    {
      schema: {
        params: PpParams,
        body: FormBody({
          status: Type.Optional(Line(40)),
          note: Type.Optional(Text(NOTE_MAX * 2)),
          back: Back,
        }),
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const b = (req.body ?? {}) as { status?: string; note?: string };
      const values = { status: b.status ?? '', note: b.note ?? '' };
      return submit(req, reply, values, values, 'painpoints.status_saved');
    },
  );

  app.post(
    '/pain-points/:id/owner',
    {
      schema: {
        params: PpParams,
        body: FormBody({ ownerId: Type.Optional(Type.String({ maxLength: 40 })), back: Back }),
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const ownerId = (req.body as { ownerId?: string } | undefined)?.ownerId ?? '';
      return submit(
        req,
        reply,
        { ownerId },
        { ownerId: ownerId || null },
        ownerId ? 'painpoints.owner_saved' : 'painpoints.owner_removed',
      );
    },
  );

  app.post(
    '/pain-points/:id/resolving-post',
    {
      schema: {
        params: PpParams,
        body: FormBody({ resolvingPostId: Type.Optional(Line(500)), back: Back }),
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const ref = (req.body as { resolvingPostId?: string } | undefined)?.resolvingPostId ?? '';
      return submit(
        req,
        reply,
        { resolvingPostId: ref },
        { resolvingPost: ref.trim() || null },
        ref.trim() ? 'painpoints.resolving_saved' : 'painpoints.resolving_removed',
      );
    },
  );

  app.post(
    '/pain-points/:id/votes',
    {
      schema: {
        params: PpParams,
        body: FormBody({ on: Type.Union([Type.Literal('1'), Type.Literal('0')]), back: Back }),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { on, back } = req.body as { on: '1' | '0'; back?: string };
      const r = await vote(deps, viewer, req.params.id, on === '1');
      const to = back ? safeNext(back) : `/posts/${r.postId}`;
      // Back to the card on the board, or to the panel on the post.
      const anchor =
        to.startsWith('/pain-points') && !to.startsWith(`/pain-points/${r.painPointId}`)
          ? `pp-${r.painPointId}`
          : 'pain-point';
      return reply.redirect(`${to}#${anchor}`, 303);
    },
  );

  await boardRoutes(instance, deps);
  await leadsRoutes(instance, deps);
}
