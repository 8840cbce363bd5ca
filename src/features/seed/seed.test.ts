import { sql } from 'kysely';
import { decodeTime } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { extractHashtags, extractMentions } from '../hashtags/hashtags.parse.ts';
import { renderMarkdown } from '../posts/markdown.ts';
import { resolveMentions } from '../posts/posts.queries.ts';
import {
  SEED_PASSWORD,
  seedInfo,
  seedOrganisation,
  seedRefusal,
  seedReport,
  type Scale,
} from './seed.ts';

const TINY: Scale = {
  people: 60,
  groups: 8,
  posts: 600,
  interactions: 1_800,
  tags: 40,
  announcements: 3,
};

// SQLite generates on a worker thread, as the command does; PostgreSQL on this one.
describe.each(DIALECTS)('kantine seed (%s)', (dialect) => {
  let t: TestApp;
  const progress: string[] = [];

  beforeAll(async () => {
    t = await build(dialect);
    await seedOrganisation(t.deps, TINY, (line) => progress.push(line), {
      thread: dialect === 'sqlite',
    });
  }, 120_000);
  afterAll(async () => t?.close());

  const count = async (
    table:
      'users' | 'groups' | 'posts' | 'comments' | 'reactions' | 'search_items' | 'search_queue',
  ) =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('makes the people, groups and posts of the scale, and about its comments and reactions', async () => {
    // The people, and the system account of migration 0020.
    expect(await count('users')).toBe(TINY.people + 1);
    expect(await count('groups')).toBe(TINY.groups);
    expect(await count('posts')).toBe(TINY.posts);
    const interactions = (await count('comments')) + (await count('reactions'));
    expect(interactions).toBeGreaterThan(TINY.interactions * 0.6);
    expect(interactions).toBeLessThan(TINY.interactions * 1.4);
    // A line per 5 % of the posts, then the documents'.
    const postLines = progress.filter(
      (l) => !l.startsWith('seed: documents') && !l.startsWith('seed: search index'),
    );
    expect(postLines.length).toBe(20);
    expect(postLines.at(-1)).toMatch(/100 % · 600 posts · [\d,]+ rows · [\d,]+ rows\/s/);
    const info = (await seedInfo(t.deps.db))!;
    expect(info.scale).toBe('custom');
    expect(info.rows.posts).toBe(TINY.posts);
    // Every post and comment is in the search index, and nothing is left queued.
    expect(await count('search_items')).toBeGreaterThanOrEqual(
      (await count('posts')) + (await count('comments')),
    );
    expect(await count('search_queue')).toBe(0);
    expect(seedReport(info, 'http://x')).toContain(`password for everyone: ${SEED_PASSWORD}`);
  });

  it('keeps every counter consistent with the rows', async () => {
    const { db } = t.deps;
    const badComments = await db
      .selectFrom('posts')
      .select('id')
      .where(
        'comment_count',
        '!=',
        (eb) =>
          eb
            .selectFrom('comments')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('comments.post_id', '=', 'posts.id') as never,
      )
      .execute();
    expect(badComments).toEqual([]);
    const posts = await db
      .selectFrom('posts')
      .select(['id', 'reaction_count', 'reaction_counts'])
      .execute();
    const reactions = await db.selectFrom('reactions').select(['post_id', 'type']).execute();
    const byPost = new Map<string, Record<string, number>>();
    for (const r of reactions) {
      const c = byPost.get(r.post_id) ?? {};
      c[r.type] = (c[r.type] ?? 0) + 1;
      byPost.set(r.post_id, c);
    }
    for (const p of posts) {
      const c = byPost.get(p.id) ?? {};
      expect(JSON.parse(p.reaction_counts), p.id).toEqual(c);
      expect(p.reaction_count).toBe(Object.values(c).reduce((a, b) => a + b, 0));
    }
    const groups = await db
      .selectFrom('groups')
      .select(['id', 'member_count', 'visibility', 'kind'])
      .execute();
    const members = await db.selectFrom('group_members').select(['group_id', 'role']).execute();
    for (const g of groups) {
      const mine = members.filter((m) => m.group_id === g.id);
      expect(g.member_count).toBe(mine.length);
      expect(mine.some((m) => m.role === 'owner')).toBe(true);
    }
    expect(new Set(groups.map((g) => g.visibility))).toEqual(
      new Set(['public', 'private', 'secret']),
    );
    expect(new Set(groups.map((g) => g.kind))).toEqual(new Set(['team', 'community']));
  });

  it('stores the hashtags, mentions and HTML the app would derive from each body', async () => {
    const { db } = t.deps;
    const posts = await db.selectFrom('posts').selectAll().orderBy('id').execute();
    const tags = await db.selectFrom('post_hashtags').selectAll().execute();
    const mentions = await db.selectFrom('post_mentions').selectAll().execute();
    let mentioned = 0;
    for (const p of posts) {
      const mine = tags.filter((x) => x.post_id === p.id);
      expect(mine.map((x) => x.tag).sort(), p.body).toEqual(extractHashtags(p.body).sort());
      for (const x of mine) expect(x.group_id).toBe(p.group_id);
      const targets = await resolveMentions(db, extractMentions(p.body));
      expect(
        mentions
          .filter((m) => m.post_id === p.id)
          .map((m) => m.user_id)
          .sort(),
      ).toEqual([...new Set([...targets.values()].map((m) => m.id))].sort());
      expect(p.html).toBe(renderMarkdown(p.body, targets));
      mentioned += targets.size > 0 ? 1 : 0;
      // ULIDs that carry the post's time, so id order is time order.
      expect(new Date(decodeTime(p.id)).toISOString()).toBe(p.created_at);
    }
    expect(mentioned).toBeGreaterThan(posts.length * 0.05);
    const used = await db.selectFrom('hashtags').select(['tag', 'display', 'meaning']).execute();
    const onDocuments = await db.selectFrom('document_hashtags').select('tag').execute();
    expect(new Set(used.map((h) => h.tag))).toEqual(
      new Set([...tags.map((x) => x.tag), ...onDocuments.map((x) => x.tag)]),
    );
    expect(used.find((h) => h.tag === 'ärger')).toMatchObject({
      display: 'Ärger',
      meaning: 'pain_point',
    });
    // Hashtags are written after their posts, with their meaning: every #ärger post is filed.
    const tagged = await db
      .selectFrom('post_hashtags')
      .select('post_id')
      .where('tag', '=', 'ärger')
      .execute();
    const filed = await db.selectFrom('pain_points').select(['post_id', 'status']).execute();
    expect(tagged.length).toBeGreaterThan(0);
    expect(filed.map((f) => f.post_id).sort()).toEqual(tagged.map((x) => x.post_id).sort());
    expect(new Set(filed.map((f) => f.status))).toEqual(new Set(['new']));
    const aliases = await db.selectFrom('hashtag_aliases').selectAll().execute();
    expect(aliases).toContainEqual({ alias: 'aerger', tag: 'ärger' });
    expect(posts.filter((p) => p.kind === 'announcement')).toHaveLength(TINY.announcements);
  });

  it('writes comments in time order, replies one level deep, readers only in closed groups', async () => {
    const { db } = t.deps;
    const comments = await db.selectFrom('comments').selectAll().orderBy('id').execute();
    const byId = new Map(comments.map((c) => [c.id, c]));
    for (const c of comments) {
      expect(new Date(decodeTime(c.id)).toISOString()).toBe(c.created_at);
      if (!c.parent_id) continue;
      const parent = byId.get(c.parent_id)!;
      expect(parent.post_id).toBe(c.post_id);
      expect(parent.parent_id).toBeNull();
      expect(parent.id < c.id).toBe(true);
    }
    const outsiders = await db
      .selectFrom('comments')
      .innerJoin('posts', 'posts.id', 'comments.post_id')
      .innerJoin('groups', 'groups.id', 'posts.group_id')
      .select('comments.id')
      .where('groups.visibility', '!=', 'public')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('group_members')
              .select('group_members.user_id')
              .whereRef('group_members.group_id', '=', 'groups.id')
              .whereRef('group_members.user_id', '=', 'comments.author_id'),
          ),
        ),
      )
      .execute();
    expect(outsiders).toEqual([]);
    if (dialect === 'sqlite') {
      const broken = await sql`pragma foreign_key_check`.execute(db);
      expect(broken.rows).toEqual([]);
    }
  });

  it('lets everyone sign in with the one password and shows a lively home feed', async () => {
    const info = (await seedInfo(t.deps.db))!;
    const c = new Client(t.app);
    await c.signIn(info.member.email, SEED_PASSWORD);
    const home = await c.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('class="hashtag"');
    const feed = await c.api('GET', '/api/v1/feed');
    expect(feed.statusCode).toBe(200);
    expect((feed.json() as { items: unknown[] }).items).toHaveLength(20);
    const tag = await c.get('/hashtags/%C3%A4rger');
    expect(tag.statusCode).toBe(200);
    expect(await seedRefusal(t.deps)).toMatch(/already holds an organisation \(60 people\)/);
  });
});
