import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { periodOf, periodSql, type Grain } from './periods.ts';
import { dailyTotals, dayOf, daysBetween } from './rollup.ts';

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

/** Distinct people behind each figure of one period. */
export type PeriodPeople = { active: number; visitors: number } & Record<Counted, number>;

const NOBODY: PeriodPeople = {
  active: 0,
  visitors: 0,
  posts: 0,
  comments: 0,
  reactions: 0,
  documents: 0,
  downloads: 0,
};

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The first and the last day of a period (a day, the week from its Monday, a month). */
export function periodRange(grain: Grain, period: string): [string, string] {
  if (grain === 'day') return [period, period];
  if (grain === 'week') return [period, addDays(period, 6)];
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return [`${period}-01`, last];
}

/** Rows of people counts (as the database returns them) by their period. */
function byPeriod(rows: readonly { period: unknown }[]): Map<string, PeriodPeople> {
  return new Map(
    rows.map((r) => {
      const x = r as unknown as Record<string, unknown>;
      const people = Object.fromEntries(
        (['active', 'visitors', ...COUNTED] as const).map((k) => [k, Number(x[k] ?? 0)]),
      ) as PeriodPeople;
      return [String(r.period), people];
    }),
  );
}

/** Counts the people of every period between two days, from the daily rows. */
async function countPeople(
  db: Db,
  grain: Grain,
  from: string,
  to: string,
): Promise<Map<string, PeriodPeople>> {
  const rows = await db
    .selectFrom('activity_days')
    .select([
      periodSql(db, grain, sql.ref('day')).as('period'),
      (eb) => eb.fn.count<number>('user_id').distinct().as('active'),
      sql<number>`count(distinct case when visited = 1 then user_id end)`.as('visitors'),
      ...COUNTED.map((c) =>
        sql<number>`count(distinct case when ${sql.ref(c)} > 0 then user_id end)`.as(c),
      ),
    ])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(periodSql(db, grain, sql.ref('day')))
    .execute();
  return byPeriod(rows);
}

/** The bit of each kind of activity in `activity_period_people.flags` (migration 0024). */
export const ACTIVITY_BITS = {
  visitors: 1,
  posts: 2,
  comments: 4,
  reactions: 8,
  documents: 16,
  downloads: 32,
} as const satisfies Record<'visitors' | Counted, number>;

/**
 * Counts the people of whole weeks or months from `activity_period_people`: one row per person
 * and period instead of one per person and day.
 */
async function keptPeople(
  db: Db,
  grain: 'week' | 'month',
  first: string,
  last: string,
): Promise<Map<string, PeriodPeople>> {
  const rows = await db
    .selectFrom('activity_period_people')
    .select([
      'period',
      (eb) => eb.fn.countAll<number>().as('active'),
      ...Object.entries(ACTIVITY_BITS).map(([k, bit]) =>
        sql<number>`sum(case when (flags & ${sql.lit(bit)}) <> 0 then 1 else 0 end)`.as(k),
      ),
    ])
    .where('grain', '=', grain)
    .where('period', '>=', first)
    .where('period', '<=', last)
    .groupBy('period')
    .execute();
  return byPeriod(rows);
}

/**
 * The people behind each period's figures. A period wholly inside the range that ended before
 * today is read from `activity_periods`, counted once and kept (migration 0018): it can no longer
 * change; when it was never counted, its weeks or months come from `activity_period_people`.
 * The current week or month, when the range holds it from its first day up to today, comes
 * from `activity_period_people` too (nothing is recorded after today). Periods the range cuts,
 * and days, are counted from the days inside the range.
 */
export async function periodPeople(
  db: Db,
  grain: Grain,
  from: string,
  to: string,
  now: Date,
): Promise<Map<string, PeriodPeople>> {
  const today = dayOf(now);
  const periods = [...new Set(daysBetween(from, to).map((d) => periodOf(grain, d)))];
  const isWhole = (p: string) => {
    const [a, b] = periodRange(grain, p);
    return a >= from && b <= to && b < today;
  };
  const whole = periods.filter(isWhole);
  const out = new Map<string, PeriodPeople>();
  if (whole.length > 0) {
    const cached = await db
      .selectFrom('activity_periods')
      .selectAll()
      .where('grain', '=', grain)
      .where('period', '>=', whole[0]!)
      .where('period', '<=', whole.at(-1)!)
      .execute();
    for (const { grain: _g, period, computed_at, ...people } of cached) {
      // Only a count made after the period ended is final.
      if (computed_at.slice(0, 10) > periodRange(grain, period)[1]) out.set(period, people);
    }
    const missing = whole.filter((p) => !out.has(p));
    if (missing.length > 0) {
      const counted =
        grain === 'day'
          ? await countPeople(db, grain, missing[0]!, missing.at(-1)!)
          : await keptPeople(db, grain, missing[0]!, missing.at(-1)!);
      const at = now.toISOString();
      const rows = missing.map((period) => ({
        grain,
        period,
        ...(counted.get(period) ?? NOBODY),
        computed_at: at,
      }));
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('activity_periods')
          .values(rows.slice(i, i + 500))
          .onConflict((oc) =>
            oc.columns(['grain', 'period']).doUpdateSet((eb) => ({
              active: eb.ref('excluded.active'),
              visitors: eb.ref('excluded.visitors'),
              posts: eb.ref('excluded.posts'),
              comments: eb.ref('excluded.comments'),
              reactions: eb.ref('excluded.reactions'),
              documents: eb.ref('excluded.documents'),
              downloads: eb.ref('excluded.downloads'),
              computed_at: eb.ref('excluded.computed_at'),
            })),
          )
          .execute();
      }
      for (const r of rows) out.set(r.period, counted.get(r.period) ?? NOBODY);
    }
  }
  for (const p of periods) {
    if (out.has(p)) continue;
    const [a, b] = periodRange(grain, p);
    const counted =
      grain !== 'day' && a >= from && b >= today && to >= today
        ? await keptPeople(db, grain, p, p)
        : await countPeople(db, grain, a < from ? from : a, b > to ? to : b);
    out.set(p, counted.get(p) ?? NOBODY);
  }
  return out;
}

