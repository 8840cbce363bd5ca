import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from '../accounts/accounts.table.ts';
import { createPost } from '../posts/index.ts';
import { interleave } from '../posts/posts.views.tsx';
import { painPointMeaning, publish } from './board.fixture.ts';

/** The page's text without tags, white space collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/ ([:,.])/g, '$1');

describe.each(DIALECTS)('pain points in pages, without JavaScript (%s)', (dialect) => {
  let t: TestApp;
  let now = Date.parse('2026-11-02T08:00:00Z');
  const tick = (minutes: number) => (now += minutes * 60_000);
  let admin: User;
  let bea: User;
  let ac: Client;
  let pc: Client;
  let mc: Client;

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    admin = await createAdmin(t.deps, { name: 'Ada Admin' });
    const poster = await createUser(t.deps, { name: 'Paul Poster', department: 'Einkauf' });
    const mia = await createUser(t.deps, { name: 'Mia Mitglied' });
    bea = await createUser(t.deps, { name: 'Bea Owner' });
    await createUser(t.deps, { name: 'Zora Zuletzt' });
    await createUser(t.deps, { name: 'Dora Deaktiviert', status: 'deactivated' });
    [ac, pc, mc] = (await Promise.all([admin, poster, mia].map((u) => signedIn(t.app, u)))) as [
      Client,
      Client,
      Client,
    ];
    await painPointMeaning(t, ac, 'ärger');
  });
  afterAll(async () => t.close());

  it('the post page shows the panel; its changes appear in the conversation in time order', async () => {
    const postId = await publish(pc, 'Das Intranet ist langsam #ärger');
    const id = `pp_${postId}`;
    // A member sees the state and "me too", no forms.
    let page = await mc.get(`/posts/${postId}`);
    expect(page.statusCode).toBe(200);
    const panel = text(/<section class="pain-point".*?<\/section>/s.exec(page.body)![0]);
    expect(panel).toContain('Status ○ New');
    expect(panel).toContain('Owner No owner');
    expect(panel).toContain('Department Einkauf');
    expect(panel).toContain('Me too 0');
    expect(page.body).toContain('href="/pain-points"');
    expect(page.body).not.toContain(`action="/pain-points/${id}/status"`);
    expect(page.body).not.toContain(`action="/pain-points/${id}/owner"`);

    // The admin gets the forms; the owner's choices are active people, by name.
    page = await ac.get(`/posts/${postId}`);
    expect(page.body).toContain(`action="/pain-points/${id}/status"`);
    const owners = [
      .../<select id="ownerId"[^>]*>(.*?)<\/select>/s
        .exec(page.body)![1]!
        .matchAll(/<option value[^>]*>([^<]*)</g),
    ].map((m) => m[1]);
    expect(owners).toEqual([
      'No owner',
      'Ada Admin',
      'Bea Owner',
      'Mia Mitglied',
      'Paul Poster',
      'Zora Zuletzt',
    ]);
    const statuses = [
      .../<select id="status"[^>]*>(.*?)<\/select>/s
        .exec(page.body)![1]!
        .matchAll(/<option value="([^"]*)"/g),
    ].map((m) => m[1]);
    expect(statuses).toEqual(['acknowledged', 'in_progress', 'resolved', 'wont_fix']);

    tick(1);
    await mc.post(`/posts/${postId}/comments`, { body: 'Bei mir auch, seit Montag.' });
    tick(1);
    const changed = await ac.post(`/pain-points/${id}/status`, {
      status: 'acknowledged',
      note: 'Wir prüfen den Server',
      back: `/posts/${postId}`,
    });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(`/posts/${postId}#pain-point`);
    const acknowledgedAt = new Date(now).toISOString();
    tick(1);
    await pc.post(`/posts/${postId}/comments`, { body: 'Danke!' });
    tick(1);
    expect((await ac.post(`/pain-points/${id}/owner`, { ownerId: bea.id })).statusCode).toBe(303);
    tick(1);
    const fix = await publish(ac, 'Neuer Server läuft.');
    expect(
      (await ac.post(`/pain-points/${id}/resolving-post`, { resolvingPostId: `/posts/${fix}` }))
        .statusCode,
    ).toBe(303);

    page = await mc.get(`/posts/${postId}`);
    const conversation = text(/<ul class="comments">.*<\/ul>/s.exec(page.body)![0]);
    const order = [
      'Bei mir auch, seit Montag.',
      'Ada Admin changed the status from New to Acknowledged: Wir prüfen den Server',
      'Danke!',
      'Ada Admin assigned Bea Owner',
      'Ada Admin linked the resolving post',
    ].map((s) => conversation.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page.body).toContain(`<time datetime="${acknowledgedAt}">`);
    expect(page.body).toMatch(/<li class="comment timeline-entry">/);
    const panelNow = text(/<section class="pain-point".*?<\/section>/s.exec(page.body)![0]);
    expect(panelNow).toContain('Status ◔ Acknowledged');
    expect(panelNow).toContain('Owner Bea Owner');
    expect(page.body).toContain(`<a href="/posts/${fix}">the post that resolves it</a>`);

    // A post that is no pain point has no panel.
    expect((await mc.get(`/posts/${fix}`)).body).not.toContain('id="pain-point"');
  });

  it('the conversation puts entries between comments by time; the comment shown first stays first', () => {
    const c = (id: string, created_at: string) => ({
      id,
      parent_id: null,
      author_id: 'a',
      author_name: 'A',
      author_photo_key: null,
      html: '',
      created_at,
      edited_at: null,
    });
    const e = (at: string) => ({ at, node: <i>{at}</i> });
    const day = (d: number) => `2026-11-0${d}T08:00:00.000Z`;
    const out = interleave(
      [c('accepted', day(5)), c('one', day(2)), c('two', day(4))],
      [e(day(6)), e(day(1)), e(day(4))],
      'accepted',
    );
    expect(out.map((x) => ('entry' in x ? x.entry.at : x.comment.id))).toEqual([
      'accepted',
      day(1),
      'one',
      'two',
      day(4),
      day(6),
    ]);
  });

  it('a refused change comes back with the error beside its field and what was typed', async () => {
    const postId = await publish(pc, 'Die Klimaanlage ist zu laut #ärger');
    const id = `pp_${postId}`;
    const bad = await ac.post(`/pain-points/${id}/status`, {
      status: 'new',
      note: 'Zurück auf Anfang',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toMatch(/<p class="error" id="status-error">[^<]+<\/p>/);
    expect(bad.body).toContain('>Zurück auf Anfang</textarea>');
    const unknown = await ac.post(`/pain-points/${id}/resolving-post`, {
      resolvingPostId: '/posts/gibt-es-nicht',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toMatch(/<p class="error" id="resolvingPostId-error">[^<]+<\/p>/);
    expect(unknown.body).toContain('value="/posts/gibt-es-nicht"');
    // A member may not, even by posting the form.
    expect(
      (await mc.post(`/pain-points/${id}/status`, { status: 'acknowledged' })).statusCode,
    ).toBe(403);
  });

  it('"me too" from the board returns to the card; the board in German', async () => {
    const postId = await publish(pc, 'Es gibt <b>nie</b> freie Räume #ärger');
    const id = `pp_${postId}`;
    const voted = await mc.post(`/pain-points/${id}/votes`, { on: '1', back: '/pain-points' });
    expect(voted.statusCode).toBe(303);
    expect(voted.headers.location).toBe(`/pain-points#pp-${id}`);
    const board = (await mc.get('/pain-points')).body;
    const card = /<li class="pp-card" id="pp-pp_[^"]*".*?<\/li>/s.exec(
      board.slice(board.indexOf(`id="pp-${id}"`) - 30),
    )![0];
    expect(card).toContain('Es gibt &lt;b>nie&lt;/b> freie Räume');
    expect(card).not.toContain('<b>');
    expect(card).toContain('aria-pressed="true"');
    expect(text(card)).toContain('Me too 1');
    expect(text(card)).toContain('Age: 0 minutes');
    expect(card).toContain(`href="/posts/${postId}"`);
    // Its author cannot vote: only the count.
    const own = (await pc.get('/pain-points')).body;
    expect(own).not.toContain(`action="/pain-points/${id}/votes"`);

    const de = await signedIn(t.app, await createUser(t.deps, { name: 'Dirk', locale: 'de' }));
    const german = text((await de.get('/pain-points')).body);
    expect(german).toContain('Ärgernisse');
    expect(german).toContain('○ Neu');
    expect(german).toContain('Ich auch 1');
    expect(german).toContain('Alter: 0 Minuten');
  });

  it('an anonymous pain point shows no author anywhere on the board, panel or API', async () => {
    const anonymous = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', 'anonymous')
      .executeTakeFirstOrThrow();
    const post = await createPost(t.deps, anonymous as User, {
      body: 'Anonym: Überstunden werden nicht erfasst #ärger',
    });
    await t.deps.db
      .updateTable('pain_points')
      .set({ anonymous: 1, department: 'Lager' })
      .where('post_id', '=', post.id)
      .execute();
    const id = `pp_${post.id}`;
    const api = (await mc.api('GET', `/api/v1/pain-points/${id}`)).json();
    expect(api).toMatchObject({ anonymous: true, department: 'Lager' });
    expect(JSON.stringify(api)).not.toContain('anonymous@');
    expect(Object.keys(api)).not.toContain('author');
    const board = (await mc.get('/pain-points')).body;
    expect(board).not.toContain('/people/anonymous');
    const panel = /<section class="pain-point".*?<\/section>/s.exec(
      (await mc.get(`/posts/${post.id}`)).body,
    )![0];
    expect(text(panel)).toContain('Filed Anonymous');
    expect(panel).not.toContain('/people/anonymous');
  });

  it('the board links to anonymous filing for everyone, and to moderation with its count for admins', async () => {
    await t.deps.db
      .insertInto('pain_point_submissions')
      .values({
        id: 'waiting-1',
        author_id: bea.id,
        body: 'Wartet. #ärger',
        department: '',
        group_id: null,
        status: 'pending',
        reason: '',
        post_id: null,
        created_at: new Date(now).toISOString(),
        decided_at: null,
        decided_by: null,
      })
      .execute();
    const member = await mc.get('/pain-points');
    expect(member.body).toContain('href="/pain-points/anonymous"');
    expect(member.body).not.toContain('href="/pain-points/moderation"');
    const board = await ac.get('/pain-points');
    expect(board.body).toContain('Moderation of anonymous pain points (1 waiting)');
    await t.deps.db.deleteFrom('pain_point_submissions').where('id', '=', 'waiting-1').execute();
  });

  it('department leads: admins add and remove them; everyone sees the list', async () => {
    const form = (await ac.get('/pain-points/leads')).body;
    expect(form).toContain('action="/pain-points/leads"');
    const empty = await ac.post('/pain-points/leads', { department: '  ', userId: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/<p class="error" id="department-error">/);
    expect(empty.body).toMatch(/<p class="error" id="userId-error">/);
    const added = await ac.post('/pain-points/leads', { department: 'Einkauf', userId: bea.id });
    expect(added.statusCode).toBe(303);
    const list = (await mc.get('/pain-points/leads')).body;
    expect(text(list)).toContain('Einkauf Bea Owner');
    expect(list).not.toContain('action="/pain-points/leads"');
    expect(
      (await mc.post('/pain-points/leads', { department: 'X', userId: bea.id })).statusCode,
    ).toBe(403);
    // As the lead of Einkauf, Bea now gets the owner form on Einkauf's pain points.
    const postId = await publish(pc, 'Formulare doppelt ausfüllen #ärger');
    const beaC = await signedIn(t.app, bea);
    expect((await beaC.get(`/posts/${postId}`)).body).toContain(
      `action="/pain-points/pp_${postId}/owner"`,
    );
    const removed = await ac.post('/pain-points/leads/delete', {
      department: 'Einkauf',
      userId: bea.id,
    });
    expect(removed.statusCode).toBe(303);
    expect(text((await mc.get('/pain-points/leads')).body)).toContain('No department leads yet.');
    expect((await beaC.get(`/posts/${postId}`)).body).not.toContain(
      `action="/pain-points/pp_${postId}/owner"`,
    );
  });
});
