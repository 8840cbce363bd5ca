import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { activityRow } from '../../../test/activity.ts';
import { createUser } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { periodPeople, periodRange } from './activity.level.ts';
import { periodOf } from './periods.ts';
import { daysBetween } from './rollup.ts';
import { eraseActivity } from './settings.ts';

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

describe.each(DIALECTS)(
  'people per week and month, kept as activity is recorded (%s)',
  (dialect) => {
    let t: TestApp;
    const now = new Date('2026-11-24T12:00:00Z');
    beforeAll(async () => {
      t = await build(dialect, { now: () => now });
    });
    afterAll(async () => t.close());

    const KINDS = ['visited', 'posts', 'comments', 'reactions', 'documents', 'downloads'] as const;
    const SHOWN = ['visitors', 'posts', 'comments', 'reactions', 'documents', 'downloads'] as const;

    /** Each week's or month's people, counted by hand from the daily rows. */
    async function recount(grain: 'week' | 'month') {
      const rows = await t.deps.db.selectFrom('activity_days').selectAll().execute();
      const out = new Map<string, Record<string, Set<string>>>();
      for (const r of rows) {
        const p = periodOf(grain, r.day);
        const sets = out.get(p) ?? { active: new Set<string>() };
        out.set(p, sets);
        sets.active!.add(r.user_id);
        KINDS.forEach((k, i) => {
          if (r[k] > 0) (sets[SHOWN[i]!] ??= new Set()).add(r.user_id);
        });
      }
      return new Map(
        [...out].map(([p, sets]) => [
          p,
          Object.fromEntries(['active', ...SHOWN].map((k) => [k, sets[k]?.size ?? 0])) as Record<
            string,
            number
          >,
        ]),
      );
    }

    it('equals a recount from the daily rows, through inserts, kinds appearing, deletions and erasure', async () => {
      const db = t.deps.db;
      const people = [];
      for (let i = 0; i < 7; i++) people.push(await createUser(t.deps, { name: `P${i}` }));
      // A fixed pseudo-random sequence (xorshift), so a failure can be replayed.
      let x = 20261128;
      const rnd = () => {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return (x >>> 0) / 2 ** 32;
      };
      const days = daysBetween('2026-09-25', '2026-11-24');
      for (let i = 0; i < 400; i++) {
        const user = people[Math.floor(rnd() * people.length)]!;
        const day = days[Math.floor(rnd() * days.length)]!;
        const kind = KINDS[Math.floor(rnd() * KINDS.length)]!;
        // As the recording triggers write: the first action of a day inserts, later ones add.
        await db
          .insertInto('activity_days')
          .values({
            user_id: user.id,
            day,
            visited: 0,
            posts: 0,
            comments: 0,
            reactions: 0,
            documents: 0,
            downloads: 0,
            [kind]: 1,
          })
          .onConflict((oc) =>
            oc.columns(['user_id', 'day']).doUpdateSet((eb) => ({
              [kind]: kind === 'visited' ? 1 : eb(`activity_days.${kind}`, '+', 1),
            })),
          )
          .execute();
      }
      const check = async () => {
        for (const grain of ['week', 'month'] as const) {
          const expected = await recount(grain);
          const periods = [...expected.keys()].sort();
          expect(periods.length).toBeGreaterThan(grain === 'week' ? 6 : 2);
          for (const p of periods) {
            // A whole finished period, or the current one up to today, read from the kept rows.
            const [a, b] = periodRange(grain, p);
            const got = await periodPeople(db, grain, a, b < '2026-11-24' ? b : '2026-11-24', now);
            expect(got.get(p), `${grain} ${p}`).toEqual(expected.get(p));
          }
          const kept = await db
            .selectFrom('activity_period_people')
            .select(['period', (eb) => eb.fn.countAll<number>().as('n')])
            .where('grain', '=', grain)
            .groupBy('period')
            .execute();
          expect(new Map(kept.map((r) => [r.period, Number(r.n)]))).toEqual(
            new Map([...expected].map(([p, c]) => [p, c.active])),
          );
        }
      };
      await check();
      expect((await recount('month')).get('2026-11')!.posts).toBeGreaterThan(2);

      // Someone deleted takes their rows along; erasing activity leaves nothing.
      await db.deleteFrom('activity_periods').execute();
      await db.deleteFrom('users').where('id', '=', people[0]!.id).execute();
      await check();
      const admin = await createUser(t.deps, { name: 'Admin', role: 'admin' });
      await eraseActivity(t.deps, admin, true);
      expect(await db.selectFrom('activity_period_people').selectAll().execute()).toEqual([]);
    });
  },
);
