import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn, tokenFor } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

const SECRET = 'Schattenfuchs Projekt';
const PRIVATE = 'Privatissimum Zirkel';
const MEMBER = 'Mira Mitglied';
const GHOST = 'no-such-group-0000000000';

/** The main content of a page: what differs between two answers, apart from the layout. */
const mainOf = (html: string) => /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';

describe.each(DIALECTS)('privacy of groups (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let member: Client;
  let outsider: Client;
  let admin: Client;
  let ownerUser: User;
  let memberUser: User;
  let outsiderUser: User;
  const ids = { private: '', secret: '' };

  beforeAll(async () => {
    t = await build(dialect);
    ownerUser = await createUser(t.deps, { name: 'Otto Owner' });
    memberUser = await createUser(t.deps, { name: MEMBER });
    outsiderUser = await createUser(t.deps, { name: 'Olga Outsider' });
    [owner, member, outsider, admin] = await Promise.all([
      signedIn(t.app, ownerUser),
      signedIn(t.app, memberUser),
      signedIn(t.app, outsiderUser),
      createAdmin(t.deps).then((a) => signedIn(t.app, a)),
    ]);
    for (const [visibility, name] of [
      ['private', PRIVATE],
      ['secret', SECRET],
    ] as const) {
      const res = await owner.api('POST', '/api/v1/groups', { name, visibility, kind: 'team' });
      ids[visibility] = res.json().id;
      await owner.api('POST', `/api/v1/groups/${ids[visibility]}/members`, {
        userId: memberUser.id,
      });
    }
  });
  afterAll(async () => t.close());

  const expectHidden = (
    res: { statusCode: number; body: string },
    what: string,
    names: string[] = [SECRET, PRIVATE, MEMBER],
  ) => {
    expect(res.statusCode, what).toBe(404);
    for (const n of names) expect(res.body, what).not.toContain(n);
  };

  it.each(['private', 'secret'] as const)(
    'a non-member gets 404, never 403, for the members of a %s group, in the API and on the page',
    async (visibility) => {
      const id = ids[visibility];
      for (const url of [`/api/v1/groups/${id}/members`, `/api/v1/groups/${id}/members?limit=1`]) {
        const res = await outsider.api('GET', url);
        expectHidden(res, url);
        expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
      }
      expectHidden(await outsider.get(`/groups/${id}/members`), 'members page');
      expectHidden(await outsider.get(`/groups/${id}/edit`), 'settings page');
      // The members themselves still see them.
      const mine = await member.api('GET', `/api/v1/groups/${id}/members`);
      expect(mine.json().items.map((m: { name: string }) => m.name)).toContain(MEMBER);
      expect((await member.get(`/groups/${id}/members`)).body).toContain(MEMBER);
    },
  );

  it('a private group is visible to a non-member, but without its members', async () => {
    const api = await outsider.api('GET', `/api/v1/groups/${ids.private}`);
    expect(api.json()).toMatchObject({ name: PRIVATE, myRole: null, memberCount: 2 });
    const page = await outsider.get(`/groups/${ids.private}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Only members see who belongs to this group');
    expect(page.body).not.toContain(MEMBER);
    expect(page.body).not.toContain(`/people/${memberUser.id}`);
    expect(page.body).not.toContain(`/groups/${ids.private}/members`);
  });

  it('a secret group answers a non-member exactly as a group that does not exist', async () => {
    const id = ids.secret;
    const api = await outsider.api('GET', `/api/v1/groups/${id}`);
    expectHidden(api, 'API group');
    expect(api.json()).toEqual((await outsider.api('GET', `/api/v1/groups/${GHOST}`)).json());
    for (const path of ['', '/members', '/edit']) {
      const page = await outsider.get(`/groups/${id}${path}`);
      expectHidden(page, `page ${path}`);
      expect(mainOf(page.body)).not.toBe('');
      expect(mainOf(page.body)).toBe(mainOf((await outsider.get(`/groups/${GHOST}${path}`)).body));
    }

    const calls: [InjectOptions['method'], string, unknown?][] = [
      ['POST', `/api/v1/groups/${id}/members`, {}],
      ['POST', `/api/v1/groups/${id}/members`, { userId: outsiderUser.id }],
      ['POST', `/api/v1/groups/${id}/members`, { userId: memberUser.id }],
      ['PATCH', `/api/v1/groups/${id}`, { name: 'Gekapert' }],
      ['GET', `/api/v1/groups/${id}/pending`],
      ['POST', `/api/v1/groups/${id}/invitations`, { userId: outsiderUser.id }],
      ['DELETE', `/api/v1/groups/${id}/members/${memberUser.id}`],
      ['DELETE', `/api/v1/groups/${id}/members/${outsiderUser.id}`],
      ['PUT', `/api/v1/groups/${id}/members/${outsiderUser.id}/role`, { role: 'owner' }],
      ['DELETE', `/api/v1/groups/${id}/pending/${outsiderUser.id}`],
    ];
    for (const [method, url, body] of calls) {
      expectHidden(await outsider.api(method, url, body), `${method} ${url}`);
    }
    const forms: [string, Record<string, string>][] = [
      [`/groups/${id}`, { name: 'Gekapert', description: '', visibility: 'public', kind: 'team' }],
      [`/groups/${id}/join`, {}],
      [`/groups/${id}/leave`, {}],
      [`/groups/${id}/decline`, {}],
      [`/groups/${id}/invite`, { email: outsiderUser.email }],
      [`/groups/${id}/invite`, { email: 'nobody@example.com' }],
      [`/groups/${id}/requests/${outsiderUser.id}/approve`, {}],
      [`/groups/${id}/members/${memberUser.id}/remove`, {}],
      [`/groups/${id}/members/${outsiderUser.id}/role`, { role: 'owner' }],
    ];
    for (const [url, fields] of forms) {
      expectHidden(await outsider.post(url, fields), `form ${url}`);
    }
    const after = (await owner.api('GET', `/api/v1/groups/${id}`)).json();
    expect(after).toMatchObject({ name: SECRET, memberCount: 2, visibility: 'secret' });
    expect((await owner.api('GET', `/api/v1/groups/${id}/pending`)).json().items).toEqual([]);
  });

  it('a secret group is not listed for a non-member: not in the directory, a search or "mine"', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/groups?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await outsider.api('GET', url)).json();
      seen.push(...page.items.map((g: { id: string }) => g.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toContain(ids.private);
    expect(seen).not.toContain(ids.secret);
    for (const query of ['q=schattenfuchs', 'q=SCHATTEN&kind=team', 'kind=team', 'mine=true']) {
      const res = await outsider.api('GET', `/api/v1/groups?${query}`);
      expect(res.statusCode).toBe(200);
      expect(res.body, query).not.toContain(ids.secret);
      expect(res.body, query).not.toContain('Schattenfuchs');
    }
    // The member and the owner do find it.
    const found = (await member.api('GET', '/api/v1/groups?q=schattenfuchs&mine=true')).json();
    expect(found.items).toMatchObject([{ id: ids.secret, myRole: 'member' }]);
  });

  it('the secret group’s name and id appear on no page a non-member can load', async () => {
    const pages = [
      '/',
      '/groups',
      '/groups?q=fuchs',
      '/groups?q=projekt&kind=team',
      '/groups?mine=1',
      '/people',
      `/people/${outsiderUser.id}`,
      `/people/${ownerUser.id}`,
      `/people/${memberUser.id}`,
      '/settings',
    ];
    for (const url of pages) {
      const res = await outsider.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('Schattenfuchs');
      expect(res.body, url).not.toContain(ids.secret);
    }
    // A search may echo what was typed, and nothing more.
    const typed = await outsider.get('/groups?q=Schattenfuchs');
    expect(typed.body).toContain('value="Schattenfuchs"');
    expect(typed.body).not.toContain(SECRET);
    expect(typed.body).not.toContain(ids.secret);
    expect(typed.body).toContain('No group matches.');
    const dir = await outsider.get('/groups');
    expect(dir.body).toContain(PRIVATE);
  });

  it('a member who leaves loses access at once', async () => {
    const formerUser = await createUser(t.deps, { name: 'Fritz Former' });
    const former = await signedIn(t.app, formerUser);
    const fid = formerUser.id;
    for (const id of Object.values(ids)) {
      await owner.api('POST', `/api/v1/groups/${id}/members`, { userId: fid });
      expect((await former.api('GET', `/api/v1/groups/${id}/members`)).statusCode).toBe(200);
      expect((await former.post(`/groups/${id}/leave`)).statusCode).toBe(303);
      expectHidden(
        await former.api('GET', `/api/v1/groups/${id}/members`),
        'members after leaving',
      );
    }
    expectHidden(await former.get(`/groups/${ids.secret}`), 'secret page after leaving');
    const list = await former.api('GET', '/api/v1/groups?q=schattenfuchs');
    expect(list.json().items).toEqual([]);
  });

  it('a deactivated member loses their session and tokens, and drops out of the members list', async () => {
    const gone = await createUser(t.deps, { name: 'Dieter Deaktiviert' });
    const session = await signedIn(t.app, gone);
    const token = await tokenFor(t.deps, gone);
    const byToken = (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    await owner.api('POST', `/api/v1/groups/${ids.secret}/members`, { userId: gone.id });
    expect((await byToken(`/api/v1/groups/${ids.secret}/members`)).statusCode).toBe(200);

    const off = await admin.api('POST', `/api/v1/users/${gone.id}/deactivate`);
    expect(off.statusCode).toBe(200);
    const api = await session.api('GET', `/api/v1/groups/${ids.secret}`);
    expect(api.statusCode).toBe(401);
    expect(api.body).not.toContain('Schattenfuchs');
    const viaToken = await byToken(`/api/v1/groups/${ids.secret}/members`);
    expect(viaToken.statusCode).toBe(401);
    expect(viaToken.body).not.toContain(MEMBER);
    const page = await session.get(`/groups/${ids.secret}`);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/login\?next=/);
    await expect(signedIn(t.app, gone)).rejects.toThrow(/sign-in failed/);

    const names = (await owner.api('GET', `/api/v1/groups/${ids.secret}/members`))
      .json()
      .items.map((m: { name: string }) => m.name);
    expect(names).toContain(MEMBER);
    expect(names).not.toContain('Dieter Deaktiviert');
    expect((await owner.get(`/groups/${ids.secret}`)).body).not.toContain('Dieter Deaktiviert');
  });

  it('an admin who is not a member sees that a secret group exists, but not its members', async () => {
    const api = await admin.api('GET', `/api/v1/groups/${ids.secret}`);
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ name: SECRET, myRole: null });
    const listed = (await admin.api('GET', '/api/v1/groups?q=schattenfuchs')).json().items;
    expect(listed.map((g: { id: string }) => g.id)).toEqual([ids.secret]);
    expect((await admin.get('/groups?q=schattenfuchs')).body).toContain(SECRET);

    expectHidden(await admin.api('GET', `/api/v1/groups/${ids.secret}/members`), 'admin API', [
      MEMBER,
    ]);
    expectHidden(await admin.get(`/groups/${ids.secret}/members`), 'admin page', [MEMBER]);
    const page = await admin.get(`/groups/${ids.secret}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${SECRET}</h1>`);
    expect(page.body).toContain('Only members see who belongs to this group');
    expect(page.body).not.toContain(MEMBER);
  });

  it('an invitee sees the secret group but not its members until they accept', async () => {
    const guestUser = await createUser(t.deps, { name: 'Gina Gast' });
    const guest = await signedIn(t.app, guestUser);
    expectHidden(await guest.get(`/groups/${ids.secret}`), 'before the invitation');
    await owner.api('POST', `/api/v1/groups/${ids.secret}/invitations`, { userId: guestUser.id });

    expect((await guest.api('GET', `/api/v1/groups/${ids.secret}`)).json().myPending).toBe(
      'invitation',
    );
    expectHidden(await guest.api('GET', `/api/v1/groups/${ids.secret}/members`), 'invitee', [
      MEMBER,
    ]);
    const page = await guest.get(`/groups/${ids.secret}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You are invited to this group.');
    expect(page.body).not.toContain(MEMBER);

    expect((await guest.post(`/groups/${ids.secret}/join`)).statusCode).toBe(303);
    const members = await guest.api('GET', `/api/v1/groups/${ids.secret}/members`);
    expect(members.json().items.map((m: { name: string }) => m.name)).toContain(MEMBER);
  });
});
