import { Migrator, sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type Dialect } from '../../../test/db.ts';
import { createAdmin, createUser } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { loadConfig } from '../../config.ts';
import { connect, type Db } from '../../db/connect.ts';
import { migrations } from '../../db/migrations/index.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { newId } from '../../lib/ids.ts';
import { searchKey } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import { setSetting } from '../admin/settings.ts';
import { addMember } from '../groups/groups.queries.ts';
import type { GroupKind, Visibility } from '../groups/groups.table.ts';
import type { ReactionType } from '../posts/posts.table.ts';
import { suppress } from './privacy.ts';
import { periodOf } from './periods.ts';
import { daysBetween } from './rollup.ts';
import { isActive, teamsLevel, type TeamsLevel } from './teams.level.ts';

/** Writes through the real tables, so that the triggers of migration 0014 run. */
function writer(db: Db) {
  const at = (day: string) => `${day}T10:00:00.000Z`;
  return {
    async group(name: string, kind: GroupKind, visibility: Visibility, members: User[]) {
      const id = newId();
      await db
        .insertInto('groups')
        .values({
          id,
          name,
          name_key: searchKey(name),
          description: '',
          visibility,
          kind,
          member_count: 0,
          created_by: null,
          created_at: at('2026-01-01'),
          updated_at: at('2026-01-01'),
        })
        .execute();
      for (const m of members) await addMember(db, id, m.id, 'member', new Date(at('2026-01-01')));
      return id;
    },
    async post(author: User, day: string, groupId: string | null) {
      const id = newId();
      await db
        .insertInto('posts')
        .values({
          id,
          author_id: author.id,
          group_id: groupId,
          body: 'x',
          html: '<p>x</p>',
          created_at: at(day),
          edited_at: null,
          pinned_until: null,
        })
        .execute();
      return id;
    },
    async comment(postId: string, author: User, day: string) {
      await db
        .insertInto('comments')
        .values({
          id: newId(),
          post_id: postId,
          parent_id: null,
          author_id: author.id,
          body: 'y',
          html: '<p>y</p>',
          created_at: at(day),
          edited_at: null,
        })
        .execute();
    },
    async react(postId: string, user: User, day: string, type: ReactionType = 'like') {
      await db
        .insertInto('reactions')
        .values({ post_id: postId, user_id: user.id, type, created_at: at(day) })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}

type Day = {
  posts: number;
  comments: number;
  reactions: number;
  cross_department: number;
  posters: Set<string>;
  commenters: Set<string>;
  reactors: Set<string>;
  cross_authors: Set<string>;
};

/** The tables of migration 0014 as they should be, counted again from the raw tables. */
async function recount(db: Db) {
  const day = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 10)`;
  const rows = [
    ...(
      await db
        .selectFrom('posts as p')
        .select(['p.group_id', day('p.created_at').as('day'), 'p.author_id as who'])
        .where('p.group_id', 'is not', null)
        .execute()
    ).map((r) => ({ ...r, what: 'posts' as const })),
    ...(
      await db
        .selectFrom('comments as c')
        .innerJoin('posts as p', 'p.id', 'c.post_id')
        .select(['p.group_id', day('c.created_at').as('day'), 'c.author_id as who'])
        .where('p.group_id', 'is not', null)
        .execute()
    ).map((r) => ({ ...r, what: 'comments' as const })),
    ...(
      await db
        .selectFrom('reactions as r')
        .innerJoin('posts as p', 'p.id', 'r.post_id')
        .select(['p.group_id', day('r.created_at').as('day'), 'r.user_id as who'])
        .where('p.group_id', 'is not', null)
        .execute()
    ).map((r) => ({ ...r, what: 'reactions' as const })),
  ];
  const activity = new Map<string, { posts: number; comments: number; reactions: number }>();
  const days = new Map<string, Day>();
  const months = new Map<string, Day>();
  const entry = (map: Map<string, Day>, k: string) => {
    let x = map.get(k);
    if (!x) {
      x = {
        posts: 0,
        comments: 0,
        reactions: 0,
        cross_department: 0,
        posters: new Set(),
        commenters: new Set(),
        reactors: new Set(),
        cross_authors: new Set(),
      };
      map.set(k, x);
    }
    return x;
  };
  // The same event on its day and in its month.
  const both = (d: string, key: string) => [
    entry(days, `${d}|${key}`),
    entry(months, `${d.slice(0, 7)}|${key}`),
  ];
  for (const r of rows) {
    const key = `${r.group_id}|${r.day}|${r.who}`;
    const a = activity.get(key) ?? { posts: 0, comments: 0, reactions: 0 };
    a[r.what] += 1;
    activity.set(key, a);
    if (r.what !== 'posts') {
      for (const d of both(r.day, r.group_id!)) {
        d[r.what] += 1;
        (r.what === 'comments' ? d.commenters : d.reactors).add(r.who);
      }
    }
  }
  const departments = new Map(
    (await db.selectFrom('users').select(['id', 'department']).execute()).map((u) => [
      u.id,
      u.department,
    ]),
  );
  const writers = new Map<string, string[]>();
  for (const c of await db.selectFrom('comments').select(['post_id', 'author_id']).execute()) {
    writers.set(c.post_id, [...(writers.get(c.post_id) ?? []), c.author_id]);
  }
  const conversations = new Map<
    string,
    { day: string; group_key: string; author_id: string; cross: number; only: string | null }
  >();
  for (const p of await db
    .selectFrom('posts')
    .select(['id', 'author_id', 'group_id', 'created_at'])
    .execute()) {
    const depts = new Set(
      [p.author_id, ...(writers.get(p.id) ?? [])]
        .map((w) => departments.get(w) ?? '')
        .filter((d) => d !== ''),
    );
    const c = {
      day: p.created_at.slice(0, 10),
      group_key: p.group_id ?? '',
      author_id: p.author_id,
      cross: depts.size >= 2 ? 1 : 0,
      only: depts.size === 1 ? [...depts][0]! : null,
    };
    conversations.set(p.id, c);
    for (const d of both(c.day, c.group_key)) {
      d.posts += 1;
      d.posters.add(c.author_id);
      if (c.cross) {
        d.cross_department += 1;
        d.cross_authors.add(c.author_id);
      }
    }
  }
  const counted = (map: Map<string, Day>) =>
    new Map(
      [...map].map(([k, d]) => [
        k,
        {
          posts: d.posts,
          comments: d.comments,
          reactions: d.reactions,
          cross_department: d.cross_department,
          posters: d.posters.size,
          commenters: d.commenters.size,
          reactors: d.reactors.size,
          cross_authors: d.cross_authors.size,
        },
      ]),
    );
  const teamDays = counted(days);
  const teamMonths = counted(months);
  return { activity, conversations, teamDays, teamMonths };
}

/** Asserts that the trigger-kept tables equal the recount; returns how many rows were compared. */
async function expectRecount(db: Db): Promise<number> {
  const want = await recount(db);
  const kept = await db.selectFrom('group_activity_days').selectAll().execute();
  const got = new Map(
    kept.map((r) => [
      `${r.group_id}|${r.day}|${r.user_id}`,
      { posts: Number(r.posts), comments: Number(r.comments), reactions: Number(r.reactions) },
    ]),
  );
  expect(got).toEqual(want.activity);
  const conv = await db.selectFrom('conversations').selectAll().execute();
  expect(conv.length).toBe(want.conversations.size);
  for (const c of conv) {
    const w = want.conversations.get(c.post_id);
    expect(w, c.post_id).toBeDefined();
    expect(
      { day: c.day, group_key: c.group_key, author_id: c.author_id, cross: c.cross_department },
      c.post_id,
    ).toEqual({ day: w!.day, group_key: w!.group_key, author_id: w!.author_id, cross: w!.cross });
    // While the conversation has one department, it is that one.
    if (w!.cross === 0) expect(c.first_department, c.post_id).toBe(w!.only);
  }
  const teamDays = await db.selectFrom('team_days').selectAll().execute();
  expect(
    new Map(
      teamDays.map(({ day, group_key, ...counts }) => [
        `${day}|${group_key}`,
        Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])),
      ]),
    ),
  ).toEqual(want.teamDays);
  const teamMonths = await db.selectFrom('team_months').selectAll().execute();
  expect(
    new Map(
      teamMonths.map(({ month, group_key, ...counts }) => [
        `${month}|${group_key}`,
        Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])),
      ]),
    ),
  ).toEqual(want.teamMonths);
  return kept.length + conv.length + teamDays.length + teamMonths.length;
}

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

/** Random posts, comments and reactions in random groups (or none), late September to October. */
async function generate(db: Db, people: User[], groups: string[], seed: number, n: number) {
  const w = writer(db);
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const day = () =>
    rnd() < 0.5
      ? `2026-09-${String(20 + Math.floor(rnd() * 11)).padStart(2, '0')}`
      : `2026-10-${String(1 + Math.floor(rnd() * 10)).padStart(2, '0')}`;
  const posts: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.3 || posts.length === 0) {
      posts.push(await w.post(pick(people), day(), rnd() < 0.25 ? null : pick(groups)));
    } else if (r < 0.7) {
      await w.comment(pick(posts), pick(people), day());
    } else {
      await w.react(pick(posts), pick(people), day(), pick(['like', 'thanks'] as const));
    }
  }
}

describe.each(DIALECTS)('teams level (%s)', (dialect) => {
  let t: TestApp;
  const now = Date.parse('2026-11-28T10:00:00Z');
  const period = { from: '2026-11-02', to: '2026-11-15', grain: 'week' as const };
  let admin: User;
  let viewer: User;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    const db = t.deps.db;
    await setSetting(db, 'analytics.k', 3, new Date(now));
    admin = await createAdmin(t.deps, { name: 'Ada Admin' });
    viewer = await createUser(t.deps, { name: 'Mo Mitglied' });
    const p = async (name: string, department: string) => createUser(t.deps, { name, department });
    const [a1, a2, a3] = [await p('A1', 'Sales'), await p('A2', 'Sales'), await p('A3', 'Sales')];
    const [b1, b2] = [await p('B1', 'IT'), await p('B2', 'IT')];
    const c1 = await p('C1', '');
    const x = await p('X', 'HR');
    const fillers: User[] = [];
    for (let i = 0; i < 60; i++) fillers.push(await p(`F${i}`, 'Lager'));
    const w = writer(db);
    ids.alpha = await w.group('Alpha', 'team', 'public', [a1, a2, a3, b1]);
    ids.beta = await w.group('Beta', 'community', 'public', [a1, b1, b2, ...fillers]);
    ids.gamma = await w.group('Gamma', 'team', 'private', [a1, a2, a3]);
    ids.delta = await w.group('Delta', 'community', 'secret', [b1, b2]);
    ids.epsilon = await w.group('Epsilon', 'team', 'public', [c1, viewer]);

    // Alpha: 3 posts by 3 people, 4 comments by 4 people (c1 is no member), 2 reactions (x is
    // no member); engaged members in the 28 days to 2026-11-15: a1, a2, a3 (also on 10-25), b1.
    const p0 = await w.post(a3, '2026-10-25', ids.alpha);
    void p0;
    ids.p1 = await w.post(a1, '2026-11-03', ids.alpha);
    await w.comment(ids.p1, b1, '2026-11-03'); // IT after Sales: across departments
    await w.comment(ids.p1, a2, '2026-11-04');
    await w.react(ids.p1, a3, '2026-11-04');
    await w.react(ids.p1, x, '2026-11-05');
    const p2 = await w.post(a2, '2026-11-10', ids.alpha);
    await w.comment(p2, a3, '2026-11-10');
    await w.comment(p2, c1, '2026-11-11'); // no department: changes nothing
    await w.post(b1, '2026-11-12', ids.alpha);
    // Beta (63 members): 3 engaged members, fewer than 5 %.
    const p4 = await w.post(b2, '2026-11-09', ids.beta);
    await w.comment(p4, a1, '2026-11-09'); // across
    await w.comment(p4, b1, '2026-11-09');
    const p5 = await w.post(b1, '2026-11-14', ids.beta);
    await w.react(p5, a1, '2026-11-14');
    await w.react(p5, b2, '2026-11-14');
    // Gamma (private): 2 engaged, active.
    const p6 = await w.post(a1, '2026-11-05', ids.gamma);
    await w.comment(p6, a2, '2026-11-06');
    // Delta (secret): a post before the period but in the 28 days, a comment in the period.
    const p7 = await w.post(b2, '2026-10-20', ids.delta);
    await w.comment(p7, b1, '2026-11-02');
    // Outside groups.
    const p8 = await w.post(x, '2026-11-10', null);
    await w.comment(p8, c1, '2026-11-10');
    await w.comment(p8, b2, '2026-11-11'); // HR and IT: across
    const p9 = await w.post(c1, '2026-11-11', null);
    await w.comment(p9, a1, '2026-11-11'); // Sales becomes the first department
    await w.comment(p9, a2, '2026-11-12'); // Sales again: not across
    await w.post(b2, '2026-11-06', null);
    await w.post(x, '2026-11-07', null);
    await w.post(a1, '2026-11-20', null); // after the period
    // Moving to another department later changes no conversation already written.
    await db.updateTable('users').set({ department: 'Sales' }).where('id', '=', b1.id).execute();
  });
  afterAll(async () => t.close());

  const pick = (d: TeamsLevel) => ({
    groups: d.groups,
    activeGroups: d.activeGroups,
    activeShare: d.activeShare,
    members: d.members,
    conversations: d.conversations,
    crossDepartment: d.crossDepartment,
    crossShare: d.crossShare,
  });

  it('computes every figure of the hand-built fixture, for an admin', async () => {
    const d = await teamsLevel(t.deps.db, admin, period, null, new Date(now));
    expect(d.k).toBe(3);
    expect(d.day).toBe('2026-11-15');
    expect(pick(d)).toEqual({
      groups: { total: 5, team: 3, community: 2, public: 3, private: 1, secret: 1 },
      // Alpha (shown), Gamma and Delta (hidden: 2 engaged each, but 4 people behind the two).
      activeGroups: 3,
      activeShare: 0.6,
      // Sizes 4, 63, 3, 2, 2.
      members: {
        median: 3,
        mean: 14.8,
        distribution: [
          { min: 0, max: 4, groups: 4 },
          { min: 5, max: 19, groups: 0 },
          { min: 20, max: 99, groups: 1 },
          { min: 100, max: null, groups: 0 },
        ],
      },
      // Week 1: p1, p6 (a1), b2's, x's post: 4 by 3; week 2: p4, p2, p8, p9, b1's, p5: 6 by 5.
      conversations: 10,
      // p1, p4, p8, by a1, b2, x.
      crossDepartment: 3,
      crossShare: 0.3,
    });
    expect(d.series).toEqual([
      // One cross-department conversation in week 1, two in week 2: fewer than 3 authors.
      { period: '2026-11-02', conversations: 4, crossDepartment: null, share: null },
      { period: '2026-11-09', conversations: 6, crossDepartment: null, share: null },
    ]);
    const row = (name: string) => {
      const { id: _id, ...rest } = d.breakdown.find((r) => r.name === name)!;
      return rest;
    };
    expect(d.breakdown.map((r) => r.name)).toEqual(['Alpha', 'Beta', 'Delta', 'Epsilon', 'Gamma']);
    // At k people a figure is shown (Alpha's 3 posts, Beta's 3 engaged); below, it is not.
    expect(row('Alpha')).toEqual({
      name: 'Alpha',
      kind: 'team',
      visibility: 'public',
      members: 4,
      engaged: 4,
      posts: 3,
      comments: 4,
      reactions: null,
      active: true,
    });
    expect(row('Beta')).toMatchObject({
      members: 63,
      engaged: 3,
      posts: null,
      comments: null,
      reactions: null,
      active: false,
    });
    expect(row('Gamma')).toMatchObject({
      visibility: 'private',
      members: 3,
      engaged: null,
      posts: null,
      comments: null,
      reactions: 0,
      active: null,
    });
    expect(row('Delta')).toMatchObject({
      visibility: 'secret',
      members: 2,
      engaged: null,
      posts: 0,
      comments: null,
      reactions: 0,
      active: null,
    });
    expect(row('Epsilon')).toMatchObject({
      members: 2,
      engaged: 0,
      posts: 0,
      comments: 0,
      reactions: 0,
      active: false,
    });
  });

  it('shows a member the public groups and their own, never a private group they are not in', async () => {
    await setSetting(t.deps.db, 'analytics.audience', 'members', new Date(now));
    const d = await teamsLevel(t.deps.db, viewer, period, null, new Date(now));
    expect(d.breakdown.map((r) => r.name)).toEqual(['Alpha', 'Beta', 'Epsilon']);
    expect(pick(d)).toEqual({
      groups: { total: 3, team: 2, community: 1, public: 3, private: 0, secret: 0 },
      activeGroups: 1,
      activeShare: 1 / 3,
      members: {
        median: 4,
        mean: 23,
        distribution: [
          { min: 0, max: 4, groups: 2 },
          { min: 5, max: 19, groups: 0 },
          { min: 20, max: 99, groups: 1 },
          { min: 100, max: null, groups: 0 },
        ],
      },
      // Gamma's p6 is not counted for someone who may not see Gamma.
      conversations: 9,
      crossDepartment: 3,
      crossShare: 1 / 3,
    });
    expect(d.series[0]).toEqual({
      period: '2026-11-02',
      conversations: 3,
      crossDepartment: null,
      share: null,
    });
  });

  it('narrows everything to one group', async () => {
    const d = await teamsLevel(t.deps.db, admin, period, ids.alpha!, new Date(now));
    expect(pick(d)).toEqual({
      groups: { total: 1, team: 1, community: 0, public: 1, private: 0, secret: 0 },
      activeGroups: 1,
      activeShare: 1,
      members: {
        median: 4,
        mean: 4,
        distribution: [
          { min: 0, max: 4, groups: 1 },
          { min: 5, max: 19, groups: 0 },
          { min: 20, max: 99, groups: 0 },
          { min: 100, max: null, groups: 0 },
        ],
      },
      // p1 (a1), p2 (a2), b1's post: 3 by 3; p1 the only one across departments, by 1 author.
      conversations: 3,
      crossDepartment: null,
      crossShare: null,
    });
    expect(d.series).toEqual([
      { period: '2026-11-02', conversations: null, crossDepartment: null, share: null },
      // Nothing across departments: about nobody, so shown.
      { period: '2026-11-09', conversations: null, crossDepartment: 0, share: null },
    ]);
    expect(d.breakdown.map((r) => r.name)).toEqual(['Alpha']);

    // A single group whose "active" is hidden: the headline would give it away.
    const g = await teamsLevel(t.deps.db, admin, period, ids.gamma!, new Date(now));
    expect(g.breakdown[0]!.active).toBeNull();
    expect(g.activeGroups).toBeNull();
    expect(g.activeShare).toBeNull();
  });

  it('judges active groups on the last day of the period', async () => {
    // Up to 2026-11-01 Alpha had a3 (10-25) only: 1 of 4 members is 25 %, still active; but
    // that is one person, so it is hidden, and with it the headline of the single group.
    const early = { from: '2026-10-01', to: '2026-11-01', grain: 'month' as const };
    const d = await teamsLevel(t.deps.db, admin, early, ids.alpha!, new Date(now));
    expect(d.day).toBe('2026-11-01');
    expect(d.breakdown[0]).toMatchObject({ engaged: null, active: null });
    // A period that goes on past today is judged on the last complete day: Beta's last
    // activity, 11-14, is within the 28 days up to 2026-11-27, and Delta's post of 10-20 is not.
    const late = { from: '2026-11-20', to: '2026-12-31', grain: 'month' as const };
    const l = await teamsLevel(t.deps.db, admin, late, null, new Date(now));
    expect(l.day).toBe('2026-11-27');
    const beta = l.breakdown.find((r) => r.name === 'Beta')!;
    expect(beta).toMatchObject({ engaged: 3, active: false });
    const delta = l.breakdown.find((r) => r.name === 'Delta')!;
    expect(delta).toMatchObject({ engaged: null, active: null });
  });

  it('keeps the department each person had when they wrote', async () => {
    const db = t.deps.db;
    const w = writer(db);
    const who = async (name: string, department: string) =>
      createUser(t.deps, { name, department });
    const none = await who('Ohne', '');
    const s1 = await who('Vertrieb 1', 'Vertrieb');
    const s2 = await who('Vertrieb 2', 'Vertrieb');
    const it1 = await who('IT 1', 'Technik');
    const id = await w.post(none, '2026-09-01', null);
    const row = () =>
      db
        .selectFrom('conversations')
        .select(['first_department', 'cross_department'])
        .where('post_id', '=', id)
        .executeTakeFirstOrThrow();
    expect(await row()).toEqual({ first_department: null, cross_department: 0 });
    await w.comment(id, s1, '2026-09-01');
    expect(await row()).toEqual({ first_department: 'Vertrieb', cross_department: 0 });
    await w.comment(id, s2, '2026-09-02');
    await w.comment(id, none, '2026-09-02');
    expect(await row()).toEqual({ first_department: 'Vertrieb', cross_department: 0 });
    // Moving into Vertrieb before writing: still one department.
    await db
      .updateTable('users')
      .set({ department: 'Vertrieb' })
      .where('id', '=', it1.id)
      .execute();
    await w.comment(id, it1, '2026-09-03');
    expect(await row()).toEqual({ first_department: 'Vertrieb', cross_department: 0 });
    await db.updateTable('users').set({ department: 'Technik' }).where('id', '=', it1.id).execute();
    await w.comment(id, it1, '2026-09-03');
    expect(await row()).toEqual({ first_department: 'Vertrieb', cross_department: 1 });
    await db
      .updateTable('users')
      .set({ department: 'Vertrieb' })
      .where('id', '=', it1.id)
      .execute();
    await w.comment(id, s1, '2026-09-04');
    expect((await row()).cross_department).toBe(1);
  });

  it('records nothing while measurement is switched off, and keeps what happened', async () => {
    const db = t.deps.db;
    const w = writer(db);
    const someone = await createUser(t.deps, { name: 'Still', department: 'Einkauf' });
    const other = await createUser(t.deps, { name: 'Leise', department: 'Technik' });
    const before = await db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await setSetting(db, 'analytics.enabled', false, new Date(now));
    const id = await w.post(someone, '2026-09-10', ids.alpha!);
    await w.comment(id, other, '2026-09-10');
    await setSetting(db, 'analytics.enabled', true, new Date(now));
    const after = await db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const rows = await db
      .selectFrom('group_activity_days')
      .selectAll()
      .where('day', '=', '2026-09-10')
      .execute();
    expect(rows).toEqual([]);
    // Deleting a post lowers nothing.
    const kept = await db
      .selectFrom('group_activity_days')
      .select((eb) => eb.fn.sum<number>('posts').as('n'))
      .where('group_id', '=', ids.alpha!)
      .executeTakeFirstOrThrow();
    await db.deleteFrom('posts').where('id', '=', ids.p1!).execute();
    const still = await db
      .selectFrom('group_activity_days')
      .select((eb) => eb.fn.sum<number>('posts').as('n'))
      .where('group_id', '=', ids.alpha!)
      .executeTakeFirstOrThrow();
    expect(Number(still.n)).toBe(Number(kept.n));
    expect(
      await db
        .selectFrom('conversations')
        .select('cross_department')
        .where('post_id', '=', ids.p1!)
        .executeTakeFirst(),
    ).toEqual({ cross_department: 1 });
  });
});

describe.each(DIALECTS)('teams tables against a recount (%s)', (dialect: Dialect) => {
  let db: Db;
  let config: ReturnType<typeof loadConfig>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase(dialect);
    drop = database.drop;
    config = loadConfig({
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
      PASSWORD_COST: '10',
      VITEST: 'true',
    });
    db = connect(config);
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  it('the migration fills them from what happened before, the triggers keep them after', async () => {
    // The schema as it was before migration 0014, with data in it.
    const before = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => name < '2026_11_28_0014'),
    ) as Record<string, Migration>;
    const old = new Migrator({ db, provider: { getMigrations: async () => before } });
    const r = await old.migrateToLatest();
    expect(r.error).toBeUndefined();
    const deps = { db, config };
    const departments = ['', 'Sales', 'IT', 'HR'];
    const people: User[] = [];
    for (let i = 0; i < 10; i++) {
      people.push(await createUser(deps, { name: `Gen ${i}`, department: departments[i % 4] }));
    }
    const groups: string[] = [];
    const w = writer(db);
    for (let i = 0; i < 4; i++) {
      groups.push(
        await w.group(`G${i}`, i % 2 ? 'team' : 'community', 'public', people.slice(i, i + 5)),
      );
    }
    await generate(db, people, groups, 20261128, 150);
    await migrateToLatest(db);
    const backfilled = await expectRecount(db);
    expect(backfilled).toBeGreaterThan(50);

    await generate(db, people, groups, 424242, 250);
    expect(await expectRecount(db)).toBeGreaterThan(backfilled);
  });

  it('gives the figures a count from the raw tables gives, for any period and viewer', async () => {
    const people = (await db.selectFrom('users').selectAll().execute()) as User[];
    const admin = await createAdmin({ db, config }, { name: 'Gen Admin' });
    // A member of G0 only; G3 becomes private, so they see G0, G1 and G2.
    const member = people.find((p) => p.name === 'Gen 0')!;
    await db
      .updateTable('groups')
      .set({ visibility: 'private' })
      .where('name', '=', 'G3')
      .execute();
    const now = new Date('2026-11-28T10:00:00Z');
    const tally = { shown: 0, hidden: 0 };
    for (const period of [
      { from: '2026-09-20', to: '2026-10-10', grain: 'day' as const },
      { from: '2026-09-01', to: '2026-10-31', grain: 'month' as const },
      { from: '2026-09-10', to: '2026-10-20', grain: 'month' as const },
      { from: '2026-09-21', to: '2026-10-04', grain: 'week' as const },
      { from: '2026-09-25', to: '2026-10-05', grain: 'week' as const },
    ]) {
      for (const viewer of [admin, member]) {
        const got = await teamsLevel(db, viewer, period, null, now);
        const want = await bruteForce(db, viewer, period, got.k);
        const label = `${viewer.name} ${period.from} ${period.to} ${period.grain}`;
        expect(got.breakdown, label).toEqual(want.breakdown);
        expect(got.activeGroups, label).toBe(want.activeGroups);
        // A figure over fewer than k authors is hidden; one over more is the recount's, unless
        // hidden so that no hidden figure can be worked out from the total.
        const check = (g: number | null, w: { value: number; people: number }, what: string) => {
          if (w.people < got.k && w.value > 0) expect(g, `${label} ${what}`).toBeNull();
          else if (g !== null) expect(g, `${label} ${what}`).toBe(w.value);
        };
        expect(
          got.series.map((r) => r.period),
          label,
        ).toEqual(want.series.map((r) => r.period));
        got.series.forEach((r, i) => {
          check(r.conversations, want.series[i]!.n, `${r.period} conversations`);
          check(r.crossDepartment, want.series[i]!.cross, `${r.period} cross`);
        });
        check(got.conversations, want.total.n, 'conversations');
        check(got.crossDepartment, want.total.cross, 'cross');
        expect(got.conversations, label).not.toBeNull();
        for (const r of got.breakdown) {
          for (const v of [r.engaged, r.posts, r.comments, r.reactions]) {
            tally[v === null ? 'hidden' : 'shown'] += 1;
          }
        }
        for (const r of got.series) tally[r.crossDepartment === null ? 'hidden' : 'shown'] += 1;
      }
    }
    // The cases cover both sides of the threshold.
    expect(tally.shown).toBeGreaterThan(20);
    expect(tally.hidden).toBeGreaterThan(10);
  });
});

/** The teams figures counted straight from posts, comments, reactions and memberships. */
async function bruteForce(
  db: Db,
  viewer: User,
  period: { from: string; to: string; grain: 'day' | 'week' | 'month' },
  k: number,
) {
  const { from, to } = period;
  const inPeriod = (at: string) => at.slice(0, 10) >= from && at.slice(0, 10) <= to;
  const groups = await db.selectFrom('groups').selectAll().orderBy('name_key').execute();
  const mine = new Set(
    (
      await db
        .selectFrom('group_members')
        .select('group_id')
        .where('user_id', '=', viewer.id)
        .execute()
    ).map((m) => m.group_id),
  );
  const visible = groups.filter(
    (g) => viewer.role === 'admin' || g.visibility === 'public' || mine.has(g.id),
  );
  const posts = await db.selectFrom('posts').selectAll().execute();
  const postById = new Map(posts.map((p) => [p.id, p]));
  const comments = await db.selectFrom('comments').selectAll().execute();
  const reactions = await db.selectFrom('reactions').selectAll().execute();
  const users = new Map((await db.selectFrom('users').selectAll().execute()).map((u) => [u.id, u]));
  const members = await db.selectFrom('group_members').selectAll().execute();
  const day = to < '2026-11-27' ? to : '2026-11-27';
  const windowStart = new Date(Date.parse(`${day}T00:00:00Z`) - 28 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const acts = [
    ...posts.map((p) => ({ g: p.group_id, who: p.author_id, at: p.created_at, what: 0 })),
    ...comments.map((c) => ({
      g: postById.get(c.post_id)!.group_id,
      who: c.author_id,
      at: c.created_at,
      what: 1,
    })),
    ...reactions.map((r) => ({
      g: postById.get(r.post_id)!.group_id,
      who: r.user_id,
      at: r.created_at,
      what: 2,
    })),
  ];
  const facts = visible.map((g) => {
    const inGroup = acts.filter((a) => a.g === g.id);
    const cells = [0, 1, 2].map((what) => {
      const xs = inGroup.filter((a) => a.what === what && inPeriod(a.at));
      return { value: xs.length, people: new Set(xs.map((a) => a.who)).size };
    });
    const engagedPeople = new Set(
      inGroup
        .filter((a) => a.at.slice(0, 10) > windowStart && a.at.slice(0, 10) <= day)
        .map((a) => a.who)
        .filter(
          (who) =>
            members.some((m) => m.group_id === g.id && m.user_id === who) &&
            users.get(who)!.status === 'active',
        ),
    );
    const engaged = engagedPeople.size;
    return { g, engaged, engagedPeople, active: isActive(engaged, g.member_count), cells };
  });
  const shown = suppress(
    { rows: facts.map((f) => [{ value: f.engaged, people: f.engaged }, ...f.cells]) },
    k,
  ).rows;
  const breakdown = facts.map((f, i) => {
    const v = shown[i]!.map((c) => (c.kind === 'value' ? c.value : null));
    return {
      id: f.g.id,
      name: f.g.name,
      kind: f.g.kind,
      visibility: f.g.visibility,
      members: f.g.member_count,
      engaged: v[0],
      posts: v[1],
      comments: v[2],
      reactions: v[3],
      active: v[0] === null ? null : f.active,
    };
  });
  const hidden = facts.filter((_, i) => breakdown[i]!.active === null);
  const hiddenPeople = new Set(hidden.flatMap((f) => [...f.engagedPeople])).size;
  const activeGroups =
    hidden.length === 0 || (hidden.length > 1 && hiddenPeople >= k)
      ? facts.filter((f) => f.active).length
      : null;

  const seen = new Set(visible.map((g) => g.id));
  const dept = (who: string) => users.get(who)!.department;
  const conv = posts
    .filter((p) => inPeriod(p.created_at) && (p.group_id === null || seen.has(p.group_id)))
    .map((p) => {
      const depts = new Set(
        [p.author_id, ...comments.filter((c) => c.post_id === p.id).map((c) => c.author_id)]
          .map(dept)
          .filter((d) => d !== ''),
      );
      return { day: p.created_at.slice(0, 10), who: p.author_id, cross: depts.size >= 2 };
    });
  const count = (xs: typeof conv) => ({
    n: { value: xs.length, people: new Set(xs.map((c) => c.who)).size },
    cross: {
      value: xs.filter((c) => c.cross).length,
      people: new Set(xs.filter((c) => c.cross).map((c) => c.who)).size,
    },
  });
  const periods = [...new Set(daysBetween(from, to).map((d) => periodOf(period.grain, d)))];
  const series = periods.map((p) => ({
    period: p,
    ...count(conv.filter((c) => periodOf(period.grain, c.day) === p)),
  }));
  return { breakdown, activeGroups, series, total: count(conv) };
}
