import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from '../accounts/accounts.table.ts';

const NOW = new Date('2026-11-03T09:15:00.000Z');

interface Note {
  kind: string;
  actor: { id: string; name: string } | null;
  postId: string | null;
}

describe.each(DIALECTS)('pain point notifications (%s)', (dialect) => {
  let t: TestApp;
  let admin: User;
  let ac: Client;
  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    admin = await createAdmin(t.deps);
    ac = await signedIn(t.app, admin);
    await t.deps.db
      .insertInto('hashtags')
      .values({
        tag: 'ärger',
        display: 'ärger',
        meaning: 'pain_point',
        created_at: NOW.toISOString(),
      })
      .execute();
  });
  afterAll(async () => t.close());

  const lead = async (department: string, input: Partial<User> = {}) => {
    const u = await createUser(t.deps, { department, ...input });
    await t.deps.db
      .insertInto('department_leads')
      .values({ department, user_id: u.id, created_at: NOW.toISOString() })
      .execute();
    return u;
  };
  const notes = async (c: Client, kindPrefix = 'pain_point'): Promise<Note[]> =>
    ((await c.api('GET', '/api/v1/notifications')).json().items as Note[]).filter((n) =>
      n.kind.startsWith(kindPrefix),
    );
  const painPointOf = async (postId: string) =>
    (
      await t.deps.db
        .selectFrom('pain_points')
        .select('id')
        .where('post_id', '=', postId)
        .executeTakeFirstOrThrow()
    ).id;

  it('a new pain point tells its department’s leads (not its author); without leads, the admins', async () => {
    const l1 = await lead('Logistik', { name: 'Lea Leitung' });
    const l2 = await lead('Logistik');
    const author = await createUser(t.deps, { department: 'Logistik', name: 'Arno Autor' });
    const [c1, c2, cAuthor] = await Promise.all([
      signedIn(t.app, l1),
      signedIn(t.app, l2),
      signedIn(t.app, author),
    ]);
    const adminBefore = (await notes(ac)).length;
    const post = (
      await cAuthor.api('POST', '/api/v1/posts', { body: '#ärger Stapler defekt' })
    ).json();
    for (const c of [c1, c2])
      expect(await notes(c)).toEqual([
        expect.objectContaining({
          kind: 'pain_point_new',
          actor: { id: author.id, name: 'Arno Autor' },
          postId: post.id,
        }),
      ]);
    expect(await notes(cAuthor)).toEqual([]);
    expect((await notes(ac)).length).toBe(adminBefore);
    expect((await c1.get('/notifications')).body).toContain('Arno Autor reported a pain point');

    // A lead who reports one is not told of their own.
    await c1.api('POST', '/api/v1/posts', { body: '#ärger Rampe rutschig' });
    expect(await notes(c1)).toHaveLength(1);
    expect(await notes(c2)).toHaveLength(2);

    // No leads in the department (or none): the admins.
    const other = await signedIn(t.app, await createUser(t.deps, { department: 'Kantine' }));
    const p2 = (await other.api('POST', '/api/v1/posts', { body: 'Suppe kalt #ärger' })).json();
    expect((await notes(ac)).map((n) => n.postId)).toContain(p2.id);
    // A post without a pain-point hashtag tells nobody.
    await other.api('POST', '/api/v1/posts', { body: 'Suppe heute lecker' });
    expect(await notes(c1)).toHaveLength(1);
  });

  it('a post edited to carry the hashtag tells the leads once, like a new one', async () => {
    const l = await lead('Werkstatt', { name: 'Wilma Werkstatt' });
    const author = await createUser(t.deps, { department: 'Werkstatt', name: 'Egon Editor' });
    const [cl, ca] = [await signedIn(t.app, l), await signedIn(t.app, author)];
    const post = (await ca.api('POST', '/api/v1/posts', { body: 'Hebebühne quietscht' })).json();
    expect(await notes(cl)).toEqual([]);
    const edit = async (body: string) =>
      expect((await ca.api('PATCH', `/api/v1/posts/${post.id}`, { body })).statusCode).toBe(200);
    await edit('Hebebühne quietscht #ärger');
    expect(await notes(cl)).toEqual([
      expect.objectContaining({ kind: 'pain_point_new', postId: post.id }),
    ]);
    await edit('Hebebühne quietscht immer noch #ärger');
    expect(await notes(cl)).toHaveLength(1);
  });

  it('a lead who may not read the post is not told; the admins who may are', async () => {
    const outside = await lead('Forschung');
    const co = await signedIn(t.app, outside);
    const author = await createUser(t.deps, { department: 'Forschung' });
    const ca = await signedIn(t.app, author);
    const adminMember = await createAdmin(t.deps);
    const cam = await signedIn(t.app, adminMember);
    const g = (
      await ca.api('POST', '/api/v1/groups', { name: 'Labor', visibility: 'private' })
    ).json();
    await ca.api('POST', `/api/v1/groups/${g.id}/members`, { userId: adminMember.id });
    const post = (
      await ca.api('POST', '/api/v1/posts', { body: '#ärger Abzug defekt', groupId: g.id })
    ).json();
    expect(await notes(co)).toEqual([]);
    expect((await notes(cam)).map((n) => n.postId)).toEqual([post.id]);
    expect((await notes(ac)).map((n) => n.postId)).not.toContain(post.id);
  });

  it('an approved anonymous pain point tells the chosen department’s leads, naming nobody', async () => {
    const l = await lead('Personal', { locale: 'de' });
    const cl = await signedIn(t.app, l);
    const sender = await signedIn(t.app, await createUser(t.deps, { department: 'Personal' }));
    const id = (
      await sender.api('POST', '/api/v1/pain-points/anonymous', {
        body: 'Überstunden werden nicht erfasst',
        department: 'Personal',
      })
    ).json().id;
    expect(await notes(cl)).toEqual([]);
    const { postId } = (
      await ac.api('POST', `/api/v1/pain-points/moderation/${id}/approve`)
    ).json();
    expect(await notes(cl)).toEqual([
      expect.objectContaining({ kind: 'pain_point_new', actor: null, postId }),
    ]);
    expect((await cl.get('/notifications')).body).toContain('Ein Ärgernis wurde anonym gemeldet');
    expect(await notes(sender)).toEqual([]);
  });

  it('a new owner hears of it; a change of status tells the author and the voters, never the one who made it', async () => {
    const author = await createUser(t.deps, { name: 'Berta Beitrag' });
    const owner = await createUser(t.deps);
    const voter = await createUser(t.deps);
    const actor = await createUser(t.deps, { name: 'Carl Chef', locale: 'de' });
    const ca = await signedIn(t.app, author);
    const co = await signedIn(t.app, owner);
    const cv = await signedIn(t.app, voter);
    const cx = await signedIn(t.app, actor);
    const post = (await ca.api('POST', '/api/v1/posts', { body: '#ärger Heizung aus' })).json();
    const ppId = await painPointOf(post.id);
    for (const u of [voter, actor])
      await t.deps.db
        .insertInto('pain_point_votes')
        .values({ pain_point_id: ppId, user_id: u.id, created_at: NOW.toISOString() })
        .execute();
    const changed = (change: 'owner' | 'status', by: User, ownerId: string | null) =>
      t.deps.bus.emit({
        type: 'painpoint.changed',
        painPointId: ppId,
        postId: post.id,
        actorId: by.id,
        change,
        toStatus: change === 'status' ? 'acknowledged' : null,
        ownerId,
      });
    await changed('owner', actor, owner.id);
    expect(await notes(co)).toEqual([
      expect.objectContaining({
        kind: 'pain_point_assigned',
        actor: { id: actor.id, name: 'Carl Chef' },
        postId: post.id,
      }),
    ]);
    // Taking it oneself tells nobody.
    await changed('owner', actor, actor.id);
    expect(await notes(cx)).toEqual([]);

    await changed('status', actor, owner.id);
    for (const c of [ca, cv])
      expect(await notes(c)).toEqual([
        expect.objectContaining({
          kind: 'pain_point_status',
          actor: { id: actor.id, name: 'Carl Chef' },
        }),
      ]);
    expect(await notes(cx)).toEqual([]);
    expect((await co.api('GET', '/api/v1/notifications')).json().items).toHaveLength(1);
    expect((await ca.get('/notifications')).body).toContain(
      'Carl Chef changed the status of a pain point',
    );
    // A change of the resolving post alone tells nobody.
    await t.deps.bus.emit({
      type: 'painpoint.changed',
      painPointId: ppId,
      postId: post.id,
      actorId: actor.id,
      change: 'resolving_post',
      toStatus: null,
      ownerId: null,
    });
    expect(await notes(ca)).toHaveLength(1);
  });

  it('the status of an anonymous pain point tells its voters, and no author', async () => {
    const sender = await signedIn(t.app, await createUser(t.deps));
    const voter = await createUser(t.deps);
    const cv = await signedIn(t.app, voter);
    const id = (
      await sender.api('POST', '/api/v1/pain-points/anonymous', { body: 'Lüftung zu laut #ärger' })
    ).json().id;
    const { postId, painPointId } = (
      await ac.api('POST', `/api/v1/pain-points/moderation/${id}/approve`)
    ).json();
    await t.deps.db
      .insertInto('pain_point_votes')
      .values({ pain_point_id: painPointId, user_id: voter.id, created_at: NOW.toISOString() })
      .execute();
    await t.deps.bus.emit({
      type: 'painpoint.changed',
      painPointId,
      postId,
      actorId: admin.id,
      change: 'status',
      toStatus: 'in_progress',
      ownerId: null,
    });
    expect((await notes(cv)).map((n) => n.kind)).toEqual(['pain_point_status']);
    expect(
      await t.deps.db
        .selectFrom('notifications')
        .select('user_id')
        .where('post_id', '=', postId)
        .where('kind', '=', 'pain_point_status')
        .execute(),
    ).toEqual([{ user_id: voter.id }]);
  });
});
