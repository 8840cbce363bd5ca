import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from '../accounts/accounts.table.ts';

describe.each(DIALECTS)('department leads through the API (%s)', (dialect) => {
  let t: TestApp;
  let ac: Client;
  let mc: Client;
  let lea: User;
  let leo: User;
  let dora: User;

  beforeAll(async () => {
    t = await build(dialect);
    const admin = await createAdmin(t.deps, { name: 'Ada Admin' });
    const mia = await createUser(t.deps, { name: 'Mia Mitglied' });
    lea = await createUser(t.deps, { name: 'Lea Leitung' });
    leo = await createUser(t.deps, { name: 'Leo Lead' });
    dora = await createUser(t.deps, { name: 'Dora Deaktiviert', status: 'deactivated' });
    [ac, mc] = await Promise.all([signedIn(t.app, admin), signedIn(t.app, mia)]);
  });
  afterAll(async () => t.close());

  const list = async (c: Client) => {
    const res = await c.api('GET', '/api/v1/pain-points/leads');
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json()
      .items.map((l: { department: string; user: { name: string } }) => [
        l.department,
        l.user.name,
      ]);
  };

  it('admins add active people as leads (once), everyone reads the list, admins remove them', async () => {
    const add = (c: Client, department: string, userId: string) =>
      c.api('POST', '/api/v1/pain-points/leads', { department, userId });
    expect((await add(ac, '  Qualität und  Prüfung ', lea.id)).statusCode).toBe(201);
    expect((await add(ac, 'Einkauf', leo.id)).statusCode).toBe(201);
    expect((await add(ac, 'Einkauf', lea.id)).statusCode).toBe(201);
    const again = await add(ac, 'Einkauf', lea.id);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      department: 'Einkauf',
      user: { id: lea.id, name: 'Lea Leitung' },
      active: true,
    });
    expect(await list(mc)).toEqual([
      ['Einkauf', 'Lea Leitung'],
      ['Einkauf', 'Leo Lead'],
      ['Qualität und Prüfung', 'Lea Leitung'],
    ]);

    const refused = await add(mc, 'Vertrieb', leo.id);
    expect(refused.statusCode).toBe(403);
    for (const [department, userId, field, code] of [
      ['', lea.id, 'department', 'required'],
      ['x'.repeat(101), lea.id, 'department', 'too_long'],
      ['Vertrieb', dora.id, 'userId', 'unknown_person'],
      ['Vertrieb', 'anonymous', 'userId', 'unknown_person'],
    ] as const) {
      const r = await add(ac, department, userId);
      expect(r.statusCode).toBe(400);
      expect(r.json().errors).toEqual([expect.objectContaining({ field, code })]);
    }

    const path = `/api/v1/pain-points/leads/${encodeURIComponent('Qualität und Prüfung')}/${lea.id}`;
    expect((await mc.api('DELETE', path)).statusCode).toBe(403);
    expect((await ac.api('DELETE', path)).statusCode).toBe(204);
    expect((await ac.api('DELETE', path)).statusCode).toBe(404);
    expect(await list(ac)).toEqual([
      ['Einkauf', 'Lea Leitung'],
      ['Einkauf', 'Leo Lead'],
    ]);
    const logged = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', 'like', 'department_lead.%')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(logged.map((l) => l.action)).toEqual([
      'department_lead.add',
      'department_lead.add',
      'department_lead.add',
      'department_lead.remove',
    ]);
  });

  it('documents the pain-point API under its tag', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    const ops = (path: string) =>
      Object.entries(doc.paths[path] ?? {}).map(
        ([method, op]) => `${method} ${(op as { tags: string[] }).tags.join()}`,
      );
    expect(ops('/api/v1/pain-points')).toContain('get pain-points');
    expect(ops('/api/v1/pain-points/{id}').sort()).toEqual([
      'get pain-points',
      'patch pain-points',
    ]);
    expect(ops('/api/v1/pain-points/{id}/votes').sort()).toEqual([
      'delete pain-points',
      'post pain-points',
    ]);
    expect(ops('/api/v1/pain-points/leads').sort()).toEqual([
      'get pain-points',
      'post pain-points',
    ]);
    expect(ops('/api/v1/pain-points/leads/{department}/{userId}')).toEqual(['delete pain-points']);
  });
});
