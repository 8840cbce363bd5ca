import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { AppError } from '../../http/errors.ts';
import { deactivateUser, reactivateUser } from '../accounts/accounts.service.ts';
import type { User } from '../accounts/accounts.table.ts';
import { addPerson, createGroup, leaveOrRemove, setMemberRole } from './groups.service.ts';

const G = (id: string, rest = '') => `/api/v1/groups/${id}${rest}`;

describe.each(DIALECTS)('group rules and deactivated people (%s)', (dialect) => {
  let t: TestApp;
  let adminUser: User;
  let admin: Client;
  beforeAll(async () => {
    t = await build(dialect);
    adminUser = await createAdmin(t.deps);
    admin = await signedIn(t.app, adminUser);
  });
  afterAll(async () => t.close());

  const status = async (res: Promise<{ statusCode: number }>) => (await res).statusCode;
  const problem = async (res: Promise<{ statusCode: number; json(): { code: string } }>) => {
    const r = await res;
    return `${r.statusCode} ${r.json().code}`;
  };
  const deactivate = async (u: User) =>
    expect(await status(admin.api('POST', `/api/v1/users/${u.id}/deactivate`))).toBe(200);
  const reactivate = async (u: User) =>
    expect(await status(admin.api('POST', `/api/v1/users/${u.id}/reactivate`))).toBe(200);
  const owners = async (groupId: string) =>
    (
      await t.deps.db
        .selectFrom('group_members')
        .select('user_id')
        .where('group_id', '=', groupId)
        .where('role', '=', 'owner')
        .execute()
    ).map((r) => r.user_id);
  /** The stored `member_count` of each group, and what counting the active members gives. */
  const counts = async (ids: string[]) => {
    const stored = await t.deps.db
      .selectFrom('groups')
      .select(['id', 'member_count'])
      .where('id', 'in', ids)
      .execute();
    const active = await t.deps.db
      .selectFrom('group_members')
      .innerJoin('users', 'users.id', 'group_members.user_id')
      .select(['group_members.group_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('group_members.group_id', 'in', ids)
      .where('users.status', '=', 'active')
      .groupBy('group_members.group_id')
      .execute();
    const of = (id: string) => ({
      stored: Number(stored.find((r) => r.id === id)?.member_count),
      active: Number(active.find((r) => r.group_id === id)?.n ?? 0),
    });
    return ids.map(of);
  };

  it('the member count leaves out deactivated people: directory, group page, invitations and API', async () => {
    const o = await createUser(t.deps);
    const [a, b, guest] = [
      await createUser(t.deps),
      await createUser(t.deps, { name: 'Bettina Bald-Weg' }),
      await createUser(t.deps),
    ];
    const owner = await signedIn(t.app, o);
    const g = (
      await owner.api('POST', '/api/v1/groups', { name: 'Zählgruppe Ost', visibility: 'public' })
    ).json() as { id: string };
    for (const u of [a, b]) await owner.api('POST', G(g.id, '/members'), { userId: u.id });
    expect(await status(owner.api('POST', G(g.id, '/invitations'), { userId: guest.id }))).toBe(
      204,
    );
    const count = async () => (await owner.api('GET', G(g.id))).json().memberCount as number;
    const listed = async () =>
      (await owner.api('GET', '/api/v1/groups?q=zahlgruppe')).json().items[0].memberCount;
    expect([await count(), await listed()]).toEqual([3, 3]);

    await deactivate(b);
    expect(await count()).toBe(2);
    expect(await listed()).toBe(2);
    const page = (await owner.get(`/groups/${g.id}`)).body;
    expect(page).toContain('Members: 2');
    expect(page).not.toContain('Bettina Bald-Weg');
    expect((await owner.get('/groups?q=Zählgruppe')).body).toContain('Members: 2');
    // the invitee sees the group among their invitations and in the directory, counted alike
    const invited = (await (await signedIn(t.app, guest)).get('/groups?q=Zählgruppe')).body;
    expect(invited).toContain('Members: 2');
    expect(invited).not.toContain('Members: 3');
    const members = (await owner.api('GET', G(g.id, '/members'))).json().items;
    expect(members.map((m: { userId: string }) => m.userId).sort()).toEqual([o.id, a.id].sort());

    await reactivate(b);
    expect([await count(), await listed()]).toEqual([3, 3]);

    // removing a deactivated member keeps the count right
    await deactivate(b);
    expect(await status(owner.api('DELETE', G(g.id, `/members/${b.id}`)))).toBe(204);
    expect(await count()).toBe(2);
    await reactivate(b);
    expect([await count(), await listed()]).toEqual([2, 2]);
  });

  it('a deactivated owner does not count: the last active owner stays; an admin appoints a new owner', async () => {
    const [o1, o2, m] = [
      await createUser(t.deps),
      await createUser(t.deps),
      await createUser(t.deps),
    ];
    const c1 = await signedIn(t.app, o1);
    const g = (
      await c1.api('POST', '/api/v1/groups', { name: 'Zwei Schlüssel', visibility: 'private' })
    ).json() as { id: string };
    for (const u of [o2, m]) await c1.api('POST', G(g.id, '/members'), { userId: u.id });
    expect(await status(c1.api('PUT', G(g.id, `/members/${o2.id}/role`), { role: 'owner' }))).toBe(
      204,
    );
    await deactivate(o2);

    // o1 is the only active owner now: they can neither leave nor be removed or demoted
    expect(await problem(c1.api('DELETE', G(g.id, `/members/${o1.id}`)))).toBe('422 last_owner');
    expect(
      await problem(c1.api('PUT', G(g.id, `/members/${o1.id}/role`), { role: 'member' })),
    ).toBe('422 last_owner');
    expect(await problem(admin.api('DELETE', G(g.id, `/members/${o1.id}`)))).toBe('422 last_owner');
    expect(
      await problem(admin.api('PUT', G(g.id, `/members/${o1.id}/role`), { role: 'member' })),
    ).toBe('422 last_owner');
    expect((await c1.post(`/groups/${g.id}/leave`)).statusCode).toBe(303);
    expect(await owners(g.id)).toContain(o1.id);
    // the deactivated owner, who manages nothing, may be demoted
    expect(await status(c1.api('PUT', G(g.id, `/members/${o2.id}/role`), { role: 'member' }))).toBe(
      204,
    );
    expect(await owners(g.id)).toEqual([o1.id]);

    // the only active owner is deactivated: an admin (not a member) still manages the group
    await deactivate(o1);
    expect(
      await status(admin.api('PUT', G(g.id, `/members/${m.id}/role`), { role: 'owner' })),
    ).toBe(204);
    const cm = await signedIn(t.app, m);
    expect((await cm.api('GET', G(g.id))).json()).toMatchObject({
      myRole: 'owner',
      memberCount: 1,
    });
    expect(await problem(cm.api('DELETE', G(g.id, `/members/${m.id}`)))).toBe('422 last_owner');
    // and the deactivated former owner may be removed
    expect(await status(cm.api('DELETE', G(g.id, `/members/${o1.id}`)))).toBe(204);
    expect(await owners(g.id)).toEqual([m.id]);
  });

  it('two owners demoting or removing each other at once: exactly one owner remains', async () => {
    const outcomes = (results: PromiseSettledResult<unknown>[]) =>
      results.map((r) =>
        r.status === 'fulfilled'
          ? 'ok'
          : r.reason instanceof AppError
            ? `${r.reason.status} ${r.reason.code}`
            : String(r.reason),
      );
    for (let round = 0; round < 6; round++) {
      const [a, b] = [await createUser(t.deps), await createUser(t.deps)];
      const g = await createGroup(t.deps, a, {
        name: `Wettlauf ${round}`,
        description: '',
        visibility: 'private',
        kind: 'team',
      });
      await (await signedIn(t.app, a)).api('POST', G(g.id, '/members'), { userId: b.id });
      await setMemberRole(t.deps, a, g.id, b.id, 'owner');
      const [byA, byB] =
        round % 3 === 0
          ? [
              setMemberRole(t.deps, a, g.id, b.id, 'member'),
              setMemberRole(t.deps, b, g.id, a.id, 'member'),
            ]
          : round % 3 === 1
            ? [leaveOrRemove(t.deps, a, g.id, b.id), leaveOrRemove(t.deps, b, g.id, a.id)]
            : [
                setMemberRole(t.deps, a, g.id, b.id, 'member'),
                leaveOrRemove(t.deps, b, g.id, a.id),
              ];
      const results = await Promise.allSettled([byA, byB]);
      expect(outcomes(results).sort(), `round ${round}`).toEqual(['422 last_owner', 'ok']);
      const left = await owners(g.id);
      expect(left, `round ${round}`).toHaveLength(1);
      // the winner is the one whose call went through
      expect(left[0]).toBe(results[0].status === 'fulfilled' ? a.id : b.id);
    }
  });

  it('deactivating a member of several groups takes them out of every count; reactivating puts them back', async () => {
    const [o, p] = [await createUser(t.deps), await createUser(t.deps)];
    const owner = await signedIn(t.app, o);
    const ids: string[] = [];
    for (const name of ['Mehrfach Nord', 'Mehrfach Süd', 'Mehrfach West', 'Mehrfach Ohne']) {
      const g = (await owner.api('POST', '/api/v1/groups', { name, visibility: 'private' })).json();
      ids.push(g.id as string);
    }
    // p belongs to the first three groups, not to the fourth
    for (const id of ids.slice(0, 3))
      expect(await status(owner.api('POST', G(id, '/members'), { userId: p.id }))).toBe(200);
    const shown = async () =>
      Promise.all(ids.map(async (id) => (await owner.api('GET', G(id))).json().memberCount));
    const stored = async () => (await counts(ids)).map((c) => c.stored);
    expect(await shown()).toEqual([2, 2, 2, 1]);
    expect(await stored()).toEqual([2, 2, 2, 1]);

    await deactivate(p);
    expect(await shown()).toEqual([1, 1, 1, 1]);
    expect(await stored()).toEqual([1, 1, 1, 1]);
    expect(
      (await owner.api('GET', '/api/v1/groups?q=mehrfach'))
        .json()
        .items.map((g: { memberCount: number }) => g.memberCount),
    ).toEqual([1, 1, 1, 1]);
    // deactivating again changes nothing
    await deactivate(p);
    expect(await stored()).toEqual([1, 1, 1, 1]);

    await reactivate(p);
    expect(await shown()).toEqual([2, 2, 2, 1]);
    expect(await stored()).toEqual([2, 2, 2, 1]);
    await reactivate(p);
    expect(await stored()).toEqual([2, 2, 2, 1]);
  });

  it('a person added before signing up is counted from when they accept the invitation', async () => {
    const o = await createUser(t.deps);
    const owner = await signedIn(t.app, o);
    const g = (
      await owner.api('POST', '/api/v1/groups', { name: 'Vorab', visibility: 'public' })
    ).json() as { id: string };
    const invite = async (n: number) => {
      const res = await admin.api('POST', '/api/v1/users', {
        email: `vorab${n}.${g.id.toLowerCase()}@example.com`,
        name: `Vorab ${n}`,
      });
      expect(res.statusCode).toBe(201);
      const { user, inviteUrl } = res.json();
      return { user: user as User, path: new URL(inviteUrl).pathname };
    };
    const [first, second] = [await invite(1), await invite(2)];
    for (const { user } of [first, second])
      expect(await status(owner.api('POST', G(g.id, '/members'), { userId: user.id }))).toBe(200);
    const count = async () => (await owner.api('GET', G(g.id))).json().memberCount as number;
    expect(await count()).toBe(1);
    expect(await counts([g.id])).toEqual([{ stored: 1, active: 1 }]);

    const c = new Client(t.app);
    await c.get(first.path);
    expect((await c.post(first.path, { password: 'my own lunch phrase' })).statusCode).toBe(303);
    expect(await count()).toBe(2);
    // the second is deactivated and reactivated before signing up: still not counted
    await deactivate(second.user);
    await reactivate(second.user);
    expect(await counts([g.id])).toEqual([{ stored: 2, active: 2 }]);
    const c2 = new Client(t.app);
    await c2.get(second.path);
    expect(await status(c2.post(second.path, { password: 'my own lunch phrase' }))).toBe(404);
    // a fresh invitation: counted once they accept it
    expect((await admin.post(`/admin/users/${second.user.id}/reinvite`)).statusCode).toBe(303);
    const again = /\/invite\/[A-Za-z0-9_-]+/.exec(t.mails.at(-1)!.text)![0];
    await c2.get(again);
    expect(await status(c2.post(again, { password: 'my own lunch phrase' }))).toBe(303);
    expect(await counts([g.id])).toEqual([{ stored: 3, active: 3 }]);
  });

  it('membership changes and deactivations at the same moment keep the count right', async () => {
    const outcome = (r: PromiseSettledResult<unknown>) =>
      r.status === 'fulfilled' || r.reason instanceof AppError ? 'ok' : String(r.reason);
    for (let round = 0; round < 6; round++) {
      const [o, p] = [await createUser(t.deps), await createUser(t.deps)];
      const mk = (name: string) =>
        createGroup(t.deps, o, { name, description: '', visibility: 'public', kind: 'team' });
      const [g1, g2, g3] = [
        await mk(`Gleichzeitig A${round}`),
        await mk(`Gleichzeitig B${round}`),
        await mk(`Gleichzeitig C${round}`),
      ];
      await addPerson(t.deps, o, g1.id, p.id);
      await addPerson(t.deps, o, g3.id, p.id);
      // removed from one group, added to another, and deactivated (then reactivated) at once
      const results = await Promise.allSettled([
        leaveOrRemove(t.deps, o, g1.id, p.id),
        addPerson(t.deps, o, g2.id, p.id),
        round % 2 === 0
          ? deactivateUser(t.deps, adminUser, p.id)
          : deactivateUser(t.deps, adminUser, p.id).then(() =>
              reactivateUser(t.deps, adminUser, p.id),
            ),
      ]);
      expect(results.map(outcome), `round ${round}`).toEqual(['ok', 'ok', 'ok']);
      for (const c of await counts([g1.id, g2.id, g3.id]))
        expect(c.stored, `round ${round}`).toBe(c.active);
    }
  });
});
