import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Deps } from '../../http/app.ts';
import { notifyStale } from './painpoints.notify.ts';
import { CLOSED, STALE_DAYS } from './painpoints.table.ts';

/** How many stale pain points one run handles; the next run takes the rest. */
export const STALE_BATCH = 200;
const DAY_MS = 86_400_000;

/**
 * Stale: open (not resolved, not won't fix), no change of status for STALE_DAYS days or more,
 * and not told so within the last STALE_DAYS days (told again every STALE_DAYS days for as
 * long as nothing changes). Exactly STALE_DAYS days counts as stale.
 */
const isStale = (cutoff: string) => (eb: ExpressionBuilder<Database, 'pain_points'>) =>
  eb.and([
    eb('status', 'not in', CLOSED),
    eb('status_changed_at', '<=', cutoff),
    eb.or([eb('stale_notified_at', 'is', null), eb('stale_notified_at', '<=', cutoff)]),
  ]);

/**
 * Tells the owner of each stale pain point (or the department's leads, or the admins) and
 * marks it told. The mark is set first, by a statement that repeats the conditions, and only
 * the run whose mark took tells anybody: two nodes running the job at once tell nobody twice.
 * Returns the pain points told about.
 */
export async function notifyStalePainPoints(
  deps: Pick<Deps, 'db' | 'clock' | 'bus'>,
): Promise<string[]> {
  const now = deps.clock();
  const cutoff = new Date(now.getTime() - STALE_DAYS * DAY_MS).toISOString();
  const due = await deps.db
    .selectFrom('pain_points')
    .select(['id', 'post_id', 'owner_id', 'department'])
    .where(isStale(cutoff))
    .orderBy('status_changed_at')
    .orderBy('id')
    .limit(STALE_BATCH)
    .execute();
  const told: string[] = [];
  for (const p of due) {
    const marked = await deps.db
      .updateTable('pain_points')
      .set({ stale_notified_at: now.toISOString() })
      .where('id', '=', p.id)
      .where(isStale(cutoff))
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) continue;
    await notifyStale(deps, deps.bus, p);
    told.push(p.id);
  }
  return told;
}
