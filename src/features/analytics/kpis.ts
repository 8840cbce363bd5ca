import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { MessageKey } from '../../views/i18n.ts';
import { usersLevel } from './levels.ts';

/**
 * The computed KPIs a business goal can follow. Each gives its value for a day (UTC), or for
 * the 28 days ending with that day; a goal's series asks for it at the end of each month.
 * Every figure is about the whole organisation (goals are shared, so everyone who sees them sees
 * the same number) and none is about a person.
 */
export type KpiUnit = 'percent' | 'people' | 'hours' | 'documents' | 'posts';

export interface Kpi {
  key: string;
  label: MessageKey;
  /** Its definition, shown beside it. */
  how: MessageKey;
  unit: KpiUnit;
  /** Its value on `day`; null where there is nothing to divide by. */
  value(db: Db, day: string, now: Date): Promise<number | null>;
}

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The 28 days ending with `day`: from its first day to midnight after it (instants). */
const window28 = (day: string) => ({ first: shift(day, -27), end: shift(day, 1) });

/**
 * Activation rate as of the end of `day`: of the accounts that existed then and were not
 * deactivated by then, the share that had signed in by then (a recorded visit on or before the
 * day, or last seen before its end). The users level counts accounts as they are now, which
 * would give every past month today's rate; the definition is otherwise the same (target 80 %).
 */
async function activationRate(db: Db, day: string): Promise<number | null> {
  const end = shift(day, 1);
  const r = await db
    .selectFrom('users')
    .select((eb) => [
      eb.fn.countAll<number>().as('invited'),
      sql<number>`sum(case when ${eb.ref('users.last_seen_at')} < ${end} or exists (
        select 1 from activity_days a
        where a.user_id = users.id and a.visited = 1 and a.day <= ${day}
      ) then 1 else 0 end)`.as('activated'),
    ])
    .where('created_at', '<', end)
    .where((eb) =>
      eb.or([
        eb('status', '<>', 'deactivated'),
        eb.and([eb('deactivated_at', 'is not', null), eb('deactivated_at', '>=', end)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  const invited = Number(r.invited);
  return invited > 0 ? (Number(r.activated ?? 0) / invited) * 100 : null;
}

/**
 * Questions asked in the 28 days ending with `day`, with the time of their first answer if it
 * came by the end of that day. From `content_questions` (the measurement copy of `questions`,
 * migration 0015): a range of its index on `asked_at`, some thousand rows at most.
 */
async function askedIn28(db: Db, day: string) {
  const { first, end } = window28(day);
  const rows = await db
    .selectFrom('content_questions')
    .select(['asked_at', 'first_answer_at'])
    .where('asked_at', '>=', first)
    .where('asked_at', '<', end)
    .execute();
  return rows.map((r) => ({
    askedAt: r.asked_at,
    answeredAt: r.first_answer_at !== null && r.first_answer_at < end ? r.first_answer_at : null,
  }));
}

/** The median of some numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const KPIS: readonly Kpi[] = [
  {
    key: 'activation_rate',
    label: 'analytics.goals.kpi_activation_rate',
    how: 'analytics.goals.how_activation_rate',
    unit: 'percent',
    value: (db, day) => activationRate(db, day),
  },
  {
    key: 'mau',
    label: 'analytics.goals.kpi_mau',
    how: 'analytics.goals.how_mau',
    unit: 'people',
    value: async (db, day, now) => (await usersLevel(db, now, day)).mau,
  },
  {
    key: 'dau_mau',
    label: 'analytics.goals.kpi_dau_mau',
    how: 'analytics.goals.how_dau_mau',
    unit: 'percent',
    value: async (db, day, now) => {
      const r = (await usersLevel(db, now, day)).dauMau;
      return r === null ? null : r * 100;
    },
  },
  {
    key: 'answer_rate',
    label: 'analytics.goals.kpi_answer_rate',
    how: 'analytics.goals.how_answer_rate',
    unit: 'percent',
    value: async (db, day) => {
      const qs = await askedIn28(db, day);
      if (qs.length === 0) return null;
      return (qs.filter((q) => q.answeredAt !== null).length / qs.length) * 100;
    },
  },
  {
    key: 'median_hours_to_answer',
    label: 'analytics.goals.kpi_median_hours_to_answer',
    how: 'analytics.goals.how_median_hours_to_answer',
    unit: 'hours',
    value: async (db, day) => {
      const qs = await askedIn28(db, day);
      return median(
        qs
          .filter((q) => q.answeredAt !== null)
          .map((q) => (Date.parse(q.answeredAt!) - Date.parse(q.askedAt)) / 3_600_000),
      );
    },
  },
  {
    key: 'documents_reused',
    label: 'analytics.goals.kpi_documents_reused',
    how: 'analytics.goals.how_documents_reused',
    unit: 'documents',
    // A range of `document_reuses_created` (migration 0015).
    value: async (db, day) => {
      const { first, end } = window28(day);
      const r = await db
        .selectFrom('document_reuses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('created_at', '>=', first)
        .where('created_at', '<', end)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  },
  {
    key: 'success_stories',
    label: 'analytics.goals.kpi_success_stories',
    how: 'analytics.goals.how_success_stories',
    unit: 'posts',
    // A range of `value_stories_day` (migration 0016); a post with two such hashtags counts once.
    value: async (db, day) => {
      const r = await db
        .selectFrom('value_stories')
        .select(sql<number>`count(distinct post_id)`.as('n'))
        .where('day', '>=', shift(day, -27))
        .where('day', '<=', day)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  },
];

export const KPI_KEYS: readonly string[] = KPIS.map((k) => k.key);

export function kpiOf(key: string): Kpi | undefined {
  return KPIS.find((k) => k.key === key);
}
