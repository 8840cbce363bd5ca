import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

describe.each(DIALECTS)('notifications and live updates (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  const list = async (c: Awaited<ReturnType<typeof signedIn>>) =>
    (await c.api('GET', '/api/v1/notifications')).json();

  it('mentions, comments, replies and batched reactions notify the right people once', async () => {
    const anna = await createUser(t.deps, { name: 'Anna', email: 'anna.n@example.com' });
    const ben = await createUser(t.deps, { name: 'Ben' });
    const cem = await createUser(t.deps, { name: 'Cem' });
    const [ac, bc, cc] = await Promise.all([
      signedIn(t.app, anna),
      signedIn(t.app, ben),
      signedIn(t.app, cem),
    ]);
    const post = (await bc.api('POST', '/api/v1/posts', { body: 'Frage an @anna.n' })).json();
    let a = await list(ac);
    expect(a.unread).toBe(1);
    expect(a.items[0]).toMatchObject({
      kind: 'mention',
      actor: { id: ben.id },
      postId: post.id,
      read: false,
    });

    const comment = (
      await ac.api('POST', `/api/v1/posts/${post.id}/comments`, { body: 'Antwort' })
    ).json();
    expect((await list(bc)).items[0]).toMatchObject({ kind: 'comment', actor: { id: anna.id } });
    await cc.api('POST', `/api/v1/posts/${post.id}/comments`, {
      body: 'Ich auch',
      parentId: comment.id,
    });
    a = await list(ac);
    expect(a.items[0]).toMatchObject({ kind: 'reply', actor: { id: cem.id } });

    await ac.api('POST', `/api/v1/posts/${post.id}/reactions`, { type: 'like' });
    await cc.api('POST', `/api/v1/posts/${post.id}/reactions`, { type: 'thanks' });
    const b = await list(bc);
    const reactions = b.items.filter((n: { kind: string }) => n.kind === 'reaction');
    expect(reactions).toHaveLength(1);
    expect(reactions[0]).toMatchObject({ count: 2, actor: { id: cem.id } });
    const page = await bc.get('/notifications');
    expect(page.body).toContain('Cem and 1 others reacted');

    const marked = (await bc.api('POST', '/api/v1/notifications/read', { all: true })).json();
    expect(marked.unread).toBe(0);
    await ac.api('POST', `/api/v1/posts/${post.id}/reactions`, { type: 'celebrate' });
    expect((await list(bc)).unread).toBe(1);
  });

  it('nobody is told of a private group post they cannot read', async () => {
    const owner = await createUser(t.deps);
    const outsider = await createUser(t.deps, { email: 'outsider.x@example.com' });
    const oc = await signedIn(t.app, owner);
    const g = (
      await oc.api('POST', '/api/v1/groups', { name: 'Vertraulich', visibility: 'private' })
    ).json();
    await oc.api('POST', '/api/v1/posts', { body: 'Geheim, @outsider.x', groupId: g.id });
    const xc = await signedIn(t.app, outsider);
    const n = await list(xc);
    expect(n.items).toEqual([]);
    expect(n.unread).toBe(0);
  });

  it('group invitations, join requests and announcements notify', async () => {
    const admin = await createAdmin(t.deps);
    const owner = await createUser(t.deps);
    const asker = await createUser(t.deps);
    const [adc, oc, ac] = await Promise.all([
      signedIn(t.app, admin),
      signedIn(t.app, owner),
      signedIn(t.app, asker),
    ]);
    const g = (
      await oc.api('POST', '/api/v1/groups', { name: 'Team X', visibility: 'private' })
    ).json();
    await ac.api('POST', `/api/v1/groups/${g.id}/members`, {});
    expect((await list(oc)).items[0]).toMatchObject({
      kind: 'join_request',
      groupId: g.id,
      actor: { id: asker.id },
    });
    const secret = (
      await oc.api('POST', '/api/v1/groups', { name: 'Team Y', visibility: 'secret' })
    ).json();
    await oc.api('POST', `/api/v1/groups/${secret.id}/invitations`, { userId: asker.id });
    expect((await list(ac)).items[0]).toMatchObject({
      kind: 'group_invitation',
      groupId: secret.id,
    });
    await adc.api('POST', '/api/v1/posts', {
      body: 'Betriebsversammlung am Freitag',
      kind: 'announcement',
    });
    expect((await list(ac)).items[0]).toMatchObject({
      kind: 'announcement',
      actor: { id: admin.id },
    });
  });

  it('the live stream sends the unread count at once and when it changes, and new posts of the home feed', async () => {
    const reader = await createUser(t.deps, { email: 'reader.live@example.com' });
    const writer = await createUser(t.deps);
    const rc = await signedIn(t.app, reader);
    const wc = await signedIn(t.app, writer);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const cookie = Object.entries(rc.jar)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const received: string[] = [];
    const req = http.get({ host: '127.0.0.1', port, path: '/events', headers: { cookie } });
    const res = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    expect(res.headers['content-type']).toContain('text/event-stream');
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => received.push(chunk));
    const waitFor = async (text: string) => {
      for (let i = 0; i < 100 && !received.join('').includes(text); i++)
        await new Promise((r) => setTimeout(r, 50));
      return received.join('');
    };
    expect(await waitFor('event: unread')).toContain('"count":0');
    // Readable but not in the reader's home feed (no follow, no shared group): no "new post".
    const elsewhere = (
      await wc.api('POST', '/api/v1/posts', { body: 'Für alle, ungefolgt' })
    ).json();
    await rc.api('POST', '/api/v1/follows', { type: 'user', id: writer.id });
    const p = (await wc.api('POST', '/api/v1/posts', { body: 'Hallo @reader.live' })).json();
    // The two may arrive in either order: the mention's notification is written as the post's
    // event goes out.
    await waitFor('"count":1');
    const all = await waitFor(`"postId":"${p.id}"`);
    expect(all).toContain('"count":1');
    expect(all).toContain(`event: post\ndata: {"postId":"${p.id}"`);
    expect(all).not.toContain(elsewhere.id);
    req.destroy();
  });
});
