import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from '../accounts/accounts.table.ts';

const NOW = new Date('2026-11-03T09:15:00.000Z');

describe.each(DIALECTS)('anonymous pain points: moderation (%s)', (dialect) => {
  let t: TestApp;
  let admin: User;
  let ac: Client;
  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    admin = await createAdmin(t.deps, { name: 'Mona Moderata' });
    ac = await signedIn(t.app, admin);
  });
  afterAll(async () => t.close());

  const db = () => t.deps.db;
  const meaning = async (tag: string, display = tag) =>
    db()
      .insertInto('hashtags')
      .values({ tag, display, meaning: 'pain_point', created_at: NOW.toISOString() })
      .onConflict((oc) => oc.column('tag').doUpdateSet({ meaning: 'pain_point' }))
      .execute();
  const submit = async (c: Client, body: Record<string, unknown>) => {
    const r = await c.api('POST', '/api/v1/pain-points/anonymous', body);
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  };
  const submission = (id: string) =>
    db()
      .selectFrom('pain_point_submissions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('is for admins only, and the queue never shows who sent a text', async () => {
    const zora = await createUser(t.deps, {
      name: 'Zora Quellenbach',
      email: 'zora.q@example.com',
      department: 'Lager',
    });
    const zc = await signedIn(t.app, zora);
    const id = await submit(zc, { body: 'Die Rampe ist vereist', department: 'Lager' });
    expect((await zc.get('/pain-points/moderation')).statusCode).toBe(403);
    expect((await zc.api('GET', '/api/v1/pain-points/moderation')).statusCode).toBe(403);
    expect((await zc.api('POST', `/api/v1/pain-points/moderation/${id}/approve`)).statusCode).toBe(
      403,
    );

    const page = await ac.get('/pain-points/moderation');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Die Rampe ist vereist');
    expect(page.body).toContain('Lager');
    const api = await ac.api('GET', '/api/v1/pain-points/moderation');
    const item = api.json().items.find((s: { id: string }) => s.id === id);
    expect(item).toEqual({
      id,
      body: 'Die Rampe ist vereist',
      department: 'Lager',
      groupId: null,
      groupName: null,
      groupVisibility: null,
      submittedOn: '2026-11-03',
    });
    for (const text of [page.body, api.body]) {
      expect(text).not.toContain(zora.id);
      expect(text).not.toContain('Quellenbach');
      expect(text).not.toContain('zora.q@example.com');
    }
  });

  it('approving writes a post by “Anonymous” into the chosen group, files the pain point for the chosen department and clears the author in the same step', async () => {
    await meaning('ärger');
    await meaning('frust');
    const poster = await signedIn(t.app, await createUser(t.deps));
    // #frust is on more posts than #ärger: it is the hashtag added.
    for (const body of ['#frust eins', '#frust zwei', '#ärger drei'])
      await poster.api('POST', '/api/v1/posts', { body });
    const u = await createUser(t.deps, { department: 'Vertrieb' });
    const uc = await signedIn(t.app, u);
    const group = (
      await uc.api('POST', '/api/v1/groups', { name: 'Innendienst', visibility: 'private' })
    ).json();
    const members = async () =>
      (
        await db()
          .selectFrom('group_members')
          .select('user_id')
          .where('group_id', '=', group.id)
          .execute()
      ).map((m) => m.user_id);
    expect(await members()).toEqual([u.id]);
    await createUser(t.deps, { department: 'Einkauf' });
    const id = await submit(uc, {
      body: 'Die Reisekosten-Abrechnung dauert **Wochen**.',
      department: 'Einkauf',
      groupId: group.id,
    });
    const res = await ac.api('POST', `/api/v1/pain-points/moderation/${id}/approve`);
    expect(res.statusCode).toBe(200);
    const { postId, painPointId } = res.json();
    expect(painPointId).toBe(`pp_${postId}`);

    const post = await db()
      .selectFrom('posts')
      .selectAll()
      .where('id', '=', postId)
      .executeTakeFirstOrThrow();
    expect(post).toMatchObject({
      author_id: 'anonymous',
      group_id: group.id,
      kind: 'post',
      body: 'Die Reisekosten-Abrechnung dauert **Wochen**.\n\n#frust',
      created_at: NOW.toISOString(),
    });
    expect(post.html).toContain('<strong>Wochen</strong>');
    const tags = await db()
      .selectFrom('post_hashtags')
      .select('tag')
      .where('post_id', '=', postId)
      .execute();
    expect(tags.map((r) => r.tag)).toEqual(['frust']);
    expect(
      await db()
        .selectFrom('pain_points')
        .selectAll()
        .where('post_id', '=', postId)
        .executeTakeFirstOrThrow(),
    ).toMatchObject({ id: painPointId, anonymous: 1, department: 'Einkauf', status: 'new' });
    expect(await submission(id)).toMatchObject({
      status: 'approved',
      post_id: postId,
      author_id: null,
      decided_by: admin.id,
      decided_at: NOW.toISOString(),
      created_at: '2026-11-03T00:00:00.000Z',
      body: 'Die Reisekosten-Abrechnung dauert **Wochen**.',
    });
    // The system account posts into the group without becoming a member, and is no person
    // the activity figures count.
    expect(await members()).toEqual([u.id]);
    expect(
      await db()
        .selectFrom('activity_days')
        .select('user_id')
        .where('user_id', '=', 'anonymous')
        .execute(),
    ).toEqual([]);
    expect(
      await db()
        .selectFrom('activity_period_people')
        .select('user_id')
        .where('user_id', '=', 'anonymous')
        .execute(),
    ).toEqual([]);
    const logged = await db()
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'data'])
      .where('target_id', '=', id)
      .execute();
    expect(logged).toEqual([
      {
        actor_id: admin.id,
        action: 'painpoint.anonymous.approve',
        data: JSON.stringify({ postId }),
      },
    ]);

    // The group's members read it; the admin, not a member of the private group, does not.
    expect((await uc.api('GET', `/api/v1/posts/${postId}`)).json().author).toEqual({
      id: 'anonymous',
      name: 'Anonymous',
    });
    expect((await ac.api('GET', `/api/v1/posts/${postId}`)).statusCode).toBe(404);
    const page = await uc.get(`/posts/${postId}`);
    expect(page.body).toContain('class="post-title">Anonymous');
    expect(page.body).not.toContain('href="/people/anonymous"');

    expect((await ac.api('POST', `/api/v1/pain-points/moderation/${id}/approve`)).json().code).toBe(
      'already_decided',
    );
    expect((await ac.post(`/pain-points/moderation/${id}/approve`, {})).headers.location).toBe(
      '/pain-points/moderation',
    );
    expect((await uc.api('GET', '/api/v1/pain-points/anonymous/mine')).json().items).toEqual([]);
  });

  it('keeps a text’s own pain-point hashtag (also as an alias) and adds none', async () => {
    await meaning('ärger');
    await db()
      .insertInto('hashtag_aliases')
      .values({ alias: 'aerger', tag: 'ärger' })
      .onConflict((oc) => oc.column('alias').doNothing())
      .execute();
    const uc = await signedIn(t.app, await createUser(t.deps));
    const id = await submit(uc, { body: 'Schon wieder #aerger mit dem Drucker' });
    const { postId } = (
      await ac.api('POST', `/api/v1/pain-points/moderation/${id}/approve`)
    ).json();
    const post = await db()
      .selectFrom('posts')
      .select(['body', 'group_id'])
      .where('id', '=', postId)
      .executeTakeFirstOrThrow();
    expect(post).toEqual({ body: 'Schon wieder #aerger mit dem Drucker', group_id: null });
    expect(
      await db()
        .selectFrom('pain_points')
        .select(['anonymous', 'department'])
        .where('post_id', '=', postId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ anonymous: 1, department: '' });
  });

  it('rejecting needs a reason, keeps the text without its author, and tells nobody', async () => {
    const u = await createUser(t.deps);
    const uc = await signedIn(t.app, u);
    const id = await submit(uc, { body: 'Unsachlicher Text' });
    const empty = await ac.api('POST', `/api/v1/pain-points/moderation/${id}/reject`, {
      reason: ' ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ field: 'reason', code: 'required' });
    await ac.get('/pain-points/moderation');
    const form = await ac.post(`/pain-points/moderation/${id}/reject`, { [`reason-${id}`]: '' });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain(`id="reason-${id}-error"`);
    expect((await submission(id)).status).toBe('pending');

    const ok = await ac.post(`/pain-points/moderation/${id}/reject`, {
      [`reason-${id}`]: 'Beleidigend gegenüber einer Person',
    });
    expect(ok.statusCode).toBe(303);
    expect(await submission(id)).toMatchObject({
      status: 'rejected',
      reason: 'Beleidigend gegenüber einer Person',
      author_id: null,
      post_id: null,
      decided_by: admin.id,
      body: 'Unsachlicher Text',
    });
    expect((await uc.api('GET', '/api/v1/pain-points/anonymous/mine')).json().items).toEqual([]);
    expect((await uc.api('GET', '/api/v1/notifications')).json().items).toEqual([]);
    expect((await ac.get('/pain-points/moderation')).body).not.toContain('Unsachlicher Text');
    expect(
      (await ac.api('POST', `/api/v1/pain-points/moderation/${id}/reject`, { reason: 'x' }))
        .statusCode,
    ).toBe(409);
  });

  it('without any pain-point hashtag, #ärger is added and the pain point filed all the same', async () => {
    await db()
      .updateTable('hashtags')
      .set({ meaning: null })
      .where('meaning', '=', 'pain_point')
      .execute();
    const uc = await signedIn(t.app, await createUser(t.deps));
    const id = await submit(uc, { body: 'Kein Parkplatz frei' });
    const { postId, painPointId } = (
      await ac.api('POST', `/api/v1/pain-points/moderation/${id}/approve`)
    ).json();
    expect(
      (
        await db()
          .selectFrom('posts')
          .select('body')
          .where('id', '=', postId)
          .executeTakeFirstOrThrow()
      ).body,
    ).toBe('Kein Parkplatz frei\n\n#ärger');
    expect(
      await db()
        .selectFrom('pain_points')
        .select(['id', 'anonymous', 'status'])
        .where('post_id', '=', postId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ id: painPointId, anonymous: 1, status: 'new' });
  });

  it('abuse of anonymity: anyone who reads the post reports it, and an admin removes it', async () => {
    await meaning('ärger');
    const uc = await signedIn(t.app, await createUser(t.deps));
    const reader = await signedIn(t.app, await createUser(t.deps));
    const id = await submit(uc, { body: 'Ein Text, der sich als Beleidigung herausstellt #ärger' });
    const { postId, painPointId } = (
      await ac.api('POST', `/api/v1/pain-points/moderation/${id}/approve`)
    ).json();
    const page = await reader.get(`/posts/${postId}`);
    expect(page.body).toContain('Report to the administrators');
    expect(page.body).toContain(`action="/posts/${postId}/report"`);
    const sent = await reader.post(`/posts/${postId}/report`, {
      reason: 'Missbrauch der Anonymität',
    });
    expect(sent.statusCode).toBe(303);
    const reports = (await ac.api('GET', '/api/v1/admin/reports')).json().items;
    const report = reports.find((r: { postId: string }) => r.postId === postId);
    expect(report).toMatchObject({ reason: 'Missbrauch der Anonymität', author: 'Anonymous' });
    expect((await ac.get('/admin/reports')).body).toContain('Missbrauch der Anonymität');
    const removed = await ac.post(`/admin/reports/${report.id}/resolve`, { action: 'remove' });
    expect(removed.statusCode).toBe(303);
    expect((await reader.api('GET', `/api/v1/posts/${postId}`)).statusCode).toBe(404);
    expect(
      await db().selectFrom('pain_points').select('id').where('id', '=', painPointId).execute(),
    ).toEqual([]);
    expect((await submission(id)).post_id).toBeNull();
  });
});
