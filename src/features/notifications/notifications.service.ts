import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { newId } from '../../lib/ids.ts';
import type { Bus, DomainEvent } from '../../realtime/bus.ts';
import { readableBy } from '../posts/posts.queries.ts';
import type { NotificationKind } from './notifications.table.ts';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  actorId: string | null;
  postId?: string | null;
  commentId?: string | null;
  groupId?: string | null;
}

/** Those of `userIds` who may read the post: nobody is told about what they cannot see. */
async function readersOf(db: Db, postId: string, userIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const readable: string[] = [];
  for (const userId of ids) {
    const row = await db
      .selectFrom('posts')
      .select('id')
      .where('id', '=', postId)
      .where(readableBy(userId, db))
      .executeTakeFirst();
    if (row) readable.push(userId);
  }
  return readable;
}

async function insert(db: Db, now: Date, items: NewNotification[]): Promise<string[]> {
  if (items.length === 0) return [];
  const at = now.toISOString();
  await db
    .insertInto('notifications')
    .values(
      items.map((n) => ({
        id: newId(),
        user_id: n.userId,
        kind: n.kind,
        actor_id: n.actorId,
        post_id: n.postId ?? null,
        comment_id: n.commentId ?? null,
        group_id: n.groupId ?? null,
        count: 1,
        read_at: null,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  return items.map((n) => n.userId);
}

/** Reactions to one post come as one notification while it is unread: "Anna and 4 others". */
async function batchReaction(
  db: Db,
  now: Date,
  userId: string,
  postId: string,
  actorId: string,
): Promise<void> {
  const at = now.toISOString();
  const r = await db
    .updateTable('notifications')
    .set((eb) => ({ count: eb('count', '+', 1), actor_id: actorId, updated_at: at }))
    .where('user_id', '=', userId)
    .where('post_id', '=', postId)
    .where('kind', '=', 'reaction')
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0)
    await insert(db, now, [{ userId, kind: 'reaction', actorId, postId }]);
}

/** Writes notifications for what happened; runs once per event, after its commit. */
export async function notify(
  deps: Pick<Deps, 'db' | 'clock'>,
  event: DomainEvent,
): Promise<string[]> {
  const { db } = deps;
  const now = deps.clock();
  switch (event.type) {
    case 'post.created': {
      if (event.kind === 'announcement') {
        // Everyone who can read it, in one statement (an org-wide announcement reaches all).
        const readers = db
          .selectFrom('users')
          .select('users.id')
          .where('users.status', '=', 'active')
          .where('users.id', '!=', event.authorId);
        const scoped = event.groupId
          ? readers.where('users.id', 'in', (eb) =>
              eb
                .selectFrom('group_members')
                .select('group_members.user_id')
                .where('group_members.group_id', '=', event.groupId!),
            )
          : readers;
        const ids = (await scoped.execute()).map((r) => r.id);
        return insert(
          db,
          now,
          ids.map((userId) => ({
            userId,
            kind: 'announcement',
            actorId: event.authorId,
            postId: event.postId,
          })),
        );
      }
      const mentioned = await readersOf(
        db,
        event.postId,
        event.mentions.filter((id) => id !== event.authorId),
      );
      return insert(
        db,
        now,
        mentioned.map((userId) => ({
          userId,
          kind: 'mention',
          actorId: event.authorId,
          postId: event.postId,
        })),
      );
    }
    case 'comment.created': {
      const items: NewNotification[] = [];
      const told = new Set<string>([event.authorId]);
      const add = async (ids: string[], kind: NotificationKind) => {
        for (const userId of await readersOf(
          db,
          event.postId,
          ids.filter((id) => !told.has(id)),
        )) {
          told.add(userId);
          items.push({
            userId,
            kind,
            actorId: event.authorId,
            postId: event.postId,
            commentId: event.commentId,
          });
        }
      };
      await add(event.parentAuthorId ? [event.parentAuthorId] : [], 'reply');
      await add([event.postAuthorId], 'comment');
      await add(event.mentions, 'mention');
      return insert(db, now, items);
    }
    case 'reaction.added': {
      if (event.userId === event.postAuthorId) return [];
      if ((await readersOf(db, event.postId, [event.postAuthorId])).length === 0) return [];
      await batchReaction(db, now, event.postAuthorId, event.postId, event.userId);
      return [event.postAuthorId];
    }
    case 'answer.accepted': {
      if (event.answerAuthorId === event.by) return [];
      if ((await readersOf(db, event.postId, [event.answerAuthorId])).length === 0) return [];
      return insert(db, now, [
        {
          userId: event.answerAuthorId,
          kind: 'answer_accepted',
          actorId: event.by,
          postId: event.postId,
          commentId: event.commentId,
        },
      ]);
    }
    case 'question.overdue': {
      // The group's owners, or for an org-wide question the admins: active people who may
      // read it, not the asker.
      const people = event.groupId
        ? db
            .selectFrom('group_members')
            .innerJoin('users', 'users.id', 'group_members.user_id')
            .select('users.id')
            .where('group_members.group_id', '=', event.groupId)
            .where('group_members.role', '=', 'owner')
        : db.selectFrom('users').select('users.id').where('users.role', '=', 'admin');
      const ids = (
        await people
          .where('users.status', '=', 'active')
          .where('users.id', '!=', event.askerId)
          .execute()
      ).map((r) => r.id);
      const readers = await readersOf(db, event.postId, ids);
      return insert(
        db,
        now,
        readers.map((userId) => ({
          userId,
          kind: 'question_overdue',
          actorId: event.askerId,
          postId: event.postId,
          groupId: event.groupId,
        })),
      );
    }
    case 'group.invited':
      return insert(db, now, [
        {
          userId: event.userId,
          kind: 'group_invitation',
          actorId: event.by,
          groupId: event.groupId,
        },
      ]);
    case 'group.requested': {
      const owners = await db
        .selectFrom('group_members')
        .select('user_id')
        .where('group_id', '=', event.groupId)
        .where('role', '=', 'owner')
        .execute();
      return insert(
        db,
        now,
        owners.map((o) => ({
          userId: o.user_id,
          kind: 'join_request',
          actorId: event.userId,
          groupId: event.groupId,
        })),
      );
    }
    default:
      return [];
  }
}

/**
 * Notifications another feature decided on (pain points): written for those recipients who
 * may read the post, each once; their browsers hear of it live. Returns who was told.
 */
export async function sendNotifications(
  deps: Pick<Deps, 'db' | 'clock'>,
  bus: Bus,
  items: readonly NewNotification[],
): Promise<string[]> {
  const byPost = new Map<string, NewNotification[]>();
  const told: NewNotification[] = [];
  const seen = new Set<string>();
  for (const n of items) {
    const key = `${n.kind}|${n.userId}|${n.postId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (n.postId) byPost.set(n.postId, [...(byPost.get(n.postId) ?? []), n]);
    else told.push(n);
  }
  for (const [postId, list] of byPost) {
    const readers = new Set(
      await readersOf(
        deps.db,
        postId,
        list.map((n) => n.userId),
      ),
    );
    told.push(...list.filter((n) => readers.has(n.userId)));
  }
  const recipients = await insert(deps.db, deps.clock(), told);
  for (const userId of new Set(recipients))
    await bus.emit({ type: 'notifications.changed', userId });
  return recipients;
}

/** Subscribes the notification writer to the bus; each recipient's browsers hear of it live. */
const registered = new WeakSet<Bus>();

export function registerNotificationHandlers(deps: Pick<Deps, 'db' | 'clock'>, bus: Bus): void {
  if (registered.has(bus)) return;
  registered.add(bus);
  const handle = async (event: DomainEvent) => {
    const recipients = await notify(deps, event);
    for (const userId of new Set(recipients))
      await bus.emit({ type: 'notifications.changed', userId });
  };
  for (const type of [
    'post.created',
    'comment.created',
    'reaction.added',
    'answer.accepted',
    'question.overdue',
    'group.invited',
    'group.requested',
  ] as const) {
    bus.on(type, handle);
  }
}
