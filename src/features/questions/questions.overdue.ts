import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { overdueWhere, type Deadline } from './questions.queries.ts';
import { getOrgTargetHours } from './questions.targets.ts';

/** How many overdue questions one run of the job handles; the next run takes the rest. */
export const OVERDUE_BATCH = 200;

export interface OverdueQuestion {
  postId: string;
  groupId: string | null;
  askerId: string;
}

/**
 * Open questions past their target whose owners (org-wide: admins) have not been told yet,
 * the longest waiting first.
 */
export async function newlyOverdue(
  db: Db,
  d: Deadline,
  limit = OVERDUE_BATCH,
): Promise<OverdueQuestion[]> {
  const rows = await db
    .selectFrom('questions')
    .innerJoin('posts', 'posts.id', 'questions.post_id')
    .leftJoin('question_targets', 'question_targets.group_id', 'posts.group_id')
    .select(['questions.post_id', 'posts.group_id', 'questions.asker_id'])
    .where('questions.overdue_notified_at', 'is', null)
    .where(overdueWhere(db, d))
    .orderBy('questions.post_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ postId: r.post_id, groupId: r.group_id, askerId: r.asker_id }));
}

/**
 * Tells the owners of each newly overdue question's group (org-wide questions: the admins),
 * once: the question is marked first, and only the node whose mark took publishes the event,
 * so two nodes running the job at once do not tell anybody twice. Returns the questions told.
 */
export async function notifyOverdue(deps: Pick<Deps, 'db' | 'clock' | 'bus'>): Promise<string[]> {
  const now = deps.clock();
  const due = await newlyOverdue(deps.db, {
    now,
    orgTargetHours: await getOrgTargetHours(deps.db),
  });
  const told: string[] = [];
  for (const q of due) {
    const marked = await deps.db
      .updateTable('questions')
      .set({ overdue_notified_at: now.toISOString() })
      .where('post_id', '=', q.postId)
      .where('overdue_notified_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) continue;
    await deps.bus.emit({
      type: 'question.overdue',
      postId: q.postId,
      groupId: q.groupId,
      askerId: q.askerId,
    });
    told.push(q.postId);
  }
  return told;
}
