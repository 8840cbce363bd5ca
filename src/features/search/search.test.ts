import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { enqueue, runDueJobs } from '../../jobs/index.ts';
import { INDEX_JOB, rebuildSearchIndex } from './index.ts';

interface Item {
  type: string;
  id: string;
  title: string;
  snippet: string;
  highlights: [number, number][];
  url: string;
  group: { id: string; name: string } | null;
  author: { id: string; name: string } | null;
  questionStatus: string | null;
}
interface Result {
  items: Item[];
  nextCursor: string | null;
  truncated: boolean;
}

describe.each(DIALECTS)('search (%s)', (dialect) => {
  let t: TestApp;
  let now = Date.parse('2026-11-20T08:00:00Z');
  const tick = (minutes: number) => (now += minutes * 60_000);
  let anna: User;
  let ben: User;
  let carla: User;
  let ac: Client;
  let bc: Client;
  let cc: Client;
  let admin: Client;
  let privateGroup: string;
  let secretGroup: string;
  let publicGroup: string;

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    anna = await createUser(t.deps, {
      name: 'Anna Berg',
      title: 'Vertriebsleiterin',
      department: 'Vertrieb',
      skills: ['Ausschreibungen', 'Angebotskalkulation'],
    });
    ben = await createUser(t.deps, { name: 'Ben Özdemir', department: 'Technik' });
    carla = await createUser(t.deps, { name: 'Carla Jansen', department: 'Einkauf' });
    [ac, bc, cc, admin] = await Promise.all([
      signedIn(t.app, anna),
      signedIn(t.app, ben),
      signedIn(t.app, carla),
      createAdmin(t.deps).then((a) => signedIn(t.app, a)),
    ]);
    const group = async (c: Client, name: string, visibility: string, description = '') => {
      const res = await c.api('POST', '/api/v1/groups', { name, visibility, description });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    };
    privateGroup = await group(ac, 'Vertrieb intern', 'private', 'Preise und Rabatte');
    secretGroup = await group(ac, 'Projekt Zeppelin', 'secret', 'Übernahme der Nordwerft');
    publicGroup = await group(bc, 'Technikrunde', 'public', 'Drucker, Netzwerk, Laptops');
  });
  afterAll(async () => t.close());

  const post = async (c: Client, body: string, extra: Record<string, unknown> = {}) => {
    tick(1);
    const res = await c.api('POST', '/api/v1/posts', { body, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const find = async (c: Client, query: Record<string, string>): Promise<Result> => {
    const res = await c.api('GET', `/api/v1/search?${new URLSearchParams(query).toString()}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Result;
  };
  const ids = async (c: Client, q: string, extra: Record<string, string> = {}) =>
    (await find(c, { q, ...extra })).items.map((i) => i.id);

  it('ignores case and umlauts: Ärger, ärger, ÄRGER and aerger find the same post', async () => {
    const p = await post(bc, 'Schon wieder Ärger mit dem Drucker im zweiten Stock');
    for (const q of ['Ärger', 'ärger', 'ÄRGER', 'aerger']) expect(await ids(cc, q)).toContain(p);
    // …and a person typing without umlauts finds Ben Özdemir.
    expect(await ids(cc, 'ozdemir', { type: 'person' })).toEqual([ben.id]);
    expect(await ids(cc, 'Oezdemir', { type: 'person' })).toEqual([ben.id]);
  });

  it('finds compounds from their parts and inflections from one form', async () => {
    const zufrieden = await post(ac, 'Die Kundenzufriedenheit ist im Herbst gestiegen');
    const angebot = await post(ac, 'Unser Angebot für die Stadtwerke ist raus');
    const angebote = await post(ac, 'Zwei neue Angebote warten auf Freigabe');
    expect(await ids(cc, 'zufriedenheit')).toContain(zufrieden);
    expect(await ids(cc, 'Kunde')).toContain(zufrieden);
    const forAngebote = await ids(cc, 'Angebote');
    expect(forAngebote).toContain(angebot);
    expect(forAngebote).toContain(angebote);
    expect(await ids(cc, 'Angebot')).toEqual(expect.arrayContaining([angebot, angebote]));
    // English too.
    const offers = await post(ac, 'We sent three offers to Hamburg');
    expect(await ids(cc, 'offer')).toContain(offers);
    // Every word must match.
    expect(await ids(cc, 'Angebot Stadtwerke')).toEqual([angebot]);
    expect(await ids(cc, 'Angebot Zeppelin')).toEqual([]);
  });

  it('ranks the word itself above a compound, and marks the match in the snippet', async () => {
    const compound = await post(ac, 'Die Reisekostenabrechnung bitte bis Freitag');
    const exact = await post(ac, 'Wer kennt die Abrechnung für Reisekosten im Ausland?');
    const r = await find(cc, { q: 'abrechnung' });
    const order = r.items.map((i) => i.id);
    expect(order.indexOf(exact)).toBeLessThan(order.indexOf(compound));
    const hit = r.items.find((i) => i.id === exact)!;
    const [a, b] = hit.highlights[0]!;
    expect(hit.snippet.slice(a, b)).toBe('Abrechnung');
    const umlaut = (await find(cc, { q: 'aerger' })).items[0]!;
    const [x, y] = umlaut.highlights[0]!;
    expect(umlaut.snippet.slice(x, y)).toBe('Ärger');
  });

  it('never shows, ranks or counts a private group’s content to a non-member', async () => {
    const secret = await post(ac, 'Rabattstaffel Nordlicht: 12 % bis Jahresende', {
      groupId: privateGroup,
    });
    const c = await ac.api('POST', `/api/v1/posts/${secret}/comments`, {
      body: 'Nordlicht bekommt die Rabattstaffel nur mit Rahmenvertrag',
    });
    expect(c.statusCode, c.body).toBe(201);
    const commentId = (c.json() as { id: string }).id;
    expect(await ids(ac, 'Nordlicht')).toEqual(expect.arrayContaining([secret, commentId]));
    for (const outsider of [bc, cc, admin]) {
      const r = await find(outsider, { q: 'Nordlicht' });
      expect(r).toEqual({ items: [], nextCursor: null, truncated: false });
      expect(await ids(outsider, 'Rabattstaffel', { groupId: privateGroup })).toEqual([]);
    }
    // The secret group itself is found by its members only; the private one by everyone.
    expect(await ids(ac, 'Zeppelin', { type: 'group' })).toEqual([secretGroup]);
    expect(await ids(bc, 'Zeppelin', { type: 'group' })).toEqual([]);
    expect(await ids(bc, 'Nordwerft')).toEqual([]);
    expect(await ids(bc, 'Vertrieb', { type: 'group' })).toEqual([privateGroup]);
    expect(await ids(bc, 'Rabatte', { type: 'group' })).toEqual([privateGroup]);
  });

  it('finds people by name, title, department and skill, but not deactivated ones', async () => {
    expect(await ids(bc, 'Berg', { type: 'person' })).toEqual([anna.id]);
    expect(await ids(bc, 'vertriebsleiterin', { type: 'person' })).toEqual([anna.id]);
    expect(await ids(bc, 'Ausschreibung', { type: 'person' })).toEqual([anna.id]);
    expect(await ids(bc, 'kalkulation', { type: 'person' })).toEqual([anna.id]);
    const gone = await createUser(t.deps, { name: 'Dora Weggang', department: 'Vertrieb' });
    expect(await ids(bc, 'Weggang')).toEqual([gone.id]);
    const res = await admin.api('POST', `/api/v1/users/${gone.id}/deactivate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await ids(bc, 'Weggang')).toEqual([]);
  });

  it('keeps the index current when a post is edited and deleted', async () => {
    const p = await post(bc, 'Der Beamer im Raum Elbe flackert');
    expect(await ids(cc, 'Beamer')).toContain(p);
    const edit = await bc.api('PATCH', `/api/v1/posts/${p}`, {
      body: 'Der Projektor im Raum Elbe flackert',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await ids(cc, 'Beamer')).not.toContain(p);
    expect(await ids(cc, 'Projektor')).toContain(p);
    const del = await bc.api('DELETE', `/api/v1/posts/${p}`);
    expect(del.statusCode, del.body).toBe(204);
    expect(await ids(cc, 'Projektor')).not.toContain(p);
  });

  it('filters by type, group, author, hashtag and date', async () => {
    const join = await cc.api('POST', `/api/v1/groups/${publicGroup}/members`, {});
    expect(join.statusCode, join.body).toBeLessThan(300);
    const q = await post(cc, 'Wer kennt einen guten Lieferanten für Laptoptaschen? #einkauf', {
      kind: 'question',
      groupId: publicGroup,
    });
    now = Date.parse('2026-11-21T09:00:00Z');
    const p = await post(bc, 'Neue Laptoptaschen sind bestellt #einkauf');
    const other = await post(ac, 'Laptoptaschen gibt es auch im Shop');
    const all = await ids(cc, 'Laptoptaschen');
    expect(all).toEqual(expect.arrayContaining([q, p, other]));
    expect(await ids(cc, 'Laptoptaschen', { type: 'question' })).toEqual([q]);
    expect(await ids(cc, 'Laptoptaschen', { groupId: publicGroup })).toEqual([q]);
    expect(await ids(cc, 'Laptoptaschen', { author: ben.email })).toEqual([p]);
    expect(await ids(cc, 'Laptoptaschen', { author: ben.email.split('@')[0]! })).toEqual([p]);
    expect(new Set(await ids(cc, 'Laptoptaschen', { tag: '#Einkauf' }))).toEqual(new Set([q, p]));
    expect(await ids(cc, 'Laptoptaschen', { from: '2026-11-19', to: '2026-11-20' })).toEqual([q]);
    const hit = (await find(cc, { q: 'Laptoptaschen', type: 'question' })).items[0]!;
    expect(hit).toMatchObject({ type: 'question', questionStatus: 'open', url: `/posts/${q}` });
  });

  it('pages through results with a cursor', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await post(cc, `Kantinenplan Woche ${i + 40}`));
    const first = await find(cc, { q: 'Kantinenplan', limit: '2' });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe('2');
    const second = await find(cc, { q: 'Kantinenplan', limit: '2', cursor: first.nextCursor! });
    const third = await find(cc, { q: 'Kantinenplan', limit: '2', cursor: second.nextCursor! });
    expect(third.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items, ...third.items].map((i) => i.id);
    expect(new Set(seen)).toEqual(new Set(made));
  });

  it('indexes in a background job, and a rebuild gives the same answers', async () => {
    const p = await post(bc, 'Die Kaffeemaschine im Erdgeschoss ist repariert');
    const queued = () =>
      t.deps.db.selectFrom('search_queue').select('ref_id').where('ref_id', '=', p).execute();
    expect(await queued()).toHaveLength(1);
    await enqueue(t.deps.db, INDEX_JOB, {});
    expect(await runDueJobs(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await queued()).toHaveLength(0);
    const indexed = await t.deps.db
      .selectFrom('search_items')
      .select(['kind', 'author_id'])
      .where('ref_id', '=', p)
      .execute();
    expect(indexed).toEqual([{ kind: 'post', author_id: ben.id }]);

    const before = await find(ac, { q: 'Angebote' });
    const n = await rebuildSearchIndex(t.deps.db);
    expect(n).toBeGreaterThan(20);
    expect(await find(ac, { q: 'Angebote' })).toEqual(before);
    // Oldest first: the index's order is the order things were written in (ids are ULIDs).
    const rows = await t.deps.db
      .selectFrom('search_items')
      .select(['id', 'ref_id'])
      .orderBy('id')
      .execute();
    const refs = rows.map((r) => r.ref_id);
    expect(refs).toEqual([...refs].sort());
  });

  it('answers bad input with a problem that names the field', async () => {
    const empty = await cc.api('GET', '/api/v1/search?q=');
    expect(empty.statusCode).toBe(400);
    const date = await cc.api('GET', '/api/v1/search?q=x&from=2026-13-45');
    expect(date.statusCode).toBe(400);
    expect(date.body).toContain('from');
    const who = await cc.api('GET', '/api/v1/search?q=x&author=niemand');
    expect(who.statusCode).toBe(400);
    expect(who.json()).toMatchObject({ errors: [{ field: 'author', code: 'unknown_person' }] });
  });

  it('serves a search page that works without JavaScript, in German too', async () => {
    const page = await cc.request({ method: 'GET', url: '/search?q=Drucker' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<mark>Drucker<\/mark>/);
    expect(page.body).toContain('role="search"');
    const bad = await cc.request({ method: 'GET', url: '/search?q=Drucker&from=gestern' });
    expect(bad.body).toContain('Enter a date as YYYY-MM-DD.');
    expect(bad.body).toContain('value="gestern"');
    const none = await cc.request({ method: 'GET', url: '/search?q=Nordlicht' });
    expect(none.body).toContain('Nothing found for “Nordlicht”');
    expect(none.body).not.toContain('Rabattstaffel');
    await t.deps.db.updateTable('users').set({ locale: 'de' }).where('id', '=', carla.id).execute();
    const de = await cc.request({ method: 'GET', url: '/search?q=Drucker' });
    expect(de.body).toContain('Suchen nach');
  });
});
