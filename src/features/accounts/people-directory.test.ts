import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from './accounts.table.ts';

describe.each(DIALECTS)('people directory (%s)', (dialect) => {
  let t: TestApp;
  let member: Client;
  let admin: Client;
  let juergen: User;
  let anna: User;
  let zoe: User;
  let gone: User;
  let invited: User;

  beforeAll(async () => {
    t = await build(dialect);
    juergen = await createUser(t.deps, {
      name: 'Jürgen Müller',
      department: 'Einkauf',
      skills: ['SAP', 'Ausschreibungen'],
    });
    anna = await createUser(t.deps, {
      name: 'Anna Schmidt',
      department: 'Vertrieb',
      availability: 'busy',
      skills: ['sap', 'Messe'],
    });
    zoe = await createUser(t.deps, {
      name: 'Zoë Weiß',
      department: 'Einkauf',
      availability: 'away',
      capacity: 0,
      skills: ['Zölle'],
    });
    gone = await createUser(t.deps, {
      name: 'Dieter Deaktiviert',
      department: 'Einkauf',
      status: 'deactivated',
    });
    invited = await createUser(t.deps, {
      name: 'Ingo Invited',
      department: 'Einkauf',
      status: 'invited',
      password_hash: null,
    });
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Mia Member' }));
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
  });
  afterAll(async () => t.close());

  async function ids(c: Client, query: string): Promise<string[]> {
    const res = await c.api('GET', `/api/v1/users?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().items.map((u: { id: string }) => u.id);
  }

  it('name search ignores accents: "muller", "mueller" and "MÜLLER" all find Jürgen Müller', async () => {
    for (const q of ['muller', 'mueller', 'MÜLLER', 'jurgen', 'Jürgen']) {
      expect(await ids(member, `q=${encodeURIComponent(q)}`)).toEqual([juergen.id]);
    }
    expect(await ids(member, 'q=weiss')).toEqual([zoe.id]);
    expect(await ids(member, 'q=nobody-is-called-this')).toEqual([]);
    for (const wildcard of ['%', '_', '%25', 'M_ller']) {
      expect(await ids(member, `q=${encodeURIComponent(wildcard)}`), wildcard).toEqual([]);
    }

    for (const q of ['muller', 'mueller']) {
      const page = await member.get(`/people?q=${q}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Jürgen Müller');
      expect(page.body).not.toContain('Anna Schmidt');
    }
  });

  it('filters by department, skill and availability, alone and together', async () => {
    expect(await ids(member, 'department=Einkauf')).toEqual([juergen.id, zoe.id]);
    expect((await ids(member, 'skill=SAP')).sort()).toEqual([anna.id, juergen.id].sort());
    expect(await ids(member, 'skill=zolle')).toEqual([zoe.id]);
    expect(await ids(member, 'availability=busy')).toEqual([anna.id]);
    expect(await ids(member, 'department=Einkauf&availability=away')).toEqual([zoe.id]);
    expect(await ids(member, 'department=Einkauf&skill=sap')).toEqual([juergen.id]);
    const available = await ids(member, 'available=true');
    expect(available).toContain(juergen.id);
    expect(available).not.toContain(anna.id);
    expect(available).not.toContain(zoe.id);

    const page = await member.get('/people?department=Einkauf&skill=sap');
    expect(page.body).toContain('Jürgen Müller');
    expect(page.body).not.toContain('Zoë Weiß');
    expect(page.body).not.toContain('Anna Schmidt');
    const busy = await member.get('/people?availability=busy');
    expect(busy.body).toContain('Anna Schmidt');
    expect(busy.body).not.toContain('Jürgen Müller');
  });

  it('a bad filter value is a 400 naming the field', async () => {
    const res = await member.api('GET', '/api/v1/users?availability=sleeping&limit=500');
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['availability', 'limit']));
  });

  it('pages with a cursor: every person once, in name order', async () => {
    const created: string[] = [];
    for (let i = 0; i < 25; i++) {
      const u = await createUser(t.deps, {
        name: `Paging Person ${String(i).padStart(2, '0')}`,
        department: 'Paging',
      });
      created.push(u.id);
    }
    const seen: string[] = [];
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/users?department=Paging&limit=10${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`;
      const body = (await member.api('GET', url)).json();
      expect(body.items.length).toBeLessThanOrEqual(10);
      for (const u of body.items) {
        seen.push(u.id);
        names.push(u.name);
      }
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...created].sort());
    expect(names).toEqual([...names].sort());
  });

  it('deactivated and invited people are hidden from members but not from admins', async () => {
    const everyone = await ids(member, 'department=Einkauf');
    expect(everyone).not.toContain(gone.id);
    expect(everyone).not.toContain(invited.id);
    expect(await ids(member, 'q=dieter')).toEqual([]);
    const forAdmin = await ids(admin, 'department=Einkauf');
    expect(forAdmin).toEqual(expect.arrayContaining([gone.id, invited.id]));

    const api = await member.api('GET', `/api/v1/users/${gone.id}`);
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('not_found');
    expect((await member.get(`/people/${gone.id}`)).statusCode).toBe(404);
    expect((await member.api('GET', `/api/v1/users/${invited.id}`)).statusCode).toBe(404);
    expect((await member.get('/people?q=dieter')).body).not.toContain('Dieter Deaktiviert');

    const seenByAdmin = await admin.api('GET', `/api/v1/users/${gone.id}`);
    expect(seenByAdmin.statusCode).toBe(200);
    expect(seenByAdmin.json().status).toBe('deactivated');
    const adminPage = await admin.get(`/people/${gone.id}`);
    expect(adminPage.statusCode).toBe(200);
    expect(adminPage.body).toContain('Deactivated');
  });

  it('the directory needs a signed-in person', async () => {
    const res = await t.app.inject({ url: '/api/v1/users' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
    const page = await t.app.inject({ url: '/people?q=muller' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Fpeople%3Fq%3Dmuller');
  });
});
