import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from '../accounts/accounts.table.ts';

const NOW = new Date('2026-11-28T10:00:00Z');

interface Problem {
  code: string;
  errors?: { field: string; code: string; message: string }[];
}
const fieldsOf = (body: unknown) => ((body as Problem).errors ?? []).map((e) => [e.field, e.code]);

describe.each(DIALECTS)('customers: pages and API (%s)', (dialect) => {
  let t: TestApp;
  let owner: User;
  let dora: User;
  let admin: Client;
  let ownerC: Client;
  let member: Client;
  let muellerUrl = '';
  let baeckereiId = '';

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    owner = await createUser(t.deps, { name: 'Olga Owner' });
    ownerC = await signedIn(t.app, owner);
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Max Member' }));
    dora = await createUser(t.deps, { name: 'Dora Deaktiviert', status: 'deactivated' });
  });
  afterAll(async () => t.close());

  it('is refused to members who own no customer: 403 on pages, 404 in the API', async () => {
    expect((await member.get('/customers')).statusCode).toBe(403);
    expect((await ownerC.get('/customers')).statusCode).toBe(403);
    expect((await member.api('GET', '/api/v1/customers')).statusCode).toBe(404);
    expect((await member.api('POST', '/api/v1/customers', { name: 'X' })).statusCode).toBe(404);
  });

  it('creates a customer by form, naming each bad field and keeping what was typed', async () => {
    const form = await admin.get('/customers/new');
    expect(form.statusCode).toBe(200);
    // Active people by name; a deactivated one is not offered.
    const ada = form.body.indexOf('Ada Admin (');
    const max = form.body.indexOf('Max Member (');
    const olga = form.body.indexOf('Olga Owner (');
    expect(ada).toBeGreaterThan(0);
    expect(max).toBeGreaterThan(ada);
    expect(olga).toBeGreaterThan(max);
    expect(form.body).not.toContain('Dora Deaktiviert');

    const bad = await admin.post('/customers', {
      name: '  ',
      industry: 'Maschinenbau',
      ownerId: dora.id,
      status: 'bogus',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="name-error"');
    expect(bad.body).toContain('Please fill in this field');
    expect(bad.body).toContain('id="ownerId-error"');
    expect(bad.body).toContain('Choose an active person as account owner.');
    expect(bad.body).toContain('id="status-error"');
    expect(bad.body).toContain('value="Maschinenbau"');

    const ok = await admin.post('/customers', {
      name: 'Müller Maschinenbau AG',
      industry: 'Maschinenbau',
      ownerId: owner.id,
      status: 'active',
    });
    expect(ok.statusCode).toBe(303);
    muellerUrl = ok.headers.location as string;
    expect(muellerUrl).toMatch(/^\/customers\/[0-9A-Z]{26}$/);
    const page = await admin.get(muellerUrl);
    expect(page.body).toContain('The customer “Müller Maschinenbau AG” is created.');
    expect(page.body).toContain('<h1>Müller Maschinenbau AG</h1>');
    expect(page.body).toContain('Olga Owner');
    expect(page.body).toContain('No evaluations yet.');

    const same = await admin.post('/customers', {
      name: 'MULLER maschinenbau ag',
      industry: '',
      ownerId: '',
      status: 'active',
    });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('A customer with this name already exists.');
    expect(same.body).toContain('value="MULLER maschinenbau ag"');
  });

  it('creates, reads, changes and lists customers in the API, naming each bad field', async () => {
    const res = await admin.api('POST', '/api/v1/customers', {
      name: 'Bäckerei Schmidt',
      industry: 'Lebensmittel',
      ownerId: owner.id,
      status: 'prospect',
    });
    expect(res.statusCode).toBe(201);
    baeckereiId = res.json().id;
    expect(res.json()).toMatchObject({
      name: 'Bäckerei Schmidt',
      industry: 'Lebensmittel',
      status: 'prospect',
      owner: { id: owner.id, name: 'Olga Owner', email: owner.email },
      latest: null,
    });

    const taken = await admin.api('POST', '/api/v1/customers', { name: 'BACKEREI schmidt' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('name_taken');
    expect(fieldsOf(taken.json())).toEqual([['name', 'name_taken']]);

    const bad = await admin.api('POST', '/api/v1/customers', { name: '', ownerId: dora.id });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual([
      ['name', 'required'],
      ['ownerId', 'unknown_owner'],
    ]);
    const status = await admin.api('POST', '/api/v1/customers', { name: 'X', status: 'gone' });
    expect(status.statusCode).toBe(400);
    expect(fieldsOf(status.json()).map(([f]) => f)).toContain('status');

    const patched = await admin.api('PATCH', `/api/v1/customers/${baeckereiId}`, {
      industry: 'Handwerk',
      ownerId: null,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Bäckerei Schmidt',
      industry: 'Handwerk',
      owner: null,
    });
    const back = await admin.api('PATCH', `/api/v1/customers/${baeckereiId}`, {
      ownerId: owner.id,
    });
    expect(back.json().owner.id).toBe(owner.id);

    const names = async (q: string) =>
      ((await admin.api('GET', `/api/v1/customers${q}`)).json().items as { name: string }[]).map(
        (c) => c.name,
      );
    expect(await names('')).toEqual(['Bäckerei Schmidt', 'Müller Maschinenbau AG']);
    expect(await names('?status=prospect')).toEqual(['Bäckerei Schmidt']);
    expect(await names('?industry=Maschinenbau')).toEqual(['Müller Maschinenbau AG']);
    expect(await names(`?ownerId=${owner.id}`)).toEqual([
      'Bäckerei Schmidt',
      'Müller Maschinenbau AG',
    ]);
    const first = (await admin.api('GET', '/api/v1/customers?limit=1')).json();
    expect(first.items.map((c: { name: string }) => c.name)).toEqual(['Bäckerei Schmidt']);
    const second = (
      await admin.api('GET', `/api/v1/customers?limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((c: { name: string }) => c.name)).toEqual(['Müller Maschinenbau AG']);
    expect(second.nextCursor).toBeNull();
  });

  it('filters the list page by status, industry and owner', async () => {
    const all = await admin.get('/customers');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain(`href="${muellerUrl}"`);
    expect(all.body).toContain('not evaluated yet');
    const prospects = await admin.get('/customers?status=prospect');
    expect(prospects.body).toContain('Bäckerei Schmidt');
    expect(prospects.body).not.toContain('Müller Maschinenbau AG</a>');
    const industry = await admin.get('/customers?industry=Maschinenbau');
    expect(industry.body).toContain('Müller Maschinenbau AG</a>');
    expect(industry.body).not.toContain('Bäckerei Schmidt</a>');
    const nobody = await admin.get(`/customers?owner=${dora.id}`);
    expect(nobody.body).toContain('No customers match.');
  });

  it('lets an account owner read but not change; members read only with the audience setting', async () => {
    expect((await ownerC.get('/customers')).statusCode).toBe(200);
    expect((await ownerC.api('GET', '/api/v1/customers')).statusCode).toBe(200);
    expect((await ownerC.get('/customers/new')).statusCode).toBe(403);
    expect((await ownerC.get(`${muellerUrl}/edit`)).statusCode).toBe(403);
    expect((await ownerC.post(`${muellerUrl}/delete`)).statusCode).toBe(403);
    expect((await ownerC.api('POST', '/api/v1/customers', { name: 'Neu' })).statusCode).toBe(403);
    expect((await ownerC.get(muellerUrl)).body).not.toContain('Edit customer');

    expect((await member.get(muellerUrl)).statusCode).toBe(403);
    expect((await member.api('GET', `/api/v1/customers/${baeckereiId}`)).statusCode).toBe(404);
    const set = await admin.api('PUT', '/api/v1/satisfaction/settings', { audience: 'members' });
    expect(set.json()).toEqual({ audience: 'members' });
    expect((await member.get(muellerUrl)).statusCode).toBe(200);
    expect((await member.api('GET', `/api/v1/customers/${baeckereiId}`)).statusCode).toBe(200);
    expect(
      (await member.api('PATCH', `/api/v1/customers/${baeckereiId}`, { name: 'Y' })).statusCode,
    ).toBe(403);
    await admin.api('PUT', '/api/v1/satisfaction/settings', { audience: 'owners' });
    expect((await member.get(muellerUrl)).statusCode).toBe(403);
  });

  it('edits a customer by form and deletes one only after a confirmation page', async () => {
    const edit = await admin.get(`${muellerUrl}/edit`);
    expect(edit.body).toContain('value="Müller Maschinenbau AG"');
    const bad = await admin.post(`${muellerUrl}/edit`, {
      name: 'Bäckerei SCHMIDT',
      industry: 'Maschinen',
      ownerId: owner.id,
      status: 'former',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('A customer with this name already exists.');
    expect(bad.body).toContain('value="Maschinen"');
    const ok = await admin.post(`${muellerUrl}/edit`, {
      name: 'Müller Maschinenbau GmbH',
      industry: 'Maschinenbau',
      ownerId: owner.id,
      status: 'former',
    });
    expect(ok.statusCode).toBe(303);
    const page = await admin.get(muellerUrl);
    expect(page.body).toContain('The customer is saved.');
    expect(page.body).toContain('former');

    const confirm = await admin.get(`${muellerUrl}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Delete “Müller Maschinenbau GmbH”?');
    expect(confirm.body).toContain('all of its evaluations (now 0)');
    expect(confirm.body).toContain(`action="${muellerUrl}/delete"`);
    const gone = await admin.post(`${muellerUrl}/delete`);
    expect(gone.statusCode).toBe(303);
    expect(gone.headers.location).toBe('/customers');
    expect((await admin.get(muellerUrl)).statusCode).toBe(404);

    expect((await admin.api('DELETE', `/api/v1/customers/${baeckereiId}`)).statusCode).toBe(204);
    expect((await admin.api('GET', `/api/v1/customers/${baeckereiId}`)).statusCode).toBe(404);
  });

  it('documents every customer voice route in OpenAPI under the tag customers', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    const expected: Record<string, string[]> = {
      '/api/v1/customers': ['get', 'post'],
      '/api/v1/customers/{id}': ['delete', 'get', 'patch'],
      '/api/v1/customers/{id}/evaluations': ['get'],
      '/api/v1/customers/{id}/evaluations/{roundId}': ['delete', 'put'],
      '/api/v1/satisfaction/dimensions': ['get', 'post'],
      '/api/v1/satisfaction/dimensions/{id}': ['patch'],
      '/api/v1/satisfaction/settings': ['get', 'put'],
      '/api/v1/satisfaction/rounds': ['get', 'post'],
      '/api/v1/satisfaction/rounds/{id}': ['delete', 'get', 'patch'],
      '/api/v1/satisfaction/evaluations.csv': ['get'],
      '/api/v1/satisfaction/evaluations/import': ['post'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      const ops = doc.paths[path] ?? {};
      expect({ path, methods: Object.keys(ops).sort() }).toEqual({ path, methods });
      for (const op of Object.values(ops)) expect(op.tags).toEqual(['customers']);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Customer', 'CustomerEvaluation']),
    );
  });
});
