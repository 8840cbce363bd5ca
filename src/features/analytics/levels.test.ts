import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createUser } from '../../../test/factories.ts';
import { activityRow } from '../../../test/activity.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { sql } from 'kysely';
import { newId } from '../../lib/ids.ts';
import { activityLevel } from './activity.level.ts';
import { usersLevel } from './levels.ts';
import { periodOf, periodSql } from './periods.ts';
import { daysBetween } from './rollup.ts';

describe.each(DIALECTS)('users level (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  it('matches the hand-computed figures of a small fixture', async () => {
    // Six accounts: one deactivated (not counted), one invited who never signed in.
    const u = [];
    for (let i = 0; i < 4; i++)
      u.push(await createUser(t.deps, { name: `Aktiv ${i}`, last_seen_at: null }));
    await createUser(t.deps, {
      name: 'Eingeladen',
      status: 'invited',
      last_seen_at: null,
      activated_at: null,
    });
    const gone = await createUser(t.deps, {
      name: 'Weg',
      status: 'deactivated',
      last_seen_at: null,
    });
    // The day measured: 2026-11-27. u0: visited that day and posted; u1: visited 3 days
    // earlier and reacted; u2: uploaded a document 20 days earlier (no visit recorded); u3:
    // visited 40 days earlier only. The deactivated person was active that day: not counted
    // among the invited, but their activity happened (DAU counts people active that day).
    await activityRow(t.deps.db, u[0]!, '2026-11-27', { visited: 1, posts: 2 });
    await activityRow(t.deps.db, u[1]!, '2026-11-24', { visited: 1, reactions: 1 });
    await activityRow(t.deps.db, u[2]!, '2026-11-07', { documents: 1 });
    await activityRow(t.deps.db, u[3]!, '2026-10-18', { visited: 1 });
    await activityRow(t.deps.db, gone, '2026-11-27', { visited: 1 });
    const level = await usersLevel(t.deps.db, new Date('2026-11-28T10:00:00Z'));
    expect(level).toEqual({
      day: '2026-11-27',
      invited: 5,
      // u0, u1, u3 visited; u2 never did (an upload without a recorded visit cannot happen in
      // the app, but the figure follows its definition); the invited person never signed in.
      activated: 3,
      activationRate: 3 / 5,
      active: 4,
      engaged: 2,
      contributing: 2,
      dau: 2,
      wau: 3,
      mau: 4,
      dauMau: 2 / 4,
    });
  });

  it('with a group, counts only its current members', async () => {
    const [a, b, c] = [
      await createUser(t.deps, { name: 'G a', last_seen_at: null }),
      await createUser(t.deps, { name: 'G b', last_seen_at: null }),
      await createUser(t.deps, { name: 'G c', last_seen_at: null }),
    ];
    const groupId = newId();
    const at = '2026-11-01T00:00:00.000Z';
    await t.deps.db
      .insertInto('groups')
      .values({
        id: groupId,
        name: 'Gruppe',
        name_key: 'gruppe',
        description: '',
        member_count: 2,
        visibility: 'public',
        kind: 'community',
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (const u of [a!, b!]) {
      await t.deps.db
        .insertInto('group_members')
        .values({ group_id: groupId, user_id: u.id, role: 'member', joined_at: at })
        .execute();
    }
    // a posted on the day, c (not a member) too; b did nothing.
    await activityRow(t.deps.db, a!, '2026-11-27', { visited: 1, posts: 1 });
    await activityRow(t.deps.db, c!, '2026-11-27', { visited: 1, posts: 1 });
    const level = await usersLevel(t.deps.db, new Date('2026-11-28T10:00:00Z'), undefined, groupId);
    expect(level).toMatchObject({
      invited: 2,
      activated: 1,
      activationRate: 1 / 2,
      active: 1,
      engaged: 1,
      contributing: 1,
      dau: 1,
      mau: 1,
    });
  });

  it('counts a finished day once and keeps it; today is counted on every request', async () => {
    const now = new Date('2026-11-28T10:00:00Z');
    const v = await createUser(t.deps, { name: 'Später', last_seen_at: null });
    const before = await usersLevel(t.deps.db, now, '2026-11-10');
    const kept = await t.deps.db
      .selectFrom('users_level_days')
      .selectAll()
      .where('day', '=', '2026-11-10')
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ group_key: '', dau: before.dau, mau: before.mau });
    // Activity written for that finished day afterwards (an import, say) does not move it.
    await activityRow(t.deps.db, v, '2026-11-10', { visited: 1, posts: 1 });
    expect((await usersLevel(t.deps.db, now, '2026-11-10')).dau).toBe(before.dau);
    // Today is never kept.
    const today = (await usersLevel(t.deps.db, now, '2026-11-28')).dau;
    await activityRow(t.deps.db, v, '2026-11-28', { visited: 1 });
    expect((await usersLevel(t.deps.db, now, '2026-11-28')).dau).toBe(today + 1);
    const todayRows = await t.deps.db
      .selectFrom('users_level_days')
      .select('day')
      .where('day', '=', '2026-11-28')
      .execute();
    expect(todayRows).toEqual([]);
  });
});

