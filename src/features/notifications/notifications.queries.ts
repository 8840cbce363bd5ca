import type { Db } from '../../db/connect.ts';
import { readableGroupIds } from '../groups/index.ts';

/**
 * The person's notifications that still point at something they may see: a post they can read
 * (membership can end), or a group that still exists.
 */
function visible(db: Db, userId: string) {
  return db
    .selectFrom('notifications')
    .leftJoin('posts', 'posts.id', 'notifications.post_id')
    .where('notifications.user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('notifications.post_id', 'is', null),
        eb('posts.group_id', 'is', null),
        eb('posts.group_id', 'in', readableGroupIds(db, userId)),
      ]),
    );
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const r = await visible(db, userId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notifications.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listNotifications(
  db: Db,
  userId: string,
  cursor: { at: string; id: string } | null,
  limit: number,
) {
  let q = visible(db, userId)
    .leftJoin('users as actor', 'actor.id', 'notifications.actor_id')
    .leftJoin('groups', 'groups.id', 'notifications.group_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.count',
      'notifications.read_at',
      'notifications.created_at',
      'notifications.updated_at',
      'notifications.post_id',
      'notifications.comment_id',
      'notifications.group_id',
      'notifications.actor_id',
      'actor.name as actor_name',
      'groups.name as group_name',
      'posts.body as post_body',
    ]);
  if (cursor) {
    q = q.where((eb) =>
      eb.or([
        eb('notifications.updated_at', '<', cursor.at),
        eb.and([
          eb('notifications.updated_at', '=', cursor.at),
          eb('notifications.id', '<', cursor.id),
        ]),
      ]),
    );
  }
  const rows = await q
    .orderBy('notifications.updated_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? { at: last.updated_at, id: last.id } : null };
}

/** Marks some (or all) of the person's notifications read; returns how many changed. */
export async function markRead(
  db: Db,
  userId: string,
  ids: readonly string[] | 'all',
  now: Date,
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', ids);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
