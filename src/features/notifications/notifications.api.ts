import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireViewer } from '../../http/context.tsx';
import { listNotifications, markRead, unreadCount } from './notifications.queries.ts';
import { decodeCursor, encodeCursor } from './notifications.routes.tsx';
import { targetOf } from './notifications.views.tsx';

const NotificationJson = Type.Object({
  id: Type.String(),
  kind: Type.Union([
    Type.Literal('mention'),
    Type.Literal('comment'),
    Type.Literal('reply'),
    Type.Literal('reaction'),
    Type.Literal('group_invitation'),
    Type.Literal('join_request'),
    Type.Literal('announcement'),
    Type.Literal('answer_accepted'),
    Type.Literal('question_overdue'),
    Type.Literal('pain_point_new'),
    Type.Literal('pain_point_assigned'),
    Type.Literal('pain_point_status'),
    Type.Literal('pain_point_stale'),
  ]),
  actor: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  count: Type.Integer({ description: 'batched reactions: how many' }),
  postId: Type.Union([Type.String(), Type.Null()]),
  commentId: Type.Union([Type.String(), Type.Null()]),
  groupId: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
  read: Type.Boolean(),
  updatedAt: Type.String({ format: 'date-time' }),
});

/** `/api/v1/notifications`: the caller's notifications and unread count; marking read. */
export async function notificationsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, clock } = deps;
  const tags = ['notifications'];

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'The caller’s notifications, newest first, with the unread count',
        querystring: Type.Object({
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(NotificationJson),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
            unread: Type.Integer(),
          }),
          ...problems(401),
        },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const [{ items, next }, unread] = await Promise.all([
        listNotifications(db, viewer.id, decodeCursor(req.query.cursor), req.query.limit ?? 20),
        unreadCount(db, viewer.id),
      ]);
      return {
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          actor: n.actor_id && n.actor_name ? { id: n.actor_id, name: n.actor_name } : null,
          count: n.count,
          postId: n.post_id,
          commentId: n.comment_id,
          groupId: n.group_id,
          url: targetOf(n),
          read: n.read_at !== null,
          updatedAt: n.updated_at,
        })),
        nextCursor: next ? encodeCursor(next) : null,
        unread,
      };
    },
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark notifications read: the given ids, or all',
        body: Type.Object({
          ids: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 })),
          all: Type.Optional(Type.Boolean()),
        }),
        response: {
          200: Type.Object({ marked: Type.Integer(), unread: Type.Integer() }),
          ...problems(400, 401),
        },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const marked = await markRead(
        db,
        viewer.id,
        req.body.all ? 'all' : (req.body.ids ?? []),
        clock(),
      );
      if (marked > 0) await deps.bus.emit({ type: 'notifications.changed', userId: viewer.id });
      return { marked, unread: await unreadCount(db, viewer.id) };
    },
  );
}
