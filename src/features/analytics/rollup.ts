import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { getSetting } from '../admin/settings.ts';
import type { ActivityTotalsTable } from './analytics.table.ts';

/**
 * Daily totals, from `activity_days` (one row per person per day), never from raw posts:
 * - active: people with any activity or visit that day;
 * - visitors: people whose session was seen that day;
 * - engaged: people who posted, commented or reacted;
 * - contributing: people who created content (a post or question, or a document version);
 * - posts, comments, reactions, documents (versions uploaded), downloads: how many.
 * A day's row is final once computed after the day ended (UTC); earlier rows are recomputed on
 * demand, and by the job `analytics.rollup` every hour.
 */
export type DayTotals = Omit<ActivityTotalsTable, 'computed_at'>;

const DAY_MS = 86_400_000;

/** YYYY-MM-DD (UTC) of an instant. */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

/** Every day from `from` to `to`, inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Recomputes the totals of these days from activity_days (days without activity get zeros). */
export async function rollupDays(db: Db, days: readonly string[], now: Date): Promise<void> {
  if (days.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('activity_totals').where('day', 'in', days).execute();
    const rows = await trx
      .selectFrom('activity_days')
      .select((eb) => [
        'day',
        eb.fn.countAll<number>().as('active'),
        eb.fn.sum<number>('visited').as('visitors'),
        sql<number>`sum(case when posts + comments + reactions > 0 then 1 else 0 end)`.as(
          'engaged',
        ),
        sql<number>`sum(case when posts + documents > 0 then 1 else 0 end)`.as('contributing'),
        eb.fn.sum<number>('posts').as('posts'),
        eb.fn.sum<number>('comments').as('comments'),
        eb.fn.sum<number>('reactions').as('reactions'),
        eb.fn.sum<number>('documents').as('documents'),
        eb.fn.sum<number>('downloads').as('downloads'),
      ])
      .where('day', 'in', days)
      .groupBy('day')
      .execute();
    const byDay = new Map(rows.map((r) => [r.day, r]));
    const computed_at = now.toISOString();
    const values = days.map((day) => {
      const r = byDay.get(day);
      return {
        day,
        active: Number(r?.active ?? 0),
        visitors: Number(r?.visitors ?? 0),
        engaged: Number(r?.engaged ?? 0),
        contributing: Number(r?.contributing ?? 0),
        posts: Number(r?.posts ?? 0),
        comments: Number(r?.comments ?? 0),
        reactions: Number(r?.reactions ?? 0),
        documents: Number(r?.documents ?? 0),
        downloads: Number(r?.downloads ?? 0),
        computed_at,
      };
    });
    for (let i = 0; i < values.length; i += 100) {
      await trx
        .insertInto('activity_totals')
        .values(values.slice(i, i + 100))
        .execute();
    }
  });
}

/**
 * The totals of every day from `from` to `to`, computing on demand the days whose row is
 * missing or was computed before the day ended.
 */
export async function dailyTotals(
  db: Db,
  from: string,
  to: string,
  now: Date,
): Promise<DayTotals[]> {
  const days = daysBetween(from, to);
  if (days.length === 0) return [];
  const have = await db
    .selectFrom('activity_totals')
    .select(['day', 'computed_at'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  const final = new Set(
    have
      .filter((r) => Date.parse(r.computed_at) >= Date.parse(`${r.day}T00:00:00Z`) + DAY_MS)
      .map((r) => r.day),
  );
  const stale = days.filter((d) => !final.has(d) && Date.parse(`${d}T00:00:00Z`) <= now.getTime());
  await rollupDays(db, stale, now);
  const rows = await db
    .selectFrom('activity_totals')
    .selectAll()
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
  return rows.map(({ computed_at: _c, ...r }) => r);
}

/**
 * Adds a download to the person's day (a download writes no row a trigger could see); nothing
 * while analytics is switched off, like the triggers (migration 0017).
 */
export async function recordDownload(db: Db, userId: string, now: Date): Promise<void> {
  if (!(await getSetting<boolean>(db, 'analytics.enabled', true))) return;
  await db
    .insertInto('activity_days')
    .values({
      user_id: userId,
      day: dayOf(now),
      visited: 0,
      posts: 0,
      comments: 0,
      reactions: 0,
      documents: 0,
      downloads: 1,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'day']).doUpdateSet((eb) => ({
        downloads: eb('activity_days.downloads', '+', 1),
      })),
    )
    .execute();
}
