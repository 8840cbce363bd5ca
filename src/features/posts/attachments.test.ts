import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn, tokenFor } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from '../accounts/accounts.table.ts';
import { cleanFileName, contentDisposition } from './attachments.ts';
import { sniff } from './file-types.ts';

const BOUNDARY = '----kantine-attachments-test';
const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

interface FilePart {
  filename: string;
  data: Buffer;
  type?: string;
}

/** A multipart/form-data body: fields first (as a browser sends the composer), then files. */
function multipart(fields: Record<string, string>, files: FilePart[], field = 'files'): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.filename}"\r\n` +
          `Content-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

/** A ZIP of stored (uncompressed) entries, as office documents are built. */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    locals.push(local, n, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const TEXT = Buffer.from('Nur ein paar Worte, kein Bild.\n');
const OOXML = (part: string) =>
  zip([
    ['[Content_Types].xml', '<Types/>'],
    [part, '<x/>'],
  ]);
const ODF = (type: string) =>
  zip([
    ['mimetype', `application/vnd.oasis.opendocument.${type}`],
    ['content.xml', '<office:document-content/>'],
  ]);

describe('telling a file by its content', () => {
  it('knows images, PDF, office documents, ZIP and text, whatever they are called', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(sniff(png, 'Plan.PNG')).toMatchObject({ type: 'png', kind: 'image' });
    expect(sniff(PDF, 'Bericht.pdf')).toMatchObject({ type: 'pdf', mime: 'application/pdf' });
    expect(sniff(PDF, 'Bericht')).toMatchObject({ type: 'pdf' });
    expect(sniff(OOXML('word/document.xml'), 'a.docx')?.type).toBe('docx');
    expect(sniff(OOXML('xl/workbook.xml'), 'a.xlsx')?.type).toBe('xlsx');
    expect(sniff(OOXML('ppt/presentation.xml'), 'a.pptx')?.type).toBe('pptx');
    expect(sniff(ODF('text'), 'a.odt')?.type).toBe('odt');
    expect(sniff(ODF('spreadsheet'), 'a.ods')?.type).toBe('ods');
    expect(sniff(ODF('presentation'), 'a.odp')?.type).toBe('odp');
    expect(sniff(zip([['readme.txt', 'hi']]), 'a.zip')?.type).toBe('zip');
    expect(sniff(TEXT, 'notiz.txt')?.mime).toBe('text/plain; charset=utf-8');
    expect(sniff(TEXT, 'LIESMICH')?.mime).toBe('text/plain; charset=utf-8');
    expect(sniff(Buffer.from('# Titel\n'), 'a.md')?.mime).toBe('text/markdown; charset=utf-8');
    const cp1252 = Buffer.from('Größe;Preis\r\n1;2\r\n', 'latin1');
    expect(sniff(cp1252, 'liste.csv')?.mime).toBe('text/csv; charset=windows-1252');
  });

  it('refuses content that does not match its name, and what is not on the list', () => {
    expect(sniff(TEXT, 'bild.png')).toBeNull();
    expect(sniff(PDF, 'bericht.docx')).toBeNull();
    expect(sniff(zip([['a.txt', 'x']]), 'brief.docx')).toBeNull();
    expect(sniff(OOXML('word/document.xml'), 'tabelle.xlsx')).toBeNull();
    expect(sniff(TEXT, 'seite.html')).toBeNull();
    expect(sniff(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'setup')).toBeNull();
    expect(sniff(Buffer.from([0x00, 0x01, 0x02]), 'daten.txt')).toBeNull();
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'kaputt.zip')).toBeNull();
  });

  it('cleans a name for showing and downloading, and quotes it in Content-Disposition', () => {
    expect(cleanFileName('C:\\Users\\ich\\Bericht.pdf')).toBe('Bericht.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('rechnung\u202Efdp.exe')).toBe('rechnungfdp.exe');
    expect(cleanFileName('  ..versteckt  ')).toBe('versteckt');
    expect(cleanFileName('')).toBe('file');
    const long = cleanFileName(`${'ä'.repeat(300)}.pdf`);
    expect([...long]).toHaveLength(150);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(contentDisposition('attachment', 'Übersicht "Q3".pdf')).toBe(
      `attachment; filename="_bersicht _Q3_.pdf"; filename*=UTF-8''%C3%9Cbersicht%20%22Q3%22.pdf`,
    );
  });
});

describe.each(DIALECTS)('attachments on posts (%s)', (dialect) => {
  let t: TestApp;
  let alma: User;
  let ac: Client;
  let bc: Client;
  let png: Buffer;
  let jpeg: Buffer;

  beforeAll(async () => {
    t = await build(dialect, { env: { ATTACHMENT_MAX_MB: '1' } });
    alma = await createUser(t.deps, { name: 'Alma Autorin' });
    [ac, bc] = await Promise.all([
      signedIn(t.app, alma),
      createUser(t.deps, { name: 'Bodo Bote' }).then((u) => signedIn(t.app, u)),
    ]);
    png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#36c' } })
      .png()
      .toBuffer();
    jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c63' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Alma Autorin', Copyright: 'geheim' } })
      .toBuffer();
  });
  afterAll(async () => t.close());

  /** The composer's form, sent as a browser sends it (the CSRF token is one of its fields). */
  async function composer(c: Client, fields: Record<string, string>, files: FilePart[]) {
    await c.get('/');
    return c.request({
      method: 'POST',
      url: '/posts',
      headers: MULTIPART,
      payload: multipart({ _csrf: c.csrf, back: '/', kind: 'post', ...fields }, files),
    });
  }

  /** POST /api/v1/posts as multipart, with a personal access token. */
  async function apiPost(user: User, fields: Record<string, string>, files: FilePart[]) {
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/posts',
      headers: { ...MULTIPART, authorization: `Bearer ${await tokenFor(t.deps, user)}` },
      payload: multipart(fields, files),
    });
  }

  const countPosts = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('posts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('the composer is a multipart form with a file picker that takes several files', async () => {
    const home = (await ac.get('/')).body;
    expect(home).toMatch(/<form method="post" action="\/posts" enctype="multipart\/form-data"/);
    expect(home).toMatch(/<input id="files" name="files" type="file" multiple accept="[^"]*\.pdf/);
    expect(home).toContain('Up to 10 files, each at most 1 MB');
  });

  it('a PNG and a PDF sent with the page form show in the feed as a thumbnail and a download', async () => {
    const res = await composer(ac, { body: 'Lageplan und Protokoll' }, [
      { filename: 'Lageplan.png', data: png, type: 'image/png' },
      { filename: 'Protokoll März.pdf', data: PDF, type: 'application/pdf' },
    ]);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/');

    const post = (await bc.api('GET', `/api/v1/users/${alma.id}/posts`)).json().items[0];
    expect(post.body).toBe('Lageplan und Protokoll');
    expect(post.attachments).toEqual([
      expect.objectContaining({
        kind: 'image',
        name: 'Lageplan.png',
        mime: 'image/png',
        width: 1600,
        height: 800,
      }),
      expect.objectContaining({
        kind: 'file',
        name: 'Protokoll März.pdf',
        mime: 'application/pdf',
        size: PDF.length,
        width: null,
        height: null,
      }),
    ]);
    const [image, pdf] = post.attachments;
    expect(image.url).toBe(`/api/v1/posts/${post.id}/attachments/${image.id}`);

    const feed = (await bc.get(`/people/${alma.id}`)).body;
    const img = new RegExp(
      `<img [^>]*src="/posts/${post.id}/attachments/${image.id}/thumb"[^>]*>`,
    ).exec(feed)?.[0];
    expect(img).toBeDefined();
    expect(img).toContain('width="400"');
    expect(img).toContain('height="200"');
    expect(img).toContain('alt="Lageplan.png"');
    expect(img).toContain('loading="lazy"');
    expect(feed).toContain(
      `<a href="/posts/${post.id}/attachments/${pdf.id}">Protokoll März.pdf</a>`,
    );
    expect(feed).toMatch(/Protokoll März\.pdf<\/a> <span class="meta">PDF, 1 kB<\/span>/);
    // The post's own page shows them too.
    expect((await bc.get(`/posts/${post.id}`)).body).toContain(`/attachments/${image.id}/thumb"`);

    const full = await bc.get(`/posts/${post.id}/attachments/${image.id}`);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/png');
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect(full.headers['content-disposition']).toMatch(/^inline; filename="Lageplan.png"/);
    expect(await sharp(full.rawPayload).metadata()).toMatchObject({ width: 1600, height: 800 });
    const thumb = await bc.get(`/posts/${post.id}/attachments/${image.id}/thumb`);
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ width: 400, height: 200 });
  });

  it('a download comes with its checked type, nosniff and the name as RFC 5987 filename*', async () => {
    const res = await apiPost(alma, { body: 'Mit Anhang' }, [
      { filename: 'Protokoll März.pdf', data: PDF, type: 'text/html' },
      { filename: 'liste.csv', data: Buffer.from('a;b\n1;2\n'), type: 'image/png' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const [pdf, csv] = res.json().attachments;
    const token = await tokenFor(t.deps, alma);
    const get = (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    const viaApi = await get(pdf.url);
    expect(viaApi.statusCode).toBe(200);
    expect(viaApi.headers['content-type']).toBe('application/pdf');
    expect(viaApi.headers['x-content-type-options']).toBe('nosniff');
    expect(viaApi.headers['content-disposition']).toBe(
      `attachment; filename="Protokoll M_rz.pdf"; filename*=UTF-8''Protokoll%20M%C3%A4rz.pdf`,
    );
    expect(viaApi.rawPayload.equals(PDF)).toBe(true);
    const page = await bc.get(`/posts/${res.json().id}/attachments/${pdf.id}`);
    expect(page.headers['content-disposition']).toMatch(/^attachment; /);
    expect(page.rawPayload.equals(PDF)).toBe(true);

    const text = await get(csv.url);
    expect(text.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(text.headers['content-disposition']).toMatch(/^attachment; filename="liste.csv"/);
    expect(text.body).toBe('a;b\n1;2\n');
    // A file has no thumbnail.
    expect((await bc.get(`/posts/${res.json().id}/attachments/${csv.id}/thumb`)).statusCode).toBe(
      404,
    );
  });

  it('an image is re-encoded without its metadata', async () => {
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const res = await apiPost(alma, { body: 'Foto' }, [{ filename: 'foto.jpg', data: jpeg }]);
    expect(res.statusCode, res.body).toBe(201);
    const [a] = res.json().attachments;
    expect(a).toMatchObject({ kind: 'image', mime: 'image/jpeg', width: 300, height: 200 });
    const served = await bc.get(`/posts/${res.json().id}/attachments/${a.id}`);
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('geheim'))).toBe(false);
  });

  it('a text file named .png is refused beside the file field, and the text typed comes back', async () => {
    const before = await countPosts();
    const typed = 'Mein Bild & ein paar Worte dazu';
    const page = await composer(ac, { body: typed, kind: 'question' }, [
      { filename: 'bild.png', data: TEXT, type: 'image/png' },
    ]);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Mein Bild &amp; ein paar Worte dazu</textarea>');
    expect(page.body).toMatch(/<option value="question" selected/);
    expect(page.body).toMatch(
      /<p class="error" id="files-error">“bild.png” is not an accepted kind of file/,
    );
    expect(page.body).toMatch(/<input id="files"[^>]*aria-invalid="true"/);

    const api = await apiPost(alma, { body: typed }, [{ filename: 'bild.png', data: TEXT }]);
    expect(api.statusCode).toBe(415);
    expect(api.json()).toMatchObject({ code: 'unsupported_media_type' });
    expect(api.json().errors).toEqual([
      expect.objectContaining({ field: 'files', code: 'wrong_type' }),
    ]);
    // Bytes that only start like an image are no image either.
    const broken = Buffer.concat([png.subarray(0, 64), Buffer.alloc(64)]);
    const half = await apiPost(alma, { body: typed }, [{ filename: 'halb.png', data: broken }]);
    expect(half.statusCode).toBe(415);
    expect(await countPosts()).toBe(before);
  });

  it('a file over ATTACHMENT_MAX_MB is refused with the limit named, in the person’s language', async () => {
    const before = await countPosts();
    const big = Buffer.alloc(1024 * 1024 + 1, 0x41);
    const page = await composer(ac, { body: 'Große Datei' }, [
      { filename: 'gross.txt', data: big },
    ]);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('“gross.txt” is larger than 1 MB');
    expect(page.body).toContain('Große Datei</textarea>');

    const de = await signedIn(t.app, await createUser(t.deps, { locale: 'de' }));
    const german = await composer(de, { body: 'Große Datei' }, [
      { filename: 'gross.txt', data: big },
    ]);
    expect(german.body).toContain('„gross.txt“ ist größer als 1 MB');

    const api = await apiPost(alma, { body: 'Große Datei' }, [
      { filename: 'gross.txt', data: big },
    ]);
    expect(api.statusCode).toBe(413);
    expect(api.json().errors).toEqual([
      { field: 'files', code: 'too_large', message: '“gross.txt” is larger than 1 MB' },
    ]);
    expect(await countPosts()).toBe(before);
  });

  it('eleven files are refused; ten are fine', async () => {
    const before = await countPosts();
    const files = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ filename: `notiz-${i}.txt`, data: TEXT }));
    const page = await composer(ac, { body: 'Viele Dateien' }, files(11));
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Please attach at most 10 files');
    expect(page.body).toContain('Viele Dateien</textarea>');
    const api = await apiPost(alma, { body: 'Viele Dateien' }, files(11));
    expect(api.statusCode).toBe(400);
    expect(api.json().errors).toEqual([
      expect.objectContaining({ field: 'files', code: 'too_many' }),
    ]);
    expect(await countPosts()).toBe(before);

    const ten = await apiPost(alma, { body: 'Zehn Dateien' }, files(10));
    expect(ten.statusCode, ten.body).toBe(201);
    expect(ten.json().attachments.map((a: { name: string }) => a.name)).toEqual(
      files(10).map((f) => f.filename),
    );
  });

  it('a refused post tells that chosen files must be chosen again', async () => {
    const res = await composer(ac, { body: ' ' }, [{ filename: 'plan.pdf', data: PDF }]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<p class="error" id="body-error">Please fill in this field/);
    expect(res.body).toContain('Please choose your files again');
  });

  it('a post without files still works as a url-encoded form and as JSON', async () => {
    const form = await ac.post('/posts', { body: 'Ohne Anhang', back: '/' });
    expect(form.statusCode).toBe(303);
    const json = await ac.api('POST', '/api/v1/posts', { body: 'Auch ohne' });
    expect(json.statusCode).toBe(201);
    expect(json.json().attachments).toEqual([]);
    const plain = await ac.request({
      method: 'POST',
      url: '/api/v1/posts',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': ac.csrf },
      payload: 'body=Formular',
    });
    expect(plain.statusCode).toBe(415);
  });

  it('the author takes an attachment off on the edit form; the rest stay', async () => {
    const res = await apiPost(alma, { body: 'Zwei Anhänge' }, [
      { filename: 'a.pdf', data: PDF },
      { filename: 'b.txt', data: TEXT },
    ]);
    const post = res.json();
    const [a, b] = post.attachments;
    const edit = await ac.get(`/posts/${post.id}/edit`);
    expect(edit.body).toContain(`<input id="remove-${a.id}" name="remove" type="checkbox"`);
    const saved = await ac.post(`/posts/${post.id}`, { body: 'Nur noch einer', remove: a.id });
    expect(saved.statusCode).toBe(303);
    const after = (await ac.api('GET', `/api/v1/posts/${post.id}`)).json();
    expect(after.body).toBe('Nur noch einer');
    expect(after.attachments.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect(await t.deps.storage.get(`attachments/${post.id}/${a.id}`)).toBeNull();
    expect((await ac.get(`/posts/${post.id}/attachments/${a.id}`)).statusCode).toBe(404);

    // Only the author: another reader may download, but not remove.
    const other = await bc.api('DELETE', `/api/v1/posts/${post.id}/attachments/${b.id}`);
    expect(other.statusCode).toBe(403);
    const mine = await ac.api('DELETE', `/api/v1/posts/${post.id}/attachments/${b.id}`);
    expect(mine.statusCode).toBe(204);
    expect((await ac.api('GET', `/api/v1/posts/${post.id}`)).json().attachments).toEqual([]);
  });

  it('deleting a post removes its files from storage, on the page and in the API', async () => {
    for (const how of ['page', 'api'] as const) {
      const res = await apiPost(alma, { body: `Weg damit (${how})` }, [
        { filename: 'plan.png', data: png },
        { filename: 'plan.pdf', data: PDF },
      ]);
      const post = res.json();
      const keys = post.attachments.map((a: { id: string }) => `attachments/${post.id}/${a.id}`);
      for (const k of [...keys, `${keys[0]}.thumb`])
        expect(await t.deps.storage.get(k), k).not.toBeNull();
      const del =
        how === 'page'
          ? await ac.post(`/posts/${post.id}/delete`)
          : await ac.api('DELETE', `/api/v1/posts/${post.id}`);
      expect(del.statusCode).toBe(how === 'page' ? 303 : 204);
      for (const k of [...keys, `${keys[0]}.thumb`])
        expect(await t.deps.storage.get(k), k).toBeNull();
      const rows = await t.deps.db
        .selectFrom('post_attachments')
        .select('id')
        .where('post_id', '=', post.id)
        .execute();
      expect(rows).toEqual([]);
    }
  });

  it('an admin removing a reported post removes its files too', async () => {
    const post = (
      await apiPost(alma, { body: 'Gemeldet, mit Anhang' }, [{ filename: 'a.pdf', data: PDF }])
    ).json();
    const key = `attachments/${post.id}/${post.attachments[0].id}`;
    expect(await t.deps.storage.get(key)).not.toBeNull();
    await bc.api('POST', `/api/v1/posts/${post.id}/reports`, { reason: 'Falscher Ort' });
    const adc = await signedIn(t.app, await createAdmin(t.deps));
    const report = (await adc.api('GET', '/api/v1/admin/reports'))
      .json()
      .items.find((r: { postId: string }) => r.postId === post.id);
    const res = await adc.api('POST', `/api/v1/admin/reports/${report.id}/resolve`, {
      action: 'remove',
    });
    expect(res.statusCode).toBe(204);
    expect(await t.deps.storage.get(key)).toBeNull();
  });

  it('the OpenAPI document describes the multipart post and the attachment routes', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    const create = doc.paths['/api/v1/posts'].post;
    expect(Object.keys(create.requestBody.content).sort()).toEqual([
      'application/json',
      'multipart/form-data',
    ]);
    expect(create.requestBody.content['multipart/form-data'].schema.properties.files).toMatchObject(
      { type: 'array', items: { type: 'string', format: 'binary' }, maxItems: 10 },
    );
    const one = doc.paths['/api/v1/posts/{id}/attachments/{attachmentId}'];
    expect(Object.keys(one).sort()).toEqual(['delete', 'get']);
    expect(JSON.stringify(doc.components.schemas.Post)).toContain('"attachments"');
  });
});

