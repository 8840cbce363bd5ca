import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createUser, signedIn, tokenFor } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { MULTIPART, multipart } from '../../../test/multipart.ts';
import { enqueue, runDueJobs } from '../../jobs/index.ts';
import { newId } from '../../lib/ids.ts';
import type { User } from '../accounts/accounts.table.ts';
import { dailyTotals, daysBetween, ROLLUP_JOB } from './index.ts';

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(DIALECTS)('activity and daily rollups (%s)', (dialect) => {
  let t: TestApp;
  let now = Date.parse('2026-11-20T09:00:00Z');
  let anna: User;
  let ben: User;

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    anna = await createUser(t.deps, { name: 'Anna Aktiv' });
    ben = await createUser(t.deps, { name: 'Ben Besuch' });
  });
  afterAll(async () => t.close());

  const dayRow = (user: User, day: string) =>
    t.deps.db
      .selectFrom('activity_days')
      .selectAll()
      .where('user_id', '=', user.id)
      .where('day', '=', day)
      .executeTakeFirst();

  it('records posts, comments, reactions, visits and downloads per person per day', async () => {
    const ac = await signedIn(t.app, anna);
    const bc = await signedIn(t.app, ben);
    // Signing in is a visit.
    expect(await dayRow(ben, '2026-11-20')).toMatchObject({ visited: 1, posts: 0 });
    const p = await ac.api('POST', '/api/v1/posts', { body: 'Guten Morgen' });
    expect(p.statusCode, p.body).toBe(201);
    const postId = (p.json() as { id: string }).id;
    expect(
      (await bc.api('POST', `/api/v1/posts/${postId}/comments`, { body: 'Moin' })).statusCode,
    ).toBe(201);
    expect(
      (await bc.api('POST', `/api/v1/posts/${postId}/reactions`, { type: 'like' })).statusCode,
    ).toBeLessThan(300);
    expect(await dayRow(anna, '2026-11-20')).toMatchObject({ posts: 1, comments: 0, visited: 1 });
    expect(await dayRow(ben, '2026-11-20')).toMatchObject({ comments: 1, reactions: 1 });

    // A document uploaded by Anna, downloaded by Ben.
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...MULTIPART, authorization: `Bearer ${await tokenFor(t.deps, anna)}` },
      payload: multipart(
        { title: 'Speiseplan' },
        { filename: 'plan.txt', data: Buffer.from('Suppe') },
      ),
    });
    expect(up.statusCode, up.body).toBe(201);
    const docId = (up.json() as { id: string }).id;
    const dl = await bc.request({
      method: 'GET',
      url: `/api/v1/documents/${docId}/versions/1/file`,
    });
    expect(dl.statusCode, dl.body).toBe(200);
    expect(await dayRow(anna, '2026-11-20')).toMatchObject({ documents: 1 });
    expect(await dayRow(ben, '2026-11-20')).toMatchObject({ downloads: 1 });

    // The next day, Ben's first request is a visit on that day; later ones change nothing.
    now = Date.parse('2026-11-21T08:00:00Z');
    expect((await bc.api('GET', '/api/v1/feed')).statusCode).toBe(200);
    now += 5 * 60_000;
    expect((await bc.api('GET', '/api/v1/feed')).statusCode).toBe(200);
    expect(await dayRow(ben, '2026-11-21')).toMatchObject({ visited: 1, posts: 0, comments: 0 });
    expect(await dayRow(anna, '2026-11-21')).toBeUndefined();

    // Deleting content does not undo what happened.
    expect((await ac.api('DELETE', `/api/v1/posts/${postId}`)).statusCode).toBe(204);
    expect(await dayRow(anna, '2026-11-20')).toMatchObject({ posts: 1 });
    expect(await dayRow(ben, '2026-11-20')).toMatchObject({ comments: 1, reactions: 1 });

    const [d20, d21] = await dailyTotals(t.deps.db, '2026-11-20', '2026-11-21', new Date(now));
    expect(d20).toMatchObject({
      day: '2026-11-20',
      active: 2,
      visitors: 2,
      engaged: 2,
      contributing: 1,
      posts: 1,
      comments: 1,
      reactions: 1,
      documents: 1,
      downloads: 1,
    });
    // Anna's delete on the 21st was a visit too.
    expect(d21).toMatchObject({ active: 2, visitors: 2, engaged: 0, contributing: 0, posts: 0 });
  });

  it('a period’s totals equal a recount from the raw tables, on generated data', async () => {
    const rnd = prng(20261128);
    const people = [anna, ben];
    for (let i = 0; i < 6; i++) people.push(await createUser(t.deps, { name: `Gen ${i}` }));
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const when = () =>
      new Date(
        Date.parse('2026-10-01T00:00:00Z') + Math.floor(rnd() * 14 * 86_400_000),
      ).toISOString();
    const posts: string[] = [];
    for (let i = 0; i < 120; i++) {
      const r = rnd();
      if (r < 0.35 || posts.length === 0) {
        const id = newId();
        posts.push(id);
        await t.deps.db
          .insertInto('posts')
          .values({
            id,
            author_id: pick(people).id,
            group_id: null,
            body: 'x',
            html: '<p>x</p>',
            created_at: when(),
            edited_at: null,
            pinned_until: null,
          })
          .execute();
      } else if (r < 0.7) {
        await t.deps.db
          .insertInto('comments')
          .values({
            id: newId(),
            post_id: pick(posts),
            parent_id: null,
            author_id: pick(people).id,
            body: 'y',
            html: '<p>y</p>',
            created_at: when(),
            edited_at: null,
          })
          .execute();
      } else {
        await t.deps.db
          .insertInto('reactions')
          .values({
            post_id: pick(posts),
            user_id: pick(people).id,
            type: 'like',
            created_at: when(),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
    const from = '2026-10-01';
    const to = '2026-10-14';
    const totals = await dailyTotals(t.deps.db, from, to, new Date(now));
    expect(totals.map((d) => d.day)).toEqual(daysBetween(from, to));

    // The recount: straight from posts, comments and reactions.
    const day = sql<string>`substr(created_at, 1, 10)`;
    const perDay = async (table: 'posts' | 'comments' | 'reactions') =>
      new Map(
        (
          await t.deps.db
            .selectFrom(table)
            .select([day.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
            .where(day, '>=', from)
            .where(day, '<=', to)
            .groupBy(day)
            .execute()
        ).map((r) => [r.day, Number(r.n)]),
      );
    const who = async (
      table: 'posts' | 'comments' | 'reactions',
      column: 'author_id' | 'user_id',
    ) =>
      (await t.deps.db
        .selectFrom(table)
        .select([day.as('day'), sql<string>`${sql.ref(column)}`.as('who')])
        .execute()) as {
        day: string;
        who: string;
      }[];
    const [p, c, r] = await Promise.all([perDay('posts'), perDay('comments'), perDay('reactions')]);
    const actors = [
      ...(await who('posts', 'author_id')),
      ...(await who('comments', 'author_id')),
      ...(await who('reactions', 'user_id')),
    ];
    const posters = await who('posts', 'author_id');
    let checked = 0;
    for (const d of totals) {
      expect(d.posts, d.day).toBe(p.get(d.day) ?? 0);
      expect(d.comments, d.day).toBe(c.get(d.day) ?? 0);
      expect(d.reactions, d.day).toBe(r.get(d.day) ?? 0);
      expect(d.engaged, d.day).toBe(
        new Set(actors.filter((a) => a.day === d.day).map((a) => a.who)).size,
      );
      expect(d.contributing, d.day).toBe(
        new Set(posters.filter((a) => a.day === d.day).map((a) => a.who)).size,
      );
      checked += d.posts + d.comments + d.reactions;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('recomputes today on demand, keeps a finished day, and the job finishes yesterday', async () => {
    now = Date.parse('2026-11-22T10:00:00Z');
    const before = (await dailyTotals(t.deps.db, '2026-11-22', '2026-11-22', new Date(now)))[0]!;
    const ac = await signedIn(t.app, anna);
    expect((await ac.api('POST', '/api/v1/posts', { body: 'Mittag?' })).statusCode).toBe(201);
    const after = (await dailyTotals(t.deps.db, '2026-11-22', '2026-11-22', new Date(now)))[0]!;
    expect(after.posts).toBe(before.posts + 1);

    // A finished day is not recomputed: its stored row is what is read.
    await t.deps.db
      .updateTable('activity_totals')
      .set({ posts: 99 })
      .where('day', '=', '2026-11-20')
      .execute();
    expect(
      (await dailyTotals(t.deps.db, '2026-11-20', '2026-11-20', new Date(now)))[0]!.posts,
    ).toBe(99);

    now = Date.parse('2026-11-23T01:00:00Z');
    await enqueue(t.deps.db, ROLLUP_JOB, {});
    expect(await runDueJobs(t.deps)).toBeGreaterThanOrEqual(1);
    const row = await t.deps.db
      .selectFrom('activity_totals')
      .select(['posts', 'computed_at'])
      .where('day', '=', '2026-11-22')
      .executeTakeFirstOrThrow();
    expect(row.posts).toBe(after.posts);
    expect(Date.parse(row.computed_at)).toBeGreaterThanOrEqual(Date.parse('2026-11-23T00:00:00Z'));
  });
});
