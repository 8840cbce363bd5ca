import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './db.ts';
import { Client, createAdmin, createUser, PASSWORD } from './factories.ts';
import { build, type TestApp } from './helpers.ts';
import { countUserRows, postRaw } from './hostile-helpers.ts';

const TOO_LONG_100 = 'Ü'.repeat(101);

describe.each(DIALECTS)('hostile setup and sign-in forms (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  const setupForm = (fields: Record<string, string> = {}) => ({
    orgName: 'Nordwind AG',
    name: 'Erika Muster',
    email: 'erika@example.com',
    password: 'a long enough phrase',
    ...fields,
  });

  it('refuses an over-long name and organisation, re-showing what was typed beside the errors', async () => {
    const c = new Client(t.app);
    await c.get('/setup');
    const res = await c.post('/setup', setupForm({ name: TOO_LONG_100, orgName: 'O'.repeat(101) }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="name-error"');
    expect(res.body).toContain('id="orgName-error"');
    expect(res.body).toContain('Please enter at most 100 characters');
    expect(res.body).toContain(`value="${TOO_LONG_100}"`);
    expect(res.body).toContain(`value="${'O'.repeat(101)}"`);
    expect(await countUserRows(t.deps)).toBe(0);
  });

  it('names every missing required field of the setup form', async () => {
    const c = new Client(t.app);
    await c.get('/setup');
    const res = await c.post('/setup', { orgName: '', email: 'erika@example.com' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="orgName-error"');
    expect(res.body).toContain('id="name-error"');
    expect(res.body).toContain('Please fill in this field');
    expect(res.body).toContain('value="erika@example.com"');
    expect(await countUserRows(t.deps)).toBe(0);
  });

  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['escape', '\u001b'],
    ['delete', '\u007f'],
    ['newline', '\n'],
  ])('refuses a %s character in the one-line setup fields', async (_label, ch) => {
    const c = new Client(t.app);
    await c.get('/setup');
    const res = await c.post('/setup', setupForm({ name: `Erika${ch}Muster`, orgName: `A${ch}B` }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="name-error"');
    expect(res.body).toContain('id="orgName-error"');
    expect(res.body).toContain('Contains control characters that are not allowed');
    expect(await countUserRows(t.deps)).toBe(0);
  });

  it('refuses raw invalid UTF-8 bytes in the setup form, in the browser language', async () => {
    const raw = Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3d, 0xff, 0xfe]);
    const en = new Client(t.app, 'en');
    await en.get('/setup');
    const res = await postRaw(en, '/setup', raw);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('The form contains characters that are not valid UTF-8');

    const de = new Client(t.app, 'de');
    await de.get('/setup');
    const resDe = await postRaw(de, '/setup', raw);
    expect(resDe.statusCode).toBe(400);
    expect(resDe.body).toContain('Das Formular enthält Zeichen, die kein gültiges UTF-8 sind');
    expect(await countUserRows(t.deps)).toBe(0);
  });

  it.each(['%C3%28', '%FF', '%E2%82'])(
    'refuses the percent-encoded invalid UTF-8 %s in a setup field and stores nothing',
    async (bad) => {
      const c = new Client(t.app);
      await c.get('/setup');
      const body =
        `orgName=Nordwind&name=Erika${bad}&email=erika%40example.com` +
        '&password=a+long+enough+phrase';
      const res = await postRaw(c, '/setup', body);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('not valid UTF-8');
      expect(await countUserRows(t.deps)).toBe(0);
    },
  );

  it('answers a setup form of 1.5 MB with 413 and stores nothing', async () => {
    const c = new Client(t.app);
    await c.get('/setup');
    const res = await c.post('/setup', setupForm({ name: 'x'.repeat(1_500_000) }));
    expect(res.statusCode).toBe(413);
    expect(await countUserRows(t.deps)).toBe(0);
  });

  it('ignores prototype-pollution keys in the setup form and creates a normal admin', async () => {
    const fresh = await build(dialect);
    try {
      const c = new Client(fresh.app);
      await c.get('/setup');
      const res = await c.post('/setup', {
        ...setupForm(),
        '__proto__[role]': 'member',
        '__proto__[admin]': '1',
        'constructor[prototype][x]': '1',
        __proto__: 'x',
        constructor: 'y',
      });
      expect(res.statusCode).toBe(303);
      const me = (await c.api('GET', '/api/v1/me')).json();
      expect(me).toMatchObject({ name: 'Erika Muster', role: 'admin' });
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(({} as Record<string, unknown>).role).toBeUndefined();
    } finally {
      await fresh.close();
    }
  });

  it('answers an over-long or control-character sign-in as wrong credentials, never a 500', async () => {
    await createAdmin(t.deps);
    const u = await createUser(t.deps);
    const c = new Client(t.app);
    await c.get('/login');
    for (const fields of [
      { email: `${'a'.repeat(300)}@example.com`, password: PASSWORD },
      { email: u.email, password: 'p'.repeat(100_000) },
      { email: `${u.email}\u0000`, password: PASSWORD },
      { email: `x\u0000'; DROP TABLE users; --`, password: PASSWORD },
    ]) {
      const res = await c.post('/login', fields);
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('id="email"');
    }
    expect(await countUserRows(t.deps)).toBe(2);
    expect((await c.post('/login', { email: u.email, password: PASSWORD })).statusCode).toBe(303);
  });

  it('refuses invalid UTF-8 in the sign-in form with a 400 page, not a 500', async () => {
    const c = new Client(t.app);
    await c.get('/login');
    const res = await postRaw(c, '/login', 'email=a%FF%40example.com&password=x');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('not valid UTF-8');
  });

  it.each([
    ['a line break', '/people\r\nSet-Cookie: evil=1'],
    ['a NUL', '/people\u0000'],
    ['another host', '//evil.example/'],
    ['a backslash', '/\\evil.example/'],
  ])('follows a next address with %s only to a local page after sign-in', async (_l, next) => {
    const u = await createUser(t.deps);
    const c = new Client(t.app);
    await c.get('/login');
    const res = await c.post('/login', { email: u.email, password: PASSWORD, next });
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location.startsWith('/')).toBe(true);
    expect(location.startsWith('//')).toBe(false);
    expect(location).not.toMatch(/[\u0000-\u001f\\]/);
    expect(res.headers['set-cookie']?.toString() ?? '').not.toContain('evil');
  });
});