describe.each(DIALECTS)('attachments of group posts are private like the posts (%s)', (dialect) => {
  let t: TestApp;
  let mc: Client;
  let xc: Client;
  let outsider: User;
  const VIS = ['private', 'secret'] as const;
  const posts: Record<string, { id: string; attachments: { id: string; url: string }[] }> = {};

  beforeAll(async () => {
    t = await build(dialect);
    const member = await createUser(t.deps, { name: 'Mia Mitglied' });
    outsider = await createUser(t.deps, { name: 'Xaver Aussen' });
    [mc, xc] = await Promise.all([signedIn(t.app, member), signedIn(t.app, outsider)]);
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#999' } })
      .png()
      .toBuffer();
    const token = await tokenFor(t.deps, member);
    for (const vis of VIS) {
      const g = (
        await mc.api('POST', '/api/v1/groups', { name: `Runde ${vis}`, visibility: vis })
      ).json();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/posts',
        headers: { ...MULTIPART, authorization: `Bearer ${token}` },
        payload: multipart({ body: `Intern #anhangxq ${vis}`, groupId: g.id }, [
          { filename: `geheimplan-${vis}.png`, data: png },
          { filename: `geheimliste-${vis}.csv`, data: Buffer.from('a;b\n') },
        ]),
      });
      expect(res.statusCode, res.body).toBe(201);
      posts[vis] = res.json();
    }
    await mc.api('POST', '/api/v1/posts', { body: 'Öffentlich #anhangxq' });
    await xc.api('POST', '/api/v1/follows', { type: 'user', id: member.id });
    await xc.api('POST', '/api/v1/follows', { type: 'hashtag', id: 'anhangxq' });
  });
  afterAll(async () => t.close());

  it.each(VIS)(
    'a non-member gets 404 for the %s group’s attachments, on pages and in the API',
    async (vis) => {
      const post = posts[vis]!;
      for (const a of post.attachments) {
        for (const url of [
          `/posts/${post.id}/attachments/${a.id}`,
          `/posts/${post.id}/attachments/${a.id}/thumb`,
        ]) {
          const res = await xc.get(url);
          expect(res.statusCode, url).toBe(404);
          expect(res.body).not.toContain('geheim');
        }
        const api = await xc.api('GET', a.url);
        expect(api.statusCode).toBe(404);
        expect(api.json()).toMatchObject({ status: 404, code: 'not_found' });
        expect((await xc.api('DELETE', a.url)).statusCode).toBe(404);
      }
      // The member reads them.
      expect(
        (await mc.get(`/posts/${post.id}/attachments/${post.attachments[0]!.id}`)).statusCode,
      ).toBe(200);
    },
  );

  it('a non-member sees no attachment in any feed', async () => {
    const leaks = (body: string, what: string) => {
      expect(body, what).not.toContain('geheim');
      for (const vis of VIS)
        for (const a of posts[vis]!.attachments) expect(body, what).not.toContain(a.id);
    };
    for (const url of [
      '/api/v1/feed',
      `/api/v1/users/${(await mc.api('GET', '/api/v1/me')).json().id}/posts`,
      '/api/v1/hashtags/anhangxq/posts',
    ]) {
      const res = await xc.api('GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.json().items.length, url).toBe(1);
      leaks(res.body, url);
    }
    for (const url of ['/', '/hashtags/anhangxq', `/people/${outsider.id}`]) {
      const res = await xc.get(url);
      expect(res.statusCode, url).toBe(200);
      leaks(res.body, url);
    }
    const me = (await mc.api('GET', '/api/v1/me')).json().id;
    leaks((await xc.get(`/people/${me}`)).body, 'profile page');
  });
});
