import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from '../accounts/accounts.table.ts';
import { boardIds, painPointMeaning, patch, publish } from './board.fixture.ts';
import { excerptOf } from './board.ts';

/*
 * The fixture, an hour apart (votes, status, owner):
 *   p1 Einkauf  #ärger              2 votes  new          Olga
 *   p2 Vertrieb #wartezeit          0        acknowledged –
 *   p3 Einkauf  #ärger #wartezeit   3        new          Otto
 *   p4 Vertrieb #ärger #kantine     2        in_progress  –
 *   p5 Einkauf  #ärger              1        resolved     –
 *   hidden: Geheim, in a private group, 5 votes, new (only its members see it)
 */
describe.each(DIALECTS)('the pain-point board: filters, sorts, counts (%s)', (dialect) => {
  let t: TestApp;
  let now = Date.parse('2026-11-02T08:00:00Z');
  let ac: Client;
  let outsider: Client;
  let insider: Client;
  let olga: User;
  let otto: User;
  const p: Record<string, string> = {};

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    const admin = await createAdmin(t.deps, { name: 'Ada Admin' });
    const einkauf = await createUser(t.deps, { name: 'Erna Einkauf', department: 'Einkauf' });
    const vertrieb = await createUser(t.deps, { name: 'Vera Vertrieb', department: 'Vertrieb' });
    const geheim = await createUser(t.deps, { name: 'Gero Geheim', department: 'Geheim' });
    olga = await createUser(t.deps, { name: 'Olga Owner' });
    otto = await createUser(t.deps, { name: 'Otto Owner' });
    const voters = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => createUser(t.deps, { name: `Vroni Voter ${i}` })),
    );
    const [ec, vc, gc] = (await Promise.all(
      [einkauf, vertrieb, geheim].map((u) => signedIn(t.app, u)),
    )) as [Client, Client, Client];
    ac = await signedIn(t.app, admin);
    outsider = await signedIn(t.app, voters[0]!);
    const vcs = await Promise.all(voters.map((u) => signedIn(t.app, u)));
    await painPointMeaning(t, ac, 'ärger');
    await painPointMeaning(t, ac, 'wartezeit');

    const hour = () => (now += 3_600_000);
    p.p1 = `pp_${await publish(ec, 'Der Drucker streikt #ärger')}`;
    hour();
    p.p2 = `pp_${await publish(vc, 'Laptops kommen spät #wartezeit')}`;
    hour();
    p.p3 = `pp_${await publish(ec, 'Kaffee kalt #ärger #wartezeit')}`;
    hour();
    p.p4 = `pp_${await publish(vc, 'Zu wenig Parkplätze #ärger #kantine')}`;
    hour();
    p.p5 = `pp_${await publish(ec, 'Heizung defekt #ärger')}`;
    hour();
    const group = (
      await gc.api('POST', '/api/v1/groups', { name: 'Geheimprojekt', visibility: 'private' })
    ).json();
    insider = vcs[4]!;
    const join = await gc.api('POST', `/api/v1/groups/${group.id}/members`, {
      userId: voters[4]!.id,
    });
    expect(join.statusCode, join.body).toBeLessThan(300);
    p.hidden = `pp_${await publish(gc, 'Geheimes Ärgernis #ärger', group.id)}`;
    hour();

    const votes: [string, number][] = [
      [p.p1, 2],
      [p.p3, 3],
      [p.p4, 2],
      [p.p5, 1],
    ];
    for (const [id, n] of votes)
      for (const c of vcs.slice(0, n))
        expect((await c.api('POST', `/api/v1/pain-points/${id}/votes`)).statusCode).toBe(200);
    // The hidden one: its author and four members' votes would need membership; set directly.
    await t.deps.db
      .updateTable('pain_points')
      .set({ vote_count: 5 })
      .where('id', '=', p.hidden)
      .execute();
    for (const [id, body] of [
      [p.p1, { ownerId: olga.id }],
      [p.p3, { ownerId: otto.id }],
      [p.p2, { status: 'acknowledged' }],
      [p.p4, { status: 'in_progress' }],
      [p.p5, { status: 'resolved' }],
    ] as const)
      expect((await patch(ac, id, body)).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  const ids = (names: string[]) => names.map((n) => p[n]);

  it('shows the open ones by votes (equal: oldest first), or by age', async () => {
    expect(await boardIds(outsider)).toEqual(ids(['p3', 'p1', 'p4', 'p2']));
    expect(await boardIds(outsider, '?sort=oldest')).toEqual(ids(['p1', 'p2', 'p3', 'p4']));
    expect(await boardIds(outsider, '?sort=newest')).toEqual(ids(['p4', 'p3', 'p2', 'p1']));
    expect(await boardIds(outsider, '?status=all&sort=newest')).toEqual(
      ids(['p5', 'p4', 'p3', 'p2', 'p1']),
    );
  });

  it('filters by status (one or several), department, hashtag and owner', async () => {
    expect(await boardIds(outsider, '?status=closed')).toEqual(ids(['p5']));
    expect(await boardIds(outsider, '?status=new')).toEqual(ids(['p3', 'p1']));
    expect(await boardIds(outsider, '?status=new&status=in_progress')).toEqual(
      ids(['p3', 'p1', 'p4']),
    );
    expect(await boardIds(outsider, '?department=Einkauf')).toEqual(ids(['p3', 'p1']));
    expect(await boardIds(outsider, '?department=Einkauf&status=all')).toEqual(
      ids(['p3', 'p1', 'p5']),
    );
    expect(await boardIds(outsider, '?tag=wartezeit')).toEqual(ids(['p3', 'p2']));
    expect(await boardIds(outsider, `?tag=${encodeURIComponent('#Wartezeit')}`)).toEqual(
      ids(['p3', 'p2']),
    );
    expect(await boardIds(outsider, '?tag=kantine')).toEqual(ids(['p4']));
    expect(await boardIds(outsider, `?ownerId=${olga.id}`)).toEqual(ids(['p1']));
    expect(await boardIds(outsider, '?ownerId=none')).toEqual(ids(['p4', 'p2']));
    expect(
      await boardIds(outsider, `?ownerId=${otto.id}&tag=wartezeit&department=Einkauf`),
    ).toEqual(ids(['p3']));
    const bad = await outsider.api('GET', '/api/v1/pain-points?status=erledigt');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'status', code: 'unknown_status' });
  });

  it('pages through in the same order', async () => {
    const first = (await outsider.api('GET', '/api/v1/pain-points?limit=3')).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual(ids(['p3', 'p1', 'p4']));
    const second = (
      await outsider.api(
        'GET',
        `/api/v1/pain-points?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`,
      )
    ).json();
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.items.map((i: { id: string }) => i.id)).toEqual(ids(['p2']));
    for (const sort of ['oldest', 'newest'] as const) {
      const all = await boardIds(outsider, `?status=all&sort=${sort}`);
      const one = (
        await outsider.api('GET', `/api/v1/pain-points?status=all&sort=${sort}&limit=2`)
      ).json();
      const two = (
        await outsider.api(
          'GET',
          `/api/v1/pain-points?status=all&sort=${sort}&limit=2&cursor=${one.nextCursor}`,
        )
      ).json();
      const three = (
        await outsider.api(
          'GET',
          `/api/v1/pain-points?status=all&sort=${sort}&limit=2&cursor=${two.nextCursor}`,
        )
      ).json();
      expect([...one.items, ...two.items, ...three.items].map((i) => i.id)).toEqual(all);
      expect(three.nextCursor).toBeNull();
    }
    const bad = await outsider.api('GET', '/api/v1/pain-points?cursor=bm9wZQ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'cursor', code: 'invalid_cursor' });
  });

  it('counts per status for the filters, and offers only what the viewer may see', async () => {
    const html = (await outsider.get('/pain-points?department=Vertrieb')).body;
    const counts = [
      ...html.matchAll(/<a href="[^"]*"[^>]*>([^<:]+): <span class="count">(\d+)<\/span>/g),
    ].map((m) => [m[1], Number(m[2])]);
    expect(counts).toEqual([
      ['Open', 2],
      ['New', 0],
      ['Acknowledged', 1],
      ['In progress', 1],
      ['Resolved', 0],
      ['Won’t fix', 0],
      ['All', 2],
    ]);
    const board = (await outsider.get('/pain-points?status=all')).body;
    const options = (name: string) =>
      [
        ...(
          new RegExp(`<select id="${name}"[^>]*>(.*?)</select>`, 's').exec(board)?.[1] ?? ''
        ).matchAll(/<option value(?:="([^"]*)")?/g),
      ].map((m) => m[1] ?? '');
    expect(options('department')).toEqual(['', 'Einkauf', 'Vertrieb']);
    expect(options('tag')).toEqual(['', 'wartezeit', 'ärger']);
    expect(options('ownerId')).toEqual(['', 'none', olga.id, otto.id]);
    expect(board).not.toContain('Geheim');
  });

  it('a private group’s pain point reaches its members only: list, counts, filters, item', async () => {
    expect(await boardIds(insider)).toEqual(ids(['hidden', 'p3', 'p1', 'p4', 'p2']));
    expect(await boardIds(insider, '?department=Geheim')).toEqual(ids(['hidden']));
    expect(await boardIds(outsider, '?department=Geheim')).toEqual([]);
    const insiderBoard = (await insider.get('/pain-points')).body;
    expect(insiderBoard).toContain('Geheimes Ärgernis');
    expect(insiderBoard).toContain('<option value="Geheim"');
    const outsiderBoard = (await outsider.get('/pain-points?department=Geheim&status=all')).body;
    expect(outsiderBoard).not.toContain('Geheimes Ärgernis');
    expect(outsiderBoard).toMatch(/All: <span class="count">0<\/span>/);
    // Unfiltered, the counts differ by exactly the hidden one.
    expect((await outsider.get('/pain-points')).body).toMatch(/New: <span class="count">2<\/span>/);
    expect(insiderBoard).toMatch(/New: <span class="count">3<\/span>/);
    expect(insiderBoard).toMatch(/All: <span class="count">6<\/span>/);
    expect((await outsider.api('GET', `/api/v1/pain-points/${p.hidden}`)).statusCode).toBe(404);
    expect((await outsider.get(`/pain-points/${p.hidden}`)).statusCode).toBe(404);
  });

  it('a card’s line is the first line of text, without Markdown marks, shortened', () => {
    expect(excerptOf('\n\n## Der **Drucker** streikt\nzweite Zeile')).toBe('Der Drucker streikt');
    expect(excerptOf('> Zitat mit [Link](https://x.example)')).toBe('Zitat mit Link');
    expect(excerptOf('#ärger bleibt')).toBe('#ärger bleibt');
    expect(excerptOf('ä'.repeat(200), 10)).toBe(`${'ä'.repeat(9)}…`);
  });
});
