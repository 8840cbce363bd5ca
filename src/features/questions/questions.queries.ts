import { sql, type ExpressionBuilder } from 'kysely';
import { isSqlite, type Db } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { readableBy } from '../posts/index.ts';
import { DEFAULT_TARGET_HOURS } from './questions.targets.ts';
import type { QuestionStatus } from './questions.table.ts';

export async function findQuestion(db: Db, postId: string) {
  return db.selectFrom('questions').selectAll().where('post_id', '=', postId).executeTakeFirst();
}

export const statusOf = (q: {
  first_answer_at: string | null;
  accepted_comment_id: string | null;
}): QuestionStatus =>
  q.accepted_comment_id ? 'accepted' : q.first_answer_at ? 'answered' : 'open';

export interface QuestionFilter {
  status: 'open' | 'answered' | 'all';
  groupId?: string | null;
  /** A normalised hashtag. */
  tag?: string | null;
  /** Only open questions past their target. */
  overdue?: boolean;
  /** The post id to continue after. */
  cursor?: string | null;
  limit: number;
}

/** What "overdue" is measured against: now, and the target for org-wide questions. */
export interface Deadline {
  now: Date;
  orgTargetHours: number;
}

type QEb = ExpressionBuilder<Database, 'questions' | 'posts' | 'question_targets'>;

/**
 * The hours a question may wait for a first answer: its group's target (no row: the default),
 * or for an org-wide question the organisation's. Needs `question_targets` joined on the group.
 */
const targetHours = (orgTargetHours: number) =>
  sql<number>`(case when ${sql.ref('posts.group_id')} is null then cast(${orgTargetHours} as integer)
    else coalesce(${sql.ref('question_targets.target_hours')}, ${sql.lit(DEFAULT_TARGET_HOURS)}) end)`;

/** Open and past its target: asked_at + target ≤ now, compared in seconds since the epoch. */
export function overdueWhere(db: Db, d: Deadline) {
  const asked = isSqlite(db)
    ? sql<number>`unixepoch(${sql.ref('questions.asked_at')}, 'subsec')`
    : sql<number>`extract(epoch from ${sql.ref('questions.asked_at')}::timestamptz)`;
  const nowSec = d.now.getTime() / 1000;
  return (eb: QEb) =>
    eb.and([
      eb('questions.first_answer_at', 'is', null),
      eb(sql`${asked} + ${targetHours(d.orgTargetHours)} * 3600`, '<=', nowSec),
    ]);
}

/** The same test in code, for a row already loaded. */
export const isOverdue = (
  q: { first_answer_at: string | null; asked_at: string; target_hours: number },
  now: Date,
): boolean =>
  q.first_answer_at === null &&
  Date.parse(q.asked_at) + Number(q.target_hours) * 3_600_000 <= now.getTime();

/**
 * Questions the viewer may read. Open ones oldest first (the longest waiting lead); answered
 * and all newest first. Post ids sort by time, so they are the cursor.
 */
export async function listQuestions(db: Db, viewerId: string, f: QuestionFilter, d: Deadline) {
  const oldestFirst = f.status === 'open';
  let q = db
    .selectFrom('questions')
    .innerJoin('posts', 'posts.id', 'questions.post_id')
    .innerJoin('users', 'users.id', 'posts.author_id')
    .leftJoin('groups', 'groups.id', 'posts.group_id')
    .leftJoin('question_targets', 'question_targets.group_id', 'posts.group_id')
    .select([
      'posts.id',
      'posts.body',
      'posts.author_id',
      'posts.group_id',
      'posts.created_at',
      'posts.comment_count',
      'users.name as author_name',
      'groups.name as group_name',
      'questions.first_answer_at',
      'questions.accepted_comment_id',
      'questions.accepted_at',
      'questions.asked_at',
      targetHours(d.orgTargetHours).as('target_hours'),
    ])
    .where(readableBy(viewerId, db));
  if (f.overdue) q = q.where(overdueWhere(db, d));
  if (f.status === 'open') q = q.where('questions.first_answer_at', 'is', null);
  if (f.status === 'answered') q = q.where('questions.first_answer_at', 'is not', null);
  if (f.groupId) q = q.where('posts.group_id', '=', f.groupId);
  if (f.tag) {
    const tag = f.tag;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('post_hashtags')
          .select('post_hashtags.post_id')
          .whereRef('post_hashtags.post_id', '=', 'questions.post_id')
          .where('post_hashtags.tag', '=', tag),
      ),
    );
  }
  if (f.cursor) q = q.where('questions.post_id', oldestFirst ? '>' : '<', f.cursor);
  const rows = await q
    .orderBy('questions.post_id', oldestFirst ? 'asc' : 'desc')
    .limit(f.limit + 1)
    .execute();
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > f.limit && last ? last.id : null };
}

export type QuestionRow = Awaited<ReturnType<typeof listQuestions>>['items'][number];

/** Helpful votes per answer. */
export async function helpfulCounts(
  db: Db,
  commentIds: readonly string[],
): Promise<Map<string, number>> {
  if (commentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('answer_votes')
    .select(['comment_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('comment_id', 'in', commentIds)
    .groupBy('comment_id')
    .execute();
  return new Map(rows.map((r) => [r.comment_id, Number(r.n)]));
}

/** The answers among `commentIds` the person found helpful. */
export async function myVotes(
  db: Db,
  userId: string,
  commentIds: readonly string[],
): Promise<Set<string>> {
  if (commentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('answer_votes')
    .select('comment_id')
    .where('user_id', '=', userId)
    .where('comment_id', 'in', commentIds)
    .execute();
  return new Set(rows.map((r) => r.comment_id));
}

/** Adds or removes one vote; at most one per person (the primary key). Whether it changed. */
export async function setVote(
  db: Db,
  commentId: string,
  userId: string,
  on: boolean,
  now: Date,
): Promise<boolean> {
  if (on) {
    const r = await db
      .insertInto('answer_votes')
      .values({ comment_id: commentId, user_id: userId, created_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const r = await db
    .deleteFrom('answer_votes')
    .where('comment_id', '=', commentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function setAccepted(
  db: Db,
  postId: string,
  accepted: { commentId: string; by: string; at: Date } | null,
): Promise<void> {
  await db
    .updateTable('questions')
    .set(
      accepted
        ? {
            accepted_comment_id: accepted.commentId,
            accepted_by: accepted.by,
            accepted_at: accepted.at.toISOString(),
          }
        : { accepted_comment_id: null, accepted_by: null, accepted_at: null },
    )
    .where('post_id', '=', postId)
    .execute();
}
