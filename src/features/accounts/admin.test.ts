import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn, tokenFor } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

const NEW_PASSWORD = 'soup of the day is fine';

describe.each(DIALECTS)('administration of people (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let adminId: string;
  beforeAll(async () => {
    t = await build(dialect);
    const a = await createAdmin(t.deps, { name: 'Ada Admin' });
    adminId = a.id;
    admin = await signedIn(t.app, a);
  });
  afterAll(async () => t.close());

  const userRow = (id: string) =>
    t.deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const auditOf = (targetId: string) =>
    t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', targetId)
      .orderBy('id')
      .execute();

  it('an admin creates a person with a password through the API, who can sign in at once', async () => {
    const res = await admin.api('POST', '/api/v1/users', {
      email: 'Karl.Kunze@Example.com',
      name: 'Karl Kunze',
      department: 'Logistik',
      password: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.inviteUrl).toBeNull();
    expect(body.user).toMatchObject({
      email: 'karl.kunze@example.com',
      name: 'Karl Kunze',
      department: 'Logistik',
      role: 'member',
      status: 'active',
    });
    expect(t.mails.filter((m) => m.to === 'karl.kunze@example.com')).toHaveLength(0);
    const karl = new Client(t.app);
    await karl.signIn('karl.kunze@example.com', NEW_PASSWORD);
    expect((await karl.api('GET', '/api/v1/me')).json().id).toBe(body.user.id);

    const log = await auditOf(body.user.id);
    expect(log.map((r) => r.action)).toEqual(['user.create']);
    expect(log[0]!.actor_id).toBe(adminId);
    expect(JSON.parse(log[0]!.data)).toMatchObject({ email: 'karl.kunze@example.com' });
  });

  it('the admin form creates a person with a password', async () => {
    const form = await admin.get('/admin/users/new');
    expect(form.statusCode).toBe(200);
    const res = await admin.post('/admin/users', {
      name: 'Frieda Form',
      email: 'frieda@example.com',
      department: 'Empfang',
      mode: 'password',
      password: NEW_PASSWORD,
      admin: '1',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/users');
    const list = await admin.get('/admin/users');
    expect(list.body).toContain('frieda@example.com has been added.');
    expect(list.body).toContain('Frieda Form');
    const frieda = new Client(t.app);
    await frieda.signIn('frieda@example.com', NEW_PASSWORD);
    expect((await frieda.api('GET', '/api/v1/me')).json()).toMatchObject({
      role: 'admin',
      status: 'active',
      department: 'Empfang',
    });
  });

  it('the admin form asks for the password when that mode is chosen without one', async () => {
    await admin.get('/admin/users/new');
    const res = await admin.post('/admin/users', {
      name: 'No Password',
      email: 'nopassword@example.com',
      mode: 'password',
      password: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="password-error"');
    expect(res.body).toContain('value="No Password"');
  });

  it('a taken e-mail address is the field error email_taken, in any letter case', async () => {
    const existing = await createUser(t.deps);
    const res = await admin.api('POST', '/api/v1/users', {
      email: existing.email.toUpperCase(),
      name: 'Double',
      password: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'email', code: 'email_taken' }),
    ]);

    await admin.get('/admin/users/new');
    const page = await admin.post('/admin/users', {
      name: 'Double Typed',
      email: existing.email,
      mode: 'invite',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('id="email-error"');
    expect(page.body).toContain('Someone with this e-mail address already exists');
    expect(page.body).toContain('value="Double Typed"');
    const count = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', existing.email)
      .execute();
    expect(count).toHaveLength(1);
  });

  it('members get 403 on the admin API and the admin pages', async () => {
    const m = await createUser(t.deps);
    const target = await createUser(t.deps);
    const member = await signedIn(t.app, m);
    const bearer = { authorization: `Bearer ${await tokenFor(t.deps, m)}` };
    const calls: [string, string, unknown?][] = [
      ['POST', '/api/v1/users', { email: 'sneak@example.com', name: 'Sneak' }],
      ['POST', `/api/v1/users/${target.id}/deactivate`],
      ['POST', `/api/v1/users/${target.id}/reactivate`],
      ['PUT', `/api/v1/users/${m.id}/role`, { role: 'admin' }],
    ];
    for (const [method, url, payload] of calls) {
      const res = await member.api(method as 'POST', url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('forbidden');
      const viaToken = await t.app.inject({
        method: method as 'POST',
        url,
        headers: { ...bearer, 'content-type': 'application/json' },
        payload: JSON.stringify(payload ?? {}),
      });
      expect(viaToken.statusCode, `${method} ${url} with a token`).toBe(403);
    }
    for (const url of ['/admin/users', '/admin/users/new']) {
      const page = await member.get(url);
      expect(page.statusCode, url).toBe(403);
      expect(page.body).toContain('You are not allowed to do this');
    }
    await member.get('/settings');
    for (const [url, fields] of [
      ['/admin/users', { name: 'Sneak', email: 'sneak@example.com', mode: 'invite' }],
      [`/admin/users/${target.id}/deactivate`, {}],
      [`/admin/users/${m.id}/role`, { role: 'admin' }],
    ] as const) {
      expect((await member.post(url, fields)).statusCode, url).toBe(403);
    }
    expect(
      await t.deps.db
        .selectFrom('users')
        .where('email', '=', 'sneak@example.com')
        .select('id')
        .execute(),
    ).toHaveLength(0);
    expect((await userRow(target.id)).status).toBe('active');
    expect((await userRow(m.id)).role).toBe('member');
  });

  it('deactivates and reactivates a person, through the API and the admin page', async () => {
    const u = await createUser(t.deps);
    const off = await admin.api('POST', `/api/v1/users/${u.id}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json().status).toBe('deactivated');
    const on = await admin.api('POST', `/api/v1/users/${u.id}/reactivate`);
    expect(on.statusCode).toBe(200);
    expect(on.json().status).toBe('active');
    const c = new Client(t.app);
    await c.signIn(u.email);

    await admin.get('/admin/users');
    expect((await admin.post(`/admin/users/${u.id}/deactivate`)).statusCode).toBe(303);
    expect((await userRow(u.id)).status).toBe('deactivated');
    expect((await c.api('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await admin.get('/admin/users')).body).toContain(
      'Deactivated. Their sessions and tokens have ended.',
    );
    expect((await admin.post(`/admin/users/${u.id}/reactivate`)).statusCode).toBe(303);
    expect((await userRow(u.id)).status).toBe('active');

    const log = await auditOf(u.id);
    expect(log.map((r) => r.action)).toEqual([
      'user.deactivate',
      'user.reactivate',
      'user.deactivate',
      'user.reactivate',
    ]);
    expect(log.every((r) => r.actor_id === adminId && r.target_type === 'user')).toBe(true);
  });

  it('makes a person admin and member again', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    expect((await c.get('/admin/users')).statusCode).toBe(403);
    const up = await admin.api('PUT', `/api/v1/users/${u.id}/role`, { role: 'admin' });
    expect(up.statusCode).toBe(200);
    expect(up.json().role).toBe('admin');
    expect((await c.get('/admin/users')).statusCode).toBe(200);

    await admin.get('/admin/users');
    expect((await admin.post(`/admin/users/${u.id}/role`, { role: 'member' })).statusCode).toBe(
      303,
    );
    expect((await userRow(u.id)).role).toBe('member');
    expect((await c.get('/admin/users')).statusCode).toBe(403);
    expect((await auditOf(u.id)).map((r) => r.action)).toEqual([
      'user.role.admin',
      'user.role.member',
    ]);
  });

  it('an admin cannot deactivate themselves (422)', async () => {
    const res = await admin.api('POST', `/api/v1/users/${adminId}/deactivate`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('cannot_deactivate_self');
    await admin.get('/admin/users');
    const page = await admin.post(`/admin/users/${adminId}/deactivate`);
    expect(page.statusCode).toBe(303);
    expect((await admin.get('/admin/users')).body).toContain(
      'You cannot deactivate your own account',
    );
    expect((await userRow(adminId)).status).toBe('active');
    expect((await admin.api('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('the last admin cannot be demoted (422 last_admin)', async () => {
    const fresh = await build(dialect);
    try {
      const only = await createAdmin(fresh.deps);
      const c = await signedIn(fresh.app, only);
      const res = await c.api('PUT', `/api/v1/users/${only.id}/role`, { role: 'member' });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe('last_admin');
      await c.get('/admin/users');
      await c.post(`/admin/users/${only.id}/role`, { role: 'member' });
      expect((await c.get('/admin/users')).body).toContain(
        'The last administrator cannot become a member',
      );
      const row = await fresh.deps.db
        .selectFrom('users')
        .select('role')
        .where('id', '=', only.id)
        .executeTakeFirstOrThrow();
      expect(row.role).toBe('admin');

      const second = await createAdmin(fresh.deps);
      const ok = await c.api('PUT', `/api/v1/users/${second.id}/role`, { role: 'member' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().role).toBe('member');
    } finally {
      await fresh.close();
    }
  });
});
