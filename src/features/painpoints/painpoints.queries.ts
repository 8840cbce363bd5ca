import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Deps } from '../../http/app.ts';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../http/errors.ts';
import type { User } from '../accounts/accounts.table.ts';
import { groupReadableBy } from '../groups/index.ts';
import { readableBy } from '../posts/index.ts';
import { ANONYMOUS_USER_ID, type PainPoint, type PainPointEvent } from './painpoints.table.ts';

/** What a pain point shows of its post (never its author when it was filed anonymously). */
export interface PainPointPost {
  id: string;
  author_id: string;
  group_id: string | null;
  body: string;
}

/**
 * A pain point the viewer may see (they may read its post), by its id; "not found" otherwise,
 * so that a private group's pain point does not exist for a non-member.
 */
export async function loadPainPoint(
  deps: Pick<Deps, 'db'>,
  viewer: User,
  id: string,
): Promise<{ pp: PainPoint; post: PainPointPost }> {
  const row = await deps.db
    .selectFrom('pain_points')
    .innerJoin('posts', 'posts.id', 'pain_points.post_id')
    .selectAll('pain_points')
    .select([
      'posts.author_id as post_author_id',
      'posts.group_id as post_group_id',
      'posts.body as post_body',
    ])
    .where('pain_points.id', '=', id)
    .where(readableBy(viewer.id, deps.db))
    .executeTakeFirst();
  if (!row) throw notFound();
  const { post_author_id, post_group_id, post_body, ...pp } = row;
  return {
    pp,
    post: { id: pp.post_id, author_id: post_author_id, group_id: post_group_id, body: post_body },
  };
}

/** The pain point a post is, if any (the caller has checked that the post is readable). */
export async function painPointOfPost(db: Db, postId: string): Promise<PainPoint | undefined> {
  return db.selectFrom('pain_points').selectAll().where('post_id', '=', postId).executeTakeFirst();
}

export async function isLeadOf(db: Db, userId: string, department: string): Promise<boolean> {
  if (department === '') return false;
  const row = await db
    .selectFrom('department_leads')
    .select('user_id')
    .where('department', '=', department)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** An event as the conversation and the API show it: with the names of actor and owner. */
export interface EventView extends PainPointEvent {
  actor_name: string | null;
  owner_name: string | null;
}

/** A pain point's history, oldest first (ids break ties: they grow with time). */
export async function eventsOf(db: Db, painPointId: string): Promise<EventView[]> {
  return db
    .selectFrom('pain_point_events as e')
    .leftJoin('users as actor', 'actor.id', 'e.actor_id')
    .leftJoin('users as owner', 'owner.id', 'e.owner_id')
    .selectAll('e')
    .select(['actor.name as actor_name', 'owner.name as owner_name'])
    .where('e.pain_point_id', '=', painPointId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

/** The pain points among `ids` the person said "me too" to. */
export async function votedAmong(
  db: Db,
  userId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('pain_point_votes')
    .select('pain_point_id')
    .where('user_id', '=', userId)
    .where('pain_point_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.pain_point_id));
}

/** The posts among `ids` the viewer may read (a resolving post is linked only for them). */
export async function readablePostIds(
  db: Db,
  viewerId: string,
  ids: readonly (string | null)[],
): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectFrom('posts')
    .select('posts.id')
    .where('posts.id', 'in', wanted)
    .where(readableBy(viewerId, db))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Names by user id. */
export async function namesOf(
  db: Db,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An active person (not the anonymous system account), or undefined. */
export async function findActivePerson(db: Db, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('id', '!=', ANONYMOUS_USER_ID)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/**
 * Active people, by name: everyone who may lead a department; with a group, those who may read
 * its posts (it is public, or they are members), the only ones who may own its pain points.
 */
export async function activePeople(db: Db, groupId: string | null = null) {
  let q = db
    .selectFrom('users')
    .select(['id', 'name', 'department'])
    .where('status', '=', 'active')
    .where('id', '!=', ANONYMOUS_USER_ID);
  if (groupId !== null) q = q.where(readerOf(groupId));
  return q.orderBy('name_key').orderBy('id').execute();
}

/** The person (users.id) may read the group's posts: it is public, or they are a member. */
const readerOf = (groupId: string) => (eb: ExpressionBuilder<Database, 'users'>) =>
  eb.exists(
    eb
      .selectFrom('groups')
      .select('groups.id')
      .where('groups.id', '=', groupId)
      .where(groupReadableBy(sql.ref<string>('users.id'))),
  );

/** An active person who may own a pain point of this group (null: org-wide). */
export async function findPossibleOwner(db: Db, id: string, groupId: string | null) {
  let q = db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('id', '!=', ANONYMOUS_USER_ID)
    .where('status', '=', 'active');
  if (groupId !== null) q = q.where(readerOf(groupId));
  return q.executeTakeFirst();
}

/** The normalised hashtags of each post. */
export async function hashtagsOfPosts(
  db: Db,
  postIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('post_hashtags')
    .select(['post_id', 'tag'])
    .where('post_id', 'in', postIds)
    .orderBy('tag')
    .execute();
  for (const r of rows) out.set(r.post_id, [...(out.get(r.post_id) ?? []), r.tag]);
  return out;
}
