import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createUser, PASSWORD, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { hashSecret } from '../../lib/ids.ts';
import type { User } from './accounts.table.ts';
import { SESSION_COOKIE } from './sessions.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const MINUTE = 60_000;

describe.each(DIALECTS)('sessions (%s)', (dialect) => {
  let t: TestApp;
  let now = new Date();
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  beforeAll(async () => {
    t = await build(dialect, {
      now: () => now,
      env: { SESSION_IDLE_HOURS: '1', SESSION_ABSOLUTE_DAYS: '1' },
    });
  });
  beforeEach(() => {
    now = new Date();
  });
  afterAll(async () => t.close());

  /** Signs in from a browser with the given user agent. */
  async function browser(u: User, userAgent = 'lightMyRequest'): Promise<Client> {
    const c = new Client(t.app);
    await c.get('/login');
    const res = await c.post(
      '/login',
      { email: u.email, password: PASSWORD },
      {
        'user-agent': userAgent,
      },
    );
    expect(res.statusCode).toBe(303);
    return c;
  }

  const meStatus = async (c: Client) => (await c.api('GET', '/api/v1/me')).statusCode;

  it('lists my sessions on the page and in the API, marking the current one', async () => {
    const u = await createUser(t.deps);
    const stranger = await createUser(t.deps);
    const a = await browser(u, FIREFOX);
    const b = await browser(u);
    await browser(stranger);

    const fromA = (await a.api('GET', '/api/v1/sessions')).json();
    expect(fromA.nextCursor).toBeNull();
    expect(fromA.items).toHaveLength(2);
    const currentA = fromA.items.filter((s: { current: boolean }) => s.current);
    expect(currentA).toHaveLength(1);
    expect(currentA[0].userAgent).toBe(FIREFOX);
    const fromB = (await b.api('GET', '/api/v1/sessions')).json();
    const currentB = fromB.items.find((s: { current: boolean }) => s.current);
    expect(currentB.id).not.toBe(currentA[0].id);
    expect(currentB.userAgent).toBe('lightMyRequest');

    const page = await a.get('/settings/sessions');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Firefox · Linux');
    expect(page.body.match(/This session/g)).toHaveLength(1);
    expect(page.body).toContain(`action="/settings/sessions/${currentB.id}/end"`);
    expect(page.body).not.toContain(`action="/settings/sessions/${currentA[0].id}/end"`);
    expect(page.body).toContain('End all other sessions');

    const token = (await a.api('POST', '/api/v1/tokens', { name: 'script' })).json().token;
    const viaToken = await t.app.inject({
      url: '/api/v1/sessions',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.json().items).toHaveLength(2);
    expect(viaToken.json().items.every((s: { current: boolean }) => !s.current)).toBe(true);
  });

  it('ending another session signs that browser out', async () => {
    const u = await createUser(t.deps);
    const a = await browser(u);
    const b = await browser(u);
    const c = await browser(u);
    const sessions = (await b.api('GET', '/api/v1/sessions')).json().items;
    const idB = sessions.find((s: { current: boolean }) => s.current).id;
    const idC = (await c.api('GET', '/api/v1/sessions'))
      .json()
      .items.find((s: { current: boolean }) => s.current).id;

    expect((await a.api('DELETE', `/api/v1/sessions/${idB}`)).statusCode).toBe(204);
    expect(await meStatus(b)).toBe(401);
    const page = await b.get('/settings');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/login/);

    const ended = await a.post(`/settings/sessions/${idC}/end`);
    expect(ended.statusCode).toBe(303);
    expect((await a.get('/settings/sessions')).body).toContain('Session ended.');
    expect(await meStatus(c)).toBe(401);
    expect(await meStatus(a)).toBe(200);
  });

  it('a person cannot end someone else’s session', async () => {
    const victim = await signedIn(t.app, await createUser(t.deps));
    const victimSession = (await victim.api('GET', '/api/v1/sessions')).json().items[0].id;
    const mallory = await signedIn(t.app, await createUser(t.deps));
    const res = await mallory.api('DELETE', `/api/v1/sessions/${victimSession}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    await mallory.post(`/settings/sessions/${victimSession}/end`);
    expect(await meStatus(victim)).toBe(200);
  });

  it('"end all other sessions" keeps only the current one', async () => {
    const u = await createUser(t.deps);
    const other = await browser(await createUser(t.deps));
    const a = await browser(u);
    const b = await browser(u);
    const c = await browser(u);
    await a.get('/settings/sessions');
    const res = await a.post('/settings/sessions/end-others');
    expect(res.statusCode).toBe(303);
    expect((await a.get('/settings/sessions')).body).toContain('2 sessions ended.');
    expect(await meStatus(b)).toBe(401);
    expect(await meStatus(c)).toBe(401);
    expect(await meStatus(a)).toBe(200);
    expect(await meStatus(other)).toBe(200);
    const left = (await a.api('GET', '/api/v1/sessions')).json().items;
    expect(left).toHaveLength(1);
    expect(left[0].current).toBe(true);
  });

  it('a session ends after the idle lifetime, and use keeps it alive', async () => {
    const u = await createUser(t.deps);
    const c = await browser(u);
    advance(59 * MINUTE);
    expect(await meStatus(c)).toBe(200);
    advance(59 * MINUTE);
    expect(await meStatus(c)).toBe(200);
    advance(61 * MINUTE);
    const res = await c.api('GET', '/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
    const rows = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', u.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('the session list leaves out sessions that have already expired', async () => {
    const u = await createUser(t.deps);
    const a = await browser(u);
    const idle = await browser(u, FIREFOX);
    advance(50 * MINUTE);
    expect(await meStatus(a)).toBe(200);
    advance(50 * MINUTE);
    const items = (await a.api('GET', '/api/v1/sessions')).json().items;
    expect(items).toHaveLength(1);
    expect(items[0].current).toBe(true);
    const page = await a.get('/settings/sessions');
    expect(page.body).not.toContain('Firefox');
    expect(page.body).not.toContain('End all other sessions');
    expect(await meStatus(idle)).toBe(401);
  });

  it('a session ends at the absolute lifetime even while in use', async () => {
    const u = await createUser(t.deps);
    const start = now.getTime();
    const c = await browser(u);
    for (let i = 0; i < 28; i++) {
      advance(50 * MINUTE);
      expect(await meStatus(c)).toBe(200);
    }
    now = new Date(start + 24 * 60 * MINUTE - MINUTE);
    expect(await meStatus(c)).toBe(200);
    advance(2 * MINUTE);
    expect(await meStatus(c)).toBe(401);
    const page = await c.get('/people');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Fpeople');
  });

  it('signing out ends the session on the server, not only in the browser', async () => {
    const u = await createUser(t.deps);
    const c = await browser(u);
    const cookie = c.jar[SESSION_COOKIE]!;
    await c.get('/settings');
    const res = await c.post('/logout');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login');
    expect(c.jar[SESSION_COOKIE]).toBeUndefined();

    const replay = await t.app.inject({ url: '/api/v1/me', cookies: { [SESSION_COOKIE]: cookie } });
    expect(replay.statusCode).toBe(401);
    const row = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('token_hash', '=', hashSecret(cookie))
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('changing the password ends my other sessions and keeps this one', async () => {
    const u = await createUser(t.deps);
    const a = await browser(u);
    const b = await browser(u);
    await a.get('/settings');
    const wrong = await a.post('/settings/password', {
      current: 'not my password',
      password: 'a fresh lunch phrase',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('id="current-error"');
    expect(await meStatus(b)).toBe(200);

    const res = await a.post('/settings/password', {
      current: PASSWORD,
      password: 'a fresh lunch phrase',
    });
    expect(res.statusCode).toBe(303);
    expect(await meStatus(a)).toBe(200);
    expect(await meStatus(b)).toBe(401);

    const old = new Client(t.app);
    await old.get('/login');
    expect((await old.post('/login', { email: u.email, password: PASSWORD })).statusCode).toBe(401);
    const fresh = new Client(t.app);
    await fresh.signIn(u.email, 'a fresh lunch phrase');
    expect(await meStatus(fresh)).toBe(200);
  });

  it('a cookie-authenticated unsafe API call without X-CSRF-Token is refused with 403', async () => {
    const u = await createUser(t.deps);
    const c = await browser(u);
    for (const headers of [{}, { 'x-csrf-token': 'forged' }]) {
      const res = await c.request({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify({ name: 'sneaky' }),
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 403, code: 'csrf_invalid' });
    }
    const sessionId = (await c.api('GET', '/api/v1/sessions')).json().items[0].id;
    const del = await c.request({ method: 'DELETE', url: `/api/v1/sessions/${sessionId}` });
    expect(del.statusCode).toBe(403);
    const tokens = await t.deps.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', u.id)
      .execute();
    expect(tokens).toHaveLength(0);
    expect(await meStatus(c)).toBe(200);
  });

  it('a form post without _csrf is refused with 403 and changes nothing', async () => {
    const u = await createUser(t.deps);
    const c = await browser(u);
    const other = await browser(u);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const token = await c.request({
      method: 'POST',
      url: '/settings/tokens',
      headers: form,
      payload: 'name=sneaky',
    });
    expect(token.statusCode).toBe(403);
    expect(token.headers['content-type']).toMatch(/^text\/html/);
    expect(token.body).toContain('This form has expired');
    const endOthers = await c.request({
      method: 'POST',
      url: '/settings/sessions/end-others',
      headers: form,
      payload: '',
    });
    expect(endOthers.statusCode).toBe(403);
    const logout = await c.request({ method: 'POST', url: '/logout', headers: form, payload: '' });
    expect(logout.statusCode).toBe(403);

    expect(await meStatus(c)).toBe(200);
    expect(await meStatus(other)).toBe(200);
    const tokens = await t.deps.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', u.id)
      .execute();
    expect(tokens).toHaveLength(0);
  });
});
