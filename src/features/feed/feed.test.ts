import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

interface Item {
  id: string;
  body: string;
  createdAt: string;
}

/** The ids of the posts a page lists, in order. */
const pageIds = (html: string) =>
  [...html.matchAll(/<article class="post[^"]*" aria-labelledby="p-([^"]+)"/g)].map((m) => m[1]);

describe.each(DIALECTS)('feeds (%s)', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  const person = async (name?: string): Promise<[User, Client]> => {
    const u = await createUser(t.deps, name ? { name } : {});
    return [u, await signedIn(t.app, u)];
  };
  const publish = async (c: Client, body: string, extra: Record<string, unknown> = {}) => {
    const res = await c.api('POST', '/api/v1/posts', { body, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const group = async (c: Client, name: string) =>
    (await c.api('POST', '/api/v1/groups', { name, visibility: 'public' })).json().id as string;
  /** Every item of a listing, following nextCursor, with the pages' sizes. */
  const everything = async (c: Client, url: string, limit: number) => {
    const items: Item[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const q: string = `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await c.api('GET', q);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: Item[]; nextCursor: string | null };
      items.push(...page.items);
      sizes.push(page.items.length);
      cursor = page.nextCursor;
    } while (cursor && sizes.length < 10);
    return { items, sizes };
  };

  it('the home feed holds one’s own posts, one’s groups, what one follows and announcements, nothing else', async () => {
    const [, vc] = await person('Vera Viewer');
    const [friend, fc] = await person('Fritz Folgt');
    const [, sc] = await person('Stefan Fremd');
    const admin = await signedIn(t.app, await createAdmin(t.deps));
    const mine = await group(sc, 'Meine Gruppe');
    const followed = await group(sc, 'Gefolgte Gruppe');
    const other = await group(sc, 'Andere Gruppe');
    await vc.api('POST', `/api/v1/groups/${mine}/members`, {});
    await vc.api('POST', '/api/v1/follows', { type: 'user', id: friend.id });
    await vc.api('POST', '/api/v1/follows', { type: 'group', id: followed });
    await fc.api('POST', `/api/v1/groups/${other}/members`, {});
    const want = [
      await publish(vc, 'Mein eigener Beitrag'),
      await publish(sc, 'In meiner Gruppe', { groupId: mine }),
      await publish(sc, 'In der gefolgten Gruppe', { groupId: followed }),
      await publish(fc, 'Vom gefolgten Menschen'),
      await publish(fc, 'Vom gefolgten Menschen in einer anderen Gruppe', { groupId: other }),
      await publish(sc, 'Über #Feedthema, dem ich folge'),
      await publish(admin, 'Ankündigung für alle', { kind: 'announcement' }),
    ];
    const unwanted = [
      await publish(sc, 'Fremd und org-weit'),
      await publish(sc, 'Fremd in einer anderen Gruppe', { groupId: other }),
      await publish(admin, 'Nur ein Beitrag vom Admin'),
    ];
    // Following a hashtag after the post was written still brings it in.
    expect(
      (await vc.api('POST', '/api/v1/follows', { type: 'hashtag', id: '#FEEDTHEMA' })).statusCode,
    ).toBe(204);
    const api = (await vc.api('GET', '/api/v1/feed')).json() as {
      items: Item[];
      nextCursor: string | null;
    };
    expect(api.items.map((p) => p.id)).toEqual([...want].reverse());
    expect(api.nextCursor).toBeNull();
    const html = (await vc.get('/')).body;
    expect(pageIds(html)).toEqual([...want].reverse());
    for (const text of ['Fremd und org-weit', 'Fremd in einer anderen Gruppe', 'Nur ein Beitrag']) {
      expect(html).not.toContain(text);
    }
    expect(api.items.map((p) => p.id)).not.toEqual(expect.arrayContaining(unwanted));
    // Unfollowing takes them out again.
    await vc.api('DELETE', '/api/v1/follows', { type: 'user', id: friend.id });
    await vc.api('DELETE', '/api/v1/follows', { type: 'hashtag', id: 'feedthema' });
    const after = (await vc.api('GET', '/api/v1/feed')).json().items.map((p: Item) => p.id);
    expect(after).toEqual([want[6], want[2], want[1], want[0]]);
  });

  it('is the same when a person follows more groups, people and hashtags than get a source each', async () => {
    const [viewer, vc] = await person('Viele Folgen');
    const [friend, fc] = await person('Fritz Vielfolger');
    const [, sc] = await person('Stefan Quelle');
    const followed = await group(sc, 'Eine von vielen');
    const shared = await group(sc, 'Geteilt hinein');
    await vc.api('POST', `/api/v1/groups/${shared}/members`, {});
    await vc.api('POST', '/api/v1/follows', { type: 'user', id: friend.id });
    await vc.api('POST', '/api/v1/follows', { type: 'group', id: followed });
    const want = [
      await publish(sc, 'In einer gefolgten Gruppe', { groupId: followed }),
      await publish(fc, 'Vom gefolgten Menschen'),
      await publish(sc, 'Über #vielethema'),
    ];
    const outside = await publish(sc, 'Org-weit, dann geteilt');
    await publish(sc, 'Org-weit und fremd');
    expect(
      (await sc.api('POST', `/api/v1/posts/${outside}/shares`, { groupId: shared })).statusCode,
    ).toBeLessThan(300);
    want.push(outside);
    await vc.api('POST', '/api/v1/follows', { type: 'hashtag', id: 'vielethema' });
    const before = (await vc.api('GET', '/api/v1/feed?limit=100'))
      .json()
      .items.map((p: Item) => p.id);
    expect(before.slice(0, 4).sort()).toEqual([...want].sort());
    // 70 more of each kind (targets without posts): the feed reads each kind as one list.
    const now = new Date().toISOString();
    for (const type of ['group', 'user', 'hashtag'] as const) {
      await t.deps.db
        .insertInto('follows')
        .values(
          Array.from({ length: 70 }, (_, i) => ({
            user_id: viewer.id,
            target_type: type,
            target_id: `${type}-ohne-beitraege-${i}`,
            created_at: now,
          })),
        )
        .execute();
    }
    const after = (await vc.api('GET', '/api/v1/feed?limit=100'))
      .json()
      .items.map((p: Item) => p.id);
    expect(after).toEqual(before);
  });

  it('pages 45 posts by cursor, 20 at a time, newest first, without duplicates or gaps', async () => {
    const [, c] = await person();
    // Announcements reach everyone: those of other tests come after the 45 written here.
    const earlier = (await c.api('GET', '/api/v1/feed?limit=100'))
      .json()
      .items.map((p: Item) => p.id);
    const admin = await signedIn(t.app, await createAdmin(t.deps));
    const written = [await publish(admin, 'Ankündigung zuerst', { kind: 'announcement' })];
    for (let i = 1; i < 45; i++) written.push(await publish(c, `Beitrag Nummer ${i}`));
    const { items, sizes } = await everything(c, '/api/v1/feed', 20);
    const total = 45 + earlier.length;
    expect(sizes).toEqual([20, 20, total - 40]);
    expect(items.map((p) => p.id)).toEqual([...written].reverse().concat(earlier));
    expect(new Set(items.map((p) => p.id)).size).toBe(total);
    const times = items.map((p) => Date.parse(p.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The page links to the next 20 with rel="next", and the last page has no such link.
    const first = (await c.get('/')).body;
    expect(pageIds(first)).toEqual([...written].reverse().slice(0, 20));
    const next = /<a rel="next" href="([^"]+)"/.exec(first)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toMatch(/^\/\?cursor=/);
    const second = (await c.get(next!)).body;
    expect(pageIds(second)).toEqual([...written].reverse().slice(20, 40));
    const last = /<a rel="next" href="([^"]+)"/.exec(second)![1]!.replace(/&amp;/g, '&');
    const third = (await c.get(last)).body;
    expect(pageIds(third)).toEqual([...written].reverse().slice(40).concat(earlier));
    expect(third).not.toContain('rel="next"');
  });

  it('refuses a limit outside 1 to 100', async () => {
    const [, c] = await person();
    for (const limit of ['0', '101', 'viele']) {
      const res = await c.api('GET', `/api/v1/feed?limit=${limit}`);
      expect(res.statusCode, limit).toBe(400);
      expect(res.json().errors[0].field).toBe('limit');
    }
  });

  it('a group feed lists that group’s posts only, paged, in the API and on the page', async () => {
    const [, oc] = await person();
    const [, reader] = await person();
    const g = await group(oc, 'Feedgruppe');
    const inGroup: string[] = [];
    for (let i = 0; i < 25; i++) {
      inGroup.push(await publish(oc, `In der Gruppe ${i}`, { groupId: g }));
      if (i % 5 === 0) await publish(oc, `Daneben ${i}`);
    }
    const { items, sizes } = await everything(reader, `/api/v1/groups/${g}/posts`, 10);
    expect(sizes).toEqual([10, 10, 5]);
    expect(items.map((p) => p.id)).toEqual([...inGroup].reverse());
    const first = (await reader.get(`/groups/${g}`)).body;
    expect(pageIds(first)).toEqual([...inGroup].reverse().slice(0, 20));
    const next = /<a rel="next" href="([^"]+)"/.exec(first)![1]!.replace(/&amp;/g, '&');
    expect(next).toMatch(new RegExp(`^/groups/${g}\\?cursor=`));
    expect(pageIds((await reader.get(next)).body)).toEqual([...inGroup].reverse().slice(20));
    expect((await reader.api('GET', '/api/v1/groups/no-such-group/posts')).statusCode).toBe(404);
  });

  it('a profile feed lists that person’s posts only, in the API and on the page', async () => {
    const [author, ac] = await person('Paula Profil');
    const [, bc] = await person();
    const g = await group(bc, 'Profilgruppe');
    await ac.api('POST', `/api/v1/groups/${g}/members`, {});
    const theirs = [
      await publish(ac, 'Paula org-weit'),
      await publish(bc, 'Jemand anderes'),
      await publish(ac, 'Paula in der Gruppe', { groupId: g }),
    ].filter((_, i) => i !== 1);
    const api = (await bc.api('GET', `/api/v1/users/${author.id}/posts`)).json();
    expect(api.items.map((p: Item) => p.id)).toEqual([...theirs].reverse());
    expect(pageIds((await bc.get(`/people/${author.id}`)).body)).toEqual([...theirs].reverse());
    expect((await bc.api('GET', '/api/v1/users/no-such-user/posts')).statusCode).toBe(404);
  });

  it('a hashtag feed lists the posts with that tag, newest first, in the API and on the page', async () => {
    const [, c] = await person();
    const tagged: string[] = [];
    for (let i = 0; i < 7; i++) {
      tagged.push(await publish(c, `Folge ${i} #Serie${i % 2 ? 'N' : 'n'}`));
      await publish(c, `Ohne Tag ${i} #anderes`);
    }
    const { items, sizes } = await everything(c, '/api/v1/hashtags/serien/posts', 3);
    expect(sizes).toEqual([3, 3, 1]);
    expect(items.map((p) => p.id)).toEqual([...tagged].reverse());
    const page = (await c.get('/hashtags/serien')).body;
    expect(pageIds(page)).toEqual([...tagged].reverse());
    expect(page).toContain('Posts: 7');
    // It links to the questions with the tag.
    expect(page).toContain('<a href="/hashtags/serien/questions">Questions tagged #Serien</a>');
    expect((await c.get('/hashtags/serien/questions')).statusCode).toBe(200);
    expect((await c.api('GET', '/api/v1/hashtags/keinsolchertag/posts')).statusCode).toBe(404);
  });
});
