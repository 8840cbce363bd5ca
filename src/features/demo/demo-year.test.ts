import { SYSTEM_USER_IDS } from '../accounts/accounts.table.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalMeasurements, listGoals } from '../analytics/goals.ts';
import { DIALECTS } from '../../../test/db.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { Db } from '../../db/connect.ts';
import { cleanText } from '../../lib/text.ts';
import { DEMO_DOCUMENTS } from './demo.documents.ts';
import { DEMO_POSTS } from './demo.posts.ts';
import { createDemoOrganisation } from './demo.service.ts';
import { PRIVATE_POSTS, TAG_MEANINGS } from './demo.year.data.ts';

// A fixed day, so that the year (and its holidays) is the same on every run.
const NOW = new Date('2026-11-27T13:00:00Z');
const DAY = 86_400_000;
const TODAY = NOW.toISOString().slice(0, 10);
/** The first day of the demo's year. */
const START = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 364 * DAY);
const dayAfter = (d: number) => new Date(START.getTime() + d * DAY).toISOString().slice(0, 10);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Distinct people with activity (a visit or anything else) from `from` to `to`, inclusive. */
async function activePeople(db: Db, from: string, to: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('activity_days')
    .select('user_id')
    .distinct()
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

async function count(db: Db, table: 'posts' | 'comments' | 'reactions'): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** What two runs must agree on. */
async function figures(db: Db) {
  const one = async (q: string) =>
    Number((await sql<{ n: number }>`${sql.raw(q)}`.execute(db)).rows[0]!.n);
  return {
    posts: await count(db, 'posts'),
    comments: await count(db, 'comments'),
    reactions: await count(db, 'reactions'),
    questions: await one('select count(*) as n from questions'),
    answered: await one('select count(*) as n from questions where first_answer_at is not null'),
    accepted: await one(
      'select count(*) as n from questions where accepted_comment_id is not null',
    ),
    votes: await one('select count(*) as n from answer_votes'),
    tags: await one('select count(*) as n from post_hashtags'),
    reuses: await one('select count(*) as n from document_reuses'),
    activityRows: await one('select count(*) as n from activity_days'),
    visits: await one('select sum(visited) as n from activity_days'),
    downloads: await one('select sum(downloads) as n from activity_days'),
  };
}

describe.each(DIALECTS)('demo year (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    await createDemoOrganisation(t.deps);
  });
  afterAll(async () => t.close());

  it('grows from two pilot teams to most of the organisation, with holiday dips', async () => {
    const { db } = t.deps;
    const first = await activePeople(db, dayAfter(0), dayAfter(29));
    const last = await activePeople(db, dayAfter(335), TODAY);
    const { n: people } = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(first.size).toBeGreaterThanOrEqual(5);
    expect(first.size).toBeLessThanOrEqual(18);
    expect(last.size).toBeGreaterThanOrEqual(first.size + 20);
    expect(last.size).toBeLessThanOrEqual(Number(people));
    // In the first month only the pilot teams use Kantine.
    const pilots = await db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select('group_members.user_id')
      .where('groups.name', 'in', ['Team Support', 'Team Projekte'])
      .execute();
    const pilotIds = new Set(pilots.map((p) => p.user_id));
    expect([...first].every((id) => pilotIds.has(id))).toBe(true);
    // After the rollout (day 88) everyone may join: the fourth month has many more people.
    const second = await activePeople(db, dayAfter(30), dayAfter(59));
    const fourth = await activePeople(db, dayAfter(95), dayAfter(124));
    expect(fourth.size).toBeGreaterThanOrEqual(second.size + 10);
    // Summer holidays: fewer visits in August than in June; hardly any around Christmas.
    const visits = async (from: string, to: string) =>
      Number(
        (
          await db
            .selectFrom('activity_days')
            .select((eb) => eb.fn.sum<number>('visited').as('n'))
            .where('day', '>=', from)
            .where('day', '<=', to)
            .executeTakeFirstOrThrow()
        ).n ?? 0,
      );
    expect(await visits('2026-08-01', '2026-08-31')).toBeLessThan(
      0.85 * (await visits('2026-06-01', '2026-06-30')),
    );
    expect(await visits('2025-12-24', '2026-01-01')).toBeLessThan(
      0.5 * (await visits('2026-01-12', '2026-01-20')),
    );
    expect(await count(db, 'posts')).toBeGreaterThanOrEqual(1500);
    expect(await count(db, 'comments')).toBeGreaterThanOrEqual(3000);
    expect(await count(db, 'reactions')).toBeGreaterThanOrEqual(8000);
  });

  it('questions every week, answered faster and more often as the year goes on', async () => {
    const { db } = t.deps;
    const qs = await db.selectFrom('questions').selectAll().execute();
    const quarter = (from: number, to: number) =>
      qs.filter(
        (q) =>
          q.asked_at >= `${dayAfter(from)}T00:00:00.000Z` &&
          q.asked_at < `${dayAfter(to)}T00:00:00.000Z`,
      );
    const hours = (list: typeof qs) =>
      list
        .filter((q) => q.first_answer_at)
        .map((q) => (Date.parse(q.first_answer_at!) - Date.parse(q.asked_at)) / 3_600_000);
    const q1 = quarter(0, 91);
    const q4 = quarter(274, 365);
    expect(q1.length).toBeGreaterThanOrEqual(10);
    expect(median(hours(q1))).toBeGreaterThan(12);
    expect(median(hours(q4))).toBeLessThan(6);
    expect(median(hours(q4))).toBeLessThan(median(hours(q1)));
    const rate = (list: typeof qs, f: (q: (typeof qs)[number]) => boolean) =>
      list.filter(f).length / list.length;
    expect(rate(q4, (q) => q.first_answer_at !== null)).toBeGreaterThan(
      rate(q1, (q) => q.first_answer_at !== null) - 0.02,
    );
    expect(rate(q4, (q) => q.accepted_comment_id !== null)).toBeGreaterThan(
      rate(q1, (q) => q.accepted_comment_id !== null),
    );
    // A few stay open for good; none waits with its target passed unnoticed.
    const weekAgo = new Date(NOW.getTime() - 7 * DAY).toISOString();
    const open = qs.filter((q) => q.first_answer_at === null && q.asked_at < weekAgo);
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(open.length).toBeLessThan(qs.length * 0.15);
    for (let week = 0; week < 52; week++) {
      expect(quarter(week * 7, week * 7 + 7).length, `week ${week}`).toBeGreaterThan(0);
    }
  });

  it('success stories, customer voices, pain points and a campaign, each with its meaning', async () => {
    const { db } = t.deps;
    for (const [tag, meaning] of TAG_MEANINGS) {
      const h = await db
        .selectFrom('hashtags')
        .select(['meaning', 'created_at'])
        .where('tag', '=', tag)
        .executeTakeFirstOrThrow();
      expect(h.meaning).toBe(meaning);
      const posts = await db
        .selectFrom('post_hashtags')
        .innerJoin('posts', 'posts.id', 'post_hashtags.post_id')
        .select('posts.created_at')
        .where('post_hashtags.tag', '=', tag)
        .where('posts.created_at', '>=', START.toISOString())
        .execute();
      const months = new Set(posts.map((p) => p.created_at.slice(0, 7)));
      if (meaning === 'campaign') {
        // A few weeks only.
        const times = posts.map((p) => Date.parse(p.created_at));
        expect(posts.length).toBeGreaterThanOrEqual(8);
        expect(Math.max(...times) - Math.min(...times)).toBeLessThan(35 * DAY);
      } else {
        expect(posts.length, tag).toBeGreaterThanOrEqual(12);
        expect(months.size, tag).toBeGreaterThanOrEqual(10);
      }
      // The hashtag exists since its first use.
      expect(h.created_at <= posts.map((p) => p.created_at).sort()[0]!).toBe(true);
    }
  });

  it('documents are reused by other teams over the year', async () => {
    const { db } = t.deps;
    const reuses = await db
      .selectFrom('document_reuses')
      .innerJoin('documents', 'documents.id', 'document_reuses.document_id')
      .select(['document_reuses.source', 'document_reuses.created_at', 'documents.owner_id'])
      .execute();
    expect(reuses.length).toBeGreaterThanOrEqual(40);
    expect(new Set(reuses.map((r) => r.created_at.slice(0, 7))).size).toBeGreaterThanOrEqual(8);
    const teams = await db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.user_id', 'group_members.group_id'])
      .where('groups.kind', '=', 'team')
      .execute();
    const teamsOf = (id: string) =>
      new Set(teams.filter((m) => m.user_id === id).map((m) => m.group_id));
    for (const r of reuses.filter((x) => x.source.startsWith('user:'))) {
      const mine = teamsOf(r.owner_id);
      expect([...teamsOf(r.source.slice(5))].some((g) => mine.has(g))).toBe(false);
    }
    const counted = await db
      .selectFrom('documents')
      .select((eb) => eb.fn.sum<number>('reuse_count').as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(reuses.length);
  });

  it('activity_days equals a recount from the raw tables, and the rollup covers the year', async () => {
    const { db } = t.deps;
    const recount = new Map<string, Record<string, number>>();
    for (const [table, who, column] of [
      ['posts', 'author_id', 'posts'],
      ['comments', 'author_id', 'comments'],
      ['reactions', 'user_id', 'reactions'],
      ['document_versions', 'uploaded_by', 'documents'],
    ] as const) {
      const rows = await sql<{ who: string; day: string; n: number }>`
        select ${sql.ref(who)} as who, substr(created_at, 1, 10) as day, count(*) as n
        from ${sql.table(table)} group by ${sql.ref(who)}, substr(created_at, 1, 10)`.execute(db);
      for (const r of rows.rows) {
        // The system account that posts approved anonymous pain points is no person: its
        // activity is never kept (painpoints.moderation.ts).
        if (SYSTEM_USER_IDS.includes(r.who)) continue;
        const key = `${r.who} ${r.day}`;
        recount.set(key, { ...recount.get(key), [column]: Number(r.n) });
      }
    }
    const days = await db.selectFrom('activity_days').selectAll().execute();
    expect(days.filter((d) => SYSTEM_USER_IDS.includes(d.user_id))).toEqual([]);
    for (const d of days) {
      const r = recount.get(`${d.user_id} ${d.day}`) ?? {};
      expect([d.posts, d.comments, d.reactions, d.documents], `${d.user_id} ${d.day}`).toEqual([
        r.posts ?? 0,
        r.comments ?? 0,
        r.reactions ?? 0,
        r.documents ?? 0,
      ]);
      recount.delete(`${d.user_id} ${d.day}`);
    }
    expect([...recount.keys()]).toEqual([]);
    // Downloads are the documents' download counts.
    const downloads = await db
      .selectFrom('documents')
      .select((eb) => eb.fn.sum<number>('download_count').as('n'))
      .executeTakeFirstOrThrow();
    expect(days.reduce((s, d) => s + d.downloads, 0)).toBe(Number(downloads.n));

    // Whoever did something that day visited; visits are mostly on weekdays.
    expect(
      days.filter((d) => d.day <= TODAY && d.posts + d.comments + d.reactions > 0 && !d.visited),
    ).toEqual([]);
    const visits = days.filter(
      (d) => d.visited && d.day >= START.toISOString().slice(0, 10) && d.day <= TODAY,
    );
    expect(days.filter((d) => d.visited && d.day > TODAY)).toEqual([]);
    const weekdays = visits.filter((d) => ![0, 6].includes(new Date(d.day).getUTCDay()));
    expect(weekdays.length / visits.length).toBeGreaterThan(0.9);
    // last_seen_at is the day of the last visit.
    const users = await db.selectFrom('users').select(['id', 'last_seen_at']).execute();
    for (const u of users) {
      const mine = visits.filter((d) => d.user_id === u.id).map((d) => d.day);
      const lastDay = mine.sort().at(-1) ?? null;
      expect(u.last_seen_at?.slice(0, 10) ?? null, u.id).toBe(lastDay);
      if (u.last_seen_at) expect(u.last_seen_at <= NOW.toISOString()).toBe(true);
    }

    // The rollup: every day of the year, final for past days, equal to activity_days.
    const totals = await db
      .selectFrom('activity_totals')
      .selectAll()
      .where('day', '>=', dayAfter(0))
      .where('day', '<=', TODAY)
      .orderBy('day')
      .execute();
    expect(totals.length).toBe(365);
    for (const tot of totals) {
      const of = days.filter((d) => d.day === tot.day);
      expect([tot.active, tot.visitors, tot.posts, tot.comments, tot.reactions], tot.day).toEqual([
        of.length,
        of.filter((d) => d.visited).length,
        of.reduce((s, d) => s + d.posts, 0),
        of.reduce((s, d) => s + d.comments, 0),
        of.reduce((s, d) => s + d.reactions, 0),
      ]);
    }
  });

  it('people of other departments join the conversation', async () => {
    const { db } = t.deps;
    const rows = await db
      .selectFrom('comments')
      .innerJoin('posts', 'posts.id', 'comments.post_id')
      .innerJoin('users as a', 'a.id', 'posts.author_id')
      .innerJoin('users as c', 'c.id', 'comments.author_id')
      .select(['a.department as postDept', 'c.department as commentDept'])
      .whereRef('comments.author_id', '!=', 'posts.author_id')
      .execute();
    const across = rows.filter((r) => r.postDept !== r.commentDept).length;
    expect(across / rows.length).toBeGreaterThan(0.3);
  });

  it('what is said in the confidential groups stays there, and only their members take part', async () => {
    const { db } = t.deps;
    const groups = await db
      .selectFrom('groups')
      .select(['id', 'name', 'visibility'])
      .where('visibility', '!=', 'public')
      .execute();
    expect(groups.map((g) => g.name).sort()).toEqual(['Führungskreis', 'Projekt Polarstern']);
    const keyOf: Record<string, string> = {
      Führungskreis: 'fuehrungskreis',
      'Projekt Polarstern': 'polarstern',
    };
    const privateTexts = Object.values(PRIVATE_POSTS).flat();
    for (const g of groups) {
      const key = keyOf[g.name]!;
      const allowed = new Set([
        ...PRIVATE_POSTS[key]!,
        ...DEMO_POSTS.filter((p) => p.group === key).map((p) => cleanText(p.body)),
        ...DEMO_DOCUMENTS.flatMap((d) => d.posts ?? [])
          .filter((p) => p.group === key)
          .map((p) => cleanText(p.body)),
      ]);
      const members = new Set(
        (
          await db
            .selectFrom('group_members')
            .select('user_id')
            .where('group_id', '=', g.id)
            .execute()
        ).map((m) => m.user_id),
      );
      const posts = await db.selectFrom('posts').selectAll().where('group_id', '=', g.id).execute();
      expect(posts.length).toBeGreaterThanOrEqual(3);
      for (const p of posts) {
        expect(allowed.has(p.body), p.body).toBe(true);
        expect(members.has(p.author_id)).toBe(true);
      }
      const ids = posts.map((p) => p.id);
      const comments = await db
        .selectFrom('comments')
        .selectAll()
        .where('post_id', 'in', ids)
        .execute();
      const reactions = await db
        .selectFrom('reactions')
        .selectAll()
        .where('post_id', 'in', ids)
        .execute();
      for (const x of [...comments.map((c) => c.author_id), ...reactions.map((r) => r.user_id)])
        expect(members.has(x)).toBe(true);
    }
    // Their texts appear nowhere else.
    const outside = await db
      .selectFrom('posts')
      .leftJoin('groups', 'groups.id', 'posts.group_id')
      .select('posts.body')
      .where((eb) =>
        eb.or([eb('groups.visibility', 'is', null), eb('groups.visibility', '=', 'public')]),
      )
      .execute();
    for (const p of outside) expect(privateTexts.some((x) => p.body.includes(x))).toBe(false);
  });

  it('has the business case: the offer process from 8 to 2 days, on track, and computed goals', async () => {
    const goals = await listGoals(t.deps.db);
    expect(goals.map((g) => g.name).sort()).toEqual([
      'Aktivierungsquote 80 %',
      'Angebotsprozess von 8 auf 2 Tage',
      'Antwortquote über 90 %',
    ]);
    const offer = goals.find((g) => g.name.startsWith('Angebotsprozess'))!;
    const values = await goalMeasurements(t.deps.db, offer, NOW);
    expect(values.length).toBeGreaterThanOrEqual(10);
    expect(values[0]!.value).toBe(8);
    expect(values.at(-1)!.value).toBeLessThan(4);
    const answers = goals.find((g) => g.name.startsWith('Antwortquote'))!;
    expect((await goalMeasurements(t.deps.db, answers, NOW)).length).toBeGreaterThan(3);
  });

  it('is the same on a second run', async () => {
    const again = await build(dialect, { now: () => NOW });
    try {
      await createDemoOrganisation(again.deps);
      expect(await figures(again.deps.db)).toEqual(await figures(t.deps.db));
    } finally {
      await again.close();
    }
  }, 60_000);
});
