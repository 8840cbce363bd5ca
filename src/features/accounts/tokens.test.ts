import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

const TOKEN = /kt_[A-Za-z0-9_-]{43}/;

describe.each(DIALECTS)('personal access tokens (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  const bearer = (token: string) =>
    t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

  async function createViaApi(c: Client, name: string) {
    const res = await c.api('POST', '/api/v1/tokens', { name });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; token: string; prefix: string; name: string };
  }

  it('a token created on the settings page is shown once, later only its prefix', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    expect((await c.get('/settings/tokens')).body).toContain('You have no access tokens.');

    const created = await c.post('/settings/tokens', { name: 'CRM import' });
    expect(created.statusCode).toBe(201);
    const token = TOKEN.exec(created.body)?.[0];
    expect(token).toBeDefined();
    expect(created.body).toContain('Token &quot;CRM import&quot; created.');

    const later = await c.get('/settings/tokens');
    expect(later.statusCode).toBe(200);
    expect(later.body).not.toContain(token!);
    expect(TOKEN.test(later.body)).toBe(false);
    expect(later.body).toContain(`<code>${token!.slice(0, 10)}…</code>`);
    expect(later.body).toContain('CRM import');

    const me = await bearer(token!);
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(u.id);
  });

  it('a token form without a name comes back with an error and creates nothing', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const res = await c.post('/settings/tokens', { name: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="name-error"');
    expect(TOKEN.test(res.body)).toBe(false);
    const rows = await t.deps.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', u.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('POST /api/v1/tokens answers 201 with the token, which then signs API calls in', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const res = await c.api('POST', '/api/v1/tokens', { name: 'nightly export' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: 'nightly export', lastUsedAt: null });
    expect(body.token).toMatch(new RegExp(`^${TOKEN.source}$`));
    expect(body.prefix).toBe(body.token.slice(0, 10));
    expect(typeof body.id).toBe('string');
    expect(Number.isNaN(Date.parse(body.createdAt))).toBe(false);

    const me = await bearer(body.token);
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(u.email);
  });

  it('an API token without a name is a 400 naming the field', async () => {
    const c = await signedIn(t.app, await createUser(t.deps));
    const res = await c.api('POST', '/api/v1/tokens', { name: '' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'required' }),
    ]);
  });

  it('the list shows my tokens, never their secrets, and not other people’s tokens', async () => {
    const u = await createUser(t.deps);
    const other = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const a = await createViaApi(c, 'first');
    const b = await createViaApi(c, 'second');
    const foreign = await createViaApi(await signedIn(t.app, other), 'foreign');

    expect((await bearer(a.token)).statusCode).toBe(200);
    const res = await c.api('GET', '/api/v1/tokens');
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json();
    expect(nextCursor).toBeNull();
    expect(items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    for (const item of items) expect(item).not.toHaveProperty('token');
    expect(res.body).not.toContain(a.token);
    expect(res.body).not.toContain(b.token);
    expect(res.body).not.toContain(foreign.id);
    const used = items.find((i: { id: string }) => i.id === a.id);
    const unused = items.find((i: { id: string }) => i.id === b.id);
    expect(used.lastUsedAt).not.toBeNull();
    expect(unused.lastUsedAt).toBeNull();
    expect(used.prefix).toBe(a.token.slice(0, 10));
  });

  it('a revoked token is refused with 401 problem+json code invalid_token', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const { id, token } = await createViaApi(c, 'to revoke');
    expect((await bearer(token)).statusCode).toBe(200);

    const del = await c.api('DELETE', `/api/v1/tokens/${id}`);
    expect(del.statusCode).toBe(204);

    const res = await bearer(token);
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, code: 'invalid_token' });
    const list = (await c.api('GET', '/api/v1/tokens')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await c.api('DELETE', `/api/v1/tokens/${id}`)).statusCode).toBe(404);
  });

  it('revoking on the settings page ends the token and removes it from the list', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const { id, token, prefix } = await createViaApi(c, 'page revoke');
    const page = await c.get('/settings/tokens');
    expect(page.body).toContain(`action="/settings/tokens/${id}/revoke"`);

    const res = await c.post(`/settings/tokens/${id}/revoke`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/settings/tokens');
    const after = await c.get('/settings/tokens');
    expect(after.body).toContain('Token revoked.');
    expect(after.body).not.toContain(prefix);
    expect((await bearer(token)).json().code).toBe('invalid_token');
  });

  it('tokens are stored only as a hash', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const { id, token } = await createViaApi(c, 'hashed');
    const row = await t.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toBe(token);
    expect(row.token_hash).not.toContain(token.slice(3));
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.prefix).toBe(token.slice(0, 10));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('bearer requests need no CSRF token', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const { token } = await createViaApi(c, 'script');
    const auth = { authorization: `Bearer ${token}` };

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'made by a script' }),
    });
    expect(created.statusCode).toBe(201);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'Scripted title' }),
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().title).toBe('Scripted title');
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${created.json().id}`,
      headers: auth,
    });
    expect(revoked.statusCode).toBe(204);
  });

  it('another person cannot revoke my token (404), and it keeps working', async () => {
    const me = await createUser(t.deps);
    const mallory = await createUser(t.deps);
    const mine = await createViaApi(await signedIn(t.app, me), 'mine');
    const m = await signedIn(t.app, mallory);

    const res = await m.api('DELETE', `/api/v1/tokens/${mine.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    const page = await m.post(`/settings/tokens/${mine.id}/revoke`);
    expect(page.statusCode).toBe(303);
    expect((await m.get('/settings/tokens')).body).toContain('Not found');

    const still = await bearer(mine.token);
    expect(still.statusCode).toBe(200);
    expect(still.json().id).toBe(me.id);
  });

  it('an unknown or malformed bearer token is refused with 401 invalid_token', async () => {
    for (const header of ['Bearer kt_unknown', 'Bearer not-a-token', 'Basic dXNlcjpwYXNz']) {
      const res = await t.app.inject({ url: '/api/v1/me', headers: { authorization: header } });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid_token');
    }
    const anonymous = await t.app.inject({ url: '/api/v1/tokens' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthenticated');
  });
});
