import { decodeTime } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

const NOW = new Date('2026-11-03T14:37:21.123Z');

describe.each(DIALECTS)('anonymous pain points: the submitter’s side (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
  });
  afterAll(async () => t.close());

  const submission = (id: string) =>
    t.deps.db
      .selectFrom('pain_point_submissions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const newGroup = async (c: Client, name: string, visibility = 'public') =>
    (await c.api('POST', '/api/v1/groups', { name, visibility })).json() as { id: string };

  it('the form says what anonymity means and offers departments and the person’s own groups', async () => {
    const u = await createUser(t.deps, { department: 'Vertrieb' });
    await createUser(t.deps, { department: 'Einkauf' });
    await createUser(t.deps, { department: 'Altbestand', status: 'deactivated' });
    const c = await signedIn(t.app, u);
    const mine = await newGroup(c, 'Werkstatt Nord');
    const other = await newGroup(await signedIn(t.app, await createUser(t.deps)), 'Fremde Runde');
    const page = await c.get('/pain-points/anonymous');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nobody sees your name');
    expect(page.body).toContain('the note is deleted in the same step');
    expect(page.body).toContain('not even you');
    expect(page.body).toContain('You will not be notified of the decision');
    expect(page.body).toContain('<option value="Vertrieb">Vertrieb</option>');
    expect(page.body).toContain('<option value="Einkauf">Einkauf</option>');
    expect(page.body).not.toContain('Altbestand');
    expect(page.body).toContain(`<option value="${mine.id}">Werkstatt Nord</option>`);
    expect(page.body).not.toContain(other.id);
    // No hashtag has the meaning yet: the fallback is named.
    expect(page.body).toContain('#ärger is added');

    const de = await signedIn(t.app, await createUser(t.deps, { locale: 'de' }));
    const german = await de.get('/pain-points/anonymous');
    expect(german.body).toContain('Niemand sieht den Namen der meldenden Person');
    expect(german.body).toContain('<h1>Ärgernis anonym melden</h1>');
  });

  it('keeps the author only while the text waits: the author sees and withdraws it, which deletes the text', async () => {
    const u = await createUser(t.deps, { department: 'Vertrieb' });
    const c = await signedIn(t.app, u);
    const g = await newGroup(c, 'Schichtleitung');
    await c.get('/pain-points/anonymous');
    const res = await c.post('/pain-points/anonymous', {
      body: 'Die Kaffeemaschine im 2. OG\nist seit Wochen kaputt.',
      department: 'Vertrieb',
      groupId: g.id,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/pain-points/anonymous/mine');
    const [row] = await t.deps.db
      .selectFrom('pain_point_submissions')
      .selectAll()
      .where('author_id', '=', u.id)
      .execute();
    expect(row).toMatchObject({
      author_id: u.id,
      status: 'pending',
      department: 'Vertrieb',
      group_id: g.id,
      body: 'Die Kaffeemaschine im 2. OG\nist seit Wochen kaputt.',
      created_at: NOW.toISOString(),
    });
    // The id tells the day only.
    expect(new Date(decodeTime(row!.id)).toISOString()).toBe('2026-11-03T00:00:00.000Z');

    const mine = await c.get('/pain-points/anonymous/mine');
    expect(mine.body).toContain('Die Kaffeemaschine im 2. OG<br/>ist seit Wochen kaputt.');
    expect(mine.body).toContain('Schichtleitung');
    const stranger = await signedIn(t.app, await createUser(t.deps));
    expect((await stranger.get('/pain-points/anonymous/mine')).body).not.toContain(
      'Kaffeemaschine',
    );
    expect((await stranger.post(`/pain-points/anonymous/${row!.id}/withdraw`, {})).statusCode).toBe(
      404,
    );
    expect((await submission(row!.id)).author_id).toBe(u.id);

    const gone = await c.post(`/pain-points/anonymous/${row!.id}/withdraw`, {});
    expect(gone.statusCode).toBe(303);
    expect(await submission(row!.id)).toMatchObject({
      status: 'withdrawn',
      body: '',
      author_id: null,
      created_at: '2026-11-03T00:00:00.000Z',
      decided_at: NOW.toISOString(),
    });
    const after = await c.get('/pain-points/anonymous/mine');
    expect(after.body).toContain('Withdrawn. The text is deleted.');
    expect(after.body).toContain('Nothing waiting.');
    expect((await c.post(`/pain-points/anonymous/${row!.id}/withdraw`, {})).statusCode).toBe(404);
  });

  it('names each bad field beside it and keeps what was typed', async () => {
    const u = await createUser(t.deps, { department: 'Vertrieb' });
    const c = await signedIn(t.app, u);
    const foreign = await newGroup(await signedIn(t.app, await createUser(t.deps)), 'Nicht meine');
    await c.get('/pain-points/anonymous');
    const empty = await c.post('/pain-points/anonymous', { body: '   ', department: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('id="body-error"');
    expect(empty.body).toContain('Please fill in this field');

    const bad = await c.post('/pain-points/anonymous', {
      body: 'Zu laut im Großraumbüro',
      department: 'Marketing',
      groupId: foreign.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="department-error"');
    expect(bad.body).toContain('Choose one of the departments in the list');
    expect(bad.body).toContain('id="groupId-error"');
    expect(bad.body).toContain('Zu laut im Großraumbüro</textarea>');

    const long = await c.post('/pain-points/anonymous', { body: 'ä'.repeat(10_001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Please enter at most 10,000 characters');
    const api = await c.api('POST', '/api/v1/pain-points/anonymous', {
      body: 'x',
      department: 'Marketing',
    });
    expect(api.statusCode).toBe(400);
    expect(api.json().errors).toEqual([
      expect.objectContaining({ field: 'department', code: 'unknown_department' }),
    ]);
    expect(
      await t.deps.db
        .selectFrom('pain_point_submissions')
        .select('id')
        .where('author_id', '=', u.id)
        .execute(),
    ).toEqual([]);
  });

  it('allows five waiting texts per person; the sixth is refused with a clear message', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const r = await c.api('POST', '/api/v1/pain-points/anonymous', { body: `Punkt ${i}` });
      expect(r.statusCode).toBe(201);
      expect(r.json().status).toBe('pending');
      ids.push(r.json().id);
    }
    const sixth = await c.api('POST', '/api/v1/pain-points/anonymous', { body: 'Punkt 6' });
    expect(sixth.statusCode).toBe(422);
    expect(sixth.json().code).toBe('too_many_pending');
    expect(sixth.json().title).toBe(
      'You already have 5 reports waiting for moderation. Please wait for a decision, or withdraw one.',
    );
    const form = await c.get('/pain-points/anonymous');
    expect(form.body).toContain('id="too-many"');
    const post = await c.post('/pain-points/anonymous', { body: 'Punkt 6 per Formular' });
    expect(post.statusCode).toBe(422);
    expect(post.body).toContain('You already have 5 reports waiting');
    expect(post.body).toContain('Punkt 6 per Formular</textarea>');

    // Someone else is not held back; a withdrawn one frees a place.
    const other = await signedIn(t.app, await createUser(t.deps));
    expect(
      (await other.api('POST', '/api/v1/pain-points/anonymous', { body: 'Andere' })).statusCode,
    ).toBe(201);
    const listed = (await c.api('GET', '/api/v1/pain-points/anonymous/mine')).json().items;
    // Sent in the same instant (the test's clock): the order among them is not defined.
    expect(listed.map((s: { body: string }) => s.body).sort()).toEqual([
      'Punkt 1',
      'Punkt 2',
      'Punkt 3',
      'Punkt 4',
      'Punkt 5',
    ]);
    expect(listed[0]).toMatchObject({
      department: '',
      groupId: null,
      submittedAt: NOW.toISOString(),
    });
    expect((await c.api('DELETE', `/api/v1/pain-points/anonymous/${ids[2]}`)).statusCode).toBe(204);
    expect(
      (await c.api('POST', '/api/v1/pain-points/anonymous', { body: 'Punkt 6' })).statusCode,
    ).toBe(201);
    expect((await c.api('DELETE', `/api/v1/pain-points/anonymous/${ids[2]}`)).statusCode).toBe(404);
  });

  it('lists the departments for API clients', async () => {
    const c = await signedIn(t.app, await createUser(t.deps, { department: 'Zoll' }));
    const r = await c.api('GET', '/api/v1/pain-points/anonymous/departments');
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toContain('Zoll');
    expect(r.json().items).not.toContain('Altbestand');
  });
});
