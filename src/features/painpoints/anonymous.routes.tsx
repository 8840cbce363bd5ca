import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireViewer, sendPage } from '../../http/context.tsx';
import { AppError } from '../../http/errors.ts';
import { actAndRedirect, FormBody, formErrors, tryForm } from '../../http/forms.ts';
import { Text } from '../../http/validation.ts';
import type { Errors } from '../../views/form.tsx';
import type { User } from '../accounts/accounts.table.ts';
import {
  departments,
  MAX_PENDING,
  mySubmissions,
  pendingCount,
  submitAnonymous,
  SUBMISSION_MAX,
  targetGroups,
  withdrawSubmission,
} from './anonymous.service.ts';
import { AnonymousFormPage, MySubmissionsPage } from './anonymous.views.tsx';
import {
  approveSubmission,
  canModerate,
  moderationQueue,
  REASON_MAX,
  rejectSubmission,
  requireModerator,
} from './painpoints.moderation.ts';
import { painPointTag } from './painpoints.moderation.post.ts';
import { ModerationPage, type RejectAttempt } from './painpoints.moderation.views.tsx';

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const SubmitBody = FormBody({
  body: Type.Optional(Text(SUBMISSION_MAX)),
  department: Type.Optional(Type.String({ maxLength: 200 })),
  groupId: Type.Optional(Type.String({ maxLength: 40 })),
});
// The reject forms name their field after the submission (`reason-<id>`), so that each
// textarea on the queue page has its own id.
const RejectBody = Type.Record(
  Type.String({ maxLength: 60 }),
  Type.String({ maxLength: REASON_MAX * 2 }),
);

/** Pages: the anonymous form, one's own waiting texts, and the admins' moderation queue. */
export async function anonymousRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  const showForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    viewer: User,
    values: Record<string, unknown>,
    errors: Errors,
    status = 200,
  ) => {
    const [depts, groups, pending, tag] = await Promise.all([
      departments(db),
      targetGroups(db, viewer.id),
      pendingCount(db, viewer.id),
      painPointTag(db),
    ]);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('painpoints.anon.title'),
      (ctx) => (
        <AnonymousFormPage
          ctx={ctx}
          values={values}
          errors={errors}
          departments={depts}
          groups={groups}
          pending={pending}
          max={MAX_PENDING}
          tag={tag.display}
          moderator={canModerate(viewer)}
        />
      ),
      status,
    );
  };

  app.get('/pain-points/anonymous', async (req, reply) =>
    showForm(req, reply, requireViewer(req), {}, {}),
  );

  app.post(
    '/pain-points/anonymous',
    { schema: { body: SubmitBody }, attachValidation: true },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const errors = formErrors(req);
      if (errors) return showForm(req, reply, viewer, body, errors, 400);
      const input = req.body as { body?: string; department?: string; groupId?: string };
      try {
        const r = await tryForm(req, () =>
          submitAnonymous(deps, viewer, {
            body: input.body ?? '',
            department: input.department ?? '',
            groupId: input.groupId ?? '',
          }),
        );
        if ('errors' in r) return showForm(req, reply, viewer, body, r.errors, 400);
      } catch (err) {
        // Too many waiting: the form comes back with what was typed and the notice on top.
        if (err instanceof AppError && err.code === 'too_many_pending')
          return showForm(req, reply, viewer, body, {}, 422);
        throw err;
      }
      return redirectWithFlash(
        reply,
        '/pain-points/anonymous/mine',
        'success',
        'painpoints.anon.sent',
      );
    },
  );

  app.get('/pain-points/anonymous/mine', async (req, reply) => {
    const viewer = requireViewer(req);
    const items = await mySubmissions(db, viewer.id);
    return sendPage(req, reply, deps, req.i18n.t('painpoints.anon.mine_title'), (ctx) => (
      <MySubmissionsPage ctx={ctx} items={items} moderator={canModerate(viewer)} />
    ));
  });

  app.post(
    '/pain-points/anonymous/:id/withdraw',
    { schema: { params: IdParams, body: FormBody({}) } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      await withdrawSubmission(deps, viewer, req.params.id);
      return redirectWithFlash(
        reply,
        '/pain-points/anonymous/mine',
        'success',
        'painpoints.anon.withdrawn',
      );
    },
  );

  const showQueue = async (
    req: FastifyRequest,
    reply: FastifyReply,
    attempt: RejectAttempt | null,
    status = 200,
  ) => {
    const items = await moderationQueue(db);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('painpoints.moderation.title'),
      (ctx) => <ModerationPage ctx={ctx} items={items} attempt={attempt} />,
      status,
    );
  };

  app.get('/pain-points/moderation', async (req, reply) => {
    requireModerator(requireViewer(req));
    return showQueue(req, reply, null);
  });

  app.post(
    '/pain-points/moderation/:id/approve',
    { schema: { params: IdParams, body: FormBody({}) } },
    async (req, reply) => {
      const moderator = requireModerator(requireViewer(req));
      return actAndRedirect(reply, '/pain-points/moderation', async () => {
        await approveSubmission(deps, moderator, req.params.id);
        return ['painpoints.moderation.approved'];
      });
    },
  );

  app.post(
    '/pain-points/moderation/:id/reject',
    { schema: { params: IdParams, body: RejectBody } },
    async (req, reply) => {
      const moderator = requireModerator(requireViewer(req));
      const { id } = req.params;
      const reason = (req.body as Record<string, string>)[`reason-${id}`] ?? '';
      try {
        const r = await tryForm(req, () => rejectSubmission(deps, moderator, id, reason));
        if ('errors' in r) return showQueue(req, reply, { id, reason, errors: r.errors }, 400);
      } catch (err) {
        if (err instanceof AppError && err.status === 409)
          return redirectWithFlash(reply, '/pain-points/moderation', 'error', err.title);
        throw err;
      }
      return redirectWithFlash(
        reply,
        '/pain-points/moderation',
        'success',
        'painpoints.moderation.rejected',
      );
    },
  );
}
