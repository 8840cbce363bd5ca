import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

/** The main content of a page, without the layout. */
const mainOf = (html: string) => /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';

/** The posts of a listing, in order: id, whether marked new, and the card's HTML. */
function cards(html: string) {
  return mainOf(html)
    .split('<article')
    .slice(1)
    .map((a) => ({
      id: /aria-labelledby="p-([^"]+)"/.exec(a)?.[1] ?? '',
      isNew: /^ class="post is-new"/.test(a) && a.includes('class="new-mark">new<'),
      html: a,
    }));
}

/** The state of a reaction button: pressed, and the count it shows. */
function reaction(html: string, type: string) {
  const m = new RegExp(
    `<button[^>]*value="${type}"[^>]*aria-pressed="(true|false)"[^>]*>([\\s\\S]*?)</button>`,
  ).exec(html);
  if (!m) throw new Error(`no ${type} button`);
  return { pressed: m[1] === 'true', count: /class="count"> (\d+)/.exec(m[2]!)?.[1] ?? null };
}

describe.each(DIALECTS)('post pages (%s)', (dialect) => {
  let t: TestApp;
  let now = Date.now();
  let alma: User;
  let bodo: User;
  let ac: Client;
  let bc: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    alma = await createUser(t.deps, { name: 'Alma Autorin' });
    bodo = await createUser(t.deps, { name: 'Bodo Bote' });
    [ac, bc, admin] = await Promise.all([
      signedIn(t.app, alma),
      signedIn(t.app, bodo),
      createAdmin(t.deps).then((a) => signedIn(t.app, a)),
    ]);
  });
  afterAll(async () => t.close());

  const publish = async (c: Client, body: string, groupId?: string) => {
    const res = await c.api('POST', '/api/v1/posts', { body, ...(groupId ? { groupId } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };

  it('the home composer publishes and returns home; a refused post comes back with what was typed', async () => {
    const home = await ac.get('/');
    expect(home.body).toContain('action="/posts"');
    expect(home.body).toContain('<input type="hidden" name="back" value="/"/>');
    const ok = await ac.post('/posts', {
      body: 'Hallo **Kantine** #Start',
      kind: 'post',
      back: '/',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/');
    const feed = await ac.get('/');
    expect(feed.body).toContain('Published.');
    expect(cards(feed.body)[0]!.html).toContain('Hallo <strong>Kantine</strong>');
    expect(cards(feed.body)[0]!.html).toContain(
      '<a href="/hashtags/start" class="hashtag">#Start</a>',
    );

    const empty = await ac.post('/posts', { body: ' ', kind: 'question', back: '/' });
    expect(empty.statusCode).toBe(400);
    const page = mainOf(empty.body);
    expect(page).toContain('<h1>Write a post</h1>');
    expect(page).toContain('role="alert"');
    expect(page).toMatch(/<p class="error" id="body-error">Please fill in this field/);
    expect(page).toMatch(/<textarea id="body" name="body"[^>]*aria-invalid="true"/);
    expect(page).toMatch(/aria-describedby="body-hint body-error"/);
    expect(page).toMatch(/<option value="question" selected/);

    const g = (
      await bc.api('POST', '/api/v1/groups', { name: 'Bodos Runde', visibility: 'public' })
    ).json() as { id: string };
    const typed = 'Ich bin gar nicht in der Gruppe & schreibe trotzdem';
    const notMember = await ac.post('/posts', { body: typed, groupId: g.id, back: '/' });
    expect(notMember.statusCode).toBe(400);
    expect(mainOf(notMember.body)).toContain('Ich bin gar nicht in der Gruppe &amp; schreibe');
    expect(mainOf(notMember.body)).toMatch(
      /<p class="error" id="groupId-error">Only members of this group post in it/,
    );
  });

  it('the post page shows comments and a reply form inside <details>, and a reply lands nested', async () => {
    const post = await publish(ac, 'Wer hat Ideen?');
    const c = await bc.post(`/posts/${post.id}/comments`, { body: 'Ich habe _eine_' });
    expect(c.statusCode).toBe(303);
    const commentId = /#c-(.+)$/.exec(String(c.headers.location))![1]!;
    let page = mainOf((await ac.get(`/posts/${post.id}`)).body);
    expect(page).toContain('<em>eine</em>');
    // The post names its page: its heading is the one level-one heading.
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page).toContain(`<h1 id="p-${post.id}" class="post-title">`);
    expect(page).toContain('Comments: 1');
    expect(page).toMatch(
      new RegExp(
        `<details><summary>Reply</summary><form method="post" action="/posts/${post.id}/comments"`,
      ),
    );
    expect(page).toContain(`<input type="hidden" name="parentId" value="${commentId}"/>`);
    expect(page).toContain(`<textarea id="body-${commentId}" name="body-${commentId}"`);

    const bad = await ac.post(`/posts/${post.id}/comments`, {
      parentId: commentId,
      [`body-${commentId}`]: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(mainOf(bad.body)).toContain('<details open><summary>Reply</summary>');
    expect(mainOf(bad.body)).toContain(`id="body-${commentId}-error"`);

    const reply = await ac.post(`/posts/${post.id}/comments`, {
      parentId: commentId,
      [`body-${commentId}`]: 'Erzähl!',
    });
    expect(reply.statusCode).toBe(303);
    page = mainOf((await ac.get(`/posts/${post.id}`)).body);
    const nested = /<ul class="comments replies">([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';
    expect(nested).toContain('Erzähl!');
    expect(page).toContain('Comments: 2');
  });

  it('a reply to a comment deleted meanwhile comes back in the comment form with its reason', async () => {
    const post = await publish(ac, 'Gleich weg');
    const c = (await bc.api('POST', `/api/v1/posts/${post.id}/comments`, { body: 'kurz' })).json();
    expect((await bc.api('DELETE', `/api/v1/comments/${c.id}`)).statusCode).toBe(204);
    const res = await ac.post(`/posts/${post.id}/comments`, {
      parentId: c.id,
      [`body-${c.id}`]: 'Meine lange, sorgfältige Antwort',
    });
    expect(res.statusCode).toBe(400);
    const page = mainOf(res.body);
    expect(page).toMatch(
      /<p class="error" id="body-error">This comment does not exist on this post<\/p><textarea id="body" name="body"[^>]*>Meine lange, sorgfältige Antwort<\/textarea>/,
    );
  });

  it('reaction buttons toggle, with aria-pressed and the count, and who reacted is listed', async () => {
    const post = await publish(ac, 'Reaktionen bitte');
    let page = (await bc.get(`/posts/${post.id}`)).body;
    expect(reaction(page, 'like')).toEqual({ pressed: false, count: null });
    const on = await bc.post(`/posts/${post.id}/reactions`, {
      toggle: 'like',
      back: `/posts/${post.id}`,
    });
    expect(on.statusCode).toBe(303);
    expect(on.headers.location).toBe(`/posts/${post.id}#p-${post.id}`);
    page = (await bc.get(`/posts/${post.id}`)).body;
    expect(reaction(page, 'like')).toEqual({ pressed: true, count: '1' });
    expect(reaction(page, 'thanks')).toEqual({ pressed: false, count: null });
    expect(mainOf(page)).toContain('Like: Bodo Bote');
    expect(reaction((await ac.get(`/posts/${post.id}`)).body, 'like')).toEqual({
      pressed: false,
      count: '1',
    });
    await bc.post(`/posts/${post.id}/reactions`, { toggle: 'like', back: `/posts/${post.id}` });
    page = (await bc.get(`/posts/${post.id}`)).body;
    expect(reaction(page, 'like')).toEqual({ pressed: false, count: null });
    expect(mainOf(page)).not.toContain('Bodo Bote');
  });

  it('the edit page is the author’s alone; others get 404; delete is offered to author and admin', async () => {
    const post = await publish(ac, 'Erste Fassung');
    const edit = await ac.get(`/posts/${post.id}/edit`);
    expect(edit.statusCode).toBe(200);
    expect(mainOf(edit.body)).toMatch(
      /<textarea id="body" name="body"[^>]*>Erste Fassung<\/textarea>/,
    );
    expect((await bc.get(`/posts/${post.id}/edit`)).statusCode).toBe(404);
    expect((await admin.get(`/posts/${post.id}/edit`)).statusCode).toBe(404);
    expect((await bc.post(`/posts/${post.id}`, { body: 'gekapert' })).statusCode).toBe(403);

    const bad = await ac.post(`/posts/${post.id}`, { body: '   ' });
    expect(bad.statusCode).toBe(400);
    expect(mainOf(bad.body)).toContain('id="body-error"');
    const saved = await ac.post(`/posts/${post.id}`, { body: 'Zweite Fassung' });
    expect(saved.statusCode).toBe(303);
    const page = mainOf((await ac.get(`/posts/${post.id}`)).body);
    expect(page).toContain('Zweite Fassung');
    expect(page).toContain(' · edited');
    expect(page).toContain(`href="/posts/${post.id}/edit"`);
    expect(page).toContain(`action="/posts/${post.id}/delete"`);
    const theirs = mainOf((await bc.get(`/posts/${post.id}`)).body);
    expect(theirs).not.toContain(`href="/posts/${post.id}/edit"`);
    expect(theirs).not.toContain(`action="/posts/${post.id}/delete"`);
    const admins = mainOf((await admin.get(`/posts/${post.id}`)).body);
    expect(admins).not.toContain(`href="/posts/${post.id}/edit"`);
    expect(admins).toContain(`action="/posts/${post.id}/delete"`);

    expect((await bc.post(`/posts/${post.id}/delete`)).statusCode).toBe(403);
    const gone = await ac.post(`/posts/${post.id}/delete`);
    expect(gone.statusCode).toBe(303);
    expect(gone.headers.location).toBe('/');
    expect((await ac.get(`/posts/${post.id}`)).statusCode).toBe(404);
  });

  it('a group page shows its feed to all who may read it, and the composer to members only', async () => {
    const g = (
      await ac.api('POST', '/api/v1/groups', { name: 'Almas Team', visibility: 'public' })
    ).json() as { id: string };
    const composed = await ac.post('/posts', {
      body: 'Aus der Gruppe heraus',
      groupId: g.id,
      back: `/groups/${g.id}`,
    });
    expect(composed.statusCode).toBe(303);
    expect(composed.headers.location).toBe(`/groups/${g.id}`);
    await publish(ac, 'Nicht in der Gruppe');
    const hidden = `<input type="hidden" name="groupId" value="${g.id}"/>`;
    const mine = mainOf((await ac.get(`/groups/${g.id}`)).body);
    expect(mine).toContain(hidden);
    expect(mine).toContain('Aus der Gruppe heraus');
    expect(mine).not.toContain('Nicht in der Gruppe');
    const theirs = mainOf((await bc.get(`/groups/${g.id}`)).body);
    expect(theirs).toContain('Aus der Gruppe heraus');
    expect(theirs).not.toContain(hidden);
    expect(theirs).not.toContain('action="/posts"');
  });

  it('a profile page shows that person’s posts and nobody else’s', async () => {
    const p = await publish(bc, 'Bodos eigener Beitrag');
    await publish(ac, 'Almas Beitrag fürs Profil');
    const profile = cards((await ac.get(`/people/${bodo.id}`)).body);
    expect(profile.map((c) => c.id)).toContain(p.id);
    expect(profile.every((c) => c.html.includes('Bodo Bote'))).toBe(true);
    expect(profile.some((c) => c.html.includes('Almas Beitrag'))).toBe(false);
  });

  it('following a person, a group and a hashtag with the button brings their posts home', async () => {
    const carla = await createUser(t.deps, { name: 'Carla Chor' });
    const cc = await signedIn(t.app, carla);
    const g = (
      await cc.api('POST', '/api/v1/groups', { name: 'Chor', visibility: 'public' })
    ).json() as { id: string };
    const dora = await signedIn(t.app, await createUser(t.deps, { name: 'Dora Dritte' }));
    const byPerson = await publish(cc, 'Carla spricht');
    const unrelated = await publish(dora, 'Probe am Dienstag');
    await dora.api('POST', `/api/v1/groups/${g.id}/members`, {});
    const groupPost = await publish(dora, 'Noten liegen bereit', g.id);
    const tagged = await publish(dora, 'Heute #Chorprobe');
    const viewer = await signedIn(t.app, await createUser(t.deps));
    const ids = async () => cards((await viewer.get('/')).body).map((c) => c.id);
    expect(await ids()).toEqual([]);
    for (const [type, id] of [
      ['user', carla.id],
      ['group', g.id],
      ['hashtag', 'CHORPROBE'],
    ]) {
      const res = await viewer.post('/follow', { type: type!, id: id!, on: '1', back: '/' });
      expect(res.statusCode).toBe(303);
    }
    expect(await ids()).toEqual([tagged.id, groupPost.id, byPerson.id]);
    expect(await ids()).not.toContain(unrelated.id);
    expect((await viewer.get(`/people/${carla.id}`)).body).toMatch(/aria-pressed="true"/);
    await viewer.post('/follow', { type: 'user', id: carla.id, on: '0', back: '/' });
    expect(await ids()).toEqual([tagged.id, groupPost.id]);
  });

  it('posts that came after the previous home visit are marked new, once', async () => {
    const eva = await createUser(t.deps, { name: 'Eva Erst' });
    const ec = await signedIn(t.app, eva);
    const viewer = await createUser(t.deps, { name: 'Vera Viewer' });
    const vc = await signedIn(t.app, viewer);
    await vc.api('POST', '/api/v1/follows', { type: 'user', id: eva.id });
    now += 60_000;
    const before = await publish(ec, 'Vor dem Besuch');
    now += 60_000;
    // The first visit ever: everything is new to her.
    expect(cards((await vc.get('/')).body).map((c) => [c.id, c.isNew])).toEqual([
      [before.id, true],
    ]);
    now += 60_000;
    const after = await publish(ec, 'Nach dem Besuch');
    now += 60_000;
    const own = await publish(vc, 'Mein eigener');
    now += 60_000;
    const second = cards((await vc.get('/')).body);
    expect(second.map((c) => [c.id, c.isNew])).toEqual([
      [own.id, false],
      [after.id, true],
      [before.id, false],
    ]);
    expect(second[1]!.html).toMatch(/<strong class="new-mark">new<\/strong>/);
    now += 60_000;
    const third = cards((await vc.get('/')).body);
    expect(third.map((c) => c.isNew)).toEqual([false, false, false]);
    expect(third.every((c) => !c.html.includes('new-mark'))).toBe(true);
  });
});
