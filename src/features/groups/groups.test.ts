import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

describe.each(DIALECTS)('groups (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  it('a public group can be created, joined and left; counts follow', async () => {
    const owner = await createUser(t.deps);
    const other = await createUser(t.deps);
    const oc = await signedIn(t.app, owner);
    const created = await oc.api('POST', '/api/v1/groups', {
      name: 'Kantine-Fans',
      visibility: 'public',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ memberCount: 1, myRole: 'owner', kind: 'community' });
    const uc = await signedIn(t.app, other);
    expect((await uc.api('POST', `/api/v1/groups/${id}/members`, {})).json()).toEqual({
      status: 'member',
    });
    expect((await uc.api('GET', `/api/v1/groups/${id}`)).json().memberCount).toBe(2);
    expect((await uc.api('DELETE', `/api/v1/groups/${id}/members/${other.id}`)).statusCode).toBe(
      204,
    );
    expect((await uc.api('GET', `/api/v1/groups/${id}`)).json().memberCount).toBe(1);
    const last = await oc.api('DELETE', `/api/v1/groups/${id}/members/${owner.id}`);
    expect(last.statusCode).toBe(422);
    expect(last.json().code).toBe('last_owner');
  });

  it('a secret group is "not found" for a non-member, on the page, the API and the directory', async () => {
    const owner = await createUser(t.deps);
    const outsider = await createUser(t.deps);
    const admin = await createAdmin(t.deps);
    const oc = await signedIn(t.app, owner);
    const id = (
      await oc.api('POST', '/api/v1/groups', {
        name: 'Geheimprojekt Nordstern',
        visibility: 'secret',
      })
    ).json().id;
    const xc = await signedIn(t.app, outsider);
    expect((await xc.api('GET', `/api/v1/groups/${id}`)).statusCode).toBe(404);
    expect((await xc.get(`/groups/${id}`)).statusCode).toBe(404);
    expect((await xc.api('POST', `/api/v1/groups/${id}/members`, {})).statusCode).toBe(404);
    const list = (await xc.api('GET', '/api/v1/groups?q=nordstern')).json();
    expect(list.items).toEqual([]);
    expect((await xc.get('/groups')).body).not.toContain('Geheimprojekt');
    expect((await xc.get('/groups?q=Nordstern')).body).not.toContain(`/groups/${id}`);
    // invited: now it exists for them, and accepting makes them a member
    expect(
      (await oc.api('POST', `/api/v1/groups/${id}/invitations`, { userId: outsider.id }))
        .statusCode,
    ).toBe(204);
    expect((await xc.api('GET', `/api/v1/groups/${id}`)).json().myPending).toBe('invitation');
    expect((await xc.api('POST', `/api/v1/groups/${id}/members`, {})).json().status).toBe('member');
    // admins see that it exists (to manage it) but not its members' list unless members
    const ac = await signedIn(t.app, admin);
    expect((await ac.api('GET', `/api/v1/groups/${id}`)).statusCode).toBe(200);
    expect((await ac.api('GET', `/api/v1/groups/${id}/members`)).statusCode).toBe(404);
  });

  it('a private group: non-members ask to join, an owner approves; members list is for members', async () => {
    const owner = await createUser(t.deps);
    const asker = await createUser(t.deps);
    const oc = await signedIn(t.app, owner);
    const id = (
      await oc.api('POST', '/api/v1/groups', {
        name: 'Vertrieb Nord',
        visibility: 'private',
        kind: 'team',
      })
    ).json().id;
    const ac = await signedIn(t.app, asker);
    expect((await ac.api('GET', `/api/v1/groups/${id}/members`)).statusCode).toBe(404);
    expect((await ac.get(`/groups/${id}`)).body).toContain('Only members see');
    const asked = await ac.api('POST', `/api/v1/groups/${id}/members`, {
      message: 'Bitte aufnehmen',
    });
    expect(asked.json()).toEqual({ status: 'requested' });
    const pending = (await oc.api('GET', `/api/v1/groups/${id}/pending`)).json().items;
    expect(pending).toMatchObject([
      { userId: asker.id, kind: 'request', message: 'Bitte aufnehmen' },
    ]);
    expect((await ac.api('GET', `/api/v1/groups/${id}/pending`)).statusCode).toBe(403);
    const page = await oc.get(`/groups/${id}`);
    expect(page.body).toContain(`/groups/${id}/requests/${asker.id}/approve`);
    const approved = await oc.post(`/groups/${id}/requests/${asker.id}/approve`);
    expect(approved.statusCode).toBe(303);
    const members = (await ac.api('GET', `/api/v1/groups/${id}/members`)).json().items;
    expect(members.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [owner.id, asker.id].sort(),
    );
  });

  it('the group form comes back with what was typed and an error beside the wrong field', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    await c.get('/groups/new');
    const res = await c.post('/groups', {
      name: '',
      description: 'Über <b>Kaffee</b>',
      visibility: 'open',
      kind: 'team',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="name-error"');
    expect(res.body).toContain('id="visibility-error"');
    expect(res.body).toContain('Über &lt;b>Kaffee&lt;/b>');
    const ok = await c.post('/groups', {
      name: 'Kaffeerunde',
      description: '',
      visibility: 'public',
      kind: 'community',
    });
    expect(ok.statusCode).toBe(303);
    const page = await c.get(ok.headers.location as string);
    expect(page.body).toContain('Kaffeerunde');
  });
});
