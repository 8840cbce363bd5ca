import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn, tokenFor } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { MULTIPART, multipart, type FilePart } from '../../../test/multipart.ts';
import { runDueJobs } from '../../jobs/index.ts';
import type { User } from '../accounts/accounts.table.ts';
import { makeDocx, makePdf } from './sample-files.ts';
import { extractOnWorker, extractText, TEXT_MAX, tidyText, WORKER_MIN_BYTES } from './extract.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d4b2a00000000049454e44ae426082',
  'hex',
);

describe.each(DIALECTS)('documents (%s)', (dialect) => {
  let t: TestApp;
  let now = Date.parse('2026-11-02T08:00:00Z');
  const tick = (minutes = 1) => (now += minutes * 60_000);
  // Olga owns the documents; Tim is in her team; Paul is in no team with her (only a community).
  let olga: User;
  let tim: User;
  let paul: User;
  let nina: User;
  let oc: Client;
  let tc: Client;
  let pc: Client;
  let nc: Client;
  let admin: Client;
  let team: string;
  let community: string;
  let secret: string;
  let tokens: Map<string, string>;

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now), env: { DOCUMENT_MAX_MB: '1' } });
    olga = await createUser(t.deps, { name: 'Olga Owner' });
    tim = await createUser(t.deps, { name: 'Tim Team' });
    paul = await createUser(t.deps, { name: 'Paul Public' });
    nina = await createUser(t.deps, { name: 'Nina Nonmember' });
    [oc, tc, pc, nc, admin] = await Promise.all([
      signedIn(t.app, olga),
      signedIn(t.app, tim),
      signedIn(t.app, paul),
      signedIn(t.app, nina),
      createAdmin(t.deps).then((a) => signedIn(t.app, a)),
    ]);
    tokens = new Map();
    for (const u of [olga, tim, paul, nina]) tokens.set(u.id, await tokenFor(t.deps, u));
    const group = async (name: string, visibility: string, kind: string) => {
      const res = await oc.api('POST', '/api/v1/groups', {
        name,
        description: '',
        visibility,
        kind,
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    };
    team = await group('Vertrieb Nord', 'private', 'team');
    community = await group('Vorlagen-Fans', 'public', 'community');
    secret = await group('Geheimprojekt', 'secret', 'community');
    const add = async (g: string, u: User) =>
      expect(
        (await oc.api('POST', `/api/v1/groups/${g}/members`, { userId: u.id })).statusCode,
      ).toBeLessThan(300);
    await add(team, tim);
    await add(community, paul);
    await add(community, tim);
  });
  afterAll(async () => t.close());

  const bearer = (u: User) => ({ authorization: `Bearer ${tokens.get(u.id)}` });
  const upload = async (u: User, fields: Record<string, string>, file?: FilePart) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...MULTIPART, ...bearer(u) },
      payload: multipart(fields, file),
    });
  const uploaded = async (u: User, fields: Record<string, string>, file: FilePart) => {
    tick();
    const res = await upload(u, fields, file);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as {
      id: string;
      versionList: { number: number; extraction: { status: string } }[];
    };
  };
  const get = (u: User, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(u) });
  const doc = async (u: User, id: string) => (await get(u, `/api/v1/documents/${id}`)).json();
  const textOf = async (id: string) =>
    await t.deps.db
      .selectFrom('document_versions')
      .innerJoin('documents', 'documents.current_version_id', 'document_versions.id')
      .select([
        'document_versions.extracted_text',
        'document_versions.extraction_status',
        'document_versions.extraction_error',
      ])
      .where('documents.id', '=', id)
      .executeTakeFirstOrThrow();

  it('uploads through the page form into a group, keeps the person’s file name, and stores it under our key', async () => {
    await oc.get('/documents/new');
    const res = await oc.request({
      method: 'POST',
      url: '/documents',
      headers: MULTIPART,
      payload: multipart(
        {
          _csrf: oc.csrf,
          title: 'Angebotsvorlage Wartung',
          description: 'Die Vorlage für #Wartungsverträge.',
          hashtags: 'angebot, #Vorlage',
          groupId: team,
        },
        {
          filename: 'Angebot Müller (final).md',
          data: Buffer.from('# Angebot\n\nWartung für Kunde Müller.'),
        },
      ),
    });
    expect(res.statusCode, res.body).toBe(303);
    const id = /\/documents\/([0-9A-Z]+)/.exec(res.headers.location as string)![1]!;
    const page = await oc.get(`/documents/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Angebotsvorlage Wartung');
    expect(page.body).toContain('Vertrieb Nord');
    expect(page.body).toContain('Angebot Müller (final).md');
    for (const tag of ['angebot', 'vorlage', 'wartungsverträge'])
      expect(page.body).toContain(`#${tag}`);
    const rows = await t.deps.db
      .selectFrom('document_versions')
      .selectAll()
      .where('document_id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.storage_key).toBe(`documents/${id}/${rows[0]!.id}`);
    expect(rows[0]!.name).toBe('Angebot Müller (final).md');
    expect(rows[0]!.extraction_status).toBe('pending');
    const tags = await t.deps.db
      .selectFrom('document_hashtags')
      .select('tag')
      .where('document_id', '=', id)
      .orderBy('tag')
      .execute();
    expect(tags.map((r) => r.tag)).toEqual(['angebot', 'vorlage', 'wartungsverträge']);
  });

  it('refuses a file of a type not taken, too large, or none, naming the problem and keeping what was typed', async () => {
    const fields = {
      title: 'Mein Logo',
      description: 'Bitte nicht verlieren',
      hashtags: '#logo',
      groupId: team,
    };
    // API: 415 / 413 / 400, each naming the field.
    const png = await upload(olga, fields, { filename: 'logo.png', data: PNG });
    expect(png.statusCode).toBe(415);
    expect(png.json().errors).toEqual([
      expect.objectContaining({ field: 'file', code: 'wrong_type' }),
    ]);
    expect(png.json().errors[0].message).toContain('logo.png');
    const liar = await upload(olga, fields, {
      filename: 'vertrag.pdf',
      data: Buffer.from('just text'),
    });
    expect(liar.statusCode).toBe(415);
    const big = await upload(olga, fields, {
      filename: 'gross.txt',
      data: Buffer.alloc(1024 * 1024 + 10, 'a'),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().errors[0]).toMatchObject({ field: 'file', code: 'too_large' });
    expect(big.json().errors[0].message).toContain('1 MB');
    const none = await upload(olga, fields);
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ field: 'file', code: 'required' });
    // The page: the form comes back with every field as typed and the error beside the file.
    await oc.get('/documents/new');
    const res = await oc.request({
      method: 'POST',
      url: '/documents',
      headers: MULTIPART,
      payload: multipart({ _csrf: oc.csrf, ...fields }, { filename: 'logo.png', data: PNG }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="Mein Logo"');
    expect(res.body).toContain('Bitte nicht verlieren');
    expect(res.body).toContain('value="#logo"');
    expect(res.body).toMatch(new RegExp(`<option value="${team}" selected`));
    expect(res.body).toContain('“logo.png” is not an accepted kind of document');
    expect(res.body).toContain('Please choose your files again');
    const tooBig = await oc.request({
      method: 'POST',
      url: '/documents',
      headers: MULTIPART,
      payload: multipart(
        { _csrf: oc.csrf, ...fields },
        { filename: 'gross.txt', data: Buffer.alloc(1024 * 1024 + 10, 'a') },
      ),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.body).toContain('“gross.txt” is larger than 1 MB');
    expect(tooBig.body).toContain('value="Mein Logo"');
    // A group one is not a member of.
    const notMine = await upload(
      nina,
      { title: 'x', groupId: community },
      { filename: 'a.txt', data: Buffer.from('a') },
    );
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().errors[0]).toMatchObject({ field: 'groupId', code: 'not_member' });
    const count = await t.deps.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('title', 'in', ['Mein Logo', 'x'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('extracts text in the background from PDF, DOCX, Markdown and text; a broken file fails and the document still works', async () => {
    const pdf = await uploaded(
      olga,
      { title: 'Preisliste', groupId: team },
      {
        filename: 'preise.pdf',
        data: makePdf([['Preisliste 2026', 'Wartung je Stunde'], ['Seite zwei: Rabatte']]),
      },
    );
    const docx = await uploaded(
      olga,
      { title: 'Anschreiben' },
      {
        filename: 'anschreiben.docx',
        data: makeDocx(['Sehr geehrte Damen und Herren,', 'anbei unser Angebot.']),
      },
    );
    const md = await uploaded(
      olga,
      { title: 'Leitfaden' },
      { filename: 'leitfaden.md', data: Buffer.from('# Leitfaden\n\n- Schritt **eins**\n') },
    );
    const txt = await uploaded(
      olga,
      { title: 'Notizen' },
      { filename: 'notizen.txt', data: Buffer.from('Gr\xfc\xdfe aus K\xf6ln', 'latin1') },
    );
    const broken = await uploaded(
      olga,
      { title: 'Kaputt' },
      { filename: 'kaputt.pdf', data: Buffer.from('%PDF-1.4\nthis is not really a pdf\n%%EOF') },
    );
    const xlsxLike = await uploaded(
      olga,
      { title: 'Archiv' },
      {
        filename: 'archiv.zip',
        data: (await import('./sample-files.ts')).makeZip([{ name: 'a.txt', data: 'a' }]),
      },
    );
    expect(pdf.versionList[0]!.extraction.status).toBe('pending');
    expect(xlsxLike.versionList[0]!.extraction.status).toBe('unsupported');
    // Nothing until the jobs run.
    expect((await textOf(pdf.id)).extracted_text).toBeNull();
    const page = await oc.get(`/documents/${pdf.id}`);
    expect(page.body).toContain('being extracted');
    while ((await runDueJobs(t.deps)) > 0);

    expect(await textOf(pdf.id)).toMatchObject({ extraction_status: 'done' });
    expect((await textOf(pdf.id)).extracted_text).toContain('Preisliste 2026');
    expect((await textOf(pdf.id)).extracted_text).toContain('Seite zwei: Rabatte');
    expect((await textOf(docx.id)).extracted_text).toContain('anbei unser Angebot.');
    expect((await textOf(md.id)).extracted_text).toBe('# Leitfaden\n\n- Schritt **eins**');
    expect((await textOf(txt.id)).extracted_text).toBe('Grüße aus Köln');
    const failed = await textOf(broken.id);
    expect(failed.extraction_status).toBe('failed');
    expect(failed.extraction_error).toMatch(/PDF/i);
    expect((await textOf(xlsxLike.id)).extraction_status).toBe('unsupported');
    // The failed one: its page says so, and it downloads.
    const brokenPage = await oc.get(`/documents/${broken.id}`);
    expect(brokenPage.body).toContain('could not be extracted');
    const file = await oc.get(`/documents/${broken.id}/versions/1/file`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('not really a pdf');
    const api = await doc(olga, broken.id);
    expect(api.versionList[0].extraction).toMatchObject({ status: 'failed' });
    // No job is left behind.
    expect(
      await t.deps.db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', 'documents.extract')
        .execute(),
    ).toEqual([]);
  });

  it('keeps stored text within its cap and free of NUL', () => {
    expect(tidyText('a\u0000b\r\n\n\n\nc')).toBe('ab\n\nc');
    expect(tidyText('x'.repeat(TEXT_MAX + 5))).toHaveLength(TEXT_MAX);
  });

  it('adds versions with a change note; every version stays downloadable with its own content', async () => {
    const d = await uploaded(
      olga,
      { title: 'Checkliste', groupId: team },
      { filename: 'checkliste-v1.txt', data: Buffer.from('erste Fassung') },
    );
    tick();
    const v2 = await t.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${d.id}/versions`,
      headers: { ...MULTIPART, ...bearer(olga) },
      payload: multipart(
        { changeNote: 'Punkt 3 ergänzt' },
        { filename: 'checkliste-v2.md', data: Buffer.from('zweite Fassung') },
      ),
    });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({
      number: 2,
      changeNote: 'Punkt 3 ergänzt',
      name: 'checkliste-v2.md',
      type: 'md',
    });
    // The page form, as a group owner would (Olga owns the team).
    const page = await oc.get(`/documents/${d.id}`);
    expect(page.body).toContain('action="/documents/' + d.id + '/versions"');
    const v3 = await oc.request({
      method: 'POST',
      url: `/documents/${d.id}/versions`,
      headers: MULTIPART,
      payload: multipart(
        { _csrf: oc.csrf, changeNote: 'Layout' },
        { filename: 'checkliste-v3.pdf', data: makePdf([['dritte Fassung']]) },
      ),
    });
    expect(v3.statusCode, v3.body).toBe(303);
    // A refused version keeps the note typed.
    const bad = await oc.request({
      method: 'POST',
      url: `/documents/${d.id}/versions`,
      headers: MULTIPART,
      payload: multipart(
        { _csrf: oc.csrf, changeNote: 'Mein Hinweis' },
        { filename: 'x.png', data: PNG },
      ),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Mein Hinweis');
    const api = await doc(olga, d.id);
    expect(api).toMatchObject({ currentVersion: 3, versions: 3, type: 'pdf' });
    expect(api.versionList.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    const list = await get(olga, `/api/v1/documents/${d.id}/versions`);
    expect(list.json().items).toHaveLength(3);
    expect((await get(tim, `/api/v1/documents/${d.id}/versions/1/file`)).body).toBe(
      'erste Fassung',
    );
    const second = await get(tim, `/api/v1/documents/${d.id}/versions/2/file`);
    expect(second.body).toBe('zweite Fassung');
    expect(second.headers['content-disposition']).toContain('checkliste-v2.md');
    expect(second.headers['content-type']).toContain('text/markdown');
    expect((await get(tim, `/api/v1/documents/${d.id}/versions/4/file`)).statusCode).toBe(404);
  });

  it('counts downloads per version and in total; reuse once per person outside the author’s teams', async () => {
    const d = await uploaded(
      olga,
      { title: 'Kalkulation', groupId: community },
      { filename: 'kalk.csv', data: Buffer.from('a;b\n1;2\n') },
    );
    const dl = async (u: User, n = 1) =>
      expect((await get(u, `/api/v1/documents/${d.id}/versions/${n}/file`)).statusCode).toBe(200);
    await dl(olga); // the author
    await dl(tim); // her team
    await dl(tim);
    let now1 = await doc(olga, d.id);
    expect(now1.counts).toEqual({ downloads: 3, reuse: 0 });
    await dl(paul); // only a community with her: outside her teams
    await dl(paul);
    await dl(nina);
    now1 = await doc(olga, d.id);
    expect(now1.counts).toEqual({ downloads: 6, reuse: 2 });
    expect(now1.versionList[0].downloads).toBe(6);
    const page = await oc.get(`/documents/${d.id}`);
    expect(page.body).toMatch(/Downloads<\/dt><dd>6<\/dd>/);
    expect(page.body).toMatch(/Reused<\/dt><dd>2<\/dd>/);
  });

  it('attaches a document to a post: in another group it is a reuse; the card links it; the page lists where it was discussed', async () => {
    const d = await uploaded(
      olga,
      { title: 'Rahmenvertrag', groupId: community },
      { filename: 'vertrag.txt', data: Buffer.from('Vertrag') },
    );
    const post = async (c: Client, body: Record<string, unknown>) => {
      const res = await c.api('POST', '/api/v1/posts', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; documents: { id: string; title: string }[] };
    };
    // Same group: discussed, not reused.
    const same = await post(tc, { body: 'Hier der Vertrag', groupId: community, documentId: d.id });
    expect(same.documents).toEqual([
      { id: d.id, title: 'Rahmenvertrag', url: `/api/v1/documents/${d.id}` },
    ]);
    expect((await doc(olga, d.id)).counts.reuse).toBe(0);
    // Another group (the team) and org-wide, by address: each a reuse.
    await post(oc, {
      body: 'Für das Team',
      groupId: team,
      documentId: `http://localhost/documents/${d.id}`,
    });
    await post(pc, { body: 'Für alle', documentId: d.id });
    const after = await doc(olga, d.id);
    expect(after.counts.reuse).toBe(2);
    // Where it was discussed: only posts the reader may read (the team's post is private).
    expect(after.discussedIn).toHaveLength(3);
    expect((await doc(paul, d.id)).discussedIn).toHaveLength(2);
    // The composer form: a field for it, prefilled from the document page's link.
    const composer = await pc.get(`/posts/new?document=${d.id}`);
    expect(composer.body).toContain(`name="document"`);
    expect(composer.body).toContain(`value="${d.id}"`);
    const form = await pc.request({
      method: 'POST',
      url: '/posts',
      headers: MULTIPART,
      payload: multipart({
        _csrf: pc.csrf,
        body: 'Per Formular',
        kind: 'post',
        back: '/',
        document: d.id,
      }),
    });
    expect(form.statusCode, form.body).toBe(303);
    const home = await pc.get('/');
    expect(home.body).toContain(`href="/documents/${d.id}">Rahmenvertrag</a>`);
    // A document one cannot read cannot be attached: the form says so, with the text kept.
    const secretDoc = await uploaded(
      olga,
      { title: 'Geheim', groupId: secret },
      { filename: 's.txt', data: Buffer.from('s') },
    );
    const refused = await pc.request({
      method: 'POST',
      url: '/posts',
      headers: MULTIPART,
      payload: multipart({
        _csrf: pc.csrf,
        body: 'Versuch',
        kind: 'post',
        back: '/',
        document: secretDoc.id,
      }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is no such document, or you cannot see it');
    expect(refused.body).toContain('Versuch');
    expect(
      (await pc.api('POST', '/api/v1/posts', { body: 'x', documentId: secretDoc.id })).statusCode,
    ).toBe(400);
  });

  it('a private group’s documents do not exist for non-members on any surface', async () => {
    const d = await uploaded(
      olga,
      { title: 'Vertrauliche Marge', groupId: team, hashtags: '#margexq' },
      { filename: 'marge.txt', data: Buffer.from('geheim') },
    );
    // A public post attaching it: its card shows the link to members only.
    const p = await oc.api('POST', '/api/v1/posts', {
      body: 'Siehe Anhang',
      groupId: community,
      documentId: d.id,
    });
    expect(p.statusCode).toBe(201);
    for (const u of [paul, nina]) {
      expect((await get(u, `/api/v1/documents/${d.id}`)).statusCode).toBe(404);
      expect((await get(u, `/api/v1/documents/${d.id}/versions`)).statusCode).toBe(404);
      expect((await get(u, `/api/v1/documents/${d.id}/versions/1/file`)).statusCode).toBe(404);
      expect((await get(u, `/api/v1/documents?groupId=${team}`)).statusCode).toBe(404);
      const list = (await get(u, '/api/v1/documents?limit=100')).json();
      expect(list.items.map((x: { id: string }) => x.id)).not.toContain(d.id);
      expect((await get(u, '/api/v1/documents?tag=margexq')).json().items).toEqual([]);
      const post = (await get(u, `/api/v1/posts/${(p.json() as { id: string }).id}`)).json();
      expect(post.documents).toEqual([]);
    }
    for (const c of [pc, nc]) {
      expect((await c.get(`/documents/${d.id}`)).statusCode).toBe(404);
      expect((await c.get(`/documents/${d.id}/versions/1/file`)).statusCode).toBe(404);
      expect((await c.get(`/groups/${team}/documents`)).statusCode).toBe(404);
      const shelf = await c.get('/documents?tag=margexq');
      expect(shelf.statusCode).toBe(200);
      expect(shelf.body).not.toContain('Vertrauliche Marge');
      expect(shelf.body).toContain('Documents with #margexq: 0');
      expect((await c.get('/documents')).body).not.toContain('Vertrauliche Marge');
      expect((await c.get(`/posts/${(p.json() as { id: string }).id}`)).body).not.toContain(
        'Vertrauliche Marge',
      );
    }
    // Members see it everywhere.
    expect((await get(tim, `/api/v1/documents/${d.id}`)).statusCode).toBe(200);
    expect((await tc.get(`/groups/${team}/documents`)).body).toContain('Vertrauliche Marge');
    expect((await tc.get('/documents?tag=margexq')).body).toContain('Documents with #margexq: 1');
    expect((await tc.get(`/posts/${(p.json() as { id: string }).id}`)).body).toContain(
      'Vertrauliche Marge',
    );
    expect((await get(tim, '/api/v1/documents?tag=margexq')).json().items).toHaveLength(1);
    // Nobody counted a download that did not happen.
    expect((await doc(olga, d.id)).counts.downloads).toBe(0);
  });

  it('the uploader, a group owner or an admin edit, add versions and delete; others may not', async () => {
    const d = await uploaded(
      tim,
      { title: 'Tims Vorlage', groupId: community },
      { filename: 'v.txt', data: Buffer.from('v') },
    );
    const patch = (c: Client, body: unknown) => c.api('PATCH', `/api/v1/documents/${d.id}`, body);
    expect((await patch(pc, { title: 'Gekapert' })).statusCode).toBe(403);
    const pv = await t.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${d.id}/versions`,
      headers: { ...MULTIPART, ...bearer(paul) },
      payload: multipart({}, { filename: 'v.txt', data: Buffer.from('x') }),
    });
    expect(pv.statusCode).toBe(403);
    expect((await pc.get(`/documents/${d.id}`)).body).not.toContain('/delete');
    const byTim = await patch(tc, { title: 'Tims neue Vorlage', hashtags: '#neu' });
    expect(byTim.statusCode, byTim.body).toBe(200);
    expect(byTim.json()).toMatchObject({
      title: 'Tims neue Vorlage',
      hashtags: ['neu'],
      canEdit: true,
    });
    // Olga owns the group.
    expect((await patch(oc, { description: 'von der Eigentümerin' })).json()).toMatchObject({
      description: 'von der Eigentümerin',
      hashtags: ['neu'],
    });
    expect((await patch(admin, { title: '' })).statusCode).toBe(400);
    // The page form.
    await tc.get(`/documents/${d.id}/edit`);
    const saved = await tc.post(`/documents/${d.id}`, {
      title: 'Per Formular',
      description: '',
      hashtags: '',
    });
    expect(saved.statusCode).toBe(303);
    expect((await doc(tim, d.id)).title).toBe('Per Formular');
    const refused = await tc.post(`/documents/${d.id}`, {
      title: '',
      description: 'bleibt',
      hashtags: '#x',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('bleibt');
    // Delete: the files go too.
    const key = (
      await t.deps.db
        .selectFrom('document_versions')
        .select('storage_key')
        .where('document_id', '=', d.id)
        .executeTakeFirstOrThrow()
    ).storage_key;
    expect(await t.deps.storage.get(key)).not.toBeNull();
    expect((await pc.api('DELETE', `/api/v1/documents/${d.id}`)).statusCode).toBe(403);
    expect((await admin.api('DELETE', `/api/v1/documents/${d.id}`)).statusCode).toBe(204);
    expect((await get(tim, `/api/v1/documents/${d.id}`)).statusCode).toBe(404);
    expect(await t.deps.storage.get(key)).toBeNull();
  });

  it('lists the shelf with filters, orders and cursor paging, in pages and the API', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const d = await uploaded(
        paul,
        { title: `Regal ${i}`, groupId: community, hashtags: '#regalxq' },
        { filename: `r${i}.md`, data: Buffer.from(`# ${i}`) },
      );
      ids.push(d.id);
    }
    // Downloads by Nina (outside Paul's teams): document 1 three times, document 3 once.
    for (const [i, n] of [
      [1, 3],
      [3, 1],
    ] as const)
      for (let k = 0; k < n; k++) await get(nina, `/api/v1/documents/${ids[i]}/versions/1/file`);
    const page1 = (await get(nina, '/api/v1/documents?tag=regalxq&limit=2')).json();
    expect(page1.items.map((d: { title: string }) => d.title)).toEqual(['Regal 4', 'Regal 3']);
    const page2 = (
      await get(nina, `/api/v1/documents?tag=regalxq&limit=2&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.items.map((d: { title: string }) => d.title)).toEqual(['Regal 2', 'Regal 1']);
    const byDl = (await get(nina, '/api/v1/documents?tag=regalxq&sort=downloaded&limit=2')).json();
    expect(byDl.items.map((d: { title: string }) => d.title)).toEqual(['Regal 1', 'Regal 3']);
    const byDl2 = (
      await get(
        nina,
        `/api/v1/documents?tag=regalxq&sort=downloaded&limit=2&cursor=${byDl.nextCursor}`,
      )
    ).json();
    expect(byDl2.items.map((d: { title: string }) => d.title)).toEqual(['Regal 4', 'Regal 2']);
    const byReuse = (await get(nina, '/api/v1/documents?tag=regalxq&sort=reused&limit=1')).json();
    expect(byReuse.items[0]).toMatchObject({ title: 'Regal 3', counts: { reuse: 1 } });
    expect((await get(nina, '/api/v1/documents?tag=regalxq&type=pdf')).json().items).toEqual([]);
    expect((await get(nina, '/api/v1/documents?tag=REGALXQ&type=md')).json().items).toHaveLength(5);
    expect(
      (await get(nina, `/api/v1/documents?groupId=${community}&tag=regalxq`)).json().items,
    ).toHaveLength(5);
    // The pages: filter form, list, next link.
    const shelf = await nc.get('/documents?tag=%23regalxq&sort=downloaded');
    expect(shelf.statusCode).toBe(200);
    expect(shelf.body).toContain('Regal 1');
    const group = await nc.get(`/groups/${community}/documents?tag=regalxq`);
    expect(group.body).toContain('Regal 4');
    expect((await nc.get(`/groups/${community}`)).body).toContain(
      `href="/groups/${community}/documents"`,
    );
    const paged = await nc.get('/documents?tag=regalxq');
    expect(paged.body).toContain('Regal 0');
    expect(shelf.body).toContain('href="/documents"');
  });

  it('the OpenAPI document describes the document routes with their schemas', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const p of [
      '/api/v1/documents',
      '/api/v1/documents/{id}',
      '/api/v1/documents/{id}/versions',
      '/api/v1/documents/{id}/versions/{number}/file',
    ])
      expect(spec.paths[p], p).toBeDefined();
    expect(Object.keys(spec.paths['/api/v1/documents/{id}'])).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    expect(
      spec.paths['/api/v1/documents'].post.requestBody.content['multipart/form-data'].schema
        .properties.file,
    ).toMatchObject({ format: 'binary' });
  });
});

describe('text extraction of large files', () => {
  it('reads large PDF and DOCX files on a worker thread, with a time limit', async () => {
    const pages = Array.from({ length: 300 }, (_, p) =>
      Array.from({ length: 40 }, (_, l) => `Seite ${p + 1} Zeile ${l + 1}: Wartungsvertrag`),
    );
    const pdf = makePdf(pages);
    expect(pdf.length).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    const text = await extractText('pdf', 'application/pdf', pdf);
    expect(text).toContain('Seite 1 Zeile 1: Wartungsvertrag');
    expect(text).toContain('Seite 300 Zeile 40: Wartungsvertrag');
    expect(await extractOnWorker('docx', makeDocx(['Hallo', 'Welt']))).toContain('Welt');
    await expect(extractOnWorker('pdf', Buffer.from('%PDF-1.4 kaputt'))).rejects.toThrow(/PDF/);
    await expect(extractOnWorker('pdf', pdf, 1)).rejects.toThrow(/longer than/);
  });
});
