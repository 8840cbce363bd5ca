import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

type GroupJson = { id: string; name: string; memberCount: number; myRole: string | null };
type Problem = { code: string; errors?: { field: string; code: string }[] };
type Page<T> = { items: T[]; nextCursor: string | null };
const G = (id: string, rest = '') => `/api/v1/groups/${id}${rest}`;

type Person = { user: User; c: Client };
type Tuple<N extends number, T, R extends T[] = []> = R['length'] extends N
  ? R
  : Tuple<N, T, [...R, T]>;

describe.each(DIALECTS)('groups API (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  const person = async (name?: string): Promise<Person> => {
    const user = await createUser(t.deps, name ? { name } : {});
    return { user, c: await signedIn(t.app, user) };
  };
  /** n people, each signed in, one after another. */
  const people = async <N extends number>(n: N) => {
    const out: Person[] = [];
    for (let i = 0; i < n; i++) out.push(await person());
    return out as Tuple<N, Person>;
  };
  const create = async (c: Client, body: Record<string, unknown>): Promise<GroupJson> => {
    const res = await c.api('POST', '/api/v1/groups', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const json = async (c: Client, url: string) => {
    const res = await c.api('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const names = async (c: Client, query: string) =>
    ((await json(c, `/api/v1/groups?${query}`)).items as GroupJson[]).map((g) => g.name).sort();
  const status = async (p: Promise<{ statusCode: number }>) => (await p).statusCode;
  /** "status code" of an answer, e.g. "403 forbidden". */
  const problem = async (p: Promise<{ statusCode: number; json(): Problem }>) => {
    const res = await p;
    return `${res.statusCode} ${res.json().code}`;
  };
  /** The wrong fields of a problem as "field:code", space-separated. */
  const fieldErrors = (body: Problem) => body.errors?.map((e) => `${e.field}:${e.code}`).join(' ');
  /** Follows nextCursor to the end; returns the page sizes and all items. */
  const pages = async <T>(c: Client, url: string) => {
    const sizes: number[] = [];
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page = (await json(c, url + (cursor ? `&cursor=${cursor}` : ''))) as Page<T>;
      sizes.push(page.items.length);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && sizes.length < 10);
    return { sizes, items };
  };

  it('searches names without regard to case or accents, filters by kind and by membership', async () => {
    const { c: owner } = await person();
    await create(owner, { name: 'Café Müller', visibility: 'public' });
    await create(owner, { name: 'Cafeteria Planung', visibility: 'public', kind: 'team' });
    await create(owner, { name: 'Mülltrennung', visibility: 'private', kind: 'team' });
    expect(await names(owner, 'q=cafe')).toEqual(['Cafeteria Planung', 'Café Müller']);
    expect(await names(owner, 'q=MÜLLER')).toEqual(['Café Müller']);
    expect(await names(owner, 'q=mueller')).toEqual(['Café Müller']);
    expect(await names(owner, 'q=%20%20CAF%C3%89%20&kind=team')).toEqual(['Cafeteria Planung']);
    expect(await names(owner, 'q=cafe&kind=community')).toEqual(['Café Müller']);
    const { c: other } = await person();
    expect(await names(other, 'mine=true')).toEqual([]);
    const [cafe] = (await json(other, '/api/v1/groups?q=caf%C3%A9%20m')).items;
    expect(cafe.myRole).toBeNull();
    expect(await status(other.api('POST', G(cafe.id, '/members'), {}))).toBe(200);
    expect((await json(other, '/api/v1/groups?mine=true')).items).toMatchObject([
      { name: 'Café Müller', myRole: 'member', memberCount: 2 },
    ]);
    expect(await names(owner, 'mine=true&q=caf')).toEqual(['Cafeteria Planung', 'Café Müller']);
  });

  it('pages through 25 groups 10 at a time, in name order, without duplicates or gaps', async () => {
    const { c } = await person();
    const made: GroupJson[] = [];
    // Several groups share a name, so the cursor must break ties by id.
    for (let i = 0; i < 25; i++) {
      made.push(await create(c, { name: `Blattwerk ${i % 7}`, visibility: 'public' }));
    }
    const { sizes, items } = await pages<GroupJson>(c, '/api/v1/groups?q=blattwerk&limit=10');
    expect(sizes).toEqual([10, 10, 5]);
    expect(new Set(items.map((g) => g.id)).size).toBe(25);
    expect(items.map((g) => g.id).sort()).toEqual(made.map((g) => g.id).sort());
    const order = items.map((g) => g.name);
    expect(order).toEqual([...order].sort());
  });

  it('creates a public community by default, with the creator as its only owner', async () => {
    const { user, c } = await person();
    const g = await create(c, { name: '  Lauf  Treff ', visibility: 'public' });
    expect(g).toMatchObject({ name: 'Lauf Treff', description: '', visibility: 'public' });
    expect(g).toMatchObject({
      kind: 'community',
      memberCount: 1,
      myRole: 'owner',
      myPending: null,
    });
    expect((await json(c, G(g.id, '/members'))).items).toMatchObject([
      { userId: user.id, role: 'owner' },
    ]);
    expect(await json(c, G(g.id))).toEqual(g);
  });

  it('refuses bad input with 400, naming each wrong field and its code', async () => {
    const { c } = await person();
    const bad = async (body: unknown) => {
      const res = await c.api('POST', '/api/v1/groups', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('validation_failed');
      return fieldErrors(res.json());
    };
    const long = 'x'.repeat(101);
    expect(await bad({ name: 'Offen', visibility: 'open' })).toBe('visibility:invalid_value');
    expect(await bad({ name: '', visibility: 'public' })).toBe('name:required');
    expect(await bad({ name: '   ', visibility: 'public' })).toBe('name:required');
    expect(await bad({ name: long, visibility: 'public' })).toBe('name:too_long');
    expect(await bad({ name: 'Ohne' })).toBe('visibility:required');
    expect(await bad({ name: 'A', visibility: 'public', kind: 'club' })).toBe('kind:invalid_value');
    expect(await names(c, 'mine=true')).toEqual([]);
    // An unknown field is dropped by the validator: the group is created without it.
    const extra = await create(c, { name: 'Mit Extra', visibility: 'public', colour: 'red' });
    expect(extra).not.toHaveProperty('colour');
    expect(await names(c, 'mine=true')).toEqual(['Mit Extra']);
  });

  it('lets owners and admins change a group; a member gets 403, an outsider of a secret one 404', async () => {
    const [{ c: owner }, { user: m, c: member }, { c: outsider }] = await people(3);
    const admin = await signedIn(t.app, await createAdmin(t.deps));
    const g = await create(owner, { name: 'Dunkelkammer', visibility: 'secret' });
    await owner.api('POST', G(g.id, '/members'), { userId: m.id });
    const patch = (c: Client, body: unknown) => c.api('PATCH', G(g.id), body);
    const byOwner = await patch(owner, { name: 'Dunkelkammer 2', kind: 'team' });
    expect(byOwner.json()).toMatchObject({ name: 'Dunkelkammer 2', kind: 'team', myRole: 'owner' });
    const byAdmin = await patch(admin, { description: 'Fotografie' });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json()).toMatchObject({ description: 'Fotografie', myRole: null });
    expect(await problem(patch(member, { name: 'Gekapert' }))).toBe('403 forbidden');
    const byOutsider = await patch(outsider, { name: 'Gekapert' });
    expect(byOutsider.statusCode).toBe(404);
    expect(byOutsider.body).not.toContain('Dunkelkammer');
    expect(fieldErrors((await patch(owner, { name: '' })).json())).toBe('name:required');
    expect(fieldErrors((await patch(owner, { visibility: 'hidden' })).json())).toBe(
      'visibility:invalid_value',
    );
    const now = await json(member, G(g.id));
    expect(now).toMatchObject({ name: 'Dunkelkammer 2', description: 'Fotografie', kind: 'team' });
  });

  it('lists members by name, paged by cursor', async () => {
    const { user: o, c: owner } = await person('Aaron Anfang');
    const g = await create(owner, { name: 'Chor', visibility: 'public' });
    for (const name of ['Emil Ende', 'Bea Berg', 'Dora Dach', 'Carl Chor']) {
      await (await person(name)).c.api('POST', G(g.id, '/members'), {});
    }
    type M = { name: string; role: string; userId: string };
    const { sizes, items } = await pages<M>(owner, G(g.id, '/members?limit=2'));
    expect(sizes).toEqual([2, 2, 1]);
    const expected = ['Aaron Anfang', 'Bea Berg', 'Carl Chor', 'Dora Dach', 'Emil Ende'];
    expect(items.map((m) => m.name)).toEqual(expected);
    expect(items[0]).toMatchObject({ userId: o.id, role: 'owner' });
    expect(items.filter((m) => m.role === 'member')).toHaveLength(4);
  });

  it('joins a public group at once, asks once to join a private one, and cannot find a secret one', async () => {
    const [{ c: owner }, { user: u, c }] = await people(2);
    const pub = await create(owner, { name: 'Offene Tür', visibility: 'public' });
    const priv = await create(owner, { name: 'Runder Tisch', visibility: 'private' });
    const secret = await create(owner, { name: 'Kellerclub', visibility: 'secret' });
    const join = async (id: string, body: unknown = {}) =>
      (await c.api('POST', G(id, '/members'), body)).json();
    expect(await join(pub.id)).toEqual({ status: 'member' });
    expect(await json(c, G(pub.id))).toMatchObject({ myRole: 'member', memberCount: 2 });
    expect(await join(pub.id)).toEqual({ status: 'member' });
    expect((await json(c, G(pub.id))).memberCount).toBe(2);
    expect(await join(priv.id, { message: 'Darf ich?' })).toEqual({ status: 'requested' });
    expect(await join(priv.id, { userId: u.id })).toEqual({ status: 'requested' });
    expect((await json(owner, G(priv.id, '/pending'))).items).toMatchObject([
      { userId: u.id, kind: 'request', message: 'Darf ich?' },
    ]);
    const asked = { myRole: null, myPending: 'request', memberCount: 1 };
    expect(await json(c, G(priv.id))).toMatchObject(asked);
    // The directory tells the same as the group itself.
    expect((await json(c, '/api/v1/groups?q=runder')).items).toMatchObject([asked]);
    const hidden = await c.api('POST', G(secret.id, '/members'), {});
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('Kellerclub');
    expect((await json(owner, G(secret.id))).memberCount).toBe(1);
  });

  it('a double-clicked join, request or addition counts once and never fails', async () => {
    const [{ c: owner }, { user: u, c }, { user: v }] = await people(3);
    const pub = await create(owner, { name: 'Doppelklick', visibility: 'public' });
    const priv = await create(owner, { name: 'Doppelklick Privat', visibility: 'private' });
    const thrice = (fn: () => Promise<{ statusCode: number; body: string }>) =>
      Promise.all([fn(), fn(), fn()]).then((rs) => rs.map((r) => `${r.statusCode} ${r.body}`));
    const joins = await thrice(() => c.api('POST', G(pub.id, '/members'), {}));
    expect(joins).toEqual(Array(3).fill('200 {"status":"member"}'));
    const adds = await thrice(() => owner.api('POST', G(pub.id, '/members'), { userId: v.id }));
    expect(adds).toEqual(Array(3).fill('200 {"status":"member"}'));
    expect((await json(owner, G(pub.id))).memberCount).toBe(3);
    expect((await json(owner, G(pub.id, '/members'))).items).toHaveLength(3);
    const asks = await thrice(() => c.api('POST', G(priv.id, '/members'), {}));
    expect(asks).toEqual(Array(3).fill('200 {"status":"requested"}'));
    const invites = await thrice(() =>
      owner.api('POST', G(priv.id, '/invitations'), { userId: v.id }),
    );
    expect(invites.map((r) => r.slice(0, 3))).toEqual(['204', '204', '204']);
    const pending = (await json(owner, G(priv.id, '/pending'))).items;
    expect(pending.map((p: { userId: string }) => p.userId).sort()).toEqual([u.id, v.id].sort());
  });

  it('an owner adds a person directly; a deactivated or unknown person is refused, naming userId', async () => {
    const [{ c: owner }, { user: u }, { user: m, c: member }] = await people(3);
    const gone = await createUser(t.deps, { status: 'deactivated' });
    const g = await create(owner, { name: 'Werkstatt', visibility: 'private' });
    const add = (c: Client, userId: string) => c.api('POST', G(g.id, '/members'), { userId });
    expect((await add(owner, m.id)).json()).toEqual({ status: 'member' });
    expect((await add(owner, u.id)).json()).toEqual({ status: 'member' });
    const members = (await json(owner, G(g.id, '/members'))).items;
    expect(members.map((x: { userId: string }) => x.userId)).toContain(u.id);
    for (const userId of [gone.id, 'no-such-person']) {
      const res = await add(owner, userId);
      expect(res.statusCode).toBe(400);
      expect(fieldErrors(res.json())).toBe('userId:unknown_person');
    }
    expect(await status(add(member, (await person()).user.id))).toBe(403);
    expect((await json(owner, G(g.id))).memberCount).toBe(3);
  });

  it('members leave, owners remove, a member cannot remove others, and the last owner stays', async () => {
    const [{ user: o, c: owner }, { user: a, c: ca }, { user: b }, { user: stranger }] =
      await people(4);
    const g = await create(owner, { name: 'Fahrgemeinschaft', visibility: 'public' });
    for (const u of [a, b]) await owner.api('POST', G(g.id, '/members'), { userId: u.id });
    const del = (c: Client, userId: string) => c.api('DELETE', G(g.id, `/members/${userId}`));
    const count = async () => (await json(owner, G(g.id))).memberCount;
    expect(await count()).toBe(3);
    expect(await problem(del(ca, b.id))).toBe('403 forbidden');
    expect(await count()).toBe(3);
    expect(await status(del(owner, b.id))).toBe(204);
    expect(await status(del(ca, a.id))).toBe(204);
    expect(await count()).toBe(1);
    expect(await status(del(owner, stranger.id))).toBe(404);
    expect(await problem(del(owner, o.id))).toBe('422 last_owner');
    expect((await json(owner, G(g.id))).myRole).toBe('owner');
  });

  it('an owner makes a member owner, after which the first owner may leave', async () => {
    const [{ user: o, c: owner }, { user: m, c: member }] = await people(2);
    const g = await create(owner, { name: 'Staffelstab', visibility: 'public' });
    await member.api('POST', G(g.id, '/members'), {});
    const role = (c: Client, userId: string, r: unknown) =>
      c.api('PUT', G(g.id, `/members/${userId}/role`), { role: r });
    expect(await status(role(member, m.id, 'owner'))).toBe(403);
    expect(fieldErrors((await role(owner, m.id, 'boss')).json())).toBe('role:invalid_value');
    expect(await problem(role(owner, o.id, 'member'))).toBe('422 last_owner');
    expect(await status(role(owner, m.id, 'owner'))).toBe(204);
    expect(await status(owner.api('DELETE', G(g.id, `/members/${o.id}`)))).toBe(204);
    expect(await json(member, G(g.id))).toMatchObject({ myRole: 'owner', memberCount: 1 });
  });

  it('shows waiting requests and invitations to owners only; inviting a member is a 409', async () => {
    const [{ c: owner }, { user: m, c: member }, { user: asker, c: ac }, { user: guest, c: gc }] =
      await people(4);
    const g = await create(owner, { name: 'Lesezirkel', visibility: 'private' });
    await owner.api('POST', G(g.id, '/members'), { userId: m.id });
    await ac.api('POST', G(g.id, '/members'), {});
    const invite = (userId: string) => owner.api('POST', G(g.id, '/invitations'), { userId });
    expect(await status(invite(guest.id))).toBe(204);
    expect(await status(invite(guest.id))).toBe(204);
    const items = (await json(owner, G(g.id, '/pending'))).items;
    expect(items.map((p: { userId: string; kind: string }) => [p.userId, p.kind])).toEqual([
      [asker.id, 'request'],
      [guest.id, 'invitation'],
    ]);
    expect((await json(gc, '/api/v1/groups?q=lesezirkel')).items).toMatchObject([
      { id: g.id, myRole: null, myPending: 'invitation' },
    ]);
    expect(await status(member.api('GET', G(g.id, '/pending')))).toBe(403);
    expect(await status(ac.api('GET', G(g.id, '/pending')))).toBe(403);
    expect(await problem(invite(m.id))).toBe('409 already_member');
    // Inviting someone who asked already makes them a member: both sides want it.
    expect(await status(invite(asker.id))).toBe(204);
    expect((await json(ac, G(g.id))).myRole).toBe('member');
  });

  it('declining: an invitee declines and the secret group is gone again; an owner declines a request', async () => {
    const [{ c: owner }, { user: guest, c: gc }, { user: asker, c: ac }] = await people(3);
    const secret = await create(owner, { name: 'Nachtschicht Geheim', visibility: 'secret' });
    const priv = await create(owner, { name: 'Nachtschicht Privat', visibility: 'private' });
    await owner.api('POST', G(secret.id, '/invitations'), { userId: guest.id });
    const both = ['Nachtschicht Geheim', 'Nachtschicht Privat'];
    expect(await names(gc, 'q=nachtschicht')).toEqual(both);
    expect((await json(gc, G(secret.id))).myPending).toBe('invitation');
    expect(await status(gc.api('DELETE', G(secret.id, `/pending/${guest.id}`)))).toBe(204);
    expect(await status(gc.api('GET', G(secret.id)))).toBe(404);
    expect(await names(gc, 'q=nachtschicht')).toEqual(['Nachtschicht Privat']);
    await ac.api('POST', G(priv.id, '/members'), {});
    expect(await status(gc.api('DELETE', G(priv.id, `/pending/${asker.id}`)))).toBe(403);
    expect(await status(owner.api('DELETE', G(priv.id, `/pending/${asker.id}`)))).toBe(204);
    expect((await json(owner, G(priv.id, '/pending'))).items).toEqual([]);
    expect(await json(ac, G(priv.id))).toMatchObject({ myRole: null, myPending: null });
    expect(await status(owner.api('DELETE', G(priv.id, `/pending/${asker.id}`)))).toBe(404);
  });
});
