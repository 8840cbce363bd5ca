import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/features/accounts/accounts.table.ts';
import { DIALECTS } from './db.ts';
import { createAdmin, createUser, tokenFor } from './factories.ts';
import { build, type TestApp } from './helpers.ts';
import { apiGet, apiSender, countTokens, countUserRows, problem } from './hostile-helpers.ts';

describe.each(DIALECTS)('over-long, mistyped, malformed and missing JSON input (%s)', (dialect) => {
  let t: TestApp;
  let u: User;
  let adminToken: string;
  let userToken: string;
  let baseTokens: number;
  beforeAll(async () => {
    t = await build(dialect);
    const admin = await createAdmin(t.deps);
    u = await createUser(t.deps, { name: 'Uwe Unverändert', bio: 'Original bio' });
    adminToken = await tokenFor(t.deps, admin);
    userToken = await tokenFor(t.deps, u);
    baseTokens = await countTokens(t.deps, u.id);
  });
  afterAll(async () => t.close());

  const patchMe = (body: unknown) =>
    apiSender(t)('PATCH', `/api/v1/users/${u.id}`, userToken, body);
  const newUser = (body: unknown) => apiSender(t)('POST', '/api/v1/users', adminToken, body);
  const newToken = (body: unknown) => apiSender(t)('POST', '/api/v1/tokens', userToken, body);
  const expectUnchanged = async () => {
    expect((await apiGet(t, `/api/v1/users/${u.id}`, userToken)).json()).toMatchObject({
      name: 'Uwe Unverändert',
      bio: 'Original bio',
      title: '',
      skills: [],
      availability: 'available',
      capacity: 100,
      role: 'member',
    });
    expect(await countTokens(t.deps, u.id)).toBe(baseTokens);
  };

  it('names each over-long profile field with too_long or too_many and changes nothing', async () => {
    const res = await patchMe({
      name: 'N'.repeat(101),
      title: 'T'.repeat(101),
      bio: 'b'.repeat(2001),
      skills: Array.from({ length: 21 }, (_, i) => `Skill ${i}`),
      timeZone: 'Z'.repeat(65),
    });
    expect(res.statusCode).toBe(400);
    const p = problem(res);
    expect(p.code).toBe('validation_failed');
    expect(p.fields).toMatchObject({
      name: 'too_long',
      title: 'too_long',
      bio: 'too_long',
      skills: 'too_many',
      timeZone: 'too_long',
    });
    expect(problem(await patchMe({ skills: ['ok', 'S'.repeat(61)] })).fields).toEqual({
      'skills.1': 'too_long',
    });
    await expectUnchanged();
  });

  it('accepts values exactly at the limits', async () => {
    const res = await patchMe({
      title: 'T'.repeat(100),
      bio: 'b'.repeat(2000),
      skills: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(60, 's')),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().title).toHaveLength(100);
    expect(res.json().bio).toHaveLength(2000);
    expect(res.json().skills).toHaveLength(20);
    expect((await patchMe({ title: '', bio: 'Original bio', skills: [] })).statusCode).toBe(200);
    await expectUnchanged();
  });

  it('names over-long fields of a new person and of a new token and creates neither', async () => {
    const before = await countUserRows(t.deps);
    const p = problem(
      await newUser({ email: `${'e'.repeat(250)}@example.com`, name: 'N'.repeat(101) }),
    );
    expect(p.status).toBe(400);
    expect(p.fields.name).toBe('too_long');
    expect(['too_long', 'invalid_email']).toContain(p.fields.email);
    const loc = await newUser({ email: 'ok@example.com', name: 'Ok', location: 'L'.repeat(101) });
    expect(problem(loc).fields).toEqual({ location: 'too_long' });
    expect(await countUserRows(t.deps)).toBe(before);
    expect(problem(await newToken({ name: 'T'.repeat(101) })).fields).toEqual({ name: 'too_long' });
    await expectUnchanged();
  });

  it('answers a JSON body of 1.5 MB with 413 too_large', async () => {
    const res = await patchMe({ bio: 'b'.repeat(1_500_000) });
    expect(res.statusCode).toBe(413);
    expect(problem(res).code).toBe('too_large');
    await expectUnchanged();
  });

  it.each([
    ['capacity as a string', { capacity: '50' }, 'capacity', ['invalid_type']],
    ['capacity as a fraction', { capacity: 50.5 }, 'capacity', ['invalid_type']],
    ['capacity as a boolean', { capacity: true }, 'capacity', ['invalid_type']],
    ['name as a number', { name: 42 }, 'name', ['invalid_type']],
    ['name as an object', { name: { first: 'Uwe' } }, 'name', ['invalid_type']],
    ['skills as a string', { skills: 'a,b' }, 'skills', ['invalid_type']],
    ['a skill as a number', { skills: ['a', 7] }, 'skills.1', ['invalid_type']],
    [
      'availability as null',
      { availability: null },
      'availability',
      ['invalid_type', 'invalid_value'],
    ],
    ['an unknown availability', { availability: 'holiday' }, 'availability', ['invalid_value']],
    ['an unknown locale', { locale: 'fr' }, 'locale', ['invalid_value']],
    ['bio as an array', { bio: ['x'] }, 'bio', ['invalid_type']],
  ])('refuses %s with a named field error', async (_label, body, field, codes) => {
    const res = await patchMe(body);
    expect(res.statusCode).toBe(400);
    const p = problem(res);
    expect(p.code).toBe('validation_failed');
    expect(codes).toContain(p.fields[field]);
    await expectUnchanged();
  });

  it('refuses wrong types when creating a person or a token', async () => {
    const before = await countUserRows(t.deps);
    const p = problem(
      await newUser({ email: 'x@example.com', name: 'X', invite: 'yes', role: 'root' }),
    );
    expect(p.fields).toMatchObject({ invite: 'invalid_type', role: 'invalid_value' });
    expect(problem(await newUser({ email: 42, name: ['X'] })).fields).toMatchObject({
      email: 'invalid_type',
      name: 'invalid_type',
    });
    expect(await countUserRows(t.deps)).toBe(before);
    expect(problem(await newToken({ name: ['ci'] })).fields).toEqual({ name: 'invalid_type' });
    await expectUnchanged();
  });

  it.each([
    ['null', 'null'],
    ['an array', '[{"name":"x"}]'],
    ['a bare string', '"Uwe"'],
    ['a number', '42'],
  ])('refuses %s as the body with invalid_type for the whole body', async (_label, raw) => {
    const res = await patchMe(raw);
    expect(res.statusCode).toBe(400);
    expect(problem(res).fields).toEqual({ '(body)': 'invalid_type' });
    await expectUnchanged();
  });

  it.each([
    ['a trailing comma', '{"name":"X",}'],
    ['single quotes', "{'name':'X'}"],
    ['a cut-off body', '{"name":'],
    ['an empty body', ''],
    ['a bare word', 'undefined'],
    ['HTML instead of JSON', '<html><body>hi</body></html>'],
    ['two documents', '{"name":"X"}{"name":"Y"}'],
  ])('refuses malformed JSON with %s as invalid_json', async (_label, raw) => {
    for (const res of [await patchMe(raw), await newUser(raw), await newToken(raw)]) {
      expect(res.statusCode).toBe(400);
      expect(problem(res).code).toBe('invalid_json');
    }
    await expectUnchanged();
  });

  it('refuses deeply nested JSON with a named error, without crashing', async () => {
    const arrays = `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(problem(await patchMe(arrays)).fields).toEqual({ name: 'invalid_type' });
    const objects = `{"name":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
    expect(problem(await patchMe(objects)).fields).toEqual({ name: 'invalid_type' });
    await expectUnchanged();
  });

  it('names the required fields of a new person and a new token', async () => {
    const before = await countUserRows(t.deps);
    const p = problem(await newUser({}));
    expect(p.status).toBe(400);
    expect(p.fields).toMatchObject({ email: 'required', name: 'required' });
    expect(problem(await newUser({ email: 'y@example.com', name: '' })).fields).toEqual({
      name: 'required',
    });
    const noPassword = await newUser({ email: 'y@example.com', name: 'Y', invite: false });
    expect(problem(noPassword).fields).toEqual({ password: 'required' });
    expect(await countUserRows(t.deps)).toBe(before);

    expect(problem(await newToken({})).fields).toEqual({ name: 'required' });
    expect(problem(await newToken({ name: '' })).fields).toEqual({ name: 'required' });
    await expectUnchanged();
  });

  it('refuses an empty or blank name in a profile change as required', async () => {
    expect(problem(await patchMe({ name: '' })).fields).toEqual({ name: 'required' });
    expect(problem(await patchMe({ name: '   ' })).fields).toEqual({ name: 'required' });
    await expectUnchanged();
  });
});
