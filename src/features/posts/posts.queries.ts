import { sql, type ExpressionBuilder } from 'kysely';
import { isSqlite, type Db } from '../../db/connect.ts';
import { groupReadableBy } from '../groups/index.ts';
import type { Database } from '../../db/database.ts';
import { escapeLike } from '../../lib/text.ts';
import { questionSummaries, type QuestionSummary } from '../questions/questions.summary.ts';
import type { MentionTarget } from './markdown.ts';
import type { Post, ReactionType } from './posts.table.ts';

/**
 * The condition every listing of posts carries: org-wide posts, posts of public groups, and
 * posts of groups the viewer belongs to. Private content is filtered here, in SQL.
 */
export function readableBy(viewerId: string, db: Db) {
  // On SQLite the column is written `+posts.group_id` so that this filter never chooses the
  // index: otherwise the planner reads every readable post through `posts_group` (a MULTI-INDEX
  // OR) before it sorts, where walking the listing's own index and checking each row stops
  // after one page (5 s → 3 ms for a home feed on a million posts; see bench/RESULTS.md).
  // The group is checked row by row (two primary-key lookups) rather than against the list of
  // readable groups, which SQLite would build anew for every part of a merged feed (0.4 ms each).
  const group = isSqlite(db)
    ? sql<string | null>`+${sql.ref('posts.group_id')}`
    : sql.ref<string | null>('posts.group_id');
  return (eb: ExpressionBuilder<Database, 'posts'>) =>
    eb.or([
      eb(group, 'is', null),
      eb.exists(
        eb
          .selectFrom('groups')
          .select('groups.id')
          .whereRef('groups.id', '=', 'posts.group_id')
          .where(groupReadableBy(viewerId)),
      ),
    ]);
}

export async function findPost(db: Db, id: string): Promise<Post | undefined> {
  return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** People a post or comment mentions, by handle (the part of their e-mail before the @). */
export async function resolveMentions(
  db: Db,
  handles: readonly string[],
): Promise<Map<string, MentionTarget>> {
  const out = new Map<string, MentionTarget>();
  if (handles.length === 0) return out;
  const sqlite = isSqlite(db);
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or(
        handles.slice(0, 50).map((h) =>
          // E-mail addresses are stored in lower case. SQLite's LIKE ignores case and so cannot
          // use the unique index; the range `h@` ≤ email < `hA` ('A' follows '@') can (3.7 ms →
          // 0.0 ms with 10,000 people). PostgreSQL compares text by its collation, not by bytes,
          // so there the range would be wrong: LIKE it is.
          sqlite
            ? eb.and([eb('email', '>=', `${h}@`), eb('email', '<', `${h}A`)])
            : sql<boolean>`${eb.ref('email')} like ${`${escapeLike(h)}@%`} escape '\\'`,
        ),
      ),
    )
    .orderBy('created_at')
    .execute();
  for (const r of rows) {
    const handle = r.email.split('@')[0]!.toLowerCase();
    if (!out.has(handle)) out.set(handle, { id: r.id, name: r.name });
  }
  return out;
}

export async function hashtagsOf(
  db: Db,
  postIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('post_hashtags')
    .select(['post_id', 'tag'])
    .where('post_id', 'in', postIds)
    .execute();
  for (const r of rows) out.set(r.post_id, [...(out.get(r.post_id) ?? []), r.tag]);
  return out;
}

export async function mentionsOf(
  db: Db,
  postIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('post_mentions')
    .select(['post_id', 'user_id'])
    .where('post_id', 'in', postIds)
    .execute();
  for (const r of rows) out.set(r.post_id, [...(out.get(r.post_id) ?? []), r.user_id]);
  return out;
}

export async function myReactions(
  db: Db,
  userId: string,
  postIds: readonly string[],
): Promise<Map<string, Set<ReactionType>>> {
  const out = new Map<string, Set<ReactionType>>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('reactions')
    .select(['post_id', 'type'])
    .where('user_id', '=', userId)
    .where('post_id', 'in', postIds)
    .execute();
  for (const r of rows) {
    const set = out.get(r.post_id) ?? new Set();
    set.add(r.type);
    out.set(r.post_id, set);
  }
  return out;
}

/** Who reacted to a post, by type (the post page shows names). */
export async function reactorsOf(db: Db, postId: string) {
  return db
    .selectFrom('reactions')
    .innerJoin('users', 'users.id', 'reactions.user_id')
    .select(['reactions.type', 'users.id', 'users.name'])
    .where('reactions.post_id', '=', postId)
    .orderBy('reactions.created_at')
    .execute();
}

