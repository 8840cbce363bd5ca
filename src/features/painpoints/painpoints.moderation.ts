import type { Transaction } from 'kysely';
import { isSqlite, type Db } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, fieldError, notFound } from '../../http/errors.ts';
import { cleanText } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { coarseCreatedAt } from './anonymous.service.ts';
import { fileAnonymousPainPoint, writeAnonymousPost } from './painpoints.moderation.post.ts';
import { ANONYMOUS_USER_ID } from './painpoints.table.ts';

/**
 * Moderation of anonymous pain points. Moderators are the admins, and only they: a group's
 * owner or a department's lead may be the very person a complaint is about, and should not be
 * the one who decides whether it is heard. Admins read every waiting text, including one meant
 * for a private group they are not in; the form tells the submitter so before they send it.
 * The queue never reads `author_id`: no query in this file selects it.
 */
export const REASON_MAX = 1000;

export const canModerate = (viewer: Pick<User, 'role'>): boolean => viewer.role === 'admin';

export function requireModerator(viewer: User): User {
  if (!canModerate(viewer)) throw new AppError(403, 'forbidden', 'error.forbidden');
  return viewer;
}

export interface QueueItem {
  id: string;
  body: string;
  department: string;
  group_id: string | null;
  group_name: string | null;
  group_visibility: string | null;
  created_at: string;
}

/** Waiting submissions, oldest first, without their authors. */
export async function moderationQueue(db: Db, limit = 200): Promise<QueueItem[]> {
  return db
    .selectFrom('pain_point_submissions as s')
    .leftJoin('groups', 'groups.id', 's.group_id')
    .select([
      's.id',
      's.body',
      's.department',
      's.group_id',
      'groups.name as group_name',
      'groups.visibility as group_visibility',
      's.created_at',
    ])
    .where('s.status', '=', 'pending')
    .orderBy('s.created_at')
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

type Trx = Transaction<Database>;

/** The waiting submission, locked for this decision (PostgreSQL; SQLite writes one at a time). */
async function lockPending(trx: Trx, id: string) {
  let q = trx
    .selectFrom('pain_point_submissions')
    .select(['id', 'body', 'department', 'group_id', 'status'])
    .where('id', '=', id);
  if (!isSqlite(trx)) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== 'pending')
    throw new AppError(409, 'already_decided', 'painpoints.moderation.already_decided');
  return row;
}

const alreadyDecided = () =>
  new AppError(409, 'already_decided', 'painpoints.moderation.already_decided');

export interface Approved {
  postId: string;
  painPointId: string;
}

/**
 * Publishes a waiting submission, all in one transaction: the post by the system account, its
 * pain point marked anonymous with the chosen department, and the submission marked approved
 * with its post, the moderator and the time, its author cleared (in one statement). After the
 * commit, `post.created` tells the usual listeners (mentions, live updates, the department's
 * leads) with the system account as author.
 */
export async function approveSubmission(
  deps: Pick<Deps, 'db' | 'clock' | 'bus'>,
  moderator: User,
  id: string,
): Promise<Approved> {
  requireModerator(moderator);
  const now = deps.clock();
  const { post, painPointId } = await deps.db.transaction().execute(async (trx) => {
    const sub = await lockPending(trx, id);
    const post = await writeAnonymousPost(trx, sub.body, sub.group_id, now);
    const painPointId = await fileAnonymousPainPoint(trx, post.id, sub.department, now);
    const decided = await trx
      .updateTable('pain_point_submissions')
      .set({
        status: 'approved',
        post_id: post.id,
        decided_at: now.toISOString(),
        decided_by: moderator.id,
        author_id: null,
        created_at: coarseCreatedAt,
      })
      .where('id', '=', sub.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1) throw alreadyDecided();
    // The system account is no person: the activity trigger (migration 0013) counted its post
    // as the account's activity, which would make it an active, engaged, contributing "user"
    // on the users and activity levels. It has no other activity (it cannot sign in). Its weeks
    // and months, which triggers copied from those days (migration 0024), go with them.
    await trx.deleteFrom('activity_days').where('user_id', '=', ANONYMOUS_USER_ID).execute();
    await trx
      .deleteFrom('activity_period_people')
      .where('user_id', '=', ANONYMOUS_USER_ID)
      .execute();
    await audit(trx, {
      actorId: moderator.id,
      action: 'painpoint.anonymous.approve',
      targetType: 'pain_point_submission',
      targetId: sub.id,
      data: { postId: post.id },
      now,
    });
    return { post, painPointId };
  });
  await deps.bus.emit({
    type: 'post.created',
    postId: post.id,
    authorId: ANONYMOUS_USER_ID,
    groupId: post.groupId,
    kind: 'post',
    mentions: post.mentions,
  });
  return { postId: post.id, painPointId };
}

/** Turns a waiting submission down with a reason; its author is cleared in the same statement. */
export async function rejectSubmission(
  deps: Pick<Deps, 'db' | 'clock'>,
  moderator: User,
  id: string,
  reasonIn: string,
): Promise<void> {
  requireModerator(moderator);
  const reason = cleanText(reasonIn);
  if (reason === '') throw fieldError('reason', 'required', 'validation.required');
  if (reason.length > REASON_MAX)
    throw fieldError('reason', 'too_long', 'validation.too_long', { max: REASON_MAX });
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const sub = await lockPending(trx, id);
    const decided = await trx
      .updateTable('pain_point_submissions')
      .set({
        status: 'rejected',
        reason,
        decided_at: now.toISOString(),
        decided_by: moderator.id,
        author_id: null,
        created_at: coarseCreatedAt,
      })
      .where('id', '=', sub.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1) throw alreadyDecided();
    await audit(trx, {
      actorId: moderator.id,
      action: 'painpoint.anonymous.reject',
      targetType: 'pain_point_submission',
      targetId: sub.id,
      data: { reason },
      now,
    });
  });
}
