import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

/** The actions of the POST forms on a page. */
const actions = (html: string) =>
  [...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => m[1]);
const buttons = (html: string) =>
  [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]!.trim());
/** The names on the group cards of the directory. */
const cards = (html: string) =>
  [...html.matchAll(/<li class="group-card"><h2><a href="\/groups\/[^"]+">([^<]+)<\/a>/g)]
    .map((m) => m[1])
    .sort();
/** The flash message as "role: text": role "status" for success, "alert" for an error. */
const flash = (html: string) => {
  const m = /<p class="flash flash-(\w+)" role="(\w+)">([^<]*)<\/p>/.exec(html);
  if (m && (m[1] === 'error') !== (m[2] === 'alert')) throw new Error(`flash ${m[1]} as ${m[2]}`);
  return m ? `${m[2]}: ${m[3]}` : null;
};
const inputValue = (html: string, name: string) =>
  new RegExp(`<input id="${name}" name="${name}"[^>]* value="([^"]*)"`).exec(html)?.[1];
const fieldError = (html: string, name: string) =>
  new RegExp(`<p class="error" id="${name}-error">([^<]*)</p>`).exec(html)?.[1];
const groupForm = (name: string, description = '', visibility = 'public', kind = 'community') => ({
  name,
  description,
  visibility,
  kind,
});

type Person = { user: User; c: Client };
type Tuple<N extends number, T, R extends T[] = []> = R['length'] extends N
  ? R
  : Tuple<N, T, [...R, T]>;

describe.each(DIALECTS)('group pages (%s)', (dialect) => {
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
  /** Creates a group through the form and returns its id. */
  const createByForm = async (c: Client, fields: Record<string, string>) => {
    await c.get('/groups/new');
    const res = await c.post('/groups', fields);
    expect(res.statusCode, res.body).toBe(303);
    const id = /^\/groups\/([^/]+)$/.exec(res.headers.location as string)?.[1];
    expect(id).toBeTruthy();
    return id!;
  };
  /** Presses a button (posts its form) and returns the page the redirect leads to. */
  const press = async (c: Client, url: string, fields: Record<string, string> = {}) => {
    const res = await c.post(url, fields);
    expect(res.statusCode, res.body).toBe(303);
    return c.get(res.headers.location as string);
  };
  const addMember = async (c: Client, groupId: string, user: User) => {
    const r = await c.api('POST', `/api/v1/groups/${groupId}/members`, { userId: user.id });
    expect(r.statusCode).toBe(200);
  };
  const apiGroup = async (c: Client, id: string) =>
    (await c.api('GET', `/api/v1/groups/${id}`)).json();

  it('the directory narrows by name, kind and "my groups", and shows the viewer’s role', async () => {
    const [{ c: owner }, { c }] = await people(2);
    await createByForm(owner, groupForm('Kegelbahn Süd', '', 'public', 'team'));
    await createByForm(owner, groupForm('Kegelbahn Nord', '', 'private'));
    const all = await c.get('/groups?q=kegelbahn');
    expect(all.statusCode).toBe(200);
    expect(cards(all.body)).toEqual(['Kegelbahn Nord', 'Kegelbahn Süd']);
    expect(inputValue(all.body, 'q')).toBe('kegelbahn');
    expect(cards((await c.get('/groups?q=SUD')).body)).toEqual(['Kegelbahn Süd']);
    const teams = await c.get('/groups?q=kegelbahn&kind=team&mine=');
    expect(cards(teams.body)).toEqual(['Kegelbahn Süd']);
    expect(teams.body).toContain('<option value="team" selected>');
    const none = await c.get('/groups?q=kegelbahn&mine=1');
    expect(cards(none.body)).toEqual([]);
    expect(none.body).toContain('No group matches.');
    expect(none.body).toContain('<option value="1" selected>My groups</option>');
    const mine = await owner.get('/groups?mine=1');
    expect(cards(mine.body)).toEqual(['Kegelbahn Nord', 'Kegelbahn Süd']);
    expect(mine.body.match(/You own this group/g)).toHaveLength(2);
    expect((await c.get('/groups?kind=club')).statusCode).toBe(400);
  });

  it('a new group is made through the form and its owner lands on it with a message', async () => {
    const { c } = await person();
    const form = await c.get('/groups/new');
    expect(form.statusCode).toBe(200);
    expect(actions(form.body)).toContain('/groups');
    expect(form.body).toMatch(/name="_csrf" value="[^"]+"/);
    const res = await c.post(
      '/groups',
      groupForm('Bücherwurm', 'Wir lesen.\n\nUnd reden.', 'private'),
    );
    expect(res.statusCode).toBe(303);
    const id = (res.headers.location as string).split('/')[2];
    const page = await c.get(res.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(flash(page.body)).toBe(
      'status: Group created. Invite colleagues or tell them about it.',
    );
    expect(page.body).toContain('<h1>Bücherwurm</h1>');
    expect(page.body).toContain('<p class="bio">Wir lesen.</p><p class="bio">Und reden.</p>');
    expect(page.body).toContain('Private');
    expect(buttons(page.body)).toContain('Leave group');
    expect(page.body).toContain(`href="/groups/${id}/edit"`);
    expect(actions(page.body)).toContain(`/groups/${id}/invite`);
    const forged = await c.post('/groups', { _csrf: 'forged', ...groupForm('Untergeschoben') });
    expect(forged.statusCode).toBe(403);
    expect(cards((await c.get('/groups?mine=1')).body)).toEqual(['Bücherwurm']);
  });

  it('the group page offers join, ask, accept or leave depending on how the viewer stands', async () => {
    const [{ c: owner }, { user: u, c }] = await people(2);
    const pub = await createByForm(owner, groupForm('Marktplatz'));
    const priv = await createByForm(owner, groupForm('Hinterzimmer', '', 'private'));
    const secret = await createByForm(owner, groupForm('Tresorraum', '', 'secret'));
    let page = await c.get(`/groups/${pub}`);
    expect(buttons(page.body)).toContain('Join');
    expect(actions(page.body)).toContain(`/groups/${pub}/join`);
    expect(page.body).not.toContain(`/groups/${pub}/edit`);
    page = await press(c, `/groups/${pub}/join`);
    expect(flash(page.body)).toBe('status: You are now a member.');
    expect(buttons(page.body)).toContain('Leave group');
    expect(buttons(page.body)).not.toContain('Join');
    page = await c.get(`/groups/${priv}`);
    expect(buttons(page.body)).toContain('Ask to join');
    expect(page.body).toContain('Only members see who belongs to this group');
    page = await press(c, `/groups/${priv}/join`);
    expect(flash(page.body)).toBe('status: Your request has been sent to the owners.');
    expect(page.body).toContain('Your request to join is waiting for an owner.');
    expect(buttons(page.body)).toContain('Withdraw');
    expect(buttons(page.body)).not.toContain('Ask to join');
    await press(c, `/groups/${priv}/decline`);
    expect(buttons((await c.get(`/groups/${priv}`)).body)).toContain('Ask to join');
    await owner.api('POST', `/api/v1/groups/${secret}/invitations`, { userId: u.id });
    const dir = await c.get('/groups');
    expect(dir.body).toContain('Your invitations');
    expect(dir.body).toContain(`href="/groups/${secret}">Tresorraum</a>`);
    page = await c.get(`/groups/${secret}`);
    expect(page.body).toContain('You are invited to this group.');
    expect(buttons(page.body)).toEqual(expect.arrayContaining(['Accept invitation', 'Decline']));
    page = await press(c, `/groups/${secret}/join`);
    expect(flash(page.body)).toBe('status: You are now a member.');
    expect(buttons(page.body)).toContain('Leave group');
    page = await press(c, `/groups/${secret}/leave`);
    expect(flash(page.body)).toBe('status: You have left the group.');
  });

  it('owners see waiting people, approve or decline them, and invite by e-mail', async () => {
    const { user: o, c: owner } = await person();
    const id = await createByForm(owner, groupForm('Chefetage', '', 'private'));
    const { user: a, c: ac } = await person('Anke Anfrage');
    const { user: b, c: bc } = await person('Bodo Bittsteller');
    await ac.post(`/groups/${id}/join`);
    await bc.post(`/groups/${id}/join`);
    let page = await owner.get(`/groups/${id}`);
    expect(page.body).toContain('<h2 id="pending-h">Waiting</h2>');
    expect(page.body.match(/asks to join/g)).toHaveLength(2);
    const base = `/groups/${id}/requests`;
    expect(actions(page.body)).toEqual(
      expect.arrayContaining([`${base}/${a.id}/approve`, `${base}/${b.id}/decline`]),
    );
    page = await press(owner, `${base}/${a.id}/approve`);
    expect(flash(page.body)).toBe('status: Request approved.');
    page = await press(owner, `${base}/${b.id}/decline`);
    expect(flash(page.body)).toBe('status: Done.');
    expect(page.body).not.toContain('pending-h');
    const members = (await owner.api('GET', `/api/v1/groups/${id}/members`)).json().items;
    expect(members.map((m: { userId: string }) => m.userId).sort()).toEqual([o.id, a.id].sort());
    expect((await bc.get(`/groups/${id}`)).body).toContain('Ask to join');

    const unknown = await owner.post(`/groups/${id}/invite`, { email: 'niemand@example.com' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('<h1>Chefetage</h1>');
    expect(fieldError(unknown.body, 'email')).toBe('Nobody active has this e-mail address');
    // The error sits beside the field, which keeps what was typed and is marked invalid.
    expect(unknown.body).toMatch(
      /id="email-error">[^<]*<\/p><input id="email" name="email" type="email" value="niemand@example.com"[^>]*aria-invalid="true"/,
    );
    const empty = await owner.post(`/groups/${id}/invite`, { email: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(fieldError(empty.body, 'email')).toBe('Please fill in this field');
    page = await press(owner, `/groups/${id}/invite`, { email: b.email });
    expect(flash(page.body)).toBe('status: Bodo Bittsteller has been invited.');
    expect(page.body).toContain('is invited');
    expect(actions(page.body)).toContain(`${base}/${b.id}/decline`);
    expect((await bc.get(`/groups/${id}`)).body).toContain('You are invited to this group.');
    page = await press(owner, `/groups/${id}/invite`, { email: a.email });
    expect(flash(page.body)).toBe('alert: This person is already a member');
  });

  it('owners change roles and remove members with buttons; the last owner rule comes back as a message', async () => {
    const [{ user: o, c: owner }, { user: m, c: member }, { user: r }] = await people(3);
    const id = await createByForm(owner, groupForm('Stammtisch'));
    await addMember(owner, id, m);
    await addMember(owner, id, r);
    const base = `/groups/${id}/members`;
    let page = await owner.get(`/groups/${id}`);
    expect(actions(page.body)).toEqual(
      expect.arrayContaining([
        `${base}/${m.id}/role`,
        `${base}/${m.id}/remove`,
        `${base}/${r.id}/remove`,
      ]),
    );
    expect(actions(page.body)).not.toContain(`${base}/${o.id}/remove`);
    expect(buttons(page.body)).toContain('Make owner');
    const asMember = await member.get(`/groups/${id}`);
    expect(actions(asMember.body).filter((a) => a!.startsWith(base))).toEqual([]);
    expect(asMember.body).not.toContain('invite-h');

    const left = await owner.post(`/groups/${id}/leave`);
    expect(left.headers.location).toBe(`/groups/${id}`);
    page = await owner.get(`/groups/${id}`);
    expect(page.statusCode).toBe(200);
    expect(flash(page.body)).toBe(
      'alert: A group needs at least one owner. Make someone else owner first.',
    );
    expect(buttons(page.body)).toContain('Leave group');
    page = await press(member, `${base}/${r.id}/remove`);
    expect(flash(page.body)).toBe('alert: You are not allowed to do this');
    page = await press(owner, `${base}/${r.id}/remove`);
    expect(flash(page.body)).toBe('status: Member removed.');
    expect(page.body).not.toContain(`/people/${r.id}"`);
    page = await press(owner, `${base}/${m.id}/role`, { role: 'owner' });
    expect(flash(page.body)).toBe('status: Role changed.');
    expect(buttons(page.body)).toContain('Make member');
    page = await press(owner, `/groups/${id}/leave`);
    expect(flash(page.body)).toBe('status: You have left the group.');
    expect(await apiGroup(member, id)).toMatchObject({ myRole: 'owner', memberCount: 1 });
  });

  it('the settings page is for owners and admins; with errors it shows what was typed', async () => {
    const [{ c: owner }, { user: m, c: member }, { c: stranger }] = await people(3);
    const admin = await signedIn(t.app, await createAdmin(t.deps));
    const id = await createByForm(owner, groupForm('Gartenfreunde', 'Beete & Bäume'));
    await addMember(owner, id, m);
    for (const c of [member, stranger]) {
      const res = await c.get(`/groups/${id}/edit`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Settings: Gartenfreunde');
      expect((await c.post(`/groups/${id}`, groupForm('Gekapert'))).statusCode).toBe(404);
    }
    expect((await admin.get(`/groups/${id}/edit`)).statusCode).toBe(200);
    const form = await owner.get(`/groups/${id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<h1>Settings: Gartenfreunde</h1>');
    expect(inputValue(form.body, 'name')).toBe('Gartenfreunde');
    expect(form.body).toContain('>Beete &amp; Bäume</textarea>');
    expect(actions(form.body)).toContain(`/groups/${id}`);

    const long = 'G'.repeat(101);
    const bad = await owner.post(`/groups/${id}`, groupForm(long, 'Neue <Text>', 'secret', 'team'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Please correct the 1 marked fields.');
    expect(fieldError(bad.body, 'name')).toBe('Please enter at most 100 characters');
    expect(inputValue(bad.body, 'name')).toBe(long);
    expect(bad.body).toContain('>Neue &lt;Text></textarea>');
    expect(bad.body).toContain('<option value="secret" selected>');
    expect(bad.body).toContain('<option value="team" selected>');
    const blank = await owner.post(`/groups/${id}`, groupForm('   ', 'Leer'));
    expect(blank.statusCode).toBe(400);
    expect(fieldError(blank.body, 'name')).toBe('Please fill in this field');
    expect(blank.body).toContain('>Leer</textarea>');
    expect((await apiGroup(owner, id)).name).toBe('Gartenfreunde');

    const page = await press(
      owner,
      `/groups/${id}`,
      groupForm('Gartenfreunde Ost', 'B', 'private', 'team'),
    );
    expect(flash(page.body)).toBe('status: Group saved.');
    expect(page.body).toContain('<h1>Gartenfreunde Ost</h1>');
    const saved = await apiGroup(member, id);
    expect(saved).toMatchObject({ name: 'Gartenfreunde Ost', visibility: 'private', kind: 'team' });
  });

  it('a new-group form with errors comes back with the typed values and a 400', async () => {
    const { c } = await person();
    await c.get('/groups/new');
    const res = await c.post('/groups', groupForm('', 'Nur Beschreibung', 'secret', 'team'));
    expect(res.statusCode).toBe(400);
    expect(fieldError(res.body, 'name')).toBe('Please fill in this field');
    expect(res.body).toContain('>Nur Beschreibung</textarea>');
    expect(res.body).toContain('<option value="secret" selected>');
    const wrong = await c.post('/groups', groupForm('Offen', '', 'open'));
    expect(wrong.statusCode).toBe(400);
    expect(fieldError(wrong.body, 'visibility')).toBe('Please choose one of the offered values');
    expect(inputValue(wrong.body, 'name')).toBe('Offen');
    expect(cards((await c.get('/groups?mine=1')).body)).toEqual([]);
  });
});
