import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireViewer, sendPage } from '../../http/context.tsx';
import { notFound } from '../../http/errors.ts';
import { FormBody } from '../../http/forms.ts';
import { listNotifications, markRead } from './notifications.queries.ts';
import { NotificationsPage, targetOf } from './notifications.views.tsx';

export function decodeCursor(s: string | undefined): { at: string; id: string } | null {
  if (!s) return null;
  const [at, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
  return at && id ? { at, id } : null;
}

export function encodeCursor(c: { at: string; id: string }): string {
  return Buffer.from(`${c.at}|${c.id}`).toString('base64url');
}

/** The notifications page; opening one marks it read. */
export async function notificationsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, clock } = deps;

  app.get(
    '/notifications',
    {
      schema: {
        querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { items, next } = await listNotifications(
        db,
        viewer.id,
        decodeCursor(req.query.cursor),
        30,
      );
      const nextUrl = next ? `/notifications?cursor=${encodeCursor(next)}` : null;
      return sendPage(req, reply, deps, req.i18n.t('notifications.title'), (ctx) => (
        <NotificationsPage ctx={ctx} items={items} nextUrl={nextUrl} />
      ));
    },
  );

  app.get(
    '/notifications/:id',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 40 }) }) } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const row = await db
        .selectFrom('notifications')
        .select(['id', 'kind', 'post_id', 'comment_id', 'group_id'])
        .where('id', '=', req.params.id)
        .where('user_id', '=', viewer.id)
        .executeTakeFirst();
      if (!row) throw notFound();
      await markRead(db, viewer.id, [row.id], clock());
      await deps.bus.emit({ type: 'notifications.changed', userId: viewer.id });
      return reply.redirect(targetOf(row), 303);
    },
  );

  app.post('/notifications/read', { schema: { body: FormBody({}) } }, async (req, reply) => {
    const viewer = requireViewer(req);
    await markRead(db, viewer.id, 'all', clock());
    await deps.bus.emit({ type: 'notifications.changed', userId: viewer.id });
    return redirectWithFlash(reply, '/notifications', 'success', 'notifications.all_read');
  });
}
