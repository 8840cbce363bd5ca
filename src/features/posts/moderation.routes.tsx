import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireAdmin, requireViewer, sendPage } from '../../http/context.tsx';
import { actAndRedirect, FormBody } from '../../http/forms.ts';
import { Text } from '../../http/validation.ts';
import {
  openReports,
  REASON_MAX,
  reportPost,
  resolveReport,
  setPinnedUntil,
  sharePost,
} from './moderation.ts';
import { ReportsPage } from './moderation.views.tsx';

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const Action = Type.Union([Type.Literal('remove'), Type.Literal('dismiss')]);
const DateOrEmpty = Type.Union([Type.Literal(''), Type.String({ format: 'date' })]);

/** Sharing into further groups, reporting to admins and their reports page, pinning announcements. */
export async function moderationRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/posts/:id/share',
    { schema: { params: IdParams, body: FormBody({ groupId: Type.String({ maxLength: 40 }) }) } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id } = req.params as { id: string };
      return actAndRedirect(reply, `/posts/${id}`, async () => {
        await sharePost(deps, viewer, id, (req.body as { groupId: string }).groupId);
        return ['posts.shared'];
      });
    },
  );

  app.post(
    '/posts/:id/report',
    {
      schema: { params: IdParams, body: FormBody({ reason: Text(REASON_MAX * 2) }) },
      attachValidation: true,
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id } = req.params as { id: string };
      const reason =
        typeof (req.body as { reason?: unknown })?.reason === 'string'
          ? (req.body as { reason: string }).reason
          : '';
      return actAndRedirect(reply, `/posts/${id}`, async () => {
        await reportPost(deps, viewer, id, reason);
        return ['posts.reported'];
      });
    },
  );

  app.post(
    '/posts/:id/pin',
    { schema: { params: IdParams, body: FormBody({ pinnedUntil: DateOrEmpty }) } },
    async (req, reply) => {
      const admin = requireAdmin(req);
      const { id } = req.params as { id: string };
      return actAndRedirect(reply, `/posts/${id}`, async () => {
        await setPinnedUntil(
          deps,
          admin,
          id,
          (req.body as { pinnedUntil: string }).pinnedUntil || null,
        );
        return ['posts.pin_saved'];
      });
    },
  );

  app.get('/admin/reports', async (req, reply) => {
    const admin = requireAdmin(req);
    const reports = await openReports(deps, admin);
    return sendPage(req, reply, deps, req.i18n.t('reports.title'), (ctx) => (
      <ReportsPage ctx={ctx} reports={reports} />
    ));
  });

  app.post(
    '/admin/reports/:id/resolve',
    { schema: { params: IdParams, body: FormBody({ action: Action }) } },
    async (req, reply) => {
      const admin = requireAdmin(req);
      const { action } = req.body as { action: 'remove' | 'dismiss' };
      await resolveReport(deps, admin, (req.params as { id: string }).id, action);
      return redirectWithFlash(
        reply,
        '/admin/reports',
        'success',
        action === 'remove' ? 'reports.removed' : 'reports.dismissed',
      );
    },
  );
}

const ReportJson = Type.Object({
  id: Type.String(),
  postId: Type.String(),
  reason: Type.String(),
  reporter: Type.Union([Type.String(), Type.Null()]),
  author: Type.Union([Type.String(), Type.Null()]),
  body: Type.Union([Type.String(), Type.Null()], {
    description: 'null when the post is in a group the admin is not a member of',
  }),
  createdAt: Type.String({ format: 'date-time' }),
});

/** `/api/v1`: share, report, pin; the admins' report queue. */
export async function moderationApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['posts'];

  app.post(
    '/posts/:id/shares',
    {
      schema: {
        tags,
        summary: 'Share an org-wide or public post into a further group one belongs to',
        params: IdParams,
        body: Type.Object({ groupId: Type.String({ maxLength: 40 }) }),
        response: { 204: Type.Null(), ...problems(400, 401, 404, 422) },
      },
    },
    async (req, reply) => {
      await sharePost(deps, requireViewer(req), req.params.id, req.body.groupId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/posts/:id/reports',
    {
      schema: {
        tags,
        summary: 'Report a post to the admins',
        params: IdParams,
        body: Type.Object({ reason: Text(REASON_MAX) }),
        response: { 201: Type.Object({ id: Type.String() }), ...problems(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const id = await reportPost(deps, requireViewer(req), req.params.id, req.body.reason);
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/posts/:id/pin',
    {
      schema: {
        tags,
        summary: 'Admin: pin an announcement until a date (null to unpin)',
        params: IdParams,
        body: Type.Object({ until: Type.Union([Type.String({ format: 'date' }), Type.Null()]) }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await setPinnedUntil(deps, requireAdmin(req), req.params.id, req.body.until);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/admin/reports',
    {
      schema: {
        tags: ['admin'],
        summary: 'Admin: open reports',
        response: { 200: Page(ReportJson), ...problems(401, 403) },
      },
    },
    async (req) => {
      const rows = await openReports(deps, requireAdmin(req));
      return {
        items: rows.map((r) => ({
          id: r.id,
          postId: r.post_id,
          reason: r.reason,
          reporter: r.reporter_name,
          author: r.author_name,
          body: r.body,
          createdAt: r.created_at,
        })),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/admin/reports/:id/resolve',
    {
      schema: {
        tags: ['admin'],
        summary: 'Admin: remove the reported post, or dismiss the report',
        params: IdParams,
        body: Type.Object({ action: Action }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await resolveReport(deps, requireAdmin(req), req.params.id, req.body.action);
      return reply.code(204).send(null);
    },
  );
}
