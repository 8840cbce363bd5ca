import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

interface Problem {
  status: number;
  code: string;
  errors?: { field: string; code: string; message: string }[];
}

describe.each(DIALECTS)('profiles (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  const patch = (c: Client, id: string, body: unknown) =>
    c.api('PATCH', `/api/v1/users/${id}`, body);

  /** The fields of a 400 problem, as "field:code". */
  function fieldsOf(res: {
    statusCode: number;
    headers: Record<string, unknown>;
    json(): unknown;
  }) {
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    const p = res.json() as Problem;
    expect(p.code).toBe('validation_failed');
    for (const e of p.errors ?? []) expect(e.message.length).toBeGreaterThan(0);
    return (p.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();
  }

  it('a person edits their own profile through the API', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const res = await patch(c, u.id, {
      name: '  Jana   Nowak ',
      title: 'Buyer',
      department: 'Purchasing',
      bio: 'Twenty years of tenders.\n\nAsk me anything.',
      availability: 'busy',
      capacity: 40,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: u.id,
      name: 'Jana Nowak',
      title: 'Buyer',
      department: 'Purchasing',
      bio: 'Twenty years of tenders.\n\nAsk me anything.',
      availability: 'busy',
      capacity: 40,
    });
    const again = await c.api('GET', `/api/v1/users/${u.id}`);
    expect(again.json()).toMatchObject({ name: 'Jana Nowak', capacity: 40 });
    expect((await c.api('GET', '/api/v1/me')).json().title).toBe('Buyer');
  });

  it('another member may read but not change my profile (403), and nothing changes', async () => {
    const u = await createUser(t.deps, { title: 'Original' });
    const other = await signedIn(t.app, await createUser(t.deps));
    expect((await other.api('GET', `/api/v1/users/${u.id}`)).json().title).toBe('Original');
    const res = await patch(other, u.id, { title: 'Hacked' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    const row = await t.deps.db
      .selectFrom('users')
      .select('title')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.title).toBe('Original');
  });

  it('an admin can change anyone’s profile', async () => {
    const u = await createUser(t.deps);
    const admin = await signedIn(t.app, await createAdmin(t.deps));
    const res = await patch(admin, u.id, { department: 'Legal', skills: ['Contracts'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: u.id, department: 'Legal', skills: ['Contracts'] });
  });

  it('a member cannot make themselves admin or change their e-mail through the profile', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const res = await patch(c, u.id, {
      role: 'admin',
      status: 'active',
      email: 'boss@example.com',
      title: 'Chief',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'member', email: u.email, title: 'Chief' });
    const row = await t.deps.db
      .selectFrom('users')
      .select(['role', 'email'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'member', email: u.email });
  });

  it('a request with several wrong fields names each of them', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const res = await patch(c, u.id, { capacity: 150, availability: 'sleeping' });
    expect(fieldsOf(res)).toEqual(['availability:invalid_value', 'capacity:out_of_range']);

    const more = await patch(c, u.id, { capacity: '50', name: '', awayUntil: 'tomorrow' });
    expect(fieldsOf(more)).toEqual([
      'awayUntil:invalid_date',
      'capacity:invalid_type',
      'name:required',
    ]);
    expect((await c.api('GET', '/api/v1/me')).json().capacity).toBe(100);
  });

  it('refuses oneself, a cycle and an unknown person as manager', async () => {
    const a = await createUser(t.deps);
    const b = await createUser(t.deps);
    const boss = await createUser(t.deps, { name: 'Berta Boss' });
    const ca = await signedIn(t.app, a);
    const cb = await signedIn(t.app, b);

    expect(fieldsOf(await patch(ca, a.id, { managerId: a.id }))).toEqual(['managerId:self']);
    expect(fieldsOf(await patch(ca, a.id, { managerId: 'NOBODY' }))).toEqual([
      'managerId:unknown_person',
    ]);

    const ok = await patch(ca, a.id, { managerId: b.id });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().managerId).toBe(b.id);
    expect((await patch(cb, b.id, { managerId: boss.id })).statusCode).toBe(200);
    // boss → b → a: boss may not report to a
    const cboss = await signedIn(t.app, boss);
    expect(fieldsOf(await patch(cboss, boss.id, { managerId: a.id }))).toEqual(['managerId:cycle']);
    expect(fieldsOf(await patch(cb, b.id, { managerId: a.id }))).toEqual(['managerId:cycle']);

    const page = await ca.get(`/people/${b.id}`);
    expect(page.body).toContain(`<a href="/people/${boss.id}">Berta Boss</a>`);
  });

  it('refuses an away date in the past and keeps one in the future', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const past = await patch(c, u.id, { availability: 'away', awayUntil: '2001-02-03' });
    expect(fieldsOf(past)).toEqual(['awayUntil:in_past']);
    const future = await patch(c, u.id, { availability: 'away', awayUntil: '2099-12-31' });
    expect(future.statusCode).toBe(200);
    expect(future.json()).toMatchObject({ availability: 'away', awayUntil: '2099-12-31' });
    const back = await patch(c, u.id, { availability: 'available' });
    expect(back.json().awayUntil).toBeNull();
  });

  it('skills are deduplicated ignoring case and accents, keeping the first spelling', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const res = await patch(c, u.id, {
      skills: ['Kubernetes', 'kubernetes', 'Café', 'cafe', ' SAP ', 'sap', 'Ärger', 'ARGER'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().skills).toEqual(['Kubernetes', 'Café', 'SAP', 'Ärger']);
  });

  const formFields = {
    name: 'Petra Paulsen',
    title: 'Controller',
    department: 'Finance',
    location: 'Hamburg',
    bio: 'Numbers.',
    skills: 'Excel, excel, SAP',
    availability: 'available',
    capacity: '80',
    awayUntil: '',
    manager: '',
  };

  it('the profile form saves and shows the profile', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const edit = await c.get(`/people/${u.id}/edit`);
    expect(edit.statusCode).toBe(200);
    const res = await c.post(`/people/${u.id}`, formFields);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/people/${u.id}`);
    const page = await c.get(`/people/${u.id}`);
    expect(page.body).toContain('Profile saved.');
    expect(page.body).toContain('Controller · Finance · Hamburg');
    expect((await c.api('GET', '/api/v1/me')).json().skills).toEqual(['Excel', 'SAP']);
  });

  it('a bad profile form comes back with what was typed and an error beside each wrong field', async () => {
    const u = await createUser(t.deps, { title: 'Before' });
    const c = await signedIn(t.app, u);
    await c.get(`/people/${u.id}/edit`);
    const res = await c.post(`/people/${u.id}`, {
      ...formFields,
      name: 'Neu <b>',
      title: 'Typed title',
      capacity: '150',
      availability: 'sleeping',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="capacity-error"');
    expect(res.body).toContain('id="availability-error"');
    expect(res.body).not.toContain('id="title-error"');
    expect(res.body).toContain('value="Neu &lt;b>"');
    expect(res.body).toContain('value="Typed title"');
    expect(res.body).toContain('value="150"');

    const rules = await c.post(`/people/${u.id}`, {
      ...formFields,
      title: 'Typed again',
      manager: 'nobody@example.com',
      availability: 'away',
      awayUntil: '2001-02-03',
    });
    expect(rules.statusCode).toBe(400);
    expect(rules.body).toContain('id="manager-error"');
    expect(rules.body).toContain('Nobody active has this e-mail address');
    expect(rules.body).toContain('id="awayUntil-error"');
    expect(rules.body).toContain('value="Typed again"');
    expect(rules.body).toContain('value="nobody@example.com"');
    expect((await c.api('GET', '/api/v1/me')).json().title).toBe('Before');
  });

  it('only oneself and admins reach the profile form; others get 404', async () => {
    const u = await createUser(t.deps);
    const member = await signedIn(t.app, await createUser(t.deps));
    const view = await member.get(`/people/${u.id}`);
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toContain(`href="/people/${u.id}/edit"`);
    expect((await member.get(`/people/${u.id}/edit`)).statusCode).toBe(404);
    expect((await member.post(`/people/${u.id}`, formFields)).statusCode).toBe(404);

    const admin = await signedIn(t.app, await createAdmin(t.deps));
    expect((await admin.get(`/people/${u.id}`)).body).toContain(`href="/people/${u.id}/edit"`);
    const res = await admin.post(`/people/${u.id}`, { ...formFields, title: 'Set by admin' });
    expect(res.statusCode).toBe(303);
    expect((await admin.api('GET', `/api/v1/users/${u.id}`)).json().title).toBe('Set by admin');
  });

  it('an unknown profile is 404 in the API and on the page', async () => {
    const c = await signedIn(t.app, await createUser(t.deps));
    const api = await c.api('GET', '/api/v1/users/01NOBODY');
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('not_found');
    expect((await c.get('/people/01NOBODY')).statusCode).toBe(404);
  });
});
