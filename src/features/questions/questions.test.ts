import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

describe.each(DIALECTS)('questions and answers (%s)', (dialect) => {
  let t: TestApp;
  let now = Date.parse('2026-11-02T08:00:00Z');
  const tick = (minutes: number) => (now += minutes * 60_000);
  let asker: User;
  let ann: User;
  let ben: User;
  let ac: Client;
  let annc: Client;
  let benc: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    asker = await createUser(t.deps, { name: 'Frieda Fragend' });
    ann = await createUser(t.deps, { name: 'Ann Antwort' });
    ben = await createUser(t.deps, { name: 'Ben Beistand' });
    [ac, annc, benc, admin] = await Promise.all([
      signedIn(t.app, asker),
      signedIn(t.app, ann),
      signedIn(t.app, ben),
      createAdmin(t.deps).then((a) => signedIn(t.app, a)),
    ]);
  });
  afterAll(async () => t.close());

  const ask = async (c: Client, body: string, groupId?: string) => {
    const res = await c.api('POST', '/api/v1/posts', {
      body,
      kind: 'question',
      ...(groupId ? { groupId } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const answer = async (c: Client, postId: string, body: string, parentId?: string) => {
    const res = await c.api('POST', `/api/v1/posts/${postId}/comments`, {
      body,
      ...(parentId ? { parentId } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const state = async (c: Client, postId: string) =>
    (await c.api('GET', `/api/v1/posts/${postId}/question`)).json();

  it('records the first answer by someone else; the asker’s own comment and replies do not count', async () => {
    const q = await ask(ac, 'Wie beantrage ich Urlaub? #personal');
    const asked = new Date(now).toISOString();
    expect(await state(ac, q)).toMatchObject({
      status: 'open',
      askedAt: asked,
      firstAnswerAt: null,
    });
    tick(5);
    const own = await answer(ac, q, 'Ergänzung: es geht um Resturlaub.');
    tick(5);
    await answer(annc, q, 'Eine Rückfrage dazu', own);
    expect((await state(ac, q)).firstAnswerAt).toBeNull();
    tick(10);
    const a1 = await answer(annc, q, 'Im Personalportal unter „Abwesenheit“.');
    const first = new Date(now).toISOString();
    tick(10);
    const a2 = await answer(benc, q, 'Oder per Mail an die Personalabteilung.');
    const second = new Date(now).toISOString();
    expect(await state(ac, q)).toMatchObject({ status: 'answered', firstAnswerAt: first });

    // Deleting the first answer recomputes the time from what is left.
    expect((await annc.api('DELETE', `/api/v1/comments/${a1}`)).statusCode).toBe(204);
    expect((await state(ac, q)).firstAnswerAt).toBe(second);
    expect((await benc.api('DELETE', `/api/v1/comments/${a2}`)).statusCode).toBe(204);
    expect(await state(ac, q)).toMatchObject({ status: 'open', firstAnswerAt: null });
  });

  it('the recorded times stay right when answers go by any path (a cascade, not the app)', async () => {
    const q = await ask(ac, 'Wer hat den Schlüssel zum Serverraum?');
    tick(1);
    const a1 = await answer(annc, q, 'Der Hausmeister.');
    tick(1);
    const a2 = await answer(benc, q, 'Die IT hat einen zweiten.');
    const second = new Date(now).toISOString();
    await ac.api('PUT', `/api/v1/posts/${q}/accepted-answer`, { commentId: a1 });
    await t.deps.db.deleteFrom('comments').where('id', '=', a1).execute();
    expect(await state(ac, q)).toMatchObject({
      status: 'answered',
      firstAnswerAt: second,
      acceptedCommentId: null,
      acceptedAt: null,
    });
    await t.deps.db.deleteFrom('comments').where('id', '=', a2).execute();
    expect(await state(ac, q)).toMatchObject({ status: 'open', firstAnswerAt: null });
    // Deleting the question takes its row along.
    expect((await ac.api('DELETE', `/api/v1/posts/${q}`)).statusCode).toBe(204);
    const row = await t.deps.db
      .selectFrom('questions')
      .select('post_id')
      .where('post_id', '=', q)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('the asker, a group owner or an admin accepts; accepting another replaces it; taking back works', async () => {
    const q = await ask(ac, 'Wer kennt sich mit VLANs aus?');
    tick(1);
    const a1 = await answer(annc, q, 'Ich, frag ruhig.');
    tick(1);
    const a2 = await answer(benc, q, 'VLAN 20 ist für Gäste.');
    const reply = await answer(ac, q, 'Danke!', a2);
    const own = await answer(ac, q, 'Ich habe es selbst gefunden.');

    // Someone else may not; a reply and the asker's own comment are no answers.
    const refused = await benc.api('PUT', `/api/v1/posts/${q}/accepted-answer`, { commentId: a1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    const notAnswer = await ac.api('PUT', `/api/v1/posts/${q}/accepted-answer`, {
      commentId: reply,
    });
    expect(notAnswer.statusCode).toBe(422);
    expect(notAnswer.json().code).toBe('not_an_answer');
    const ownAnswer = await ac.api('PUT', `/api/v1/posts/${q}/accepted-answer`, {
      commentId: own,
    });
    expect(ownAnswer.statusCode).toBe(422);
    expect(ownAnswer.json().code).toBe('own_answer');
    const unknown = await ac.api('PUT', `/api/v1/posts/${q}/accepted-answer`, {
      commentId: 'no-such-comment',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('commentId');

    tick(30);
    const ok = await ac.api('PUT', `/api/v1/posts/${q}/accepted-answer`, { commentId: a1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'accepted',
      acceptedCommentId: a1,
      acceptedAt: new Date(now).toISOString(),
    });
    tick(5);
    const replaced = await admin.api('PUT', `/api/v1/posts/${q}/accepted-answer`, {
      commentId: a2,
    });
    expect(replaced.json()).toMatchObject({ status: 'accepted', acceptedCommentId: a2 });

    expect((await benc.api('DELETE', `/api/v1/posts/${q}/accepted-answer`)).statusCode).toBe(403);
    const back = await ac.api('DELETE', `/api/v1/posts/${q}/accepted-answer`);
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({
      status: 'answered',
      acceptedCommentId: null,
      acceptedAt: null,
    });

    // A group's owner accepts in their group.
    const owner = await createUser(t.deps);
    const oc = await signedIn(t.app, owner);
    const g = (
      await oc.api('POST', '/api/v1/groups', { name: 'Netzwerk', visibility: 'public' })
    ).json();
    await ac.api('POST', `/api/v1/groups/${g.id}/members`, {});
    const gq = await ask(ac, 'Frage in der Gruppe', g.id);
    const ga = await answer(annc, gq, 'Antwort in der Gruppe');
    const byOwner = await oc.api('PUT', `/api/v1/posts/${gq}/accepted-answer`, { commentId: ga });
    expect(byOwner.json()).toMatchObject({ acceptedCommentId: ga });
  });

  it('deleting the accepted answer clears the accepted fields; its author was notified', async () => {
    const q = await ask(ac, 'Wo steht der Drucker?');
    const a = await answer(annc, q, 'Im zweiten Stock.');
    await ac.api('PUT', `/api/v1/posts/${q}/accepted-answer`, { commentId: a });
    const n = (await annc.api('GET', '/api/v1/notifications')).json();
    expect(n.items[0]).toMatchObject({
      kind: 'answer_accepted',
      actor: { id: asker.id },
      postId: q,
      commentId: a,
    });
    expect((await annc.get('/notifications')).body).toContain(
      'Frieda Fragend accepted your answer',
    );
    // Accepting the same answer again tells nobody twice.
    await ac.api('PUT', `/api/v1/posts/${q}/accepted-answer`, { commentId: a });
    const again = (await annc.api('GET', '/api/v1/notifications')).json();
    expect(again.items.filter((i: { kind: string }) => i.kind === 'answer_accepted')).toHaveLength(
      n.items.filter((i: { kind: string }) => i.kind === 'answer_accepted').length,
    );

    expect((await annc.api('DELETE', `/api/v1/comments/${a}`)).statusCode).toBe(204);
    expect(await state(ac, q)).toMatchObject({
      status: 'open',
      acceptedCommentId: null,
      acceptedAt: null,
      firstAnswerAt: null,
    });
  });

  it('helpful votes: one per person, never on one’s own answer, and can be taken back', async () => {
    const q = await ask(ac, 'Welche Tastatur empfehlt ihr?');
    const a = await answer(annc, q, 'Eine mechanische.');
    const own = await annc.api('POST', `/api/v1/comments/${a}/helpful`);
    expect(own.statusCode).toBe(422);
    expect(own.json().code).toBe('own_answer');
    expect((await benc.api('POST', `/api/v1/comments/${a}/helpful`)).json()).toEqual({
      commentId: a,
      helpful: 1,
      voted: true,
    });
    expect((await benc.api('POST', `/api/v1/comments/${a}/helpful`)).json().helpful).toBe(1);
    expect((await ac.api('POST', `/api/v1/comments/${a}/helpful`)).json().helpful).toBe(2);
    expect((await benc.api('DELETE', `/api/v1/comments/${a}/helpful`)).json()).toEqual({
      commentId: a,
      helpful: 1,
      voted: false,
    });
    // Not on a plain post's comments.
    const post = (await ac.api('POST', '/api/v1/posts', { body: 'Kein Frage' })).json();
    const c = await answer(annc, post.id, 'Kommentar');
    expect((await benc.api('POST', `/api/v1/comments/${c}/helpful`)).statusCode).toBe(404);
  });

  it('lists open questions oldest first, and answered and all; filtered by group and hashtag, with cursors', async () => {
    const owner = await createUser(t.deps);
    const oc = await signedIn(t.app, owner);
    const g = (
      await oc.api('POST', '/api/v1/groups', { name: 'Listengruppe', visibility: 'public' })
    ).json();
    tick(60);
    const q1 = await ask(oc, 'Erste offene Frage #listentest', g.id);
    tick(60);
    const q2 = await ask(oc, 'Zweite offene Frage #listentest', g.id);
    tick(60);
    const q3 = await ask(oc, 'Dritte Frage, beantwortet', g.id);
    await answer(annc, q3, 'Schon erledigt.');
    await answer(oc, q2, 'Meine eigene Ergänzung zählt nicht.');

    const open = (await benc.api('GET', `/api/v1/questions?groupId=${g.id}&status=open`)).json();
    expect(open.items.map((i: { id: string }) => i.id)).toEqual([q1, q2]);
    expect(open.items[0]).toMatchObject({ status: 'open', groupId: g.id, url: `/posts/${q1}` });
    const answered = (
      await benc.api('GET', `/api/v1/questions?groupId=${g.id}&status=answered`)
    ).json();
    expect(answered.items.map((i: { id: string }) => i.id)).toEqual([q3]);
    const all = (await benc.api('GET', `/api/v1/questions?groupId=${g.id}&status=all`)).json();
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([q3, q2, q1]);
    const byTag = (await benc.api('GET', '/api/v1/questions?tag=ListenTest')).json();
    expect(byTag.items.map((i: { id: string }) => i.id)).toEqual([q1, q2]);

    const p1 = (await benc.api('GET', `/api/v1/questions?groupId=${g.id}&limit=1`)).json();
    expect(p1.items.map((i: { id: string }) => i.id)).toEqual([q1]);
    expect(p1.nextCursor).toBe(q1);
    const p2 = (
      await benc.api('GET', `/api/v1/questions?groupId=${g.id}&limit=1&cursor=${p1.nextCursor}`)
    ).json();
    expect(p2.items.map((i: { id: string }) => i.id)).toEqual([q2]);
    expect((await benc.api('GET', '/api/v1/questions?status=bogus')).statusCode).toBe(400);
  });

  it('a private group’s questions stay with its members: lists, counts, filters and actions are "not found"', async () => {
    const owner = await createUser(t.deps);
    const oc = await signedIn(t.app, owner);
    const g = (
      await oc.api('POST', '/api/v1/groups', { name: 'Geheimrat', visibility: 'private' })
    ).json();
    const q = await ask(oc, 'Vertrauliche Frage #geheimfrage', g.id);
    const a = await answer(oc, q, 'Eigene Notiz');
    for (const c of [annc, benc]) {
      const all = (await c.api('GET', '/api/v1/questions?status=all&limit=100')).json();
      expect(all.items.map((i: { id: string }) => i.id)).not.toContain(q);
      const hidden = await c.api('GET', `/api/v1/questions?groupId=${g.id}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe('not_found');
      expect((await c.api('GET', '/api/v1/questions?tag=geheimfrage')).json().items).toEqual([]);
      expect((await c.api('GET', `/api/v1/posts/${q}/question`)).statusCode).toBe(404);
      const accept = await c.api('PUT', `/api/v1/posts/${q}/accepted-answer`, { commentId: a });
      expect(accept.statusCode).toBe(404);
      expect((await c.api('POST', `/api/v1/comments/${a}/helpful`)).statusCode).toBe(404);
      for (const url of [`/groups/${g.id}/questions`, '/hashtags/geheimfrage/questions']) {
        const page = await c.get(url);
        expect(page.statusCode, url).toBe(404);
        expect(page.body).not.toContain('Vertrauliche Frage');
      }
      expect((await c.get('/questions?status=all')).body).not.toContain('Vertrauliche Frage');
    }
    const mine = (await oc.api('GET', `/api/v1/questions?groupId=${g.id}`)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([q]);
  });

  it('the API is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/questions',
        '/api/v1/posts/{id}/accepted-answer',
        '/api/v1/comments/{id}/helpful',
        '/api/v1/posts/{id}/question',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/posts/{id}/accepted-answer'])).toEqual(
      expect.arrayContaining(['put', 'delete']),
    );
    expect(Object.keys(doc.paths['/api/v1/comments/{id}/helpful'])).toEqual(
      expect.arrayContaining(['post', 'delete']),
    );
  });
});
