import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

const PASSWORD = 'my own lunch phrase';
const HOUR = 3_600_000;

describe.each(DIALECTS)('invitations (%s)', (dialect) => {
  let t: TestApp;
  let now = new Date();
  let admin: Client;
  let adminId: string;
  let counter = 0;
  beforeAll(async () => {
    t = await build(dialect, { now: () => now, env: { BASE_URL: 'https://kantine.example' } });
  });
  beforeEach(async () => {
    now = new Date();
    const a = await createAdmin(t.deps, { name: 'Ada Admin' });
    adminId = a.id;
    admin = await signedIn(t.app, a);
  });
  afterAll(async () => t.close());

  /** Invites a new person through the API; returns them and the path of their link. */
  async function invite(name = 'Ines Eingeladen') {
    counter += 1;
    const email = `invitee${counter}@example.com`;
    const res = await admin.api('POST', '/api/v1/users', { email, name });
    expect(res.statusCode).toBe(201);
    const { user, inviteUrl } = res.json();
    expect(user.status).toBe('invited');
    return { user, email, url: inviteUrl as string, path: new URL(inviteUrl).pathname };
  }

  it('inviting sends a mail whose link shows a set-password form', async () => {
    const { user, email, url, path } = await invite('Ines Eingeladen');
    expect(url).toMatch(/^https:\/\/kantine\.example\/invite\/[A-Za-z0-9_-]{43}$/);
    const mail = t.mails.at(-1)!;
    expect(mail.to).toBe(email);
    expect(mail.text).toContain(url);
    expect(mail.text).toContain('Ada Admin');

    const c = new Client(t.app);
    const page = await c.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Welcome, Ines Eingeladen');
    expect(page.body).toContain(`action="${path}"`);
    expect(page.body).toMatch(
      /<input[^>]*name="password"[^>]*type="password"|type="password"[^>]*name="password"/,
    );

    const login = new Client(t.app);
    await login.get('/login');
    expect((await login.post('/login', { email, password: PASSWORD })).statusCode).toBe(401);
    const log = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target_id', '=', user.id)
      .execute();
    expect(log).toEqual([{ action: 'user.invite', actor_id: adminId }]);
  });

  it('accepting the invitation sets the password, activates and signs in', async () => {
    const { user, email, path } = await invite();
    const c = new Client(t.app);
    await c.get(path);
    const res = await c.post(path, { password: PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/people/${user.id}/edit`);
    expect((await c.get(`/people/${user.id}/edit`)).body).toContain('Welcome!');
    const me = await c.api('GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, status: 'active' });

    const again = new Client(t.app);
    await again.signIn(email, PASSWORD);
    expect((await again.api('GET', '/api/v1/me')).json().id).toBe(user.id);
  });

  it('a weak password keeps the form open and the link still works', async () => {
    const { path } = await invite();
    const c = new Client(t.app);
    await c.get(path);
    const weak = await c.post(path, { password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('id="password-error"');
    expect((await c.get(path)).statusCode).toBe(200);
    expect((await c.post(path, { password: PASSWORD })).statusCode).toBe(303);
  });

  it('an invitation link works only once', async () => {
    const { path } = await invite();
    const c = new Client(t.app);
    await c.get(path);
    expect((await c.post(path, { password: PASSWORD })).statusCode).toBe(303);

    const other = new Client(t.app);
    const page = await other.get(path);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('This invitation link is invalid');
    await other.get('/login');
    const reuse = await other.post(path, { password: 'someone else’s phrase' });
    expect(reuse.statusCode).toBe(404);
    expect((await other.api('GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('an expired invitation link is invalid with 404', async () => {
    const { user, path } = await invite();
    now = new Date(now.getTime() + t.deps.config.inviteValidHours * HOUR - HOUR);
    const c = new Client(t.app);
    expect((await c.get(path)).statusCode).toBe(200);

    now = new Date(now.getTime() + 2 * HOUR);
    const page = await c.get(path);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('This invitation link is invalid');
    const post = await c.post(path, { password: PASSWORD });
    expect(post.statusCode).toBe(404);
    const row = await t.deps.db
      .selectFrom('users')
      .select(['status', 'password_hash'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'invited', password_hash: null });
  });

  it('resending the invitation invalidates the old link', async () => {
    const { user, email, path: oldPath } = await invite();
    await admin.get('/admin/users');
    const res = await admin.post(`/admin/users/${user.id}/reinvite`);
    expect(res.statusCode).toBe(303);
    const mail = t.mails.at(-1)!;
    expect(mail.to).toBe(email);
    const newUrl = /https:\/\/kantine\.example\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
    const newPath = new URL(newUrl).pathname;
    expect(newPath).not.toBe(oldPath);
    expect((await admin.get('/admin/users')).body).toContain(newUrl);

    const c = new Client(t.app);
    expect((await c.get(oldPath)).statusCode).toBe(404);
    expect((await c.get(newPath)).statusCode).toBe(200);
    expect((await c.post(newPath, { password: PASSWORD })).statusCode).toBe(303);

    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['user.invite', 'user.reinvite']);
  });

  it('the admin form invites a person by mail', async () => {
    await admin.get('/admin/users/new');
    const res = await admin.post('/admin/users', {
      name: 'Otto Onboarding',
      email: 'Otto@Example.com',
      mode: 'invite',
    });
    expect(res.statusCode).toBe(303);
    const mail = t.mails.at(-1)!;
    expect(mail.to).toBe('otto@example.com');
    const url = /https:\/\/kantine\.example\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
    const list = await admin.get('/admin/users');
    expect(list.body).toContain('Invitation sent to otto@example.com');
    expect(list.body).toContain('Otto Onboarding');
    expect((await new Client(t.app).get(new URL(url).pathname)).body).toContain(
      'Welcome, Otto Onboarding',
    );
  });

  it('a person who already accepted cannot be invited again', async () => {
    const { user, path } = await invite();
    const c = new Client(t.app);
    await c.get(path);
    await c.post(path, { password: PASSWORD });
    const before = t.mails.length;
    await admin.get('/admin/users');
    const res = await admin.post(`/admin/users/${user.id}/reinvite`);
    expect(res.statusCode).toBe(303);
    expect((await admin.get('/admin/users')).body).toContain(
      'This person is not waiting for an invitation',
    );
    expect(t.mails.length).toBe(before);
  });
});