describe.each(DIALECTS)('activity level (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  it('periods in SQL and in TypeScript agree, across a year’s end and a leap day', async () => {
    const days = [
      ...daysBetween('2027-12-25', '2028-01-08'),
      ...daysBetween('2028-02-26', '2028-03-02'),
    ];
    for (const grain of ['day', 'week', 'month'] as const) {
      const rows = await sql<{
        d: string;
        p: string;
      }>`select d, ${periodSql(t.deps.db, grain, sql.ref('d'))} as p from (${sql.join(
        days.map((d) => sql`select ${d} as d`),
        sql` union all `,
      )}) x order by d`.execute(t.deps.db);
      expect(rows.rows.map((r) => r.p)).toEqual([...days].sort().map((d) => periodOf(grain, d)));
    }
    expect(periodOf('week', '2028-01-02')).toBe('2027-12-27');
  });

  it('sums per week and month, counts distinct people per period, and the engagement index', async () => {
    const a = await createUser(t.deps, { name: 'A' });
    const b = await createUser(t.deps, { name: 'B' });
    // Week of Mon 2026-11-23: a posts twice on Mon, comments on Tue; b visits Wed only.
    // Week of Mon 2026-11-30: b reacts 3 times on Tue 1 Dec (another month).
    await activityRow(t.deps.db, a, '2026-11-23', { visited: 1, posts: 2 });
    await activityRow(t.deps.db, a, '2026-11-24', { visited: 1, comments: 1, downloads: 2 });
    await activityRow(t.deps.db, b, '2026-11-25', { visited: 1 });
    await activityRow(t.deps.db, b, '2026-12-01', { reactions: 3 });
    const now = new Date('2026-12-10T00:00:00Z');
    const weeks = await activityLevel(t.deps.db, '2026-11-23', '2026-12-06', 'week', now);
    expect(weeks).toEqual([
      {
        period: '2026-11-23',
        posts: 2,
        comments: 1,
        reactions: 0,
        documents: 0,
        downloads: 2,
        visitors: 2,
        active: 2,
        engagementIndex: 3 / 2,
        people: { posts: 1, comments: 1, reactions: 0, documents: 0, downloads: 1 },
      },
      {
        period: '2026-11-30',
        posts: 0,
        comments: 0,
        reactions: 3,
        documents: 0,
        downloads: 0,
        visitors: 0,
        active: 1,
        engagementIndex: 3,
        people: { posts: 0, comments: 0, reactions: 1, documents: 0, downloads: 0 },
      },
    ]);
    const months = await activityLevel(t.deps.db, '2026-11-23', '2026-12-06', 'month', now);
    expect(months.map((m) => [m.period, m.active, m.posts + m.comments + m.reactions])).toEqual([
      ['2026-11', 2, 3],
      ['2026-12', 1, 3],
    ]);
    const days = await activityLevel(t.deps.db, '2026-11-23', '2026-11-26', 'day', now);
    expect(days.map((d) => [d.period, d.active, d.engagementIndex])).toEqual([
      ['2026-11-23', 1, 2],
      ['2026-11-24', 1, 1],
      ['2026-11-25', 1, 0],
      ['2026-11-26', 0, null],
    ]);
  });

  it('with a group, sums and counts the activity of its current members only', async () => {
    const m1 = await createUser(t.deps, { name: 'M1' });
    const m2 = await createUser(t.deps, { name: 'M2' });
    const other = await createUser(t.deps, { name: 'Außen' });
    const groupId = newId();
    const at = '2026-11-01T00:00:00.000Z';
    await t.deps.db
      .insertInto('groups')
      .values({
        id: groupId,
        name: 'Team M',
        name_key: 'team m',
        description: '',
        member_count: 2,
        visibility: 'public',
        kind: 'team',
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (const u of [m1, m2]) {
      await t.deps.db
        .insertInto('group_members')
        .values({ group_id: groupId, user_id: u.id, role: 'member', joined_at: at })
        .execute();
    }
    // Week of 2027-01-04: m1 posts 2 and visits on Mon, m2 comments on Tue and downloads 1;
    // the outsider posts 5 the same days. Week of 2027-01-11: m2 reacts 4 times.
    await activityRow(t.deps.db, m1, '2027-01-04', { visited: 1, posts: 2 });
    await activityRow(t.deps.db, m2, '2027-01-05', { comments: 1, downloads: 1 });
    await activityRow(t.deps.db, other, '2027-01-04', { visited: 1, posts: 5 });
    await activityRow(t.deps.db, m2, '2027-01-12', { reactions: 4 });
    const now = new Date('2027-01-20T00:00:00Z');
    const weeks = await activityLevel(t.deps.db, '2027-01-04', '2027-01-17', 'week', now, groupId);
    expect(weeks).toEqual([
      {
        period: '2027-01-04',
        posts: 2,
        comments: 1,
        reactions: 0,
        documents: 0,
        downloads: 1,
        visitors: 1,
        active: 2,
        engagementIndex: 3 / 2,
        people: { posts: 1, comments: 1, reactions: 0, documents: 0, downloads: 1 },
      },
      {
        period: '2027-01-11',
        posts: 0,
        comments: 0,
        reactions: 4,
        documents: 0,
        downloads: 0,
        visitors: 0,
        active: 1,
        engagementIndex: 4,
        people: { posts: 0, comments: 0, reactions: 1, documents: 0, downloads: 0 },
      },
    ]);
    // Everyone: the outsider's posts count too.
    const all = await activityLevel(t.deps.db, '2027-01-04', '2027-01-10', 'week', now);
    expect(all[0]).toMatchObject({ posts: 7, active: 3 });
  });
});
