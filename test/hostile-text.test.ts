import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/features/accounts/accounts.table.ts';
import { DIALECTS } from './db.ts';
import { Client, createAdmin, createUser, signedIn } from './factories.ts';
import { build, type TestApp } from './helpers.ts';
import {
  countUserRows,
  expectNoRawMarkup,
  HOSTILE,
  HTML_ATTR,
  HTML_ATTR_ESCAPED,
  HTML_SCRIPT,
  HTML_SCRIPT_ESCAPED,
  profileForm,
  SQL_DELETE,
  SQL_DROP,
  UNICODE_NAMES,
} from './hostile-helpers.ts';

/** What preact writes for a value in text or an attribute. */
const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

describe.each(DIALECTS)('HTML, SQL and Unicode typed into forms (%s)', (dialect) => {
  let t: TestApp;
  let admin: User;
  let u: User;
  let c: Client;
  beforeAll(async () => {
    t = await build(dialect);
    admin = await createAdmin(t.deps);
    u = await createUser(t.deps);
    c = await signedIn(t.app, u);
  });
  afterAll(async () => t.close());

  it.each(HOSTILE)(
    'stores %s exactly as typed in every profile field and shows it escaped',
    async (payload) => {
      const before = await countUserRows(t.deps);
      const skills = /[,;]/.test(payload) ? [] : [payload, 'Kochen'];
      const bio = `${payload}\n\n${payload}`;
      const res = await c.post(
        `/people/${u.id}`,
        profileForm({
          name: payload,
          title: payload,
          department: payload,
          location: payload,
          bio,
          skills: skills.join(', '),
        }),
      );
      expect(res.statusCode).toBe(303);

      const json = (await c.api('GET', `/api/v1/users/${u.id}`)).json();
      expect(json).toMatchObject({
        name: payload,
        title: payload,
        department: payload,
        location: payload,
        bio,
        skills,
      });

      const profile = await c.get(`/people/${u.id}`);
      const directory = await c.get('/people');
      const edit = await c.get(`/people/${u.id}/edit`);
      for (const page of [profile, directory, edit]) {
        expect(page.statusCode).toBe(200);
        expectNoRawMarkup(page.body);
        expect(page.body).toContain(escaped(payload));
      }
      expect(profile.body).toContain(`<title>${escaped(payload)} · `);
      expect(edit.body).toContain(`value="${escaped(payload)}"`);
      expect(await countUserRows(t.deps)).toBe(before);
    },
  );

  it('shows the script and attribute fragments in their escaped forms on the profile', async () => {
    const res = await c.post(
      `/people/${u.id}`,
      profileForm({ name: HTML_SCRIPT, title: HTML_ATTR, skills: `${HTML_SCRIPT}, ${HTML_ATTR}` }),
    );
    expect(res.statusCode).toBe(303);
    const page = await c.get(`/people/${u.id}`);
    expect(page.body).toContain(HTML_SCRIPT_ESCAPED);
    expect(page.body).toContain(HTML_ATTR_ESCAPED);
    expect(page.body).toContain(`/people?skill=${encodeURIComponent(HTML_ATTR)}`);
    expectNoRawMarkup(page.body);
  });

  it('stores an admin-created person with hostile fields as typed and lists them escaped', async () => {
    const ac = await signedIn(t.app, admin);
    const res = await ac.post('/admin/users', {
      name: HTML_SCRIPT,
      email: 'hostile.person@example.com',
      title: SQL_DROP,
      department: HTML_ATTR,
      location: SQL_DELETE,
      mode: 'invite',
    });
    expect(res.statusCode).toBe(303);
    const row = await t.deps.db
      .selectFrom('users')
      .select(['name', 'title', 'department', 'location'])
      .where('email', '=', 'hostile.person@example.com')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      name: HTML_SCRIPT,
      title: SQL_DROP,
      department: HTML_ATTR,
      location: SQL_DELETE,
    });
    const list = await ac.get('/admin/users');
    expect(list.statusCode).toBe(200);
    expectNoRawMarkup(list.body);
    expect(list.body).toContain(HTML_SCRIPT_ESCAPED);
  });

  it('shows a hostile token name escaped on the tokens page', async () => {
    const res = await c.post('/settings/tokens', { name: HTML_ATTR });
    expect(res.statusCode).toBe(201);
    expectNoRawMarkup(res.body);
    expect(res.body).toContain(HTML_ATTR_ESCAPED);
    const tokens = (await c.api('GET', '/api/v1/tokens')).json().items as { name: string }[];
    expect(tokens.map((x) => x.name)).toContain(HTML_ATTR);
  });

  it.each(UNICODE_NAMES)('keeps a name with %s exactly as typed', async (_label, name) => {
    const title = `${name} (Leitung)`;
    const res = await c.post(`/people/${u.id}`, profileForm({ name, title, bio: name }));
    expect(res.statusCode).toBe(303);
    const json = (await c.api('GET', `/api/v1/users/${u.id}`)).json();
    expect(json.name).toBe(name);
    expect(json.title).toBe(title);
    expect(json.bio).toBe(name);
    const row = await t.deps.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(row.name).equals(Buffer.from(name))).toBe(true);
    const page = await c.get(`/people/${u.id}`);
    expect(page.body).toContain(`<h1>${name}</h1>`);
    expect((await c.get('/people')).body).toContain(`>${name}</a>`);
  });
});

describe.each(DIALECTS)('HTML and SQL typed into the setup form (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  it('stores the organisation and first admin as typed and shows them escaped', async () => {
    const c = new Client(t.app);
    await c.get('/setup');
    const res = await c.post('/setup', {
      orgName: HTML_SCRIPT,
      name: SQL_DELETE,
      email: 'erika@example.com',
      password: 'a long enough phrase',
    });
    expect(res.statusCode).toBe(303);
    expect(await countUserRows(t.deps)).toBe(1);
    const me = (await c.api('GET', '/api/v1/me')).json();
    expect(me.name).toBe(SQL_DELETE);

    const home = await c.get('/');
    expect(home.statusCode).toBe(200);
    expectNoRawMarkup(home.body);
    expect(home.body).toContain(`<a class="brand" href="/">${HTML_SCRIPT_ESCAPED}</a>`);
    const profile = await c.get(`/people/${me.id}`);
    expect(profile.body).toContain(`<h1>${SQL_DELETE}</h1>`);
    expect((await c.get('/people')).body).toContain(SQL_DELETE);
  });
});
