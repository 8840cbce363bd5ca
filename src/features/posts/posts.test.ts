import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

describe.each(DIALECTS)('posts, comments, reactions, feeds (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  it('a post with formatting, a hashtag and a mention is stored as written and rendered safely', async () => {
    const anna = await createUser(t.deps, { name: 'Anna Berg', email: 'anna.berg@example.com' });
    const ben = await createUser(t.deps, { name: 'Ben Kurz' });
    const bc = await signedIn(t.app, ben);
    const res = await bc.api('POST', '/api/v1/posts', {
      body: '**Danke** @anna.berg für die Hilfe! #Ärger gelöst <script>x</script>',
    });
    expect(res.statusCode).toBe(201);
    const post = res.json();
    expect(post.body).toContain('<script>x</script>');
    expect(post.html).toContain('<strong>Danke</strong>');
    expect(post.html).toContain(`href="/people/${anna.id}"`);
    expect(post.html).not.toContain('<script>');
    expect(post.hashtags).toEqual(['ärger']);
    expect(post.mentions).toEqual([anna.id]);
    expect(post.author).toEqual({ id: ben.id, name: 'Ben Kurz' });

    const ac = await signedIn(t.app, anna);
    const tag = (await ac.api('GET', '/api/v1/hashtags/%C3%84RGER')).json();
    expect(tag).toMatchObject({ tag: 'ärger', count: 1 });
    const series = (await ac.api('GET', '/api/v1/hashtags/ärger/posts')).json();
    expect(series.items.map((p: { id: string }) => p.id)).toEqual([post.id]);
    const page = await ac.get('/hashtags/%C3%A4rger');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Danke');
  });

  it('comments with one level of replies, reactions with counts and who reacted', async () => {
    const a = await createUser(t.deps);
    const b = await createUser(t.deps);
    const ac = await signedIn(t.app, a);
    const bc = await signedIn(t.app, b);
    const post = (
      await ac.api('POST', '/api/v1/posts', { body: 'Wer kennt sich mit SAP aus?' })
    ).json();
    const c1 = (await bc.api('POST', `/api/v1/posts/${post.id}/comments`, { body: 'Ich!' })).json();
    const r1 = (
      await ac.api('POST', `/api/v1/posts/${post.id}/comments`, { body: 'Super', parentId: c1.id })
    ).json();
    const r2 = (
      await bc.api('POST', `/api/v1/posts/${post.id}/comments`, { body: 'Gern', parentId: r1.id })
    ).json();
    expect(r1.parentId).toBe(c1.id);
    expect(r2.parentId).toBe(c1.id);
    const liked = (
      await bc.api('POST', `/api/v1/posts/${post.id}/reactions`, { type: 'thanks' })
    ).json();
    expect(liked.counts).toMatchObject({
      comments: 3,
      reactions: 1,
      byType: { thanks: 1, like: 0 },
    });
    expect(liked.myReactions).toEqual(['thanks']);
    const page = await ac.get(`/posts/${post.id}`);
    expect(page.body).toContain(b.name);
    const undone = (await bc.api('DELETE', `/api/v1/posts/${post.id}/reactions/thanks`)).json();
    expect(undone.counts.reactions).toBe(0);
    expect((await bc.api('DELETE', `/api/v1/posts/${post.id}`)).statusCode).toBe(403);
    expect((await ac.api('DELETE', `/api/v1/posts/${post.id}`)).statusCode).toBe(204);
    expect((await ac.api('GET', `/api/v1/posts/${post.id}`)).statusCode).toBe(404);
  });

  it('a private group’s post reaches no non-member: post, feeds, hashtag count and series', async () => {
    const owner = await createUser(t.deps);
    const outsider = await createUser(t.deps);
    const oc = await signedIn(t.app, owner);
    const g = (
      await oc.api('POST', '/api/v1/groups', { name: 'Interna', visibility: 'private' })
    ).json();
    const secret = (
      await oc.api('POST', '/api/v1/posts', { body: 'Nur intern #vertraulichXY', groupId: g.id })
    ).json();
    expect(secret.groupId).toBe(g.id);
    const xc = await signedIn(t.app, outsider);
    await xc.api('POST', '/api/v1/follows', { type: 'user', id: owner.id });
    expect((await xc.api('GET', `/api/v1/posts/${secret.id}`)).statusCode).toBe(404);
    expect((await xc.get(`/posts/${secret.id}`)).statusCode).toBe(404);
    expect((await xc.api('GET', '/api/v1/feed')).json().items).toEqual([]);
    expect((await xc.api('GET', `/api/v1/users/${owner.id}/posts`)).json().items).toEqual([]);
    expect((await xc.api('GET', `/api/v1/groups/${g.id}/posts`)).json().items).toEqual([]);
    expect((await xc.api('GET', '/api/v1/hashtags/vertraulichxy')).statusCode).toBe(404);
    expect((await xc.get('/hashtags/vertraulichxy')).statusCode).toBe(404);
    expect((await xc.get(`/people/${owner.id}`)).body).not.toContain('Nur intern');
    expect((await xc.get('/')).body).not.toContain('Nur intern');
    // members see it everywhere
    expect(
      (await oc.api('GET', '/api/v1/feed')).json().items.map((p: { id: string }) => p.id),
    ).toContain(secret.id);
    expect((await oc.api('GET', '/api/v1/hashtags/vertraulichxy')).json().count).toBe(1);
  });

  it('the home page composer publishes; a bad post comes back with what was typed', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const home = await c.get('/');
    expect(home.statusCode).toBe(200);
    const bad = await c.post('/posts', { body: '   ', kind: 'post', back: '/' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="body-error"');
    const tooLong = 'x'.repeat(10_001);
    const long = await c.post('/posts', { body: tooLong, back: '/' });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain(tooLong);
    const ok = await c.post('/posts', { body: 'Hallo zusammen #kantine', back: '/' });
    expect(ok.statusCode).toBe(303);
    const feed = await c.get('/');
    expect(feed.body).toContain('Hallo zusammen');
    expect(feed.body).toContain('href="/hashtags/kantine"');
  });
});
