import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { periodOf, periodSql, type Grain } from './periods.ts';
import { dailyTotals, daysBetween } from './rollup.ts';

/**
 * Level 3, activity, per day, week (from Monday) or month:
 * - posts, comments, reactions, documents (versions uploaded), downloads: how many;
 * - visitors: people whose session was seen in the period;
 * - active: people who visited or did anything in the period;
 * - engagement index: posts, comments and reactions per active person.
 * Sums come from the daily rollup; distinct people over a week or month from the daily
 * activity rows (people are not additive across days).
 */
export interface ActivityRow {
  period: string;
  posts: number;
  comments: number;
  reactions: number;
  documents: number;
  downloads: number;
  visitors: number;
  active: number;
  /** null when nobody was active. */
  engagementIndex: number | null;
  /** Distinct people behind each count, for the privacy threshold. */
  people: Record<Counted, number>;
}

export const COUNTED = ['posts', 'comments', 'reactions', 'documents', 'downloads'] as const;
export type Counted = (typeof COUNTED)[number];

export async function activityLevel(
  db: Db,
  from: string,
  to: string,
  grain: Grain,
  now: Date,
): Promise<ActivityRow[]> {
  const days = await dailyTotals(db, from, to, now);
  const people = await db
    .selectFrom('activity_days')
    .select([
      periodSql(db, grain, sql.ref('day')).as('period'),
      (eb) => eb.fn.count<number>('user_id').distinct().as('active'),
      sql<number>`count(distinct case when visited = 1 then user_id end)`.as('visitors'),
      ...COUNTED.map((c) =>
        sql<number>`count(distinct case when ${sql.ref(c)} > 0 then user_id end)`.as(`p_${c}`),
      ),
    ])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(periodSql(db, grain, sql.ref('day')))
    .execute();
  const peopleBy = new Map(people.map((p) => [p.period, p]));
  const rows = new Map<string, ActivityRow>();
  for (const day of daysBetween(from, to)) {
    const period = periodOf(grain, day);
    if (!rows.has(period)) {
      const p = peopleBy.get(period);
      rows.set(period, {
        period,
        posts: 0,
        comments: 0,
        reactions: 0,
        documents: 0,
        downloads: 0,
        visitors: Number(p?.visitors ?? 0),
        active: Number(p?.active ?? 0),
        engagementIndex: null,
        people: Object.fromEntries(
          COUNTED.map((c) => [
            c,
            Number((p as Record<string, unknown> | undefined)?.[`p_${c}`] ?? 0),
          ]),
        ) as Record<Counted, number>,
      });
    }
  }
  for (const d of days) {
    const r = rows.get(periodOf(grain, d.day))!;
    r.posts += d.posts;
    r.comments += d.comments;
    r.reactions += d.reactions;
    r.documents += d.documents;
    r.downloads += d.downloads;
  }
  for (const r of rows.values()) {
    r.engagementIndex = r.active > 0 ? (r.posts + r.comments + r.reactions) / r.active : null;
  }
  return [...rows.values()];
}
