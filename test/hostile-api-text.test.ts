import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/features/accounts/accounts.table.ts';
import { DIALECTS } from './db.ts';
import { createAdmin, createUser, signedIn, tokenFor, type Client } from './factories.ts';
import { build, type TestApp } from './helpers.ts';
import {
  apiGet,
  apiSender,
  countTokens,
  countUserRows,
  expectNoRawMarkup,
  HOSTILE,
  HTML_ATTR_ESCAPED,
  HTML_SCRIPT,
  HTML_SCRIPT_ESCAPED,
  problem,
  SQL_DELETE,
  SQL_DROP,
  UNICODE_NAMES,
} from './hostile-helpers.ts';

describe.each(DIALECTS)(
  'control characters, markup, SQL and Unicode via the API (%s)',
  (dialect) => {
    let t: TestApp;
    let u: User;
    let adminToken: string;
    let userToken: string;
    let baseTokens: number;
    let browser: Client;
    beforeAll(async () => {
      t = await build(dialect);
      const admin = await createAdmin(t.deps);
      u = await createUser(t.deps, { name: 'Uwe Unverändert', bio: 'Original bio' });
      adminToken = await tokenFor(t.deps, admin);
      userToken = await tokenFor(t.deps, u);
      baseTokens = await countTokens(t.deps, u.id);
      browser = await signedIn(t.app, admin);
    });
    afterAll(async () => t.close());

    const patchMe = (body: unknown) =>
      apiSender(t)('PATCH', `/api/v1/users/${u.id}`, userToken, body);
    const newUser = (body: unknown) => apiSender(t)('POST', '/api/v1/users', adminToken, body);
    const newToken = (body: unknown) => apiSender(t)('POST', '/api/v1/tokens', userToken, body);
    const stored = async () => (await apiGet(t, `/api/v1/users/${u.id}`, userToken)).json();
    const restore = async () =>
      expect(
        (
          await patchMe({
            name: 'Uwe Unverändert',
            title: '',
            department: '',
            location: '',
            bio: 'Original bio',
            skills: [],
          })
        ).statusCode,
      ).toBe(200);
    const expectUnchanged = async () => {
      expect(await stored()).toMatchObject({
        name: 'Uwe Unverändert',
        bio: 'Original bio',
        title: '',
        skills: [],
        role: 'member',
      });
      expect(await countTokens(t.deps, u.id)).toBe(baseTokens);
    };

    it.each([
      ['NUL', '\u0000'],
      ['bell', '\u0007'],
      ['escape', '\u001b'],
      ['delete', '\u007f'],
      ['line feed', '\n'],
      ['carriage return', '\r'],
    ])('refuses a %s character in every one-line field as control_characters', async (_l, ch) => {
      const res = await patchMe({
        name: `Uwe${ch}`,
        title: `a${ch}b`,
        department: `${ch}IT`,
        location: `Köln${ch}`,
        skills: ['ok', `Go${ch}`],
        timeZone: `UTC${ch}`,
      });
      expect(res.statusCode).toBe(400);
      expect(problem(res).fields).toEqual({
        name: 'control_characters',
        title: 'control_characters',
        department: 'control_characters',
        location: 'control_characters',
        'skills.1': 'control_characters',
        timeZone: 'control_characters',
      });
      expect(problem(await newToken({ name: `ci${ch}` })).fields).toEqual({
        name: 'control_characters',
      });
      const before = await countUserRows(t.deps);
      const person = problem(await newUser({ email: 'z@example.com', name: `Z${ch}` }));
      expect(person.fields).toEqual({ name: 'control_characters' });
      expect(await countUserRows(t.deps)).toBe(before);
      await expectUnchanged();
    });

    it('refuses NUL, bell, escape and delete in the bio but keeps its line breaks and tabs', async () => {
      for (const ch of ['\u0000', '\u0007', '\u001b', '\u007f']) {
        expect(problem(await patchMe({ bio: `Hallo${ch}Welt` })).fields).toEqual({
          bio: 'control_characters',
        });
      }
      await expectUnchanged();
      const bio = 'Zeile eins\n\tmit Tab\n\nAbsatz zwei\tEnde';
      const res = await patchMe({ bio });
      expect(res.statusCode).toBe(200);
      expect(res.json().bio).toBe(bio);
      expect((await stored()).bio).toBe(bio);
      await restore();
    });

    it('stores HTML and SQL fragments in every profile field as sent and shows them escaped', async () => {
      const before = await countUserRows(t.deps);
      const sent = {
        name: HTML_SCRIPT,
        title: SQL_DROP,
        department: HOSTILE[1],
        location: SQL_DELETE,
        bio: HOSTILE.join('\n'),
        skills: [...HOSTILE],
      };
      const res = await patchMe(sent);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject(sent);
      expect(await stored()).toMatchObject(sent);
      for (const url of [
        `/people/${u.id}`,
        '/people',
        `/people?department=${encodeURIComponent(HOSTILE[1])}`,
      ]) {
        const page = await browser.get(url);
        expect(page.statusCode).toBe(200);
        expectNoRawMarkup(page.body);
        expect(page.body).toContain(HTML_SCRIPT_ESCAPED);
        expect(page.body).toContain(HTML_ATTR_ESCAPED);
      }
      expect(await countUserRows(t.deps)).toBe(before);
      await restore();
    });

    it('creates a person whose name is SQL as typed, and the users table survives', async () => {
      const before = await countUserRows(t.deps);
      for (const [i, name] of HOSTILE.entries()) {
        const res = await newUser({ email: `hostile${i}@example.com`, name, title: SQL_DROP });
        expect(res.statusCode).toBe(201);
        expect(res.json().user).toMatchObject({ name, title: SQL_DROP });
        const back = await apiGet(t, `/api/v1/users/${res.json().user.id}`, adminToken);
        expect(back.json().name).toBe(name);
      }
      expect(await countUserRows(t.deps)).toBe(before + HOSTILE.length);
      const tok = await newToken({ name: SQL_DELETE });
      expect(tok.statusCode).toBe(201);
      expect(tok.json().name).toBe(SQL_DELETE);
      const list = await apiGet(t, '/api/v1/tokens', userToken);
      expect(list.json().items.map((x: { name: string }) => x.name)).toContain(SQL_DELETE);
      baseTokens = await countTokens(t.deps, u.id);
    });

    it.each(UNICODE_NAMES)('keeps a name with %s exactly as sent', async (_label, name) => {
      const res = await patchMe({ name, skills: [name], location: name });
      expect(res.statusCode).toBe(200);
      const back = await stored();
      expect(back.name).toBe(name);
      expect(back.skills).toEqual([name]);
      expect(back.location).toBe(name);
      const page = await browser.get(`/people/${u.id}`);
      expect(page.body).toContain(`<h1>${name}</h1>`);
      await restore();
    });

    it('rejects prototype-pollution keys in JSON and never changes the role', async () => {
      for (const raw of [
        '{"__proto__":{"role":"admin"},"name":"Uwe Unverändert"}',
        '{"constructor":{"prototype":{"role":"admin"}},"name":"Uwe Unverändert"}',
        '{"skills":[{"__proto__":{"admin":true}}]}',
      ]) {
        const res = await patchMe(raw);
        expect(res.statusCode).toBe(400);
        expect(['invalid_json', 'validation_failed']).toContain(problem(res).code);
      }
      const quiet = await patchMe({
        role: 'admin',
        status: 'deactivated',
        email: 'me@evil.example',
      });
      expect([200, 400]).toContain(quiet.statusCode);
      await expectUnchanged();
      expect((await stored()).email).toBe(u.email);
      const probe = {} as Record<string, unknown>;
      expect([probe.role, probe.admin]).toEqual([undefined, undefined]);

      const created = await newUser(
        '{"email":"proto@example.com","name":"Proto","__proto__":{"role":"admin"}}',
      );
      expect(created.statusCode).toBe(400);
      const row = await t.deps.db
        .selectFrom('users')
        .select('role')
        .where('email', '=', 'proto@example.com')
        .executeTakeFirst();
      expect(row).toBeUndefined();
    });

    it('refuses invalid UTF-8 in a form body sent to the API as invalid_utf8', async () => {
      for (const body of [
        Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3d, 0xff, 0xfe]),
        'name=ci%C3%28bot',
        'name=%FF',
      ]) {
        const res = await apiSender(t)(
          'POST',
          '/api/v1/tokens',
          userToken,
          body,
          'application/x-www-form-urlencoded',
        );
        expect(res.statusCode).toBe(400);
        expect(problem(res).code).toBe('invalid_utf8');
      }
      await expectUnchanged();
    });

    it('refuses invalid UTF-8 bytes in a JSON body instead of storing replacement characters', async () => {
      const raw = Buffer.concat([
        Buffer.from('{"name":"Uwe '),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]);
      const res = await patchMe(raw);
      expect(res.statusCode).toBe(400);
      expect(problem(res).code).toBe('invalid_utf8');
      const overlong = Buffer.concat([
        Buffer.from('{"name":"'),
        Buffer.from([0xc0, 0xaf]),
        Buffer.from('"}'),
      ]);
      expect(problem(await newToken(overlong)).code).toBe('invalid_utf8');
      await expectUnchanged();
    });

    it('refuses a lone surrogate escape in JSON instead of storing something else', async () => {
      for (const raw of [
        '{"name":"Uwe \\ud800"}',
        '{"bio":"x\\udfffy"}',
        '{"skills":["\\ud83d"]}',
      ]) {
        const res = await patchMe(raw);
        expect(res.statusCode).toBe(400);
        expect(problem(res).code).toBe('invalid_utf8');
      }
      const pair = await patchMe('{"name":"Uwe \\ud83d\\ude00"}');
      expect(pair.statusCode).toBe(200);
      expect(pair.json().name).toBe('Uwe 😀');
      await restore();
      await expectUnchanged();
    });
  },
);
