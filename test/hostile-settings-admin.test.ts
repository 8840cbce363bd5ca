import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/features/accounts/accounts.table.ts';
import { DIALECTS } from './db.ts';
import { Client, createAdmin, createUser, PASSWORD, signedIn } from './factories.ts';
import { build, type TestApp } from './helpers.ts';
import { countUserRows, postRaw } from './hostile-helpers.ts';

const TOO_LONG_100 = 'Ü'.repeat(101);

describe.each(DIALECTS)('hostile settings, tokens and admin forms (%s)', (dialect) => {
  let t: TestApp;
  let admin: User;
  let u: User;
  beforeAll(async () => {
    t = await build(dialect);
    admin = await createAdmin(t.deps);
    u = await createUser(t.deps, { name: 'Uwe Unverändert' });
  });
  afterAll(async () => t.close());

  const tokenCount = async (userId: string) =>
    (await t.deps.db.selectFrom('api_tokens').select('id').where('user_id', '=', userId).execute())
      .length;

  it('refuses an over-long or control-character time zone beside its field', async () => {
    const c = await signedIn(t.app, u);
    for (const timeZone of ['Europe/'.padEnd(65, 'x'), 'Europe/Berlin\u0000', 'UTC\n']) {
      const res = await c.post('/settings/preferences', { locale: 'de', timeZone });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="timeZone-error"');
    }
    const me = (await c.api('GET', '/api/v1/me')).json();
    expect(me).toMatchObject({ locale: 'en', timeZone: 'Europe/Berlin' });
  });

  it('refuses an over-long new password beside its field and keeps the old one', async () => {
    const c = await signedIn(t.app, u);
    for (const password of ['p'.repeat(129), 'p'.repeat(600)]) {
      const res = await c.post('/settings/password', { current: PASSWORD, password });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="password-error"');
      expect(res.body).toContain('128');
      expect(res.body).not.toContain('ppppppppp');
    }
    await new Client(t.app).signIn(u.email, PASSWORD);
  });

  it('refuses invalid UTF-8 in the preferences form in the person’s own language', async () => {
    const german = await createUser(t.deps, { locale: 'de' });
    const c = await signedIn(t.app, german);
    const res = await postRaw(c, '/settings/preferences', 'locale=en&timeZone=Europe%2FBerl%FFin');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Das Formular enthält Zeichen, die kein gültiges UTF-8 sind');
    expect((await c.api('GET', '/api/v1/me')).json().locale).toBe('de');
  });

  it('refuses an over-long token name, re-showing it beside the error, and creates no token', async () => {
    const c = await signedIn(t.app, u);
    const res = await c.post('/settings/tokens', { name: TOO_LONG_100 });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="name-error"');
    expect(res.body).toContain(`value="${TOO_LONG_100}"`);
    expect(res.body).toContain('Please enter at most 100 characters');
    expect(await tokenCount(u.id)).toBe(0);
  });

  it('refuses a missing, control-character or invalid UTF-8 token name and creates no token', async () => {
    const c = await signedIn(t.app, u);
    const missing = await c.post('/settings/tokens', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('id="name-error"');
    for (const name of ['', 'ci\u007fbot', 'ci\u001b[31mbot', 'ci\nbot']) {
      const res = await c.post('/settings/tokens', { name });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="name-error"');
    }
    const bad = await postRaw(c, '/settings/tokens', Buffer.from('name=ci\xc3bot', 'latin1'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('not valid UTF-8');
    expect(await tokenCount(u.id)).toBe(0);
  });

  it('refuses an over-long or control-character new person, re-showing what was typed', async () => {
    const c = await signedIn(t.app, admin);
    const before = await countUserRows(t.deps);
    const long = await c.post('/admin/users', {
      name: TOO_LONG_100,
      email: `${'e'.repeat(250)}@example.com`,
      title: 'T'.repeat(101),
      mode: 'invite',
    });
    expect(long.statusCode).toBe(400);
    for (const f of ['name', 'email', 'title']) expect(long.body).toContain(`id="${f}-error"`);
    expect(long.body).toContain(`value="${TOO_LONG_100}"`);

    const ctl = await c.post('/admin/users', {
      name: 'Neu\u0007Person',
      email: 'neu@example.com',
      department: 'Sales\u001b',
      mode: 'invite',
    });
    expect(ctl.statusCode).toBe(400);
    expect(ctl.body).toContain('id="name-error"');
    expect(ctl.body).toContain('id="department-error"');
    expect(ctl.body).toContain('value="neu@example.com"');
    expect(await countUserRows(t.deps)).toBe(before);
  });

  it('names the missing name and e-mail of a new person and creates no one', async () => {
    const c = await signedIn(t.app, admin);
    const before = await countUserRows(t.deps);
    const res = await c.post('/admin/users', { title: 'Einkauf', mode: 'invite' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="name-error"');
    expect(res.body).toContain('id="email-error"');
    expect(res.body).toContain('value="Einkauf"');
    expect(await countUserRows(t.deps)).toBe(before);
  });

  it('does not let prototype-pollution keys make a new person an admin', async () => {
    const c = await signedIn(t.app, admin);
    const res = await c.post('/admin/users', {
      name: 'Paula Proto',
      email: 'paula.proto@example.com',
      mode: 'password',
      password: 'a long enough phrase',
      '__proto__[admin]': '1',
      '__proto__[role]': 'admin',
      'constructor[prototype][admin]': '1',
      __proto__: 'admin',
      prototype: 'admin',
    });
    expect(res.statusCode).toBe(303);
    const created = await t.deps.db
      .selectFrom('users')
      .select(['role', 'status'])
      .where('email', '=', 'paula.proto@example.com')
      .executeTakeFirstOrThrow();
    expect(created).toEqual({ role: 'member', status: 'active' });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers a 1.5 MB admin form with 413 and creates no one', async () => {
    const c = await signedIn(t.app, admin);
    const before = await countUserRows(t.deps);
    const res = await c.post('/admin/users', {
      name: 'Big Body',
      email: 'big@example.com',
      title: 'x'.repeat(1_500_000),
      mode: 'invite',
    });
    expect(res.statusCode).toBe(413);
    expect(await countUserRows(t.deps)).toBe(before);
  });
});
