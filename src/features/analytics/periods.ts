import { sql, type RawBuilder } from 'kysely';
import { isSqlite, type Db } from '../../db/connect.ts';

export type Grain = 'day' | 'week' | 'month';

/**
 * The period a day (YYYY-MM-DD) belongs to, as text: the day itself, the Monday of its ISO week,
 * or YYYY-MM. In SQL for each dialect (the only date arithmetic analytics needs), and in
 * TypeScript for filling empty periods; tests check that both agree.
 */
export function periodSql(db: Db, grain: Grain, day: RawBuilder<string>): RawBuilder<string> {
  if (grain === 'day') return day;
  if (grain === 'month') return sql<string>`substr(${day}, 1, 7)`;
  return isSqlite(db)
    ? sql<string>`date(${day}, '-' || ((cast(strftime('%w', ${day}) as integer) + 6) % 7) || ' days')`
    : sql<string>`to_char(${day}::date - (extract(isodow from ${day}::date)::int - 1), 'YYYY-MM-DD')`;
}

export function periodOf(grain: Grain, day: string): string {
  if (grain === 'day') return day;
  if (grain === 'month') return day.slice(0, 7);
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}