export async function commentsOf(db: Db, postId: string) {
  return db
    .selectFrom('comments')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .select([
      'comments.id',
      'comments.parent_id',
      'comments.author_id',
      'comments.body',
      'comments.html',
      'comments.created_at',
      'comments.edited_at',
      'users.name as author_name',
      'users.photo_key as author_photo_key',
    ])
    .where('comments.post_id', '=', postId)
    .orderBy('comments.id')
    .execute();
}

/** Adds or removes one reaction and keeps the post's counters in the same transaction. */
export async function setReaction(
  db: Db,
  postId: string,
  userId: string,
  type: ReactionType,
  on: boolean,
  now: Date,
): Promise<boolean> {
  const exists = await db
    .selectFrom('reactions')
    .select('type')
    .where('post_id', '=', postId)
    .where('user_id', '=', userId)
    .where('type', '=', type)
    .executeTakeFirst();
  if (Boolean(exists) === on) return false;
  if (on) {
    await db
      .insertInto('reactions')
      .values({ post_id: postId, user_id: userId, type, created_at: now.toISOString() })
      .execute();
  } else {
    await db
      .deleteFrom('reactions')
      .where('post_id', '=', postId)
      .where('user_id', '=', userId)
      .where('type', '=', type)
      .execute();
  }
  const post = await db
    .selectFrom('posts')
    .select('reaction_counts')
    .where('id', '=', postId)
    .executeTakeFirstOrThrow();
  const counts = JSON.parse(post.reaction_counts) as Record<string, number>;
  counts[type] = Math.max(0, (counts[type] ?? 0) + (on ? 1 : -1));
  if (counts[type] === 0) delete counts[type];
  await db
    .updateTable('posts')
    .set((eb) => ({
      reaction_counts: JSON.stringify(counts),
      reaction_count: eb('reaction_count', '+', on ? 1 : -1),
    }))
    .where('id', '=', postId)
    .execute();
  return true;
}

/** A post as lists and pages show it: with author, group name, hashtags and the viewer's reactions. */
export interface PostView extends Post {
  author_name: string;
  author_photo_key: string | null;
  author_title: string;
  group_name: string | null;
  hashtags: string[];
  mentions: string[];
  mine: Set<ReactionType>;
  /** A question's state (open, answered, accepted); null for other kinds. */
  question: QuestionSummary | null;
}

/** Adds what a page needs to each post in a few batched queries (no query per post). */
export async function hydrate(
  db: Db,
  viewerId: string,
  posts: readonly Post[],
): Promise<PostView[]> {
  if (posts.length === 0) return [];
  const ids = posts.map((p) => p.id);
  const authorIds = [...new Set(posts.map((p) => p.author_id))];
  const groupIds = [
    ...new Set(posts.map((p) => p.group_id).filter((g): g is string => g !== null)),
  ];
  const questionIds = posts.filter((p) => p.kind === 'question').map((p) => p.id);
  const [authors, groups, tags, mentions, mine, questions] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'name', 'photo_key', 'title'])
      .where('id', 'in', authorIds)
      .execute(),
    groupIds.length
      ? db.selectFrom('groups').select(['id', 'name']).where('id', 'in', groupIds).execute()
      : Promise.resolve([]),
    hashtagsOf(db, ids),
    mentionsOf(db, ids),
    myReactions(db, viewerId, ids),
    questionSummaries(db, questionIds),
  ]);
  const authorById = new Map(authors.map((a) => [a.id, a]));
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  return posts.map((p) => {
    const a = authorById.get(p.author_id);
    return {
      ...p,
      author_name: a?.name ?? '?',
      author_photo_key: a?.photo_key ?? null,
      author_title: a?.title ?? '',
      group_name: p.group_id ? (groupName.get(p.group_id) ?? null) : null,
      hashtags: tags.get(p.id) ?? [],
      mentions: mentions.get(p.id) ?? [],
      mine: mine.get(p.id) ?? new Set(),
      question: questions.get(p.id) ?? null,
    };
  });
}

/** Groups the person may post in (their own), for the composer. */
export async function myGroups(db: Db, userId: string) {
  return db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['groups.id', 'groups.name'])
    .where('group_members.user_id', '=', userId)
    .orderBy('groups.name_key')
    .execute();
}
