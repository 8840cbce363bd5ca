import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { findSimilarQuestions } from './similar.ts';

const mainOf = (html: string) => /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';

describe.each(DIALECTS)('similar questions and question state on cards (%s)', (dialect) => {
  let t: TestApp;
  let now = Date.parse('2026-11-02T08:00:00.000Z');
  const tick = () => (now += 60_000);
  let asker: User;
  let member: User;
  let outsider: User;
  let ac: Client;
  let annc: Client;
  let mc: Client;
  let oc: Client;
  let secretGroup: string;
  const q: Record<string, string> = {};

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    asker = await createUser(t.deps, { name: 'Frieda Fragend' });
    member = await createUser(t.deps, { name: 'Mia Mitglied' });
    outsider = await createUser(t.deps, { name: 'Otto Außen' });
    [ac, annc, mc, oc] = await Promise.all([
      signedIn(t.app, asker),
      createUser(t.deps, { name: 'Ann Antwort' }).then((u) => signedIn(t.app, u)),
      signedIn(t.app, member),
      signedIn(t.app, outsider),
    ]);
    const g = await ac.api('POST', '/api/v1/groups', {
      name: 'Personalrat',
      visibility: 'private',
    });
    secretGroup = g.json().id;
    await ac.api('POST', `/api/v1/groups/${secretGroup}/members`, { userId: member.id });

    const ask = async (key: string, body: string, groupId?: string, answered = true) => {
      tick();
      const res = await ac.api('POST', '/api/v1/posts', {
        body,
        kind: 'question',
        ...(groupId ? { groupId } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      q[key] = res.json().id;
      if (answered) {
        tick();
        const a = await (groupId ? mc : annc).api('POST', `/api/v1/posts/${q[key]}/comments`, {
          body: 'Eine Antwort.',
        });
        expect(a.statusCode, a.body).toBe(201);
      }
    };
    await ask('older', 'Wie beantrage ich Urlaub im Personalportal?');
    await ask('newer', 'Urlaub beantragen: wo geht das?');
    await ask('open', 'Urlaub beantragen ohne Portal?', undefined, false);
    await ask('secret', 'Urlaub beantragen während der Kündigungsfrist?', secretGroup);
    await ask('umlaut', 'Ärger mit dem Drucker im Büro');
    await ask('other', 'Welche Kantine hat heute Suppe?');
  });
  afterAll(async () => t.close());

  const ids = (items: { id: string }[]) => items.map((i) => i.id);

  it('finds answered questions the viewer may read, newest first; never an open one or a private group’s for outsiders', async () => {
    const forOutsider = await findSimilarQuestions(t.deps.db, outsider, 'Urlaub beantragen', {
      limit: 10,
      now: new Date(now),
    });
    expect(ids(forOutsider)).toEqual([q.newer, q.older]);
    const forMember = await findSimilarQuestions(t.deps.db, member, 'Urlaub beantragen', {
      limit: 10,
      now: new Date(now),
    });
    expect(ids(forMember)).toEqual([q.secret, q.newer, q.older]);
    expect(forMember[0]).toMatchObject({ status: 'answered', groupId: secretGroup });
    expect(
      ids(
        await findSimilarQuestions(t.deps.db, member, 'Urlaub beantragen', {
          limit: 1,
          now: new Date(now),
        }),
      ),
    ).toEqual([q.secret]);
    // More shared words rank higher than newer.
    expect(
      ids(
        await findSimilarQuestions(t.deps.db, outsider, 'Urlaub im Personalportal beantragen', {
          limit: 10,
          now: new Date(now),
        }),
      )[0],
    ).toBe(q.older);
    expect(
      await findSimilarQuestions(t.deps.db, outsider, 'wie und wo', {
        limit: 10,
        now: new Date(now),
      }),
    ).toEqual([]);
  });

  it('matches case- and umlaut-insensitively', async () => {
    for (const text of ['ärger drucker', 'AERGER Drucker', 'Ärger DRUCKER', 'aerger im buero'])
      expect(
        ids(
          await findSimilarQuestions(t.deps.db, outsider, text, { limit: 5, now: new Date(now) }),
        ),
        text,
      ).toEqual([q.umlaut]);
  });

  it('GET /api/v1/questions/similar: readable, answered questions with links to their answers', async () => {
    const res = await oc.api(
      'GET',
      `/api/v1/questions/similar?q=${encodeURIComponent('Urlaub beantragen?')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(ids(body.items)).toEqual([q.newer, q.older]);
    expect(body.items[0]).toMatchObject({
      id: q.newer,
      status: 'answered',
      author: { name: 'Frieda Fragend' },
      url: `/posts/${q.newer}#comments`,
    });
    expect(body.nextCursor).toBeNull();
    const member = (await mc.api('GET', '/api/v1/questions/similar?q=urlaub%20beantragen')).json();
    expect(ids(member.items)).toContain(q.secret);
    expect((await oc.api('GET', '/api/v1/questions/similar')).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/questions/similar?q=urlaub' })).statusCode).toBe(
      401,
    );
  });

  it('without JavaScript, a new question first shows similar answered ones; "post anyway" publishes it', async () => {
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('posts')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const text = 'Wie kann ich Urlaub beantragen?\nAb nächster Woche.';
    const step = await oc.post('/posts', { body: text, kind: 'question', back: '/questions' });
    expect(step.statusCode).toBe(200);
    const page = mainOf(step.body);
    expect(page).toContain('Has this been answered already?');
    expect(page).toContain(`href="/posts/${q.newer}#comments"`);
    expect(page).toContain(`href="/posts/${q.older}#comments"`);
    expect(page).not.toContain(q.secret);
    expect(page).not.toContain(`/posts/${q.open}`);
    // The text is kept, in the page and in hidden fields, with a button to go on.
    expect(page).toContain('Ab nächster Woche.');
    expect(page).toContain('<input type="hidden" name="kind" value="question"/>');
    expect(page).toContain('<input type="hidden" name="back" value="/questions"/>');
    expect(page).toContain('<input type="hidden" name="confirmed" value="1"/>');
    expect(page).toMatch(
      /<input type="hidden" name="body" value="Wie kann ich Urlaub beantragen\?\nAb nächster Woche\."\/>/,
    );
    expect(page).toContain('Post my question anyway');
    expect(await count()).toBe(before);

    const posted = await oc.post('/posts', {
      body: text,
      kind: 'question',
      back: '/questions',
      confirmed: '1',
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/questions');
    expect(await count()).toBe(before + 1);
  });

  it('a question nothing resembles, and a plain post, are published at once', async () => {
    const fresh = await oc.post('/posts', {
      body: 'Wer gießt die Zimmerpflanzen?',
      kind: 'question',
    });
    expect(fresh.statusCode).toBe(303);
    const plain = await oc.post('/posts', { body: 'Urlaub beantragen ist einfach.', kind: 'post' });
    expect(plain.statusCode).toBe(303);
    // Only the member sees the private group's question: for the outsider nothing is similar.
    const privateOnly = await oc.post('/posts', { body: 'Kündigungsfrist', kind: 'question' });
    expect(privateOnly.statusCode).toBe(303);
    const forMember = await mc.post('/posts', { body: 'Kündigungsfrist', kind: 'question' });
    expect(forMember.statusCode).toBe(200);
    expect(mainOf(forMember.body)).toContain(`/posts/${q.secret}#comments`);
  });

  it('the composer has a labelled live region for suggestions while typing', async () => {
    const page = mainOf((await ac.get('/posts/new')).body);
    expect(page).toContain(
      'class="similar-questions" aria-live="polite" aria-labelledby="similar-h"',
    );
    expect(page).toContain('id="similar-h" hidden');
  });

  it('posts carry their question state: open, answered (with the count), accepted', async () => {
    tick();
    const id = (
      await ac.api('POST', '/api/v1/posts', { body: 'Zustandsfrage?', kind: 'question' })
    ).json().id;
    const state = async () => (await ac.api('GET', `/api/v1/posts/${id}`)).json().question;
    expect(await state()).toEqual({ status: 'open', answers: 0, acceptedAt: null });
    expect(mainOf((await ac.get(`/posts/${id}`)).body)).toContain('Open: no answer yet');
    // The asker's own comment and replies are no answers.
    await ac.api('POST', `/api/v1/posts/${id}/comments`, { body: 'Nachtrag' });
    tick();
    const a = (await annc.api('POST', `/api/v1/posts/${id}/comments`, { body: 'Antwort' })).json()
      .id;
    await ac.api('POST', `/api/v1/posts/${id}/comments`, { body: 'Danke', parentId: a });
    expect(await state()).toEqual({ status: 'answered', answers: 1, acceptedAt: null });
    tick();
    await ac.api('PUT', `/api/v1/posts/${id}/accepted-answer`, { commentId: a });
    expect(await state()).toEqual({
      status: 'accepted',
      answers: 1,
      acceptedAt: new Date(now).toISOString(),
    });
    expect(mainOf((await ac.get(`/posts/${id}`)).body)).toContain('Accepted answer · answers: 1');
    // In a feed page of posts, each question has its state; other posts have none.
    tick();
    const plainId = (await ac.api('POST', '/api/v1/posts', { body: 'Nur ein Beitrag' })).json().id;
    const feed = (await ac.api('GET', '/api/v1/feed?limit=50')).json();
    const mine = feed.items.find((p: { id: string }) => p.id === id);
    expect(mine?.question).toMatchObject({ status: 'accepted', answers: 1 });
    const plain = feed.items.find((p: { id: string }) => p.id === plainId);
    expect(plain.question).toBeNull();
    const home = mainOf((await ac.get('/')).body);
    expect(home).toContain('Accepted answer · answers: 1');
    expect(home).toContain('Answered · answers: 1');
  });
});
