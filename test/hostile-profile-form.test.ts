import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/features/accounts/accounts.table.ts';
import { DIALECTS } from './db.ts';
import { createAdmin, createUser, signedIn, type Client } from './factories.ts';
import { build, type TestApp } from './helpers.ts';
import { postRaw, profileForm } from './hostile-helpers.ts';

describe.each(DIALECTS)('hostile input in the profile form (%s)', (dialect) => {
  let t: TestApp;
  let u: User;
  let c: Client;
  beforeAll(async () => {
    t = await build(dialect);
    await createAdmin(t.deps);
    u = await createUser(t.deps, { name: 'Uwe Unverändert', bio: 'Original bio' });
    c = await signedIn(t.app, u);
  });
  afterAll(async () => t.close());

  const stored = async () => (await c.api('GET', `/api/v1/users/${u.id}`)).json();
  const expectUnchanged = async () =>
    expect(await stored()).toMatchObject({
      name: 'Uwe Unverändert',
      bio: 'Original bio',
      title: '',
      skills: [],
    });

  it('refuses a name of 101 characters beside the field and re-shows what was typed', async () => {
    const name = 'N'.repeat(101);
    const res = await c.post(`/people/${u.id}`, profileForm({ name, title: 'Kept title' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="name-error"');
    expect(res.body).toContain('aria-describedby="name-error"');
    expect(res.body).toContain('Please enter at most 100 characters');
    expect(res.body).toContain(`value="${name}"`);
    expect(res.body).toContain('value="Kept title"');
    await expectUnchanged();
  });

  it('refuses a bio of 2001 characters and re-shows it in the text area', async () => {
    const bio = `${'Lorem ipsum '.repeat(166)}dolor si`;
    expect(bio.length).toBe(2000);
    const res = await c.post(`/people/${u.id}`, profileForm({ bio: `${bio}!` }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="bio-error"');
    expect(res.body).toContain('Please enter at most 2,000 characters');
    expect(res.body).toContain(`${bio}!</textarea>`);
    await expectUnchanged();
  });

  it('refuses 21 skills, and an over-long skill list, naming the skills field', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `Skill ${i + 1}`).join(', ');
    const res = await c.post(`/people/${u.id}`, profileForm({ skills: many }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="skills-error"');
    expect(res.body).toContain('At most 20 entries');
    expect(res.body).toContain(`value="${many}"`);

    const longOne = await c.post(`/people/${u.id}`, profileForm({ skills: 'S'.repeat(61) }));
    expect(longOne.statusCode).toBe(400);
    expect(longOne.body).toContain('id="skills-error"');
    expect(longOne.body).toContain('60');

    const longList = await c.post(`/people/${u.id}`, profileForm({ skills: 'ab, '.repeat(400) }));
    expect(longList.statusCode).toBe(400);
    expect(longList.body).toContain('id="skills-error"');
    await expectUnchanged();
  });

  it('answers a 1.5 MB profile form with 413 and changes nothing', async () => {
    const res = await c.post(`/people/${u.id}`, profileForm({ bio: 'b'.repeat(1_500_000) }));
    expect(res.statusCode).toBe(413);
    await expectUnchanged();
  });

  it('names the required fields that are missing or blank', async () => {
    const missing = await c.post(`/people/${u.id}`, { title: 'Only a title' });
    expect(missing.statusCode).toBe(400);
    for (const f of ['name', 'availability', 'capacity'])
      expect(missing.body).toContain(`id="${f}-error"`);
    expect(missing.body).toContain('value="Only a title"');

    const blank = await c.post(`/people/${u.id}`, profileForm({ name: '   ' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('id="name-error"');
    expect(blank.body).toContain('Please fill in this field');
    await expectUnchanged();
  });

  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['escape', '\u001b'],
    ['delete', '\u007f'],
  ])('refuses a %s character in each one-line field, naming it', async (_label, ch) => {
    const res = await c.post(
      `/people/${u.id}`,
      profileForm({
        name: `Uwe${ch}`,
        title: `Lead${ch}`,
        department: `IT${ch}`,
        location: `Köln${ch}`,
        skills: `Go${ch}`,
      }),
    );
    expect(res.statusCode).toBe(400);
    for (const f of ['name', 'title', 'department', 'location', 'skills'])
      expect(res.body).toContain(`id="${f}-error"`);
    expect(res.body).toContain('Contains control characters that are not allowed');
    await expectUnchanged();
  });

  it('refuses a line break inside the name and a NUL inside the bio', async () => {
    const res = await c.post(
      `/people/${u.id}`,
      profileForm({ name: 'Uwe\nUnverändert', bio: 'Hello\u0000world' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="name-error"');
    expect(res.body).toContain('id="bio-error"');
    await expectUnchanged();
  });

  it('keeps line breaks and tabs in the bio exactly as typed', async () => {
    const bio = 'First line\n\tindented with a tab\n\nSecond paragraph\twith a tab';
    const res = await c.post(`/people/${u.id}`, profileForm({ name: 'Uwe Unverändert', bio }));
    expect(res.statusCode).toBe(303);
    expect((await stored()).bio).toBe(bio);
    const page = await c.get(`/people/${u.id}`);
    expect(page.body).toContain('Second paragraph\twith a tab');
    // restore for the other tests
    await c.post(`/people/${u.id}`, profileForm({ name: 'Uwe Unverändert', bio: 'Original bio' }));
    await expectUnchanged();
  });

  it.each([
    ['raw bytes', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3d, 0xff, 0xfe])],
    ['%C3%28', 'name=Uwe%C3%28&bio=x'],
    ['%FF', 'name=x&bio=Hello%FF'],
  ])('refuses invalid UTF-8 (%s) in the profile form and stores nothing', async (_l, body) => {
    const res = await postRaw(c, `/people/${u.id}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('The form contains characters that are not valid UTF-8');
    await expectUnchanged();
  });

  it('says so in German to a person whose language is German', async () => {
    const german = await createUser(t.deps, { locale: 'de', name: 'Greta Deutsch' });
    const gc = await signedIn(t.app, german);
    const res = await postRaw(gc, `/people/${german.id}`, 'name=Gr%C3%28ta');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Das Formular enthält Zeichen, die kein gültiges UTF-8 sind');
    expect((await gc.api('GET', '/api/v1/me')).json().name).toBe('Greta Deutsch');
  });

  it('ignores prototype-pollution keys and does not change the role or any object', async () => {
    const res = await c.post(`/people/${u.id}`, {
      ...profileForm({ name: 'Uwe Unverändert', bio: 'Original bio' }),
      '__proto__[admin]': '1',
      '__proto__[role]': 'admin',
      'constructor[prototype][x]': '1',
      'constructor[prototype][role]': 'admin',
      __proto__: 'admin',
      constructor: 'x',
      prototype: 'x',
      role: 'admin',
    });
    expect(res.statusCode).toBe(303);
    const me = await stored();
    expect(me).toMatchObject({ name: 'Uwe Unverändert', role: 'member' });
    const row = await t.deps.db
      .selectFrom('users')
      .select('role')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('member');
    const probe = {} as Record<string, unknown>;
    expect([probe.admin, probe.x, probe.role]).toEqual([undefined, undefined, undefined]);
    expect((await c.get('/admin/users')).statusCode).toBe(403);
  });
});
