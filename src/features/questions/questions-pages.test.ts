import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

/** The main content of a page, without the layout. */
const mainOf = (html: string) => /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';

describe.each(DIALECTS)('question pages without JavaScript (%s)', (dialect) => {
  let t: TestApp;
  let asker: User;
  let ann: User;
  let ac: Client;
  let annc: Client;
  let benc: Client;

  beforeAll(async () => {
    t = await build(dialect);
    asker = await createUser(t.deps, { name: 'Frieda Fragend' });
    ann = await createUser(t.deps, { name: 'Ann Antwort' });
    [ac, annc, benc] = await Promise.all([
      signedIn(t.app, asker),
      signedIn(t.app, ann),
      createUser(t.deps, { name: 'Ben Beistand' }).then((u) => signedIn(t.app, u)),
    ]);
  });
  afterAll(async () => t.close());

  const ask = async (body: string, groupId?: string) =>
    (
      await ac.api('POST', '/api/v1/posts', {
        body,
        kind: 'question',
        ...(groupId ? { groupId } : {}),
      })
    ).json().id as string;
  const comment = async (c: Client, postId: string, body: string) =>
    (await c.api('POST', `/api/v1/posts/${postId}/comments`, { body })).json().id as string;

  it('accepting by form redirects, then the answer is marked in words, shown first, and can be taken back', async () => {
    const q = await ask('Wo finde ich die Reisekostenrichtlinie?');
    const a1 = await comment(benc, q, 'Frag die Buchhaltung.');
    const a2 = await comment(annc, q, 'Im Handbuch, Kapitel 7.');
    let page = mainOf((await ac.get(`/posts/${q}`)).body);
    expect(page).toContain('Status: answered');
    expect(page).toContain(`action="/posts/${q}/accepted-answer"`);
    expect(page).toContain(`<input type="hidden" name="commentId" value="${a2}"/>`);
    expect(page.indexOf(`id="c-${a1}"`)).toBeLessThan(page.indexOf(`id="c-${a2}"`));

    const res = await ac.post(`/posts/${q}/accepted-answer`, { commentId: a2 });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/posts/${q}#c-${a2}`);
    page = mainOf((await ac.get(`/posts/${q}`)).body);
    expect(page).toContain('Answer accepted.');
    expect(page).toContain('Status: accepted');
    expect(page).toMatch(/<li class="comment accepted-answer" id="c-[^"]+">/);
    expect(page).toContain('Accepted answer');
    // Shown first, before the older answer.
    expect(page.indexOf(`id="c-${a2}"`)).toBeLessThan(page.indexOf(`id="c-${a1}"`));
    expect(page).toContain(`action="/posts/${q}/accepted-answer/delete"`);

    // Others see the mark but no accept buttons.
    const other = mainOf((await benc.get(`/posts/${q}`)).body);
    expect(other).toContain('Accepted answer');
    expect(other).not.toContain(`action="/posts/${q}/accepted-answer"`);

    const back = await ac.post(`/posts/${q}/accepted-answer/delete`);
    expect(back.statusCode).toBe(303);
    page = mainOf((await ac.get(`/posts/${q}`)).body);
    expect(page).toContain('Status: answered');
    expect(page).not.toContain('class="comment accepted-answer"');

    // Someone else posting the form gets the reason on the page, not a change.
    const refused = await benc.post(`/posts/${q}/accepted-answer`, { commentId: a2 });
    expect(refused.statusCode).toBe(303);
    expect(mainOf((await benc.get(`/posts/${q}`)).body)).toContain('role="alert"');
  });

  it('the helpful toggle is a form: one vote per person, none on one’s own answer', async () => {
    const q = await ask('Kennt jemand einen guten Italiener?');
    const a = await comment(annc, q, 'Da Mario, zwei Straßen weiter.');
    let page = mainOf((await benc.get(`/posts/${q}`)).body);
    expect(page).toContain(`action="/comments/${a}/helpful"`);
    const res = await benc.post(`/comments/${a}/helpful`, { on: '1' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/posts/${q}#c-${a}`);
    await benc.post(`/comments/${a}/helpful`, { on: '1' });
    page = mainOf((await benc.get(`/posts/${q}`)).body);
    expect(page).toMatch(/aria-pressed="true"[^>]*>[\s\S]*?Helpful<span class="count"> 1<\/span>/);
    expect(page).toContain('<input type="hidden" name="on" value="0"/>');
    // The author sees the count, without a button.
    const own = mainOf((await annc.get(`/posts/${q}`)).body);
    expect(own).not.toContain(`action="/comments/${a}/helpful"`);
    expect(own).toContain('Marked helpful: 1');
    await benc.post(`/comments/${a}/helpful`, { on: '0' });
    expect(mainOf((await annc.get(`/posts/${q}`)).body)).toContain('Marked helpful: 0');
  });

  it('lists open questions org-wide, per group and per hashtag, with their status; a nav link leads there', async () => {
    const g = (
      await ac.api('POST', '/api/v1/groups', { name: 'Fragerunde', visibility: 'public' })
    ).json();
    const open = await ask('Offen in der Gruppe #seitentest', g.id);
    const done = await ask('Beantwortet in der Gruppe #seitentest', g.id);
    await comment(annc, done, 'Erledigt.');
    const home = await ac.get('/');
    expect(home.body).toContain('<a href="/questions">Questions</a>');
    const de = await signedIn(t.app, await createUser(t.deps, { locale: 'de' }));
    expect((await de.get('/')).body).toContain('<a href="/questions">Fragen</a>');
    const deList = mainOf((await de.get('/questions')).body);
    expect(deList).toContain('<h1>Offene Fragen</h1>');

    let list = mainOf((await benc.get('/questions')).body);
    expect(list).toContain('<h1>Open questions</h1>');
    expect(list).toContain(`href="/posts/${open}"`);
    expect(list).not.toContain(`href="/posts/${done}"`);
    expect((await benc.get(`/groups/${g.id}`)).body).toContain(
      `<a href="/groups/${g.id}/questions">This group’s questions</a>`,
    );
    list = mainOf((await benc.get(`/groups/${g.id}/questions?status=answered`)).body);
    expect(list).toContain(`href="/posts/${done}"`);
    expect(list).toContain('answered');
    expect(list).not.toContain(`href="/posts/${open}"`);
    list = mainOf((await benc.get('/hashtags/seitentest/questions?status=all')).body);
    expect(list).toContain(`href="/posts/${open}"`);
    expect(list).toContain(`href="/posts/${done}"`);
    expect(list).toMatch(/<span class="q-status q-open"><span aria-hidden="true">\? <\/span>open/);
    expect((await benc.get('/groups/nope/questions')).statusCode).toBe(404);
  });
});
