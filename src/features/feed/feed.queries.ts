import type { Db } from '../../db/connect.ts';
import { readableBy } from '../posts/posts.queries.ts';
import type { Post } from '../posts/posts.table.ts';

export interface FeedPage {
  posts: Post[];
  /** The id of the last post shown, to continue after it; null at the end. */
  next: string | null;
}

/** Newest first, after the cursor (post ids sort by time), always filtered by what the viewer may read. */
async function page(
  db: Db,
  viewerId: string,
  where: (q: ReturnType<typeof base>) => ReturnType<typeof base>,
  cursor: string | null,
  limit: number,
): Promise<FeedPage> {
  let q = where(base(db, viewerId));
  if (cursor) q = q.where('posts.id', '<', cursor);
  const rows = await q
    .orderBy('posts.id', 'desc')
    .limit(limit + 1)
    .execute();
  const posts = rows.slice(0, limit);
  return { posts, next: rows.length > limit ? (posts[posts.length - 1]?.id ?? null) : null };
}

function base(db: Db, viewerId: string) {
  return db.selectFrom('posts').selectAll('posts').where(readableBy(viewerId, db));
}

/**
 * The home feed: posts in the viewer's groups and in groups, people and hashtags they follow,
 * their own, and announcements.
 */
export function homeFeed(
  db: Db,
  viewerId: string,
  cursor: string | null,
  limit: number,
): Promise<FeedPage> {
  return page(
    db,
    viewerId,
    (q) =>
      q.where((eb) =>
        eb.or([
          eb('posts.author_id', '=', viewerId),
          eb(
            'posts.id',
            'in',
            eb
              .selectFrom('post_shares')
              .innerJoin('group_members', 'group_members.group_id', 'post_shares.group_id')
              .select('post_shares.post_id')
              .where('group_members.user_id', '=', viewerId),
          ),
          eb('posts.kind', '=', 'announcement'),
          eb(
            'posts.group_id',
            'in',
            eb
              .selectFrom('group_members')
              .select('group_members.group_id')
              .where('group_members.user_id', '=', viewerId),
          ),
          eb(
            'posts.group_id',
            'in',
            eb
              .selectFrom('follows')
              .select('follows.target_id')
              .where('follows.user_id', '=', viewerId)
              .where('follows.target_type', '=', 'group'),
          ),
          eb(
            'posts.author_id',
            'in',
            eb
              .selectFrom('follows')
              .select('follows.target_id')
              .where('follows.user_id', '=', viewerId)
              .where('follows.target_type', '=', 'user'),
          ),
          eb(
            'posts.id',
            'in',
            eb
              .selectFrom('post_hashtags')
              .innerJoin('follows', (j) =>
                j
                  .onRef('follows.target_id', '=', 'post_hashtags.tag')
                  .on('follows.target_type', '=', 'hashtag')
                  .on('follows.user_id', '=', viewerId),
              )
              .select('post_hashtags.post_id'),
          ),
        ]),
      ),
    cursor,
    limit,
  );
}

export function groupFeed(
  db: Db,
  viewerId: string,
  groupId: string,
  cursor: string | null,
  limit: number,
) {
  // The group's own posts and the (org-wide or public) posts shared into it.
  return page(
    db,
    viewerId,
    (q) =>
      q.where((eb) =>
        eb.or([
          eb('posts.group_id', '=', groupId),
          eb(
            'posts.id',
            'in',
            eb
              .selectFrom('post_shares')
              .select('post_shares.post_id')
              .where('post_shares.group_id', '=', groupId),
          ),
        ]),
      ),
    cursor,
    limit,
  );
}

export function profileFeed(
  db: Db,
  viewerId: string,
  authorId: string,
  cursor: string | null,
  limit: number,
) {
  return page(db, viewerId, (q) => q.where('posts.author_id', '=', authorId), cursor, limit);
}

export function hashtagFeed(
  db: Db,
  viewerId: string,
  tag: string,
  cursor: string | null,
  limit: number,
) {
  return page(
    db,
    viewerId,
    (q) =>
      q.where('posts.id', 'in', (eb) =>
        eb
          .selectFrom('post_hashtags')
          .select('post_hashtags.post_id')
          .where('post_hashtags.tag', '=', tag),
      ),
    cursor,
    limit,
  );
}

export async function isFollowing(
  db: Db,
  userId: string,
  type: 'group' | 'user' | 'hashtag',
  id: string,
) {
  const row = await db
    .selectFrom('follows')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('target_type', '=', type)
    .where('target_id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setFollow(
  db: Db,
  userId: string,
  type: 'group' | 'user' | 'hashtag',
  id: string,
  on: boolean,
  now: Date,
) {
  if (on) {
    await db
      .insertInto('follows')
      .values({ user_id: userId, target_type: type, target_id: id, created_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['user_id', 'target_type', 'target_id']).doNothing())
      .execute();
  } else {
    await db
      .deleteFrom('follows')
      .where('user_id', '=', userId)
      .where('target_type', '=', type)
      .where('target_id', '=', id)
      .execute();
  }
}
