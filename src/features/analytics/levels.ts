import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { dayOf } from './rollup.ts';

/**
 * Level 1, users, with the definitions of PRODUCT.md §7 (each shown beside its figure):
 * - invited: accounts that are not deactivated (added directly or by invitation);
 * - activated: of those, people who have signed in at least once (a visit recorded, or seen
 *   before visits were recorded); the activation rate is activated / invited (target 80 %);
 * - active: visited or did anything in the 28 days up to and including the day;
 * - engaged: posted, commented or reacted in those 28 days;
 * - contributing: created content (a post or question, or a document version) in those 28 days;
 * - DAU, WAU, MAU: people active on the day, in its 7 days, in its 28 days; DAU/MAU their ratio.
 * "The day" is the last complete day (yesterday, UTC) unless given. With a group, every figure
 * is about its current members (their activity anywhere: people are not split by group).
 */
export interface UsersLevel {
  day: string;
  invited: number;
  activated: number;
  /** 0–1, null when nobody is invited. */
  activationRate: number | null;
  active: number;
  engaged: number;
  contributing: number;
  dau: number;
  wau: number;
  mau: number;
  /** 0–1, null when MAU is 0. */
  dauMau: number | null;
}

const DAY_MS = 86_400_000;
const minus = (day: string, days: number) =>
  dayOf(new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS));

type WindowPeople = Pick<UsersLevel, 'dau' | 'wau' | 'mau' | 'engaged' | 'contributing'>;

/**
 * Distinct people over the windows of days ending with `day`. Everyone's for a finished day
 * are final (its activity no longer changes), so they are counted once and kept in
 * `users_level_days` (migration 0021); today's, and a group's (about its members now, who
 * change), are counted on every request.
 */
async function windowPeople(
  db: Db,
  now: Date,
  day: string,
  groupId: string | null,
): Promise<WindowPeople> {
  const groupKey = groupId ?? '';
  const finished = groupId === null && day < dayOf(now);
  if (finished) {
    const kept = await db
      .selectFrom('users_level_days')
      .select(['dau', 'wau', 'mau', 'engaged', 'contributing'])
      .where('day', '=', day)
      .where('group_key', '=', groupKey)
      .executeTakeFirst();
    if (kept) return kept;
  }
  const w = await countWindows(db, day, groupId);
  if (finished) {
    await db
      .insertInto('users_level_days')
      .values({ day, group_key: groupKey, ...w, computed_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['day', 'group_key']).doNothing())
      .execute();
  }
  return w;
}

/**
 * One pass over the 28 days of activity rows ending with `day` (every window lies inside it)
 * instead of one per figure.
 */
async function countWindows(db: Db, day: string, groupId: string | null): Promise<WindowPeople> {
  const since = (days: number) => sql.lit(minus(day, days));
  let q = db
    .selectFrom('activity_days')
    .select([
      sql<number>`count(distinct case when day > ${since(1)} then user_id end)`.as('dau'),
      sql<number>`count(distinct case when day > ${since(7)} then user_id end)`.as('wau'),
      sql<number>`count(distinct user_id)`.as('mau'),
      sql<number>`count(distinct case when posts + comments + reactions > 0 then user_id end)`.as(
        'engaged',
      ),
      sql<number>`count(distinct case when posts + documents > 0 then user_id end)`.as(
        'contributing',
      ),
    ])
    .where('day', '>', minus(day, 28))
    .where('day', '<=', day);
  if (groupId) {
    q = q.where(
      sql<boolean>`exists (select 1 from group_members gm
        where gm.group_id = ${groupId} and gm.user_id = activity_days.user_id)`,
    );
  }
  const w = await q.executeTakeFirstOrThrow();
  return {
    dau: Number(w.dau),
    wau: Number(w.wau),
    mau: Number(w.mau),
    engaged: Number(w.engaged),
    contributing: Number(w.contributing),
  };
}

export async function usersLevel(
  db: Db,
  now: Date,
  dayIn?: string,
  groupId?: string | null,
): Promise<UsersLevel> {
  const day = dayIn ?? dayOf(new Date(now.getTime() - DAY_MS));
  const members = (userId: string) =>
    sql<boolean>`exists (select 1 from group_members gm
      where gm.group_id = ${groupId} and gm.user_id = ${sql.ref(userId)})`;
  let accountsQ = db
    .selectFrom('users')
    .select((eb) => [
      eb.fn.countAll<number>().as('invited'),
      sql<number>`sum(case when ${eb.ref('users.last_seen_at')} is not null or exists (
        select 1 from activity_days a where a.user_id = users.id and a.visited = 1
      ) then 1 else 0 end)`.as('activated'),
    ])
    .where('status', '<>', 'deactivated');
  if (groupId) accountsQ = accountsQ.where(members('users.id'));
  const accounts = await accountsQ.executeTakeFirstOrThrow();
  const w = await windowPeople(db, now, day, groupId ?? null);
  const { dau, wau, mau, engaged, contributing } = w;
  const invited = Number(accounts.invited);
  const activated = Number(accounts.activated ?? 0);
  return {
    day,
    invited,
    activated,
    activationRate: invited > 0 ? activated / invited : null,
    active: mau,
    engaged,
    contributing,
    dau,
    wau,
    mau,
    dauMau: mau > 0 ? dau / mau : null,
  };
}
