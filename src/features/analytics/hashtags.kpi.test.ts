import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { Db } from '../../db/connect.ts';
import { ulid } from 'ulid';
import { newId } from '../../lib/ids.ts';
import type { User } from '../accounts/accounts.table.ts';
import type { Meaning } from '../hashtags/hashtags.table.ts';
import { hashtagKpis, nextDay } from './hashtags.kpi.ts';

async function hashtag(db: Db, tag: string, meaning: Meaning | null) {
  await db
    .insertInto('hashtags')
    .values({ tag, display: tag, meaning, created_at: '2026-01-01T00:00:00.000Z' })
    .execute();
}

async function group(db: Db, name: string, visibility: 'public' | 'private', members: User[]) {
  const id = newId();
  const at = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('groups')
    .values({
      id,
      name,
      name_key: name.toLowerCase(),
      description: '',
      visibility,
      kind: 'community',
      member_count: members.length,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const m of members) {
    await db
      .insertInto('group_members')
      .values({ group_id: id, user_id: m.id, role: 'member', joined_at: at })
      .execute();
  }
  return id;
}

/** A post written at `at` with these hashtags (already normalised, as the app files them). */
async function post(
  db: Db,
  author: User,
  at: string,
  tags: string[],
  groupId: string | null = null,
) {
  // As the app does: the id is made when the post is written.
  const id = ulid(Date.parse(at));
  await db
    .insertInto('posts')
    .values({
      id,
      author_id: author.id,
      group_id: groupId,
      body: 'x',
      html: '<p>x</p>',
      created_at: at,
    })
    .execute();
  for (const tag of tags) {
    await db.insertInto('post_hashtags').values({ tag, post_id: id, group_id: groupId }).execute();
  }
}

/*
 * The fixture, for the period 2026-11-02 … 2026-11-15 per week (weeks of 11-02 and 11-09), k = 5:
 * - Sales, 10 people: each one #erfolg post in week 1 and one #kunde post in week 2; the first
 *   one's #erfolg post also has #win (success story too: still one post for the meaning).
 * - IT, 7 people: the first 4 one #erfolg post in week 2 (4 people: below k); all 7 one #kunde
 *   post in week 2.
 * - HR, 5 people: one #kunde post each in week 2, in a public group (exactly k).
 * - 5 people without a department, members of a private group: one #aerger post each there.
 * - Not counted: #erfolg before the period and on the day after it, #random (no meaning).
 * Department × meaning (success, customer, pain, campaign; total):
 *   HR     0/0   5/5   0/0  0/0 |  5 posts / 5 people
 *   IT     4/4   7/7   0/0  0/0 | 11 / 7
 *   Sales 10/10 10/10  0/0  0/0 | 20 / 10
 *   —      0/0   0/0   5/5  0/0 |  5 / 5   (only for those who see the private group)
 *   total 14/14 22/22  5/5  0/0 | 41 / 27
 * IT × success (4 people) is hidden. From the success total it could be worked out, so the
 * threshold hides a rectangle: IT × customer, Sales × success and Sales × customer as well
 * (no single hidden figure follows from the row and column sums any more). HR × customer
 * (exactly 5 people) is shown.
 */
describe.each(DIALECTS)('hashtag KPIs (%s)', (dialect) => {
  let t: TestApp;
  let admin: User;
  let outsider: User;
  let insider: User;
  let open: string;
  let secret: string;
  const period = { from: '2026-11-02', to: '2026-11-15', grain: 'week' as const };

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date('2026-11-28T10:00:00Z') });
    const db = t.deps.db;
    admin = await createAdmin(t.deps);
    outsider = await createUser(t.deps, { department: 'Sales' });
    for (const [tag, meaning] of [
      ['erfolg', 'success_story'],
      ['win', 'success_story'],
      ['kunde', 'customer_voice'],
      ['aerger', 'pain_point'],
      ['kampagne', 'campaign'],
      ['random', null],
    ] as const) {
      await hashtag(db, tag, meaning);
    }
    await db.insertInto('hashtag_aliases').values({ alias: 'success', tag: 'erfolg' }).execute();

    const people = async (n: number, department: string) => {
      const out: User[] = [];
      for (let i = 0; i < n; i++) out.push(await createUser(t.deps, { department }));
      return out;
    };
    const sales = await people(10, 'Sales');
    const it = await people(7, 'IT');
    const hr = await people(5, 'HR');
    const none = await people(5, '');
    insider = none[0]!;
    open = await group(db, 'Offen', 'public', hr);
    secret = await group(db, 'Geheim', 'private', none);

    for (const [i, p] of sales.entries()) {
      await post(db, p, '2026-11-03T09:00:00.000Z', i === 0 ? ['erfolg', 'win'] : ['erfolg']);
      await post(db, p, '2026-11-10T09:00:00.000Z', ['kunde']);
    }
    for (const [i, p] of it.entries()) {
      if (i < 4) await post(db, p, '2026-11-11T09:00:00.000Z', ['erfolg']);
      await post(db, p, '2026-11-11T10:00:00.000Z', ['kunde']);
    }
    for (const p of hr) await post(db, p, '2026-11-12T09:00:00.000Z', ['kunde'], open);
    for (const p of none) await post(db, p, '2026-11-12T09:00:00.000Z', ['aerger'], secret);
    await post(db, sales[1]!, '2026-11-01T23:59:59.000Z', ['erfolg']);
    await post(db, sales[1]!, '2026-11-16T00:00:00.000Z', ['erfolg']);
    await post(db, sales[2]!, '2026-11-05T09:00:00.000Z', ['random']);
  });
  afterAll(async () => t.close());

  it('counts posts per meaning and week, hiding a week resting on fewer than k people', async () => {
    const d = await hashtagKpis(t.deps.db, admin, period, null);
    expect(d.k).toBe(5);
    expect(d.series).toEqual([
      // Week 2's success stories rest on 4 people; the success total (14, shown in the
      // department table) minus week 1 would give them away, so week 1 is hidden too.
      { period: '2026-11-02', success_story: null, customer_voice: 0, pain_point: 0, campaign: 0 },
      { period: '2026-11-09', success_story: null, customer_voice: 22, pain_point: 5, campaign: 0 },
    ]);
  });

  it('counts per hashtag, with meaning and aliases', async () => {
    const d = await hashtagKpis(t.deps.db, admin, period, null);
    expect(d.tags).toEqual([
      { tag: 'aerger', display: 'aerger', meaning: 'pain_point', aliases: [], posts: 5 },
      {
        tag: 'erfolg',
        display: 'erfolg',
        meaning: 'success_story',
        aliases: ['success'],
        // #win rests on 1 person; the success total would give it away, so #erfolg is hidden
        // too (the threshold treats the total as a sum, though the #win post is also #erfolg).
        posts: null,
      },
      { tag: 'kampagne', display: 'kampagne', meaning: 'campaign', aliases: [], posts: 0 },
      { tag: 'kunde', display: 'kunde', meaning: 'customer_voice', aliases: [], posts: 22 },
      { tag: 'win', display: 'win', meaning: 'success_story', aliases: [], posts: null },
    ]);
  });

  it('breaks down by department: below k hidden, at k shown, derivable cells hidden', async () => {
    const d = await hashtagKpis(t.deps.db, admin, period, null);
    expect(d.departments).toEqual({
      rows: [
        { department: 'HR', cells: [0, 5, 0, 0], total: 5 },
        { department: 'IT', cells: [null, null, 0, 0], total: 11 },
        { department: 'Sales', cells: [null, null, 0, 0], total: 20 },
        { department: '', cells: [0, 0, 5, 0], total: 5 },
      ],
      totals: [14, 22, 5, 0],
      grandTotal: 41,
    });
  });

  it('leaves out a private group for those outside it, and keeps it for its members', async () => {
    const out = await hashtagKpis(t.deps.db, outsider, period, null);
    expect(out.series[1]).toMatchObject({ customer_voice: 22, pain_point: 0 });
    expect(out.tags.find((h) => h.tag === 'aerger')!.posts).toBe(0);
    expect(out.departments.rows.map((r) => r.department)).toEqual(['HR', 'IT', 'Sales']);
    expect(out.departments.totals).toEqual([14, 22, 0, 0]);
    expect(out.departments.grandTotal).toBe(36);
    const inside = await hashtagKpis(t.deps.db, insider, period, null);
    expect(inside.tags.find((h) => h.tag === 'aerger')!.posts).toBe(5);
  });

  it('filters by group, and by month', async () => {
    const d = await hashtagKpis(t.deps.db, admin, period, open);
    expect(d.tags.find((h) => h.tag === 'kunde')!.posts).toBe(5);
    expect(d.tags.find((h) => h.tag === 'erfolg')!.posts).toBe(0);
    expect(d.departments.rows).toEqual([{ department: 'HR', cells: [0, 5, 0, 0], total: 5 }]);
    const m = await hashtagKpis(t.deps.db, admin, { ...period, grain: 'month' }, null);
    expect(m.series).toEqual([
      { period: '2026-11', success_story: 14, customer_voice: 22, pain_point: 5, campaign: 0 },
    ]);
  });

  it('knows the next day across months', () => {
    expect(nextDay('2026-11-30')).toBe('2026-12-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});

/** What `meaning_posts` must hold, counted from the raw tables (departments as written aside). */
async function recountMeaningPosts(db: Db) {
  const rows = await db
    .selectFrom('post_hashtags as ph')
    .innerJoin('hashtags as h', 'h.tag', 'ph.tag')
    .innerJoin('posts as p', 'p.id', 'ph.post_id')
    .select(['ph.tag', 'ph.post_id', 'p.author_id', 'p.created_at', 'ph.group_id'])
    .where('h.meaning', 'is not', null)
    .execute();
  return rows
    .map(
      (r) =>
        `${r.tag} ${r.post_id} ${r.author_id} ${r.created_at.slice(0, 10)} ${r.group_id ?? ''}`,
    )
    .sort();
}
async function keptMeaningPosts(db: Db) {
  const rows = await db.selectFrom('meaning_posts').selectAll().execute();
  return rows.map((r) => `${r.tag} ${r.post_id} ${r.author_id} ${r.day} ${r.group_key}`).sort();
}

describe.each(DIALECTS)('meaning_posts against a recount (%s)', (dialect) => {
  let t: TestApp;
  afterAll(async () => t.close());

  it('follows every path a tagged post takes, and keeps the department as written', async () => {
    t = await build(dialect, { now: () => new Date('2026-11-28T10:00:00Z') });
    const db = t.deps.db;
    const ann = await createUser(t.deps, { department: 'Sales' });
    const ben = await createUser(t.deps, { department: 'IT' });
    for (const [tag, meaning] of [
      ['erfolg', 'success_story'],
      ['kunde', 'customer_voice'],
      ['later', null],
      ['random', null],
    ] as const) {
      await hashtag(db, tag, meaning);
    }
    const g = await group(db, 'Team', 'public', [ann, ben]);
    await post(db, ann, '2026-11-03T09:00:00.000Z', ['erfolg', 'random']);
    await post(db, ben, '2026-11-04T09:00:00.000Z', ['kunde', 'later'], g);
    await post(db, ben, '2026-11-05T09:00:00.000Z', ['later']);
    await post(db, ann, '2026-11-06T09:00:00.000Z', ['erfolg', 'kunde']);
    expect(await keptMeaningPosts(db)).toEqual(await recountMeaningPosts(db));
    expect((await keptMeaningPosts(db)).length).toBe(4);

    // A hashtag given a meaning brings its posts along; losing it takes them away.
    await db
      .updateTable('hashtags')
      .set({ meaning: 'campaign' })
      .where('tag', '=', 'later')
      .execute();
    expect((await keptMeaningPosts(db)).length).toBe(6);
    expect(await keptMeaningPosts(db)).toEqual(await recountMeaningPosts(db));
    await db.updateTable('hashtags').set({ meaning: null }).where('tag', '=', 'kunde').execute();
    expect(await keptMeaningPosts(db)).toEqual(await recountMeaningPosts(db));
    await db
      .updateTable('hashtags')
      .set({ meaning: 'customer_voice' })
      .where('tag', '=', 'kunde')
      .execute();

    // Re-filed (an alias merged into another tag), moved to another group, edited away.
    const [first] = await db
      .selectFrom('posts')
      .select('id')
      .where('author_id', '=', ann.id)
      .orderBy('id')
      .execute();
    await db
      .updateTable('post_hashtags')
      .set({ tag: 'kunde' })
      .where('post_id', '=', first!.id)
      .where('tag', '=', 'erfolg')
      .execute();
    await db
      .updateTable('post_hashtags')
      .set({ group_id: g })
      .where('post_id', '=', first!.id)
      .execute();
    await db.deleteFrom('post_hashtags').where('tag', '=', 'later').execute();
    expect(await keptMeaningPosts(db)).toEqual(await recountMeaningPosts(db));

    // A person changing department later does not move what they wrote.
    await db
      .updateTable('users')
      .set({ department: 'Marketing' })
      .where('id', '=', ann.id)
      .execute();
    await post(db, ann, '2026-11-07T09:00:00.000Z', ['erfolg']);
    const departments = await db
      .selectFrom('meaning_posts')
      .select(['department'])
      .where('author_id', '=', ann.id)
      .orderBy('day')
      .execute();
    expect(departments.map((d) => d.department)).toEqual(['Sales', 'Sales', 'Sales', 'Marketing']);

    // A deleted post and a deleted hashtag leave nothing behind.
    await db.deleteFrom('posts').where('id', '=', first!.id).execute();
    await db.deleteFrom('post_hashtags').where('tag', '=', 'erfolg').execute();
    await db.deleteFrom('hashtags').where('tag', '=', 'erfolg').execute();
    expect(await keptMeaningPosts(db)).toEqual(await recountMeaningPosts(db));
    expect((await keptMeaningPosts(db)).length).toBe(2);
  });
});

describe.each(DIALECTS)('hashtag KPIs: one post, two hashtags of a meaning (%s)', (dialect) => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('counts the post once when its hashtags were filed under two departments', async () => {
    t = await build(dialect, { now: () => new Date('2026-11-28T10:00:00Z') });
    const db = t.deps.db;
    const admin = await createAdmin(t.deps);
    await db
      .insertInto('settings')
      .values({ key: 'analytics.k', value: '3', updated_at: '2026-11-01T00:00:00.000Z' })
      .execute();
    await hashtag(db, 'kunde', 'customer_voice');
    await hashtag(db, 'feedback', null);
    const people: User[] = [];
    for (let i = 0; i < 3; i++) people.push(await createUser(t.deps, { department: 'Sales' }));
    for (const [i, p] of people.entries()) {
      await post(db, p, `2026-11-0${3 + i}T09:00:00.000Z`, ['kunde', 'feedback']);
    }
    // They move; then #feedback becomes customer voice too, its posts filed with Support.
    await db
      .updateTable('users')
      .set({ department: 'Support' })
      .where(
        'id',
        'in',
        people.map((p) => p.id),
      )
      .execute();
    await db
      .updateTable('hashtags')
      .set({ meaning: 'customer_voice' })
      .where('tag', '=', 'feedback')
      .execute();
    const filed = await db
      .selectFrom('meaning_posts')
      .select(['tag', 'department'])
      .orderBy('tag')
      .execute();
    expect(new Set(filed.map((r) => `${r.tag} ${r.department}`))).toEqual(
      new Set(['feedback Support', 'kunde Sales']),
    );

    const period = { from: '2026-11-02', to: '2026-11-15', grain: 'month' as const };
    const d = await hashtagKpis(db, admin, period, null);
    expect(d.series).toEqual([
      { period: '2026-11', success_story: 0, customer_voice: 3, pain_point: 0, campaign: 0 },
    ]);
    expect(d.tags.map((h) => [h.tag, h.posts])).toEqual([
      ['feedback', 3],
      ['kunde', 3],
    ]);
    // Counted in Sales, the first by name; Support's three people are behind a 0.
    expect(d.departments).toEqual({
      rows: [
        { department: 'Sales', cells: [0, 3, 0, 0], total: 3 },
        { department: 'Support', cells: [0, 0, 0, 0], total: 0 },
      ],
      totals: [0, 3, 0, 0],
      grandTotal: 3,
    });
  });
});
