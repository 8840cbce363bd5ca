import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { Db } from '../../db/connect.ts';
import { ulid } from 'ulid';
import { newId } from '../../lib/ids.ts';
import type { User } from '../accounts/accounts.table.ts';
import { setSetting } from '../admin/settings.ts';

async function post(db: Db, author: User, at: string, tag: string, groupId: string | null) {
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
  await db.insertInto('post_hashtags').values({ tag, post_id: id, group_id: groupId }).execute();
}

/*
 * Period 2026-11-01 … 2026-11-30 per month, k = 5. Six people in Sales post #wasderkundefindet
 * (customer voice) org-wide; five people without a department post #ärger (pain point) in a
 * private group the member is not in, and four in Sales post #ärger org-wide.
 * Admin: customer voice 6, pain point 9 (5 + 4 people). Member: customer voice 6, pain point
 * fewer than k (only the 4 org-wide posts).
 */
describe.each(DIALECTS)('hashtag KPI pages (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let member: Client;
  let secret: string;
  const now = new Date('2026-11-28T10:00:00Z');
  const q = 'from=2026-11-01&to=2026-11-30&grain=month';

  beforeAll(async () => {
    t = await build(dialect, { now: () => now });
    const db = t.deps.db;
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Mo Mitglied' }));
    for (const [tag, meaning] of [
      ['wasderkundefindet', 'customer_voice'],
      ['ärger', 'pain_point'],
    ] as const) {
      await db
        .insertInto('hashtags')
        .values({ tag, display: tag, meaning, created_at: now.toISOString() })
        .execute();
    }
    secret = newId();
    await db
      .insertInto('groups')
      .values({
        id: secret,
        name: 'Geheimprojekt',
        name_key: 'geheimprojekt',
        description: '',
        visibility: 'private',
        kind: 'team',
        member_count: 5,
        created_by: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    for (let i = 0; i < 6; i++) {
      const p = await createUser(t.deps, { department: 'Sales' });
      await post(db, p, '2026-11-03T09:00:00.000Z', 'wasderkundefindet', null);
      if (i < 4) await post(db, p, '2026-11-04T09:00:00.000Z', 'ärger', null);
    }
    for (let i = 0; i < 5; i++) {
      const p = await createUser(t.deps);
      await db
        .insertInto('group_members')
        .values({ group_id: secret, user_id: p.id, role: 'member', joined_at: now.toISOString() })
        .execute();
      await post(db, p, '2026-11-05T09:00:00.000Z', 'ärger', secret);
    }
  });
  afterAll(async () => t.close());

  it('is for admins while the audience is admins', async () => {
    expect((await member.get(`/analytics/hashtags?${q}`)).statusCode).toBe(403);
    expect((await member.get(`/analytics/hashtags.csv?${q}`)).statusCode).toBe(403);
    expect((await member.api('GET', `/api/v1/analytics/hashtags?${q}`)).statusCode).toBe(403);
  });

  it('renders the page without JavaScript: chart, tables, links, definitions', async () => {
    const res = await admin.get(`/analytics/hashtags?${q}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<caption>Posts per meaning over time</caption>');
    expect(html).toContain('<caption>Per hashtag</caption>');
    expect(html).toContain('<caption>By department</caption>');
    expect(html).toContain('How is this counted?');
    expect(html).toContain('href="/hashtags/wasderkundefindet"');
    expect(html).toContain(`href="/hashtags/${encodeURIComponent('ärger')}"`);
    expect(html).toContain('No department given');
    expect(html).toContain('/analytics/hashtags.csv?from=2026-11-01&amp;to=2026-11-30');
    expect(html).toContain('Geheimprojekt');
    // The figures need no script: none inside the page's main content.
    expect(html.slice(html.indexOf('<main'))).not.toMatch(/<script/);
    expect(html).toContain('Customer voice: 6 in 2026-11. Pain point: 9 in 2026-11.');
  });

  it('shows a bad date beside the field, keeping what was typed', async () => {
    const res = await admin.get('/analytics/hashtags?from=3.11.2026');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter a date as YYYY-MM-DD.');
    expect(res.body).toContain('value="3.11.2026"');
  });

  it('answers the API with the figures, null where fewer than k', async () => {
    const res = await admin.api('GET', `/api/v1/analytics/hashtags?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      k: 5,
      from: '2026-11-01',
      to: '2026-11-30',
      grain: 'month',
      groupId: null,
      meanings: ['success_story', 'customer_voice', 'pain_point', 'campaign'],
      series: [
        { period: '2026-11', success_story: 0, customer_voice: 6, pain_point: 9, campaign: 0 },
      ],
      hashtags: [
        {
          tag: 'wasderkundefindet',
          display: 'wasderkundefindet',
          meaning: 'customer_voice',
          aliases: [],
          posts: 6,
        },
        { tag: 'ärger', display: 'ärger', meaning: 'pain_point', aliases: [], posts: 9 },
      ],
      // Sales × pain point rests on 4 people: hidden. Worked out by hand with the rules of
      // privacy.ts, the cells that would give it away go too: Sales × customer voice, then the
      // customer voice and pain point totals (one cycle through the totals row), then the
      // second row's pain point and total and the Sales total (a cycle through the totals
      // column). What remains shown determines no hidden figure.
      departments: {
        rows: [
          { department: 'Sales', cells: [0, null, null, 0], total: null },
          { department: '', cells: [0, 0, null, 0], total: null },
        ],
        totals: [0, null, null, 0],
        grandTotal: 15,
      },
    });
    const bad = await admin.api('GET', '/api/v1/analytics/hashtags?from=2026-11-30&to=2026-11-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ field: 'to', code: 'invalid_period' }] });
    const date = await admin.api('GET', '/api/v1/analytics/hashtags?from=yesterday');
    expect(date.statusCode).toBe(400);
    expect(date.json()).toMatchObject({ errors: [{ field: 'from', code: 'invalid_period' }] });
  });

  it('exports each table as CSV, with <k for hidden figures', async () => {
    const lines = async (table: string) => {
      const res = await admin.get(`/analytics/hashtags.csv?${q}&part=${table}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      return res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
    };
    expect(await lines('series')).toEqual([
      'period,success_story,customer_voice,pain_point,campaign',
      '2026-11,0,6,9,0',
    ]);
    expect(await lines('hashtags')).toEqual([
      'hashtag,meaning,posts',
      'wasderkundefindet,customer_voice,6',
      'ärger,pain_point,9',
    ]);
    expect(await lines('departments')).toEqual([
      'department,success_story,customer_voice,pain_point,campaign,total',
      'Sales,0,<5,<5,0,<5',
      'No department given,0,0,<5,0,<5',
      'total,0,<5,<5,0,15',
    ]);
    const bad = await admin.get(`/analytics/hashtags.csv?${q}&part=people`);
    expect(bad.statusCode).toBe(400);
    expect((await admin.get('/analytics/hashtags.csv?to=30.11.2026')).statusCode).toBe(400);
  });

  it('counts for members only what they may see once the audience is members', async () => {
    await setSetting(t.deps.db, 'analytics.audience', 'members', now);
    try {
      const res = await member.api('GET', `/api/v1/analytics/hashtags?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        series: Record<string, unknown>[];
        hashtags: { tag: string; posts: number | null }[];
        departments: { rows: { department: string }[] };
      };
      // The private group's five posts are not counted: four org-wide posts, below k.
      expect(body.series[0]).toMatchObject({ customer_voice: 6, pain_point: null });
      expect(body.hashtags.find((h) => h.tag === 'ärger')!.posts).toBeNull();
      expect(body.departments.rows.map((r) => r.department)).toEqual(['Sales']);
      const page = await member.get(`/analytics/hashtags?${q}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('Geheimprojekt');
      // Filtering by a group they may not see is an error naming the field.
      const hidden = await member.api('GET', `/api/v1/analytics/hashtags?${q}&groupId=${secret}`);
      expect(hidden.statusCode).toBe(400);
      expect(hidden.json()).toMatchObject({ errors: [{ field: 'groupId' }] });
      const form = await member.get(`/analytics/hashtags?${q}&groupId=${secret}`);
      expect(form.statusCode).toBe(400);
      expect(form.body).toContain('There is no such group, or you may not see it.');
    } finally {
      await setSetting(t.deps.db, 'analytics.audience', 'admins', now);
    }
  });

  it('documents both APIs in OpenAPI', async () => {
    const doc = (await admin.get('/api/v1/openapi.json')).json() as {
      paths: Record<string, { get?: { tags?: string[]; responses: Record<string, unknown> } }>;
    };
    const hashtags = doc.paths['/api/v1/analytics/hashtags']!.get!;
    expect(hashtags.tags).toEqual(['analytics']);
    expect(Object.keys(hashtags.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403']),
    );
    expect(doc.paths['/api/v1/me/impact']!.get!.tags).toEqual(['analytics']);
  });

  it('answers 404 when analytics is switched off', async () => {
    await setSetting(t.deps.db, 'analytics.enabled', false, now);
    try {
      expect((await admin.get(`/analytics/hashtags?${q}`)).statusCode).toBe(404);
      expect((await admin.api('GET', `/api/v1/analytics/hashtags?${q}`)).statusCode).toBe(404);
    } finally {
      await setSetting(t.deps.db, 'analytics.enabled', true, now);
    }
  });
});
