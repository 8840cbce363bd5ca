import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, PASSWORD, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

describe.each(DIALECTS)('setup and sign-in (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  it('an empty database leads every page to setup, and setup creates the first admin', async () => {
    const c = new Client(t.app);
    const home = await c.get('/people');
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/setup');
    const page = await c.get('/setup');
    expect(page.statusCode).toBe(200);
    const res = await c.post('/setup', {
      orgName: 'Nordwind AG',
      name: 'Erika Muster',
      email: 'Erika@Example.com',
      password: 'a long enough phrase',
    });
    expect(res.statusCode).toBe(303);
    const me = await c.api('GET', '/api/v1/me');
    expect(me.json()).toMatchObject({
      email: 'erika@example.com',
      role: 'admin',
      status: 'active',
    });
    const again = await new Client(t.app).get('/setup');
    expect(again.statusCode).toBe(409);
  });

  it('a bad setup form comes back with what was typed and an error beside each wrong field', async () => {
    const c = new Client(t.app);
    // setup is done by the test above; a fresh app shows the form errors instead
    const fresh = await build(dialect);
    try {
      const fc = new Client(fresh.app);
      await fc.get('/setup');
      const res = await fc.post('/setup', {
        orgName: '',
        name: 'Max <script>',
        email: 'not-an-email',
        password: 'password',
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="orgName-error"');
      expect(res.body).toContain('id="email-error"');
      expect(res.body).toContain('value="Max &lt;script>"');
      expect(res.body).toContain('value="not-an-email"');
    } finally {
      await fresh.close();
    }
    expect(c).toBeDefined();
  });

  it('signs in with the right password and not with a wrong one', async () => {
    const u = await createUser(t.deps);
    const c = new Client(t.app);
    await c.get('/login');
    const bad = await c.post('/login', { email: u.email, password: 'wrong password!' });
    expect(bad.statusCode).toBe(401);
    const good = await c.post('/login', { email: u.email.toUpperCase(), password: PASSWORD });
    expect(good.statusCode).toBe(303);
    expect((await c.api('GET', '/api/v1/me')).json().id).toBe(u.id);
  });

  it('limits failed sign-ins per account before hashing and says how long to wait', async () => {
    const u = await createUser(t.deps);
    const c = new Client(t.app);
    await c.get('/login');
    for (let i = 0; i < t.deps.config.loginMaxPerAccount; i++) {
      expect(
        (await c.post('/login', { email: u.email, password: 'nope nope nope' })).statusCode,
      ).toBe(401);
    }
    const limited = await c.post('/login', { email: u.email, password: PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toMatch(/wait \d+ minutes/);
  });

  it('a deactivated person cannot sign in and their sessions and tokens end at once', async () => {
    const admin = await createAdmin(t.deps);
    const u = await createUser(t.deps);
    const userClient = await signedIn(t.app, u);
    const token = (await userClient.api('POST', '/api/v1/tokens', { name: 'script' })).json()
      .token as string;
    expect(
      (await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(200);

    const adminClient = await signedIn(t.app, admin);
    expect((await adminClient.api('POST', `/api/v1/users/${u.id}/deactivate`)).statusCode).toBe(
      200,
    );

    expect((await userClient.api('GET', '/api/v1/me')).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
    const again = new Client(t.app);
    await again.get('/login');
    const res = await again.post('/login', { email: u.email, password: PASSWORD });
    expect(res.body).toContain('deactivated');
    expect(res.statusCode).toBe(403);
  });
});
