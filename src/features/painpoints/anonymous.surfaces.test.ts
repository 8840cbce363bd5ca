import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from '../accounts/accounts.table.ts';
import { usersLevel } from '../analytics/levels.ts';

const NOW = new Date('2026-11-03T10:00:00.000Z');
const TODAY = '2026-11-03';
const TEXT = 'Die Stempeluhr in Halle 2 verschluckt jede dritte Buchung';
const TAG = encodeURIComponent('ärger');

/**
 * The core promise of anonymous pain points: once approved, no surface tells who sent it.
 * A person sends one, an admin approves it, and then every page and API answer that shows the
 * post, its pain point, its notifications or its figures is read by everyone involved and
 * searched for the sender's name, e-mail address and id.
 */
describe.each(DIALECTS)('anonymity on every surface (%s)', (dialect) => {
  let t: TestApp;
  let sender: User;
  let admin: User;
  let lead: User;
  let colleague: User;
  let sc: Client;
  let ac: Client;
  let lc: Client;
  let cc: Client;
  let groupId: string;
  let postId: string;
  let painPointId: string;

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    await t.deps.db
      .insertInto('hashtags')
      .values({
        tag: 'ärger',
        display: 'ärger',
        meaning: 'pain_point',
        created_at: NOW.toISOString(),
      })
      .execute();
    sender = await createUser(t.deps, {
      name: 'Zora Quellenbach',
      email: 'zora.quellenbach@example.com',
      department: 'Fertigung',
      title: 'Schichtführerin',
    });
    admin = await createAdmin(t.deps, { name: 'Mona Moderata' });
    lead = await createUser(t.deps, { name: 'Lars Leitung', department: 'Fertigung' });
    colleague = await createUser(t.deps, {
      name: 'Kai Kollege',
      email: 'kai.kollege@example.com',
      department: 'Fertigung',
    });
    await t.deps.db
      .insertInto('department_leads')
      .values({ department: 'Fertigung', user_id: lead.id, created_at: NOW.toISOString() })
      .execute();
    sc = await signedIn(t.app, sender);
    ac = await signedIn(t.app, admin);
    lc = await signedIn(t.app, lead);
    cc = await signedIn(t.app, colleague);
    const group = (
      await sc.api('POST', '/api/v1/groups', { name: 'Halle 2', visibility: 'public' })
    ).json();
    groupId = group.id;
    for (const c of [lc, cc]) await c.api('POST', `/api/v1/groups/${groupId}/members`, {});

    const before = await usersLevel(t.deps.db, NOW, TODAY);
    await sc.get('/pain-points/anonymous');
    const sent = await sc.post('/pain-points/anonymous', {
      body: `${TEXT} #ärger, sagt auch @kai.kollege`,
      department: 'Fertigung',
      groupId,
    });
    expect(sent.statusCode).toBe(303);
    const [{ id }] = (await sc.api('GET', '/api/v1/pain-points/anonymous/mine')).json().items;
    const approved = await ac.api('POST', `/api/v1/pain-points/moderation/${id}/approve`);
    expect(approved.statusCode).toBe(200);
    ({ postId, painPointId } = approved.json());
    // Someone reacts and comments: the conversation goes on without its author.
    await cc.api('POST', `/api/v1/posts/${postId}/reactions`, { type: 'like' });
    await lc.api('POST', `/api/v1/posts/${postId}/comments`, { body: 'Wir kümmern uns.' });
    const after = await usersLevel(t.deps.db, NOW, TODAY);
    // Nobody new counts as contributing (the system account is no person, and the sender
    // posted nothing); the comment and the reaction make two more people engaged.
    expect(after.contributing).toBe(before.contributing);
    expect(after.engaged).toBe(before.engaged + 2);
    expect(after.invited).toBe(before.invited);
  });
  afterAll(async () => t.close());

  const secrets = () => [sender.id, sender.name, 'Quellenbach', sender.email, 'zora.quellenbach'];
  // Lists of everybody name everybody and tell nothing: the choices of the pain point's owner
  // select (an option chosen, `selected`, is kept and would count) and a group's members (the
  // sender belongs to the group the post went to, as do others).
  const unchosen = /<option value="[^"]*">[^<]*<\/option>/g;
  const members = /<ul class="members">[\s\S]*?<\/ul>/g;
  const expectNoSender = (what: string, body: string) => {
    const text = body.replace(unchosen, '').replace(members, '');
    for (const s of secrets()) expect(text, `${what} names the sender (${s})`).not.toContain(s);
  };

  const period = `from=2026-10-01&to=${TODAY}`;
  const pages = () => [
    '/',
    `/posts/${postId}`,
    `/groups/${groupId}`,
    `/hashtags/${TAG}`,
    '/search?q=Stempeluhr',
    '/notifications',
    '/pain-points',
    `/pain-points/${painPointId}`,
    '/pain-points/moderation',
    '/admin/reports',
    `/analytics/content?${period}`,
    `/analytics/content.csv?${period}&part=painpoints`,
    `/analytics/hashtags?${period}`,
    `/analytics/users?day=${TODAY}`,
    '/people/anonymous',
  ];
  const apis = () => [
    '/api/v1/feed',
    `/api/v1/posts/${postId}`,
    `/api/v1/posts/${postId}/comments`,
    `/api/v1/groups/${groupId}/posts`,
    `/api/v1/hashtags/${TAG}`,
    `/api/v1/hashtags/${TAG}/posts`,
    '/api/v1/search?q=Stempeluhr',
    '/api/v1/notifications',
    '/api/v1/pain-points',
    `/api/v1/pain-points/${painPointId}`,
    '/api/v1/pain-points/moderation',
    '/api/v1/admin/reports',
    `/api/v1/analytics/content?${period}`,
    `/api/v1/analytics/hashtags?${period}`,
    '/api/v1/users/anonymous/posts',
  ];

  it('no page or API answer read by the admin, the lead or a colleague names the sender', async () => {
    const seen = new Map<string, number>();
    for (const [who, c] of [
      ['admin', ac],
      ['lead', lc],
      ['colleague', cc],
    ] as const) {
      for (const url of pages()) {
        const res = await c.get(url);
        expectNoSender(`${who} ${url}`, res.body);
        if (res.body.includes('Stempeluhr')) seen.set(url, (seen.get(url) ?? 0) + 1);
      }
      for (const url of apis()) {
        const res = await c.api('GET', url);
        expectNoSender(`${who} ${url}`, res.body);
        if (res.body.includes('Stempeluhr')) seen.set(url, (seen.get(url) ?? 0) + 1);
      }
    }
    // The scan read the post where it is: every viewer found it on these surfaces.
    for (const url of [
      `/posts/${postId}`,
      `/groups/${groupId}`,
      `/hashtags/${TAG}`,
      '/search?q=Stempeluhr',
      `/api/v1/posts/${postId}`,
      `/api/v1/groups/${groupId}/posts`,
      `/api/v1/hashtags/${TAG}/posts`,
      '/api/v1/search?q=Stempeluhr',
    ])
      expect(seen.get(url), url).toBe(3);
    expect((await cc.api('GET', `/api/v1/posts/${postId}`)).json().author).toEqual({
      id: 'anonymous',
      name: 'Anonymous',
    });
  });

  it('the notifications it caused name nobody', async () => {
    const leadNotes = (await lc.api('GET', '/api/v1/notifications')).json().items;
    expect(leadNotes).toContainEqual(
      expect.objectContaining({ kind: 'pain_point_new', actor: null, postId }),
    );
    const mention = (await cc.api('GET', '/api/v1/notifications')).json().items;
    expect(mention).toContainEqual(
      expect.objectContaining({ kind: 'mention', actor: { id: 'anonymous', name: 'Anonymous' } }),
    );
    expect((await cc.get('/notifications')).body).toContain('Anonymous mentioned you');
    expect((await lc.get('/notifications')).body).toContain(
      'A pain point was reported anonymously',
    );
    expect(
      await t.deps.db
        .selectFrom('notifications')
        .select('id')
        .where((eb) => eb.or([eb('actor_id', '=', sender.id), eb('user_id', '=', sender.id)]))
        .execute(),
    ).toEqual([]);
  });

  it('the sender’s own profile, posts, search and account show nothing of it', async () => {
    for (const c of [ac, cc]) {
      const profile = await c.get(`/people/${sender.id}`);
      expect(profile.statusCode).toBe(200);
      expect(profile.body).not.toContain('Stempeluhr');
      const posts = await c.api('GET', `/api/v1/users/${sender.id}/posts`);
      expect(posts.body).not.toContain('Stempeluhr');
      const byAuthor = await c.api(
        'GET',
        `/api/v1/search?q=Stempeluhr&author=${encodeURIComponent(sender.email)}`,
      );
      expect(byAuthor.json().items).toEqual([]);
    }
    for (const url of ['/pain-points/anonymous/mine', '/notifications', `/people/${sender.id}`])
      expect((await sc.get(url)).body, url).not.toContain('Stempeluhr');
    for (const url of [
      '/api/v1/me',
      '/api/v1/notifications',
      '/api/v1/pain-points/anonymous/mine',
      `/api/v1/users/${sender.id}/posts`,
    ]) {
      const res = await sc.api('GET', url);
      expect(res.body, url).not.toContain('Stempeluhr');
      expect(res.body, url).not.toContain(postId);
    }
  });

  it('the database keeps no link from the sender to the post', async () => {
    const db = t.deps.db;
    expect(
      await db.selectFrom('pain_point_submissions').select(['author_id', 'status']).execute(),
    ).toEqual([{ author_id: null, status: 'approved' }]);
    expect(
      await db.selectFrom('posts').select('author_id').where('id', '=', postId).execute(),
    ).toEqual([{ author_id: 'anonymous' }]);
    expect(
      await db.selectFrom('posts').select('id').where('author_id', '=', sender.id).execute(),
    ).toEqual([]);
    const days = await db
      .selectFrom('activity_days')
      .select(['posts', 'comments', 'reactions'])
      .where('user_id', '=', sender.id)
      .execute();
    expect(days.every((d) => d.posts === 0 && d.comments === 0 && d.reactions === 0)).toBe(true);
    expect(
      await db
        .selectFrom('audit_log')
        .select('data')
        .where('target_type', '=', 'pain_point_submission')
        .execute(),
    ).toEqual([{ data: JSON.stringify({ postId }) }]);
    expect(
      await db
        .selectFrom('pain_points')
        .select(['anonymous', 'department'])
        .where('id', '=', painPointId)
        .execute(),
    ).toEqual([{ anonymous: 1, department: 'Fertigung' }]);
  });
});
