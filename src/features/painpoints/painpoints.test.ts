import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PainPointStatus } from './painpoints.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from '../accounts/accounts.table.ts';
import type { DomainEvent } from '../../realtime/bus.ts';
import { boardIds, painPointMeaning, patch, publish } from './board.fixture.ts';
import { postIdOf } from './painpoints.service.ts';

describe.each(DIALECTS)('pain points: filing, workflow, permissions, votes (%s)', (dialect) => {
  let t: TestApp;
  let now = Date.parse('2026-11-02T08:00:00Z');
  const tick = (minutes: number) => (now += minutes * 60_000);
  const at = () => new Date(now).toISOString();
  let admin: User;
  let poster: User;
  let bea: User;
  let dora: User;
  let ac: Client;
  let pc: Client;
  let mc: Client;
  let leaC: Client;
  let leoC: Client;
  let beaC: Client;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    admin = await createAdmin(t.deps, { name: 'Ada Admin' });
    poster = await createUser(t.deps, { name: 'Paul Poster', department: 'Einkauf' });
    const mia = await createUser(t.deps, { name: 'Mia Mitglied', department: 'Vertrieb' });
    const lea = await createUser(t.deps, { name: 'Lea Leitung', department: 'Einkauf' });
    const leo = await createUser(t.deps, { name: 'Leo Lead', department: 'Vertrieb' });
    bea = await createUser(t.deps, { name: 'Bea Owner', department: 'Einkauf' });
    dora = await createUser(t.deps, { name: 'Dora Deaktiviert', status: 'deactivated' });
    [ac, pc, mc, leaC, leoC, beaC] = (await Promise.all(
      [admin, poster, mia, lea, leo, bea].map((u) => signedIn(t.app, u)),
    )) as [Client, Client, Client, Client, Client, Client];
    for (const [department, userId] of [
      ['Einkauf', lea.id],
      ['Vertrieb', leo.id],
    ] as const) {
      const res = await ac.api('POST', '/api/v1/pain-points/leads', { department, userId });
      expect(res.statusCode, res.body).toBe(201);
    }
    t.deps.bus.listen((e) => void (e.type === 'painpoint.changed' && events.push(e)));
  });
  afterAll(async () => t.close());

  const item = async (c: Client, id: string) => {
    const res = await c.api('GET', `/api/v1/pain-points/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('a post with #ärger becomes a pain point: when the meaning is given later, when written, when edited in', async () => {
    const before = await publish(pc, 'Der Drucker im 2. OG streikt schon wieder #ärger');
    // Without the meaning, #ärger is just a hashtag.
    expect(await boardIds(ac)).toEqual([]);
    await painPointMeaning(t, ac, 'ärger');
    expect(await boardIds(ac)).toEqual([`pp_${before}`]);

    tick(1);
    const written = await publish(pc, '#Ärger: Die Kaffeemaschine tropft');
    tick(1);
    const edited = await publish(mc, 'Die Parkplätze reichen nicht');
    expect(await boardIds(ac, '?sort=oldest')).toEqual([`pp_${before}`, `pp_${written}`]);
    const res = await mc.api('PATCH', `/api/v1/posts/${edited}`, {
      body: 'Die Parkplätze reichen nicht #ärger',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await boardIds(ac, '?sort=oldest')).toEqual([
      `pp_${before}`,
      `pp_${written}`,
      `pp_${edited}`,
    ]);
    // The author's department when filed; new, no owner, no votes.
    expect(await item(ac, `pp_${written}`)).toMatchObject({
      id: `pp_${written}`,
      postId: written,
      excerpt: '#Ärger: Die Kaffeemaschine tropft',
      status: 'new',
      department: 'Einkauf',
      owner: null,
      votes: 0,
      voted: false,
      anonymous: false,
      resolvingPostId: null,
      acknowledgedAt: null,
      resolvedAt: null,
      hashtags: ['ärger'],
      events: [],
    });
    expect((await item(ac, `pp_${edited}`)).department).toBe('Vertrieb');
  });

  it('moves through the workflow; acknowledged_at stays, resolved_at is cleared on reopening', async () => {
    const id = `pp_${await publish(pc, 'Die Heizung im Lager #ärger')}`;
    const created = at();
    events.length = 0;
    tick(60);
    const res = await patch(ac, id, { status: 'acknowledged', note: 'Wir schauen es uns an' });
    expect(res.statusCode, res.body).toBe(200);
    const acknowledged = at();
    expect(res.json()).toMatchObject({
      status: 'acknowledged',
      createdAt: created,
      acknowledgedAt: acknowledged,
      statusChangedAt: acknowledged,
      resolvedAt: null,
    });
    tick(60);
    expect((await patch(ac, id, { status: 'in_progress' })).json()).toMatchObject({
      status: 'in_progress',
      acknowledgedAt: acknowledged,
      statusChangedAt: at(),
      resolvedAt: null,
    });
    tick(60);
    const resolved = at();
    expect((await patch(ac, id, { status: 'resolved' })).json()).toMatchObject({
      status: 'resolved',
      acknowledgedAt: acknowledged,
      resolvedAt: resolved,
    });

    // Refused moves, each named with its field and code; nothing changes.
    for (const [body, status, code, field] of [
      [{ status: 'new' }, 422, 'invalid_transition', 'status'],
      [{ status: 'wont_fix' }, 422, 'invalid_transition', 'status'],
      [{ status: 'resolved' }, 422, 'invalid_transition', 'status'],
      [{ status: 'erledigt' }, 400, 'validation_failed', 'status'],
      [{ note: 'nur eine Notiz' }, 400, 'validation_failed', 'note'],
      [{ status: 'acknowledged', note: 'x'.repeat(1001) }, 400, 'validation_failed', 'note'],
      [{}, 400, 'validation_failed', 'status'],
    ] as const) {
      const r = await patch(ac, id, body);
      expect({ body, status: r.statusCode, code: r.json().code }).toEqual({ body, status, code });
      expect(r.json().errors[0].field).toBe(field);
    }
    expect((await patch(ac, id, { status: 'erledigt' })).json().errors[0].code).toBe(
      'unknown_status',
    );
    expect((await patch(ac, id, { note: 'n' })).json().errors[0].code).toBe('status_required');

    tick(60);
    const reopened = await patch(ac, id, { status: 'acknowledged', note: 'x'.repeat(1000) });
    expect(reopened.json()).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: acknowledged,
      resolvedAt: null,
      statusChangedAt: at(),
    });
    tick(60);
    expect((await patch(ac, id, { status: 'wont_fix' })).json()).toMatchObject({
      status: 'wont_fix',
      resolvedAt: at(),
    });

    const history = (await item(pc, id)).events;
    expect(
      history.map((e: { fromStatus: string; toStatus: string; actor: { name: string } }) => [
        e.fromStatus,
        e.toStatus,
        e.actor.name,
      ]),
    ).toEqual([
      ['new', 'acknowledged', 'Ada Admin'],
      ['acknowledged', 'in_progress', 'Ada Admin'],
      ['in_progress', 'resolved', 'Ada Admin'],
      ['resolved', 'acknowledged', 'Ada Admin'],
      ['acknowledged', 'wont_fix', 'Ada Admin'],
    ]);
    expect(history[0]).toMatchObject({ kind: 'status', note: 'Wir schauen es uns an' });
    expect(history[0].createdAt).toBe(acknowledged);
    // One event on the bus per change, after the commit.
    expect(events.map((e) => (e.type === 'painpoint.changed' ? e.toStatus : null))).toEqual([
      'acknowledged',
      'in_progress',
      'resolved',
      'acknowledged',
      'wont_fix',
    ]);
    expect(events[0]).toEqual({
      type: 'painpoint.changed',
      painPointId: id,
      postId: id.slice(3),
      actorId: admin.id,
      change: 'status',
      toStatus: 'acknowledged',
      ownerId: null,
    });
  });

  it('members may not change it; the department’s lead assigns, another department’s may not; the owner moves it', async () => {
    const id = `pp_${await publish(pc, 'Bestellungen hängen im Freigabeprozess #ärger')}`;
    for (const c of [mc, pc, leoC]) {
      const r = await patch(c, id, { status: 'acknowledged' });
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('forbidden');
      expect((await patch(c, id, { ownerId: bea.id })).statusCode).toBe(403);
    }
    expect(await item(mc, id)).toMatchObject({ canChangeStatus: false, canAssignOwner: false });
    expect(await item(leaC, id)).toMatchObject({ canChangeStatus: true, canAssignOwner: true });

    events.length = 0;
    tick(5);
    const assigned = await patch(leaC, id, { ownerId: bea.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().owner).toEqual({ id: bea.id, name: 'Bea Owner' });
    expect(events).toEqual([
      expect.objectContaining({ change: 'owner', ownerId: bea.id, toStatus: null }),
    ]);

    // The owner moves it along, but does not hand it on.
    expect((await patch(beaC, id, { status: 'in_progress' })).json().status).toBe('in_progress');
    expect((await patch(beaC, id, { ownerId: poster.id })).statusCode).toBe(403);
    expect(await item(beaC, id)).toMatchObject({ canChangeStatus: true, canAssignOwner: false });

    // The owner must be an active person.
    for (const ownerId of [dora.id, 'anonymous', 'no-such-person']) {
      const r = await patch(ac, id, { ownerId });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0]).toMatchObject({ field: 'ownerId', code: 'unknown_owner' });
    }
    // Admins may; null clears.
    expect((await patch(ac, id, { ownerId: null })).json().owner).toBeNull();
    const history = (await item(ac, id)).events;
    expect(
      history.map((e: { kind: string; owner: { name: string } | null }) => [
        e.kind,
        e.owner?.name ?? null,
      ]),
    ).toEqual([
      ['owner', 'Bea Owner'],
      ['status', null],
      ['owner', null],
    ]);
  });

  it('links a resolving post the actor can read, by id or address; resolving may carry it', async () => {
    const id = `pp_${await publish(pc, 'Das WLAN im Besprechungsraum bricht ab #ärger')}`;
    const fix = await publish(ac, 'Neuer Access Point ist montiert.');
    const group = (
      await ac.api('POST', '/api/v1/groups', { name: 'IT intern', visibility: 'private' })
    ).json();
    const hidden = await publish(ac, 'Interne Notiz', group.id);

    expect((await patch(mc, id, { resolvingPostId: fix })).statusCode).toBe(403);
    // A post Lea cannot read is as unknown as one that does not exist; nor its own post.
    for (const [ref, code] of [
      [hidden, 'post_not_found'],
      ['kein-beitrag', 'post_not_found'],
      ['https://example.com/nicht/hier', 'post_not_found'],
      [`/posts/${id.slice(3)}`, 'own_post'],
    ] as const) {
      const r = await patch(leaC, id, { resolvingPostId: ref });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0]).toMatchObject({ field: 'resolvingPostId', code });
    }
    tick(1);
    const r = await patch(leaC, id, {
      status: 'resolved',
      note: 'Erledigt',
      resolvingPostId: `https://kantine.example.com/posts/${fix}#c-1`,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'resolved', resolvingPostId: fix, resolvedAt: at() });
    expect(
      r
        .json()
        .events.map((e: { kind: string; resolvingPostId: string | null }) => [
          e.kind,
          e.resolvingPostId,
        ]),
    ).toEqual([
      ['status', null],
      ['resolving_post', fix],
    ]);
    // An admin may link the hidden post (a member of its group); others do not see its id.
    expect((await patch(ac, id, { resolvingPostId: hidden })).json().resolvingPostId).toBe(hidden);
    expect((await item(mc, id)).resolvingPostId).toBeNull();
    expect((await item(mc, id)).events.at(-1).resolvingPostId).toBeNull();
    expect((await patch(ac, id, { resolvingPostId: null })).json().resolvingPostId).toBeNull();
  });

  it('"me too": once per person, toggled, counted; not by its author', async () => {
    const id = `pp_${await publish(pc, 'Die Kantine schließt zu früh #ärger')}`;
    const vote = (c: Client, method: 'POST' | 'DELETE') =>
      c.api(method, `/api/v1/pain-points/${id}/votes`);
    expect((await vote(mc, 'POST')).json()).toEqual({ painPointId: id, votes: 1, voted: true });
    expect((await vote(mc, 'POST')).json()).toEqual({ painPointId: id, votes: 1, voted: true });
    expect((await vote(leaC, 'POST')).json()).toEqual({ painPointId: id, votes: 2, voted: true });
    expect(await item(mc, id)).toMatchObject({ votes: 2, voted: true });
    expect((await vote(mc, 'DELETE')).json()).toEqual({ painPointId: id, votes: 1, voted: false });
    expect((await vote(mc, 'DELETE')).json()).toEqual({ painPointId: id, votes: 1, voted: false });
    expect(await item(mc, id)).toMatchObject({ votes: 1, voted: false });
    const own = await vote(pc, 'POST');
    expect(own.statusCode).toBe(422);
    expect(own.json().code).toBe('own_pain_point');
    const row = await t.deps.db
      .selectFrom('pain_points')
      .select('vote_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.vote_count)).toBe(1);
  });

  it('a private group’s pain point does not exist for a non-member', async () => {
    const group = (
      await leaC.api('POST', '/api/v1/groups', { name: 'Einkauf intern', visibility: 'private' })
    ).json();
    const secret = `pp_${await publish(leaC, 'Lieferant X ist unzuverlässig #ärger', group.id)}`;
    expect(await boardIds(leaC, '?status=all')).toContain(secret);
    expect(await boardIds(mc, '?status=all')).not.toContain(secret);
    for (const [method, url, body] of [
      ['GET', `/api/v1/pain-points/${secret}`, undefined],
      ['PATCH', `/api/v1/pain-points/${secret}`, { status: 'acknowledged' }],
      ['POST', `/api/v1/pain-points/${secret}/votes`, undefined],
    ] as const) {
      const r = await mc.api(method, url, body);
      expect({ url, method, status: r.statusCode }).toEqual({ url, method, status: 404 });
      expect(r.json().code).toBe('not_found');
    }
    // Not even an admin who is not a member sees it (as with its post).
    expect((await ac.api('GET', `/api/v1/pain-points/${secret}`)).statusCode).toBe(404);
    // Its owner must be able to read it: Mia, no member, is refused; Lea, a member, is taken.
    const miaId = (await mc.api('GET', '/api/v1/me')).json().id as string;
    const refused = await patch(leaC, secret, { ownerId: miaId });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'ownerId', code: 'unknown_owner' }),
    ]);
    const leaId = (await leaC.api('GET', '/api/v1/me')).json().id as string;
    const taken = await patch(leaC, secret, { ownerId: leaId });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().owner).toMatchObject({ id: leaId });
  });

  it('allows exactly the moves of the workflow table, from every status to every other', async () => {
    // The table of the README, written out: nothing goes back to new or moves to itself; a
    // closed one is reopened before it is closed the other way.
    const allowed: Record<string, string[]> = {
      new: ['acknowledged', 'in_progress', 'resolved', 'wont_fix'],
      acknowledged: ['in_progress', 'resolved', 'wont_fix'],
      in_progress: ['acknowledged', 'resolved', 'wont_fix'],
      resolved: ['acknowledged', 'in_progress'],
      wont_fix: ['acknowledged', 'in_progress'],
    };
    await painPointMeaning(t, ac, 'ärger');
    const id = `pp_${await publish(pc, 'Tabelle der Übergänge #ärger')}`;
    const statuses = Object.keys(allowed);
    const seen: string[] = [];
    for (const from of statuses) {
      for (const to of statuses) {
        await t.deps.db
          .updateTable('pain_points')
          .set({ status: from as PainPointStatus })
          .where('id', '=', id)
          .execute();
        const res = await patch(ac, id, { status: to });
        seen.push(`${from}→${to}: ${res.statusCode}`);
      }
    }
    const want = statuses.flatMap((from) =>
      statuses.map((to) => `${from}→${to}: ${allowed[from]!.includes(to) ? 200 : 422}`),
    );
    expect(seen).toEqual(want);
  });

  it('takes a post as its id or its address', () => {
    expect(postIdOf('01JABCDEF')).toBe('01JABCDEF');
    expect(postIdOf(' /posts/01JABCDEF ')).toBe('01JABCDEF');
    expect(postIdOf('https://k.example/posts/01JABCDEF?x=1#c-2')).toBe('01JABCDEF');
    expect(postIdOf('https://k.example/groups/01JABCDEF')).toBeNull();
    expect(postIdOf('zwei Wörter')).toBeNull();
  });
});
