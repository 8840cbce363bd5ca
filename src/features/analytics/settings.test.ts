import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

describe.each(DIALECTS)('analytics settings, switch and audience (%s)', (dialect) => {
  let t: TestApp;
  const now = Date.parse('2026-11-28T10:00:00Z');
  let admin: Client;
  let member: Client;
  let memberId: string;

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    const m = await createUser(t.deps, { name: 'Mo Mitglied' });
    memberId = m.id;
    member = await signedIn(t.app, m);
  });
  afterAll(async () => t.close());

  const postsToday = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('activity_days')
          .select('posts')
          .where('user_id', '=', memberId)
          .where('day', '=', '2026-11-28')
          .executeTakeFirst()
      )?.posts ?? 0,
    );

  it('names each bad setting and keeps the old values', async () => {
    const res = await admin.api('PUT', '/api/v1/analytics/settings', {
      k: 2,
      audience: 'everyone',
      enabled: 'yes',
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields.sort()).toEqual(['audience', 'enabled', 'k']);
    expect((await admin.api('GET', '/api/v1/analytics/settings')).json()).toEqual({
      enabled: true,
      audience: 'admins',
      k: 5,
    });
    // The page names the field beside it and keeps what was typed.
    await admin.get('/analytics/settings');
    const page = await admin.post('/analytics/settings', {
      enabled: '1',
      audience: 'admins',
      k: '2',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Enter a whole number from 3 to 50.');
    expect(page.body).toMatch(/name="k"[^>]*value="2"|value="2"[^>]*name="k"/);
    expect((await member.api('PUT', '/api/v1/analytics/settings', { k: 3 })).statusCode).toBe(403);
  });

  it('opens the dashboards to members when the audience says so', async () => {
    expect((await member.get('/analytics/activity')).statusCode).toBe(403);
    await admin.get('/analytics/settings');
    const saved = await admin.post('/analytics/settings', {
      enabled: '1',
      audience: 'members',
      k: '4',
    });
    expect(saved.statusCode).toBe(303);
    expect((await member.get('/analytics/activity')).statusCode).toBe(200);
    expect((await member.api('GET', '/api/v1/analytics/activity')).json()).toMatchObject({ k: 4 });
    // Settings stay with admins.
    expect((await member.get('/analytics/settings')).statusCode).toBe(403);
    const log = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'analytics.settings')
      .execute();
    expect(log.length).toBe(1);
  });

  it('records nothing and hides the dashboards while switched off, and resumes when on', async () => {
    const before = await postsToday();
    expect((await member.api('POST', '/api/v1/posts', { body: 'Mit Messung' })).statusCode).toBe(
      201,
    );
    expect(await postsToday()).toBe(before + 1);

    const off = await admin.api('PUT', '/api/v1/analytics/settings', { enabled: false });
    expect(off.json()).toMatchObject({ enabled: false });
    expect((await member.api('POST', '/api/v1/posts', { body: 'Ohne Messung' })).statusCode).toBe(
      201,
    );
    expect(await postsToday()).toBe(before + 1);
    for (const url of ['/analytics', '/analytics/users', '/analytics/activity.csv']) {
      expect((await admin.get(url)).statusCode, url).toBe(404);
    }
    const api = await admin.api('GET', '/api/v1/analytics/activity');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'analytics_off' });
    const about = await member.get('/analytics/about');
    expect(about.statusCode).toBe(200);
    expect(about.body).toContain('Measurement is switched off in this organisation');

    await admin.api('PUT', '/api/v1/analytics/settings', { enabled: true });
    await member.api('POST', '/api/v1/posts', { body: 'Wieder mit Messung' });
    expect(await postsToday()).toBe(before + 2);
  });

  it('explains what is measured, in German too', async () => {
    const de = await signedIn(
      t.app,
      await createUser(t.deps, { name: 'Dora Deutsch', locale: 'de' }),
    );
    const page = await de.get('/analytics/about');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Was nicht aufgezeichnet wird');
    expect(page.body).toContain('Kein Klickverlauf');
  });

  it('erases recorded activity only when confirmed', async () => {
    expect(await postsToday()).toBeGreaterThan(0);
    await admin.get('/analytics/settings');
    const unconfirmed = await admin.post('/analytics/settings/erase', {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Tick the box to confirm the deletion.');
    expect(await postsToday()).toBeGreaterThan(0);
    expect((await admin.api('DELETE', '/api/v1/analytics/activity')).statusCode).toBe(400);
    expect((await admin.api('DELETE', '/api/v1/analytics/activity?confirm=true')).statusCode).toBe(
      204,
    );
    expect(await postsToday()).toBe(0);
    const rows = await t.deps.db.selectFrom('activity_days').select('user_id').execute();
    expect(rows).toEqual([]);
    // Content stays.
    const posts = await t.deps.db.selectFrom('posts').select('id').execute();
    expect(posts.length).toBe(3);
  });
});
