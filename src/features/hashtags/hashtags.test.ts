import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

interface HashtagJson {
  tag: string;
  display: string;
  aliases: string[];
  meaning: string | null;
  count: number;
  related: { tag: string; count: number }[];
}

const mainOf = (html: string) => /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';

describe.each(DIALECTS)('hashtags (%s)', (dialect) => {
  let t: TestApp;
  let c: Client;
  let other: Client;

  beforeAll(async () => {
    t = await build(dialect);
    c = await signedIn(t.app, await createUser(t.deps, { name: 'Hanna Hashtag' }));
    other = await signedIn(t.app, await createUser(t.deps));
  });
  afterAll(async () => t.close());

  const publish = async (cl: Client, body: string) => {
    const res = await cl.api('POST', '/api/v1/posts', { body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; hashtags: string[]; html: string };
  };
  const tagJson = async (path: string) => {
    const res = await c.api('GET', `/api/v1/hashtags/${path}`);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    return res.json() as HashtagJson;
  };

  it('#Ärger, #ärger and #ÄRGER are one hashtag, found under any spelling and encoding', async () => {
    const a = await publish(c, 'Heute wieder #Ärger mit dem Drucker');
    const b = await publish(other, 'Kein #ärger, nur Freude');
    const d = await publish(c, 'SO VIEL #ÄRGER');
    for (const p of [a, b, d]) expect(p.hashtags).toEqual(['ärger']);
    expect(a.html).toContain('<a href="/hashtags/%C3%A4rger" class="hashtag">#Ärger</a>');
    expect(d.html).toContain('<a href="/hashtags/%C3%A4rger" class="hashtag">#ÄRGER</a>');
    for (const path of ['%C3%84RGER', '%C3%A4rger', '%C3%84rger', encodeURIComponent('#Ärger')]) {
      expect(await tagJson(path)).toMatchObject({ tag: 'ärger', display: 'Ärger', count: 3 });
    }
    const series = (await c.api('GET', '/api/v1/hashtags/%C3%84RGER/posts')).json();
    expect(series.items.map((p: { id: string }) => p.id)).toEqual([d.id, b.id, a.id]);
    // A decomposed Ä (A + combining diaeresis) is the same tag too.
    const nfd = await publish(c, 'Noch mehr #A\u0308rger');
    expect(nfd.hashtags).toEqual(['ärger']);
    expect((await tagJson('%C3%A4rger')).count).toBe(4);
    const page = await c.get('/hashtags/%C3%84RGER');
    expect(page.statusCode).toBe(200);
    expect(mainOf(page.body)).toContain('<h1>#Ärger</h1>');
    expect(mainOf(page.body)).toContain('Posts: 4');
  });

  it('a # inside a URL, a word, inline code or a code block makes no hashtag', async () => {
    const p = await publish(
      c,
      [
        'Siehe https://example.com/wiki#urlanker und example.com/seite#wortanker,',
        'C#sharpsprache, `#inlinecode` und',
        '```',
        '#blockcode',
        '```',
        'aber #echtertag zählt.',
      ].join('\n'),
    );
    expect(p.hashtags).toEqual(['echtertag']);
    expect(p.html.match(/class="hashtag"/g)).toHaveLength(1);
    expect(p.html).toContain('<code>#inlinecode</code>');
    expect(p.html).toContain('href="https://example.com/wiki#urlanker"');
    for (const tag of ['urlanker', 'wortanker', 'sharpsprache', 'inlinecode', 'blockcode']) {
      expect((await c.api('GET', `/api/v1/hashtags/${tag}`)).statusCode, tag).toBe(404);
      expect((await c.get(`/hashtags/${tag}`)).statusCode, tag).toBe(404);
    }
  });

  it('related hashtags are those used together, most frequent first, with counts and links', async () => {
    await publish(c, '#kernthema mit #begleiter und #selten');
    await publish(c, '#kernthema wieder mit #begleiter');
    await publish(other, '#begleiter allein');
    await publish(c, '#Kernthema und #Zweiter');
    const json = await tagJson('kernthema');
    expect(json.count).toBe(3);
    expect(json.related).toEqual([
      { tag: 'begleiter', count: 2 },
      { tag: 'selten', count: 1 },
      { tag: 'zweiter', count: 1 },
    ]);
    const page = mainOf((await c.get('/hashtags/kernthema')).body);
    expect(page).toContain('Related hashtags');
    const links = [...page.matchAll(/<li><a href="\/hashtags\/([^"]+)">#/g)].map((m) => m[1]);
    expect(links).toEqual(['begleiter', 'selten', 'zweiter']);
    expect((await tagJson('begleiter')).related).toEqual([
      { tag: 'kernthema', count: 2 },
      { tag: 'selten', count: 1 },
    ]);
  });

  it('the count follows edits and deletions; a tag with no posts left is not found', async () => {
    const p = await publish(c, 'Erst #wandeltag');
    const q = await publish(c, 'Auch #wandeltag');
    expect((await tagJson('wandeltag')).count).toBe(2);
    await c.api('PATCH', `/api/v1/posts/${p.id}`, { body: 'Jetzt #andertag' });
    expect((await tagJson('wandeltag')).count).toBe(1);
    expect((await tagJson('andertag')).count).toBe(1);
    await c.api('DELETE', `/api/v1/posts/${q.id}`);
    expect((await c.api('GET', '/api/v1/hashtags/wandeltag')).statusCode).toBe(404);
    expect((await c.get('/hashtags/wandeltag')).statusCode).toBe(404);
  });

  it('an alias files new posts under its tag, redirects its page and resolves in the API', async () => {
    await publish(c, 'Das erste #Ärger-Beispiel');
    await t.deps.db
      .insertInto('hashtag_aliases')
      .values({ alias: 'aerger', tag: 'ärger' })
      .execute();
    const before = (await tagJson('%C3%A4rger')).count;
    const p = await publish(other, 'Wieder #aerger mit dem Kaffeeautomaten');
    expect(p.hashtags).toEqual(['ärger']);
    // Both spellings in one post are one tag there too.
    const both = await publish(c, '#ärger oder #aerger?');
    expect(both.hashtags).toEqual(['ärger']);
    for (const spelling of ['aerger', 'AERGER', 'Aerger']) {
      const redirect = await c.get(`/hashtags/${spelling}`);
      expect(redirect.statusCode, spelling).toBe(301);
      expect(redirect.headers.location).toBe('/hashtags/%C3%A4rger');
    }
    const viaAlias = await tagJson('aerger');
    expect(viaAlias).toMatchObject({ tag: 'ärger', aliases: ['aerger'], count: before + 2 });
    expect((await tagJson('%C3%84RGER')).aliases).toEqual(['aerger']);
    const series = (await c.api('GET', '/api/v1/hashtags/aerger/posts')).json();
    expect(series.items.slice(0, 2).map((x: { id: string }) => x.id)).toEqual([both.id, p.id]);
    const page = mainOf((await c.get('/hashtags/%C3%A4rger')).body);
    expect(page).toContain('also written: #aerger');
    expect(page).toContain('Kaffeeautomaten');
    // Following by the alias is following the tag: its posts come home, the page says so.
    const reader = await signedIn(t.app, await createUser(t.deps));
    const follow = await reader.api('POST', '/api/v1/follows', { type: 'hashtag', id: '#AERGER' });
    expect(follow.statusCode).toBe(204);
    const feed = (await reader.api('GET', '/api/v1/feed')).json();
    expect(feed.items.map((x: { id: string }) => x.id)).toContain(p.id);
    expect(feed.items.every((x: { hashtags: string[] }) => x.hashtags.includes('ärger'))).toBe(
      true,
    );
    const followed = await reader.get('/hashtags/%C3%A4rger');
    expect(followed.body).toMatch(/<button type="submit" class="secondary" aria-pressed="true">/);
    await reader.api('DELETE', '/api/v1/follows', { type: 'hashtag', id: 'aerger' });
    const unfollowed = (await reader.api('GET', '/api/v1/feed')).json();
    expect(unfollowed.items.map((x: { id: string }) => x.id)).not.toContain(p.id);
  });

  it('a meaning set on a hashtag shows in its JSON and on its page', async () => {
    await publish(c, 'Der Kunde wartet schon wieder #wartezeit');
    expect((await tagJson('wartezeit')).meaning).toBeNull();
    expect(mainOf((await c.get('/hashtags/wartezeit')).body)).not.toContain('class="badge"');
    await t.deps.db
      .updateTable('hashtags')
      .set({ meaning: 'pain_point' })
      .where('tag', '=', 'wartezeit')
      .execute();
    expect((await tagJson('wartezeit')).meaning).toBe('pain_point');
    expect(mainOf((await c.get('/hashtags/wartezeit')).body)).toContain(
      '<span class="badge">Pain point</span>',
    );
  });
});
