import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/features/accounts/accounts.table.ts';
import { DIALECTS } from './db.ts';
import { createAdmin, createUser, signedIn, tokenFor, type Client } from './factories.ts';
import { build, type TestApp } from './helpers.ts';
import { countUserRows, profileForm } from './hostile-helpers.ts';

const TRAVERSALS = [
  '/people/../../etc/passwd',
  '/people/..%2F..%2Fetc%2Fpasswd',
  '/people/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/people/....%2F%2F....%2F%2Fetc%2Fpasswd',
  '/people/%252e%252e%252fetc%252fpasswd',
  '/assets/../../../../etc/passwd',
  '/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
];
const SQL_IDS = [
  "1' OR '1'='1",
  '1; DROP TABLE users',
  "' UNION SELECT id, email FROM users--",
  '1) OR 1=1 --',
];
const NUL_IDS = ['abc%00def', '%00', 'x%00%27%20OR%201%3D1'];

/** Not found or bad request, never a server error; API errors in the documented format. */
function expectRefused(res: LightMyRequestResponse, url: string, allowed = [400, 404]): void {
  expect({ url, status: res.statusCode }).toEqual({ url, status: expect.toBeOneOf(allowed) });
  if (url.startsWith('/api/')) {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(['not_found', 'bad_request', 'validation_failed']).toContain(res.json().code);
  }
  expect(res.body).not.toMatch(/root:.*:0:0:/);
}

describe.each(DIALECTS)('hostile paths, ids and query strings (%s)', (dialect) => {
  let t: TestApp;
  let admin: User;
  let u: User;
  let c: Client;
  let token: string;
  let users: number;
  beforeAll(async () => {
    t = await build(dialect);
    admin = await createAdmin(t.deps);
    u = await createUser(t.deps, { name: 'Uwe Unverändert' });
    c = await signedIn(t.app, admin);
    token = await tokenFor(t.deps, u);
    users = await countUserRows(t.deps);
  });
  afterAll(async () => t.close());

  const api = (method: 'GET' | 'PATCH' | 'DELETE' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });

  it.each(TRAVERSALS)('never serves a file outside the app for %s', async (url) => {
    const res = await c.get(url);
    expectRefused(res, url);
  });

  it.each(SQL_IDS)('treats the id %s as an unknown person everywhere', async (id) => {
    const enc = encodeURIComponent(id);
    for (const url of [`/people/${enc}`, `/people/${enc}/edit`, `/people/${enc}/photo/small`])
      expectRefused(await c.get(url), url, [404]);
    expectRefused(await c.post(`/people/${enc}`, profileForm()), `/people/${enc}`, [404]);
    expectRefused(await c.post(`/admin/users/${enc}/deactivate`), 'admin', [404]);
    for (const url of [`/api/v1/users/${enc}`, `/api/v1/tokens/${enc}`]) {
      const res = url.includes('tokens') ? await api('DELETE', url) : await api('GET', url);
      expectRefused(res, url, [404]);
    }
    expectRefused(
      await api('PATCH', `/api/v1/users/${enc}`, { name: 'x' }),
      `/api/v1/users/${enc}`,
      [404],
    );
    expect(await countUserRows(t.deps)).toBe(users);
  });

  it.each(NUL_IDS)('answers an id with a NUL byte (%s) with 400 or 404, never 500', async (id) => {
    for (const url of [`/people/${id}`, `/people/${id}/edit`, `/people/${id}/photo/small`])
      expectRefused(await c.get(url), url);
    expectRefused(await c.post(`/people/${id}`, profileForm()), `/people/${id}`);
    for (const url of [`/api/v1/users/${id}`, `/api/v1/sessions/${id}`, `/api/v1/tokens/${id}`]) {
      const res = url.includes('users') ? await api('GET', url) : await api('DELETE', url);
      expectRefused(res, url);
    }
    expectRefused(await c.api('POST', `/api/v1/users/${id}/deactivate`), '/api/v1/users/x');
    expect(await countUserRows(t.deps)).toBe(users);
  });

  it('refuses a manager id with a NUL byte, never a 500', async () => {
    const res = await api('PATCH', `/api/v1/users/${u.id}`, { managerId: 'abc\u0000' });
    expectRefused(res, '/api/v1/users/x', [400]);
  });

  it('answers over-long ids with 400 or 404 in the documented format', async () => {
    for (const len of [41, 100, 101, 5000]) {
      const id = 'a'.repeat(len);
      expectRefused(await c.get(`/people/${id}`), `/people/${id}`);
      expectRefused(await api('GET', `/api/v1/users/${id}`), `/api/v1/users/${id}`);
      expectRefused(
        await api('PATCH', `/api/v1/users/${id}`, { name: 'x' }),
        `/api/v1/users/${id}`,
      );
    }
  });

  it('answers malformed percent-encoding in a path with 400 in the documented format', async () => {
    for (const url of ['/api/v1/users/%FF', '/api/v1/users/%E0%A4%A', '/api/v1/users/%']) {
      expectRefused(await api('GET', url), url, [400]);
    }
    expectRefused(await c.get('/people/%C3%28'), '/people/%C3%28', [400]);
  });

  it.each([
    ['q', '%00'],
    ['q', 'a%00b'],
    ['department', 'x%00'],
    ['skill', '%00'],
    ['q', `${"'%20OR%201=1--"}`],
    ['q', '%25%25%5F'],
    ['skill', encodeURIComponent("'; DROP TABLE user_skills; --")],
    ['cursor', 'not-a-cursor'],
    ['cursor', Buffer.from('["a\\u0000","b"]').toString('base64url')],
    ['cursor', Buffer.from('{"__proto__":{"x":1}}').toString('base64url')],
    ['availability', 'everyone'],
    ['q', 'q'.repeat(101)],
  ])('answers the directory query %s=%s without a server error', async (key, value) => {
    const page = await c.get(`/people?${key}=${value}`);
    expect([200, 400]).toContain(page.statusCode);
    const res = await api('GET', `/api/v1/users?${key}=${value}`);
    expect([200, 400]).toContain(res.statusCode);
    if (res.statusCode === 400) expect(res.headers['content-type']).toMatch(/problem\+json/);
    else expect(Array.isArray(res.json().items)).toBe(true);
    expect(await countUserRows(t.deps)).toBe(users);
  });

  it.each(['abc', '-1', '0', '101', '1e9', '1.5'])(
    'refuses the list limit %s with a named field error',
    async (limit) => {
      const res = await api('GET', `/api/v1/users?limit=${limit}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['limit']);
    },
  );

  it('finds a person by a search that needs no escaping after all the hostile ones', async () => {
    const res = await api('GET', '/api/v1/users?q=unver');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((x: { id: string }) => x.id)).toEqual([u.id]);
  });
});
