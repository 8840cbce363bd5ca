import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

type Vis = 'private' | 'secret';
const VIS: Vis[] = ['private', 'secret'];
/** What must never reach a non-member: the post, its comment, its own hashtag, the secret group. */
const TEXT = { private: 'Quittenbrot Vertraulich', secret: 'Schattenmorelle Geheimsache' };
const COMMENT = { private: 'Kommentar Pflaumenmus', secret: 'Kommentar Holunderduft' };
const ONLY_TAG = { private: 'nurprivatxq', secret: 'nurgeheimxq' };
const SECRET_GROUP = 'Schattenkabinett';
const SHARED_TAG = 'gemeinsamxq';

interface Item {
  id: string;
}
const ids = (res: { json(): unknown }) => (res.json() as { items: Item[] }).items.map((p) => p.id);

describe.each(DIALECTS)('privacy matrix of group posts (%s)', (dialect) => {
  let t: TestApp;
  let owner: User;
  let outsiderUser: User;
  let oc: Client;
  let mc: Client;
  let xc: Client;
  let adminC: Client;
  const group = { private: '', secret: '' };
  const post = { private: '', secret: '' };
  const comment = { private: '', secret: '' };
  let publicPost = '';

  beforeAll(async () => {
    t = await build(dialect);
    owner = await createUser(t.deps, { name: 'Olivia Owner' });
    const member = await createUser(t.deps, { name: 'Moritz Member' });
    outsiderUser = await createUser(t.deps, {
      name: 'Xaver Aussen',
      email: 'xaver.aussen@example.com',
    });
    [oc, mc, xc, adminC] = await Promise.all([
      signedIn(t.app, owner),
      signedIn(t.app, member),
      signedIn(t.app, outsiderUser),
      createAdmin(t.deps).then((a) => signedIn(t.app, a)),
    ]);
    for (const vis of VIS) {
      const name = vis === 'secret' ? SECRET_GROUP : 'Vertrauliche Runde';
      group[vis] = (await oc.api('POST', '/api/v1/groups', { name, visibility: vis })).json().id;
      await oc.api('POST', `/api/v1/groups/${group[vis]}/members`, { userId: member.id });
      const p = await oc.api('POST', '/api/v1/posts', {
        body: `${TEXT[vis]} #${ONLY_TAG[vis]} #${SHARED_TAG} @xaver.aussen`,
        groupId: group[vis],
      });
      expect(p.statusCode).toBe(201);
      post[vis] = p.json().id;
      const c = await mc.api('POST', `/api/v1/posts/${post[vis]}/comments`, {
        body: COMMENT[vis],
      });
      comment[vis] = c.json().id;
      await mc.api('POST', `/api/v1/posts/${post[vis]}/reactions`, { type: 'celebrate' });
    }
    publicPost = (
      await oc.api('POST', '/api/v1/posts', { body: `Öffentlich für alle #${SHARED_TAG} #offenxq` })
    ).json().id;
    // The outsider does everything to be shown these posts: follows the author, the hashtags,
    // and the groups. What may be followed is followed; a secret group does not exist for them.
    const follow = (type: string, id: string) => xc.api('POST', '/api/v1/follows', { type, id });
    expect((await follow('user', owner.id)).statusCode).toBe(204);
    expect((await follow('hashtag', SHARED_TAG)).statusCode).toBe(204);
    expect((await follow('group', group.private)).statusCode).toBe(204);
  });
  afterAll(async () => t.close());

  /** Nothing of either group's post, comment, own hashtag or the secret group's name. */
  const expectNoLeak = (res: { body: string }, what: string) => {
    for (const vis of VIS) {
      for (const s of [TEXT[vis], COMMENT[vis], ONLY_TAG[vis], post[vis], comment[vis]]) {
        expect(res.body, `${what} leaks ${s}`).not.toContain(s);
      }
    }
    expect(res.body, `${what} leaks the secret group`).not.toContain(SECRET_GROUP);
    expect(res.body, `${what} leaks the secret group`).not.toContain(group.secret);
  };
  const expectNotFound = (res: { statusCode: number; body: string }, what: string) => {
    expect(res.statusCode, what).toBe(404);
    expectNoLeak(res, what);
  };

  it('the outsider may not follow the secret group, nor a hashtag used only inside the groups', async () => {
    for (const [type, id] of [
      ['group', group.secret],
      ['hashtag', ONLY_TAG.private],
      ['hashtag', ONLY_TAG.secret],
    ] as const) {
      expectNotFound(await xc.api('POST', '/api/v1/follows', { type, id }), `follow ${id}`);
      expectNotFound(await xc.post('/follow', { type, id, on: '1', back: '/' }), `follow ${id}`);
    }
  });

  it('the home feed of a non-member who follows author, tag and group shows neither post', async () => {
    const api = await xc.api('GET', '/api/v1/feed');
    expect(ids(api)).toEqual([publicPost]);
    expectNoLeak(api, 'home feed API');
    const page = await xc.get('/');
    expect(page.body).toContain('Öffentlich für alle');
    expectNoLeak(page, 'home page');
  });

  it.each(VIS)('the %s group’s feed is empty or not found for a non-member', async (vis) => {
    const api = await xc.api('GET', `/api/v1/groups/${group[vis]}/posts`);
    const page = await xc.get(`/groups/${group[vis]}`);
    if (vis === 'private') {
      expect(api.statusCode).toBe(200);
      expect(ids(api)).toEqual([]);
      expect(page.statusCode).toBe(200);
      expectNoLeak(api, 'private group feed API');
      expectNoLeak(page, 'private group page');
    } else {
      expectNotFound(api, 'secret group feed API');
      expectNotFound(page, 'secret group page');
    }
  });

  it('the author’s profile feed shows a non-member only the public post', async () => {
    const api = await xc.api('GET', `/api/v1/users/${owner.id}/posts`);
    expect(ids(api)).toEqual([publicPost]);
    expectNoLeak(api, 'profile API');
    const page = await xc.get(`/people/${owner.id}`);
    expect(page.body).toContain('Öffentlich für alle');
    expectNoLeak(page, 'profile page');
  });

  it.each(VIS)('a hashtag used only in the %s group is not found for a non-member', async (vis) => {
    const tag = ONLY_TAG[vis];
    expectNotFound(await xc.api('GET', `/api/v1/hashtags/${tag}`), 'hashtag API');
    expectNotFound(await xc.api('GET', `/api/v1/hashtags/${tag}/posts`), 'hashtag series API');
    expectNotFound(await xc.get(`/hashtags/${tag}`), 'hashtag page');
    expectNotFound(await xc.get(`/hashtags/${tag.toUpperCase()}`), 'hashtag page, upper case');
  });

  it('a hashtag also used publicly counts, lists and relates only what the non-member may read', async () => {
    const api = await xc.api('GET', `/api/v1/hashtags/${SHARED_TAG}`);
    expect(api.json()).toMatchObject({ tag: SHARED_TAG, count: 1 });
    expect(api.json().related).toEqual([{ tag: 'offenxq', count: 1 }]);
    expectNoLeak(api, 'shared hashtag API');
    const series = await xc.api('GET', `/api/v1/hashtags/${SHARED_TAG}/posts`);
    expect(ids(series)).toEqual([publicPost]);
    expectNoLeak(series, 'shared hashtag series');
    const page = await xc.get(`/hashtags/${SHARED_TAG}`);
    expect(page.body).toContain('Posts: 1');
    expect(page.body).toContain('href="/hashtags/offenxq"');
    expectNoLeak(page, 'shared hashtag page');
    const related = await xc.api('GET', '/api/v1/hashtags/offenxq');
    expect(related.json().related).toEqual([{ tag: SHARED_TAG, count: 1 }]);
  });

  it.each(VIS)(
    'the %s group’s post, its comments and reactions are 404 (not 403) to a non-member',
    async (vis) => {
      const id = post[vis];
      const calls: [string, string, unknown?][] = [
        ['GET', `/api/v1/posts/${id}`],
        ['PATCH', `/api/v1/posts/${id}`, { body: 'überschrieben' }],
        ['DELETE', `/api/v1/posts/${id}`],
        ['GET', `/api/v1/posts/${id}/comments`],
        ['POST', `/api/v1/posts/${id}/comments`, { body: 'Darf ich?' }],
        ['POST', `/api/v1/posts/${id}/comments`, { body: 'Antwort', parentId: comment[vis] }],
        ['DELETE', `/api/v1/comments/${comment[vis]}`],
        ['POST', `/api/v1/posts/${id}/reactions`, { type: 'like' }],
        ['DELETE', `/api/v1/posts/${id}/reactions/celebrate`],
      ];
      for (const [method, url, payload] of calls) {
        const res = await xc.api(method as 'GET', url, payload);
        expectNotFound(res, `${method} ${url}`);
        expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
      }
      expectNotFound(await xc.get(`/posts/${id}`), 'post page');
      expectNotFound(await xc.get(`/posts/${id}/edit`), 'edit page');
      expectNotFound(await xc.post(`/posts/${id}`, { body: 'überschrieben' }), 'edit form');
      expectNotFound(await xc.post(`/posts/${id}/delete`), 'delete form');
      expectNotFound(await xc.post(`/posts/${id}/comments`, { body: 'Hallo?' }), 'comment form');
      expectNotFound(
        await xc.post(`/posts/${id}/reactions`, { toggle: 'like', back: '/' }),
        'reaction form',
      );
      expectNotFound(await xc.post(`/comments/${comment[vis]}/delete`), 'comment delete form');
      // Nothing was changed by all that.
      const seen = (await mc.api('GET', `/api/v1/posts/${id}`)).json();
      expect(seen.body).toContain(TEXT[vis]);
      expect(seen.counts).toMatchObject({ comments: 1, reactions: 1, byType: { celebrate: 1 } });
    },
  );

  it('an admin who is not a member does not see the posts either', async () => {
    expect(ids(await adminC.api('GET', '/api/v1/feed'))).not.toContain(post.private);
    for (const vis of VIS) {
      expectNotFound(await adminC.api('GET', `/api/v1/posts/${post[vis]}`), `admin ${vis}`);
      const feed = await adminC.api('GET', `/api/v1/groups/${group[vis]}/posts`);
      expect(ids(feed)).toEqual([]);
      expectNotFound(await adminC.api('GET', `/api/v1/hashtags/${ONLY_TAG[vis]}`), 'admin tag');
    }
    expect((await adminC.api('GET', `/api/v1/hashtags/${SHARED_TAG}`)).json().count).toBe(1);
  });

  it('members see all of it: feeds, pages, hashtags with counts and relations, comments', async () => {
    const home = ids(await mc.api('GET', '/api/v1/feed'));
    expect(home).toEqual(expect.arrayContaining([post.private, post.secret]));
    for (const vis of VIS) {
      expect(ids(await mc.api('GET', `/api/v1/groups/${group[vis]}/posts`))).toEqual([post[vis]]);
      expect((await mc.get(`/groups/${group[vis]}`)).body).toContain(TEXT[vis]);
      const page = await mc.get(`/posts/${post[vis]}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(TEXT[vis]);
      expect(page.body).toContain(COMMENT[vis]);
      const comments = (await mc.api('GET', `/api/v1/posts/${post[vis]}/comments`)).json();
      expect(comments.items.map((c: { body: string }) => c.body)).toEqual([COMMENT[vis]]);
      expect((await mc.api('GET', `/api/v1/hashtags/${ONLY_TAG[vis]}`)).json().count).toBe(1);
      expect((await mc.get(`/hashtags/${ONLY_TAG[vis]}`)).body).toContain(TEXT[vis]);
    }
    const profile = ids(await mc.api('GET', `/api/v1/users/${owner.id}/posts`));
    expect(profile).toEqual([publicPost, post.secret, post.private]);
    const shared = (await mc.api('GET', `/api/v1/hashtags/${SHARED_TAG}`)).json();
    expect(shared.count).toBe(3);
    expect(shared.related.map((r: { tag: string }) => r.tag).sort()).toEqual(
      [ONLY_TAG.private, ONLY_TAG.secret, 'offenxq'].sort(),
    );
    const series = ids(await mc.api('GET', `/api/v1/hashtags/${SHARED_TAG}/posts`));
    expect(series).toEqual([publicPost, post.secret, post.private]);
    expect((await mc.get(`/hashtags/${SHARED_TAG}`)).body).toContain('Posts: 3');
  });

  it.each(VIS)('a member who leaves the %s group loses access to its posts', async (vis) => {
    const leaver = await createUser(t.deps, { name: `Lea Leaves ${vis}` });
    const lc = await signedIn(t.app, leaver);
    await oc.api('POST', `/api/v1/groups/${group[vis]}/members`, { userId: leaver.id });
    expect((await lc.api('GET', `/api/v1/posts/${post[vis]}`)).statusCode).toBe(200);
    expect(ids(await lc.api('GET', '/api/v1/feed'))).toContain(post[vis]);
    expect((await lc.api('GET', `/api/v1/hashtags/${ONLY_TAG[vis]}`)).statusCode).toBe(200);
    const left = await lc.api('DELETE', `/api/v1/groups/${group[vis]}/members/${leaver.id}`);
    expect(left.statusCode).toBe(204);
    expectNotFound(await lc.api('GET', `/api/v1/posts/${post[vis]}`), 'post after leaving');
    expectNotFound(await lc.get(`/posts/${post[vis]}`), 'post page after leaving');
    expectNotFound(await lc.api('GET', `/api/v1/posts/${post[vis]}/comments`), 'comments');
    expectNotFound(await lc.api('GET', `/api/v1/hashtags/${ONLY_TAG[vis]}`), 'tag after leaving');
    expect(ids(await lc.api('GET', '/api/v1/feed'))).not.toContain(post[vis]);
    expectNoLeak(await lc.get('/'), 'home after leaving');
    expectNoLeak(await lc.get(`/people/${owner.id}`), 'profile after leaving');
    expect((await lc.api('GET', `/api/v1/hashtags/${SHARED_TAG}`)).json().count).toBe(1);
  });

  it.each(VIS)(
    'the %s group’s attachments are 404 (not 403) to a non-member, on pages and in the API',
    async (vis) => {
      const name = `Anhang-${ONLY_TAG[vis]}.txt`;
      const boundary = '----privacy-matrix';
      const field = (n: string, v: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`;
      await oc.get('/settings');
      const res = await oc.request({
        method: 'POST',
        url: '/api/v1/posts',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'x-csrf-token': oc.csrf,
        },
        payload:
          field('body', `${TEXT[vis]} mit Anhang`) +
          field('groupId', group[vis]) +
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n` +
          `Content-Type: text/plain\r\n\r\n${COMMENT[vis]}\r\n--${boundary}--\r\n`,
      });
      expect(res.statusCode, res.body).toBe(201);
      const { id, attachments } = res.json() as { id: string; attachments: Item[] };
      const a = attachments[0]!;
      const page = `/posts/${id}/attachments/${a.id}`;
      const api = `/api/v1/posts/${id}/attachments/${a.id}`;
      for (const url of [page, `${page}/thumb`]) expectNotFound(await xc.get(url), url);
      for (const method of ['GET', 'DELETE'] as const) {
        const r = await xc.api(method, api);
        expectNotFound(r, `${method} ${api}`);
        expect(r.json()).toMatchObject({ status: 404, code: 'not_found' });
      }
      for (const feed of [
        await xc.api('GET', '/api/v1/feed'),
        await xc.api('GET', `/api/v1/users/${owner.id}/posts`),
        await xc.get('/'),
        await xc.get(`/people/${owner.id}`),
      ]) {
        expect(feed.body).not.toContain(a.id);
        expect(feed.body).not.toContain(name);
      }
      // The members download it.
      const mine = await mc.get(page);
      expect(mine.statusCode).toBe(200);
      expect(mine.body).toBe(COMMENT[vis]);
    },
  );
});