/**
 * The activity of a group's current members (anywhere: people are not split by group), per
 * period, in one pass over their daily rows: sums and distinct people together. Nothing is
 * kept, since membership changes.
 */
async function membersActivity(
  db: Db,
  grain: Grain,
  from: string,
  to: string,
  groupId: string,
): Promise<{ days: Map<string, Record<Counted, number>>; people: Map<string, PeriodPeople> }> {
  const period = periodSql(db, grain, sql.ref('day'));
  const rows = await db
    .selectFrom('activity_days')
    .select([
      period.as('period'),
      ...COUNTED.map((c) => sql<number>`sum(${sql.ref(c)})`.as(`sum_${c}`)),
      (eb) => eb.fn.count<number>('user_id').distinct().as('active'),
      sql<number>`count(distinct case when visited = 1 then user_id end)`.as('visitors'),
      ...COUNTED.map((c) =>
        sql<number>`count(distinct case when ${sql.ref(c)} > 0 then user_id end)`.as(c),
      ),
    ])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where(
      sql<boolean>`exists (select 1 from group_members gm
        where gm.group_id = ${groupId} and gm.user_id = activity_days.user_id)`,
    )
    .groupBy(period)
    .execute();
  const days = new Map<string, Record<Counted, number>>();
  const people = new Map<string, PeriodPeople>();
  for (const r of rows) {
    const x = r as unknown as Record<string, unknown>;
    const key = String(r.period);
    days.set(
      key,
      Object.fromEntries(COUNTED.map((c) => [c, Number(x[`sum_${c}`] ?? 0)])) as Record<
        Counted,
        number
      >,
    );
    people.set(
      key,
      Object.fromEntries(
        (['active', 'visitors', ...COUNTED] as const).map((k) => [k, Number(x[k] ?? 0)]),
      ) as PeriodPeople,
    );
  }
  return { days, people };
}

/**
 * Level 3 for a range of days. With a group: the activity of its current members, wherever in
 * Kantine it happened (as level 1 with a group), from their daily rows.
 */
export async function activityLevel(
  db: Db,
  from: string,
  to: string,
  grain: Grain,
  now: Date,
  groupId: string | null = null,
): Promise<ActivityRow[]> {
  if (groupId) {
    const m = await membersActivity(db, grain, from, to, groupId);
    return buildRows(from, to, grain, m.people, (add) => {
      for (const [period, sums] of m.days) add(period, sums);
    });
  }
  const days = await dailyTotals(db, from, to, now);
  const peopleBy = await periodPeople(db, grain, from, to, now);
  return buildRows(from, to, grain, peopleBy, (add) => {
    for (const d of days) add(periodOf(grain, d.day), d);
  });
}

/** Every period of the range (empty ones too) with its sums, people and engagement index. */
function buildRows(
  from: string,
  to: string,
  grain: Grain,
  peopleBy: Map<string, PeriodPeople>,
  sums: (add: (period: string, s: Record<Counted, number>) => void) => void,
): ActivityRow[] {
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
        people: Object.fromEntries(COUNTED.map((c) => [c, Number(p?.[c] ?? 0)])) as Record<
          Counted,
          number
        >,
      });
    }
  }
  sums((period, d) => {
    const r = rows.get(period);
    if (!r) return;
    r.posts += d.posts;
    r.comments += d.comments;
    r.reactions += d.reactions;
    r.documents += d.documents;
    r.downloads += d.downloads;
  });
  for (const r of rows.values()) {
    r.engagementIndex = r.active > 0 ? (r.posts + r.comments + r.reactions) / r.active : null;
  }
  return [...rows.values()];
}
