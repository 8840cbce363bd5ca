import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.ts';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { activityRow } from '../../../test/activity.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

interface ActivityItem {
  period: string;
  posts: number | null;
  comments: number | null;
  active: number | null;
}

describe.each(DIALECTS)('analytics dashboard (%s)', (dialect) => {
  let t: TestApp;
  const now = Date.parse('2026-11-28T10:00:00Z');
  let admin: Client;
  let member: Client;

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    const m = await createUser(t.deps, { name: 'Mo Mitglied' });
    member = await signedIn(t.app, m);
    // Week of 2026-11-09: 4 people post (below k = 5). Week of 2026-11-16: exactly 5 post,
    // and 2 of them also comment (below k).
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await createUser(t.deps, { name: `P${i}` }));
    for (const p of people.slice(0, 4))
      await activityRow(t.deps.db, p, '2026-11-10', { posts: 1 }, 1);
    for (const p of people) await activityRow(t.deps.db, p, '2026-11-17', { posts: 2 }, 1);
    for (const p of people.slice(0, 2))
      await activityRow(t.deps.db, p, '2026-11-18', { comments: 1 }, 1);
  });
  afterAll(async () => t.close());

  const period = 'from=2026-11-09&to=2026-11-22&grain=week';

  it('is for admins only', async () => {
    expect((await member.request({ method: 'GET', url: '/analytics' })).statusCode).toBe(403);
    expect((await member.api('GET', '/api/v1/analytics/users')).statusCode).toBe(403);
    expect((await member.api('GET', `/api/v1/analytics/activity?${period}`)).statusCode).toBe(403);
    expect(
      (await member.request({ method: 'GET', url: '/analytics/activity.csv' })).statusCode,
    ).toBe(403);
  });

  it('shows a figure at k people and hides it below k, in the API', async () => {
    const res = await admin.api('GET', `/api/v1/analytics/activity?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: ActivityItem[]; k: number };
    expect(body.k).toBe(5);
    const [w1, w2] = body.items;
    expect(w1).toMatchObject({ period: '2026-11-09', posts: null, active: null });
    expect(w2).toMatchObject({ period: '2026-11-16', posts: 10, comments: null, active: 5 });
  });

  it('renders the dashboard with definitions, an SVG chart and its table, without JavaScript', async () => {
    const page = await admin.request({ method: 'GET', url: `/analytics/activity?${period}` });
    expect(page.statusCode).toBe(200);
    const users = await admin.request({ method: 'GET', url: '/analytics/users?day=2026-11-20' });
    expect(users.body).toContain('Accounts that are not deactivated');
    expect(users.body).toContain('As of 2026-11-20');
    const unknown = await admin.request({ method: 'GET', url: '/analytics/users?groupId=nope' });
    expect(unknown.body).toContain('There is no such group, or you may not see it.');
    const overview = await admin.request({ method: 'GET', url: `/analytics?${period}` });
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('At a glance');
    expect(overview.body).toMatch(/active in 28 days of 7 invited/);
    expect(overview.body).toContain('No business goals yet.');
    expect(overview.body).toContain('<caption>Posts, comments and reactions</caption>');
    expect(page.body).toMatch(/<svg[^>]*role="img"/);
    expect(page.body).toContain('<caption>Posts, comments and reactions</caption>');
    expect(page.body).toContain('fewer than 5');
    expect(page.body).toContain(`/analytics/activity.csv?${period.replace(/&/g, '&amp;')}`);
    // A bad date is named, and the default period is shown instead.
    const bad = await admin.request({ method: 'GET', url: '/analytics/activity?from=9.11.2026' });
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Enter a date as YYYY-MM-DD.');
    const api = await admin.api('GET', '/api/v1/analytics/activity?from=2026-11-22&to=2026-11-01');
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({ errors: [{ field: 'to', code: 'invalid_period' }] });
  });

  it('filters activity by a group: its members only, in the page, the CSV and the API', async () => {
    const people = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('name', 'in', ['P0', 'P1', 'P2', 'P3', 'P4'])
      .orderBy('name')
      .execute();
    const groupId = newId();
    const at = '2026-11-01T00:00:00.000Z';
    await t.deps.db
      .insertInto('groups')
      .values({
        id: groupId,
        name: 'Fünfer',
        name_key: 'fuenfer',
        description: '',
        member_count: 5,
        visibility: 'public',
        kind: 'team',
        created_at: at,
        updated_at: at,
      })
      .execute();
    // P0 … P3 are members: their 8 posts in the second week, by 4 people, below k.
    for (const p of people.slice(0, 4)) {
      await t.deps.db
        .insertInto('group_members')
        .values({ group_id: groupId, user_id: p.id, role: 'member', joined_at: at })
        .execute();
    }
    const res = await admin.api('GET', `/api/v1/analytics/activity?${period}&groupId=${groupId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: ActivityItem[]; groupId: string };
    expect(body.groupId).toBe(groupId);
    expect(body.items[1]).toMatchObject({ period: '2026-11-16', posts: null, active: null });
    await t.deps.db
      .insertInto('group_members')
      .values({ group_id: groupId, user_id: people[4]!.id, role: 'member', joined_at: at })
      .execute();
    const five = await admin.api('GET', `/api/v1/analytics/activity?${period}&groupId=${groupId}`);
    expect((five.json() as { items: ActivityItem[] }).items[1]).toMatchObject({ posts: 10 });
    const page = await admin.request({
      method: 'GET',
      url: `/analytics/activity?${period}&groupId=${groupId}`,
    });
    expect(page.body).toContain('the activity of its current members');
    expect(page.body).toContain(`groupId=${groupId}`);
    const csv = await admin.request({
      method: 'GET',
      url: `/analytics/activity.csv?${period}&groupId=${groupId}`,
    });
    expect(csv.body.split('\r\n')[2]!.split(',').slice(0, 2)).toEqual(['2026-11-16', '10']);
    const unknown = await admin.api('GET', `/api/v1/analytics/activity?${period}&groupId=nope`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ field: 'groupId', code: 'unknown_group' }] });
  });

  it('exports exactly the shown figures as CSV', async () => {
    const res = await admin.request({ method: 'GET', url: `/analytics/activity.csv?${period}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'period,posts,comments,reactions,documents,downloads,visitors,active_people,engagement_index',
    );
    // Nothing happened reveals no one: no comments that week is shown as 0.
    expect(lines[1]!.split(',').slice(0, 3)).toEqual(['2026-11-09', '<5', '0']);
    expect(lines[2]!.split(',').slice(0, 3)).toEqual(['2026-11-16', '10', '<5']);
  });

  it('gives the overview in the API, with the activity of the period and hidden cells as null', async () => {
    const res = await admin.api('GET', `/api/v1/analytics/overview?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      k: number;
      users: { invited: number };
      activity: { posts: number | null; comments: number | null };
      goals: unknown[];
    };
    expect(body.k).toBe(5);
    expect(body.users.invited).toBe(7);
    // Week 1's posts rest on 4 people (hidden), so the period's sum is not shown either.
    expect(body.activity).toMatchObject({ posts: null, comments: null });
    expect(body.goals).toEqual([]);
    expect((await member.api('GET', '/api/v1/analytics/overview')).statusCode).toBe(403);
    const bad = await admin.api('GET', '/api/v1/analytics/overview?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
  });

  it('gives the users level', async () => {
    const res = await admin.api('GET', '/api/v1/analytics/users');
    expect(res.statusCode, res.body).toBe(200);
    // Seven accounts (the admin, the member, five people); the two who signed in were seen.
    expect(res.json()).toMatchObject({ day: '2026-11-27', invited: 7 });
  });
});
