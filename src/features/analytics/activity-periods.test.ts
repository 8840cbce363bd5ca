import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { activityRow } from '../../../test/activity.ts';
import { createUser } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { periodPeople, periodRange } from './activity.level.ts';

describe('periodRange', () => {
  it('gives the first and last day of a day, a week and a month', () => {
    expect(periodRange('day', '2026-11-04')).toEqual(['2026-11-04', '2026-11-04']);
    expect(periodRange('week', '2026-11-30')).toEqual(['2026-11-30', '2026-12-06']);
    expect(periodRange('month', '2026-02')).toEqual(['2026-02-01', '2026-02-28']);
    expect(periodRange('month', '2028-02')).toEqual(['2028-02-01', '2028-02-29']);
  });
});

describe.each(DIALECTS)('people per period, kept once a period ended (%s)', (dialect) => {
  let t: TestApp;
  const now = new Date('2026-11-24T12:00:00Z');
  beforeAll(async () => {
    t = await build(dialect, { now: () => now });
    const [a, b, c, d] = [
      await createUser(t.deps, { name: 'A' }),
      await createUser(t.deps, { name: 'B' }),
      await createUser(t.deps, { name: 'C' }),
      await createUser(t.deps, { name: 'D' }),
    ];
    const db = t.deps.db;
    await activityRow(db, a!, '2026-11-03', { posts: 1 });
    await activityRow(db, a!, '2026-11-10', { visited: 1 });
    await activityRow(db, b!, '2026-11-05', { comments: 1 });
    await activityRow(db, b!, '2026-11-11', { posts: 1 });
    await activityRow(db, b!, '2026-11-17', { reactions: 1 });
    await activityRow(db, c!, '2026-11-12', { visited: 1 });
    await activityRow(db, c!, '2026-11-18', { posts: 2 });
    await activityRow(db, c!, '2026-11-24', { posts: 1 });
    await activityRow(db, d!, '2026-11-19', { visited: 1 });
  });
  afterAll(async () => t.close());

  const none = { documents: 0, downloads: 0 };

  it('counts whole weeks once and keeps them; cut and current weeks are counted each time', async () => {
    const people = await periodPeople(t.deps.db, 'week', '2026-11-04', '2026-11-24', now);
    expect(Object.fromEntries(people)).toEqual({
      // From 11-04 only: A's post on 11-03 is outside the range.
      '2026-11-02': { active: 1, visitors: 0, posts: 0, comments: 1, reactions: 0, ...none },
      '2026-11-09': { active: 3, visitors: 2, posts: 1, comments: 0, reactions: 0, ...none },
      '2026-11-16': { active: 3, visitors: 1, posts: 1, comments: 0, reactions: 1, ...none },
      '2026-11-23': { active: 1, visitors: 0, posts: 1, comments: 0, reactions: 0, ...none },
    });
    const kept = await t.deps.db
      .selectFrom('activity_periods')
      .select(['period', 'active'])
      .where('grain', '=', 'week')
      .orderBy('period')
      .execute();
    expect(kept).toEqual([
      { period: '2026-11-09', active: 3 },
      { period: '2026-11-16', active: 3 },
    ]);
  });

  it('reads a kept week, and counts again one kept before the week had ended', async () => {
    const db = t.deps.db;
    await db
      .updateTable('activity_periods')
      .set({ active: 99 })
      .where('period', '=', '2026-11-09')
      .execute();
    await db
      .updateTable('activity_periods')
      .set({ active: 98, computed_at: '2026-11-20T10:00:00.000Z' })
      .where('period', '=', '2026-11-16')
      .execute();
    const people = await periodPeople(db, 'week', '2026-11-09', '2026-11-22', now);
    expect(people.get('2026-11-09')!.active).toBe(99);
    expect(people.get('2026-11-16')!.active).toBe(3);
  });
});
