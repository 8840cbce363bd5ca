import { sql } from 'kysely';
import { ulid } from 'ulid';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, invalid, notFound, type FieldError } from '../../http/errors.ts';
import { cleanLine, cleanText } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import { myGroups } from '../posts/index.ts';

/**
 * Anonymous pain points, the submitter's side: file one, see one's own waiting ones, withdraw.
 *
 * What the database keeps, and for how long (the form says the same in plain words):
 * - `author_id` only while the submission waits: it lets the person see and withdraw it, and
 *   caps them at MAX_PENDING waiting texts. The decision (moderation), or the withdrawal, clears
 *   it in the same statement that records the outcome; nothing else ever stores who it was.
 * - The submission's id carries only its day (a ULID made from midnight UTC, random after that),
 *   and the decision coarsens `created_at` to that day: after it, the row cannot be matched to
 *   who was signed in at that minute (sessions keep their times).
 * - A withdrawn text is deleted (the body is emptied).
 */
export const MAX_PENDING = 5;
export const SUBMISSION_MAX = 10_000;

type SubDeps = Pick<Deps, 'db' | 'clock'>;

/** Midnight UTC of an instant, as stored once the submission has been decided. */
export const dayStart = (d: Date): string => `${d.toISOString().slice(0, 10)}T00:00:00.000Z`;

/** `created_at` cut to its day (midnight UTC), written with the decision or withdrawal. */
export const coarseCreatedAt = sql<string>`substr(created_at, 1, 10) || 'T00:00:00.000Z'`;

/** Departments people are in now (active accounts), for the form's select. */
export async function departments(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('department')
    .distinct()
    .where('department', '!=', '')
    .where('status', '=', 'active')
    .orderBy('department')
    .execute();
  return rows.map((r) => r.department);
}

/** The groups a person may send a pain point to: the ones they belong to. */
export const targetGroups = (db: Db, userId: string) => myGroups(db, userId);

export async function pendingCount(db: Db, userId: string): Promise<number> {
  const r = await db
    .selectFrom('pain_point_submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('author_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface SubmissionInput {
  body: string;
  department?: string | null;
  groupId?: string | null;
}

export const tooManyPending = (): AppError =>
  new AppError(422, 'too_many_pending', 'painpoints.anon.too_many', { max: MAX_PENDING });

/** Files an anonymous pain point for moderation; returns its id. */
export async function submitAnonymous(
  deps: SubDeps,
  actor: User,
  input: SubmissionInput,
): Promise<string> {
  const body = cleanText(input.body);
  const department = cleanLine(input.department ?? '');
  const groupId = input.groupId?.trim() || null;
  const errors: FieldError[] = [];
  if (body === '') errors.push({ field: 'body', code: 'required', message: 'validation.required' });
  else if (body.length > SUBMISSION_MAX)
    errors.push({
      field: 'body',
      code: 'too_long',
      message: 'validation.too_long',
      params: { max: SUBMISSION_MAX },
    });
  if (department && !(await departments(deps.db)).includes(department))
    errors.push({
      field: 'department',
      code: 'unknown_department',
      message: 'painpoints.anon.unknown_department',
    });
  if (groupId && !(await targetGroups(deps.db, actor.id)).some((g) => g.id === groupId))
    errors.push({ field: 'groupId', code: 'not_member', message: 'painpoints.anon.not_member' });
  if (errors.length) throw invalid(errors);
  const now = deps.clock();
  const id = ulid(Date.parse(dayStart(now)));
  await deps.db.transaction().execute(async (trx) => {
    // Counted in the transaction that adds: on SQLite writers queue, so the cap holds exactly;
    // on PostgreSQL two submissions sent in the same instant could both pass (a sixth, at most).
    if ((await pendingCount(trx, actor.id)) >= MAX_PENDING) throw tooManyPending();
    await trx
      .insertInto('pain_point_submissions')
      .values({
        id,
        author_id: actor.id,
        body,
        department,
        group_id: groupId,
        status: 'pending',
        reason: '',
        post_id: null,
        created_at: now.toISOString(),
        decided_at: null,
        decided_by: null,
      })
      .execute();
  });
  return id;
}

export interface MySubmission {
  id: string;
  body: string;
  department: string;
  group_id: string | null;
  group_name: string | null;
  created_at: string;
}

/** The person's own submissions that still wait; decided ones are no longer theirs to see. */
export async function mySubmissions(db: Db, userId: string): Promise<MySubmission[]> {
  return db
    .selectFrom('pain_point_submissions as s')
    .leftJoin('groups', 'groups.id', 's.group_id')
    .select([
      's.id',
      's.body',
      's.department',
      's.group_id',
      'groups.name as group_name',
      's.created_at',
    ])
    .where('s.author_id', '=', userId)
    .where('s.status', '=', 'pending')
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
}

/**
 * The author withdraws a waiting submission: the text and the link to them are deleted in one
 * statement. Someone else's, or a decided one, is "not found".
 */
export async function withdrawSubmission(deps: SubDeps, actor: User, id: string): Promise<void> {
  const now = deps.clock();
  const r = await deps.db
    .updateTable('pain_point_submissions')
    .set({
      status: 'withdrawn',
      body: '',
      author_id: null,
      decided_at: now.toISOString(),
      created_at: coarseCreatedAt,
    })
    .where('id', '=', id)
    .where('author_id', '=', actor.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound();
}
