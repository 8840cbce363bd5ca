import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createUser, signedIn, tokenFor, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

const BOUNDARY = '----kantine-test-boundary';

/** A multipart/form-data body with one file field. */
function multipart(field: string, filename: string, type: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}
const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

describe.each(DIALECTS)('profile photos (%s)', (dialect) => {
  let t: TestApp;
  let png: Buffer;
  beforeAll(async () => {
    t = await build(dialect);
    png = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#3366cc' },
    })
      .png()
      .toBuffer();
  });
  afterAll(async () => t.close());

  /** PUT /api/v1/users/{id}/photo with the session cookie and the CSRF header. */
  async function upload(c: Client, id: string, data: Buffer, type = 'image/png') {
    if (!c.csrf) await c.get('/settings');
    return c.request({
      method: 'PUT',
      url: `/api/v1/users/${id}/photo`,
      headers: { ...MULTIPART, 'x-csrf-token': c.csrf },
      payload: multipart('photo', 'me.png', type, data),
    });
  }

  async function expectJpeg(c: Client, url: string, size: number) {
    const res = await c.request({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(res.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([size, size]);
  }

  it('an uploaded PNG is served as a 64 px and a 256 px JPEG', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    expect((await c.api('GET', '/api/v1/me')).json().photo).toBeNull();

    const res = await upload(c, u.id, png);
    expect(res.statusCode).toBe(200);
    const { photo } = res.json();
    expect(photo.small).toMatch(new RegExp(`^/people/${u.id}/photo/small`));
    expect(photo.medium).toMatch(new RegExp(`^/people/${u.id}/photo/medium`));
    await expectJpeg(c, photo.small, 64);
    await expectJpeg(c, photo.medium, 256);

    const colleague = await signedIn(t.app, await createUser(t.deps));
    await expectJpeg(colleague, photo.small, 64);
    const anonymous = await t.app.inject({ url: photo.small });
    expect(anonymous.statusCode).toBe(303);
    expect((await c.get(`/people/${u.id}`)).body).toContain(`src="${photo.medium}"`);
  });

  it('the profile page form uploads a photo with the CSRF token in the query', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const edit = await c.get(`/people/${u.id}/edit`);
    const action = /action="(\/people\/[^"]+\/photo\?_csrf=[^"]+)"/.exec(edit.body)?.[1];
    expect(action).toBeDefined();
    const res = await c.request({
      method: 'POST',
      url: action!.replace(/&amp;/g, '&'),
      headers: MULTIPART,
      payload: multipart('photo', 'me.png', 'image/png', png),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/people/${u.id}/edit`);
    expect((await c.get(`/people/${u.id}/edit`)).body).toContain('Photo saved.');
    const { photo } = (await c.api('GET', '/api/v1/me')).json();
    await expectJpeg(c, photo.small, 64);
    await expectJpeg(c, photo.medium, 256);

    const forged = await c.request({
      method: 'POST',
      url: `/people/${u.id}/photo`,
      headers: MULTIPART,
      payload: multipart('photo', 'me.png', 'image/png', png),
    });
    expect(forged.statusCode).toBe(403);
  });

  it('a file that is not an image is refused, naming the photo field', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const text = Buffer.from('I am not a picture, whatever my name says');
    const res = await upload(c, u.id, text);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'invalid_image' });
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'photo' })]);

    const edit = await c.get(`/people/${u.id}/edit`);
    const action = /action="(\/people\/[^"]+\/photo\?_csrf=[^"]+)"/.exec(edit.body)![1]!;
    const page = await c.request({
      method: 'POST',
      url: action,
      headers: MULTIPART,
      payload: multipart('photo', 'me.png', 'image/png', text),
    });
    expect(page.statusCode).toBe(415);
    expect(page.body).toContain('id="photo-error"');
    expect((await c.api('GET', '/api/v1/me')).json().photo).toBeNull();
  });

  it('a photo over the size limit is refused with 413, on the API and the page', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const tooBig = Buffer.alloc(t.deps.config.photoMaxMb * 1024 * 1024 + 1, 0x41);
    const res = await upload(c, u.id, tooBig);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('too_large');

    const edit = await c.get(`/people/${u.id}/edit`);
    const action = /action="(\/people\/[^"]+\/photo\?_csrf=[^"]+)"/.exec(edit.body)![1]!;
    const page = await c.request({
      method: 'POST',
      url: action,
      headers: MULTIPART,
      payload: multipart('photo', 'big.png', 'image/png', tooBig),
    });
    expect(page.statusCode).toBe(413);
    expect(page.body).toContain('id="photo-error"');
    expect(page.body).toContain(`The photo may be at most ${t.deps.config.photoMaxMb} MB`);
    expect((await c.api('GET', '/api/v1/me')).json().photo).toBeNull();
  });

  it('a cookie-authenticated upload without the CSRF header is refused', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const res = await c.request({
      method: 'PUT',
      url: `/api/v1/users/${u.id}/photo`,
      headers: MULTIPART,
      payload: multipart('photo', 'me.png', 'image/png', png),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_invalid');
    expect((await c.api('GET', '/api/v1/me')).json().photo).toBeNull();
  });

  it('another member cannot change my photo, but a token of mine can without CSRF', async () => {
    const u = await createUser(t.deps);
    const other = await signedIn(t.app, await createUser(t.deps));
    const res = await upload(other, u.id, png);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');

    const token = await tokenFor(t.deps, u);
    const viaToken = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${u.id}/photo`,
      headers: { ...MULTIPART, authorization: `Bearer ${token}` },
      payload: multipart('photo', 'me.png', 'image/png', png),
    });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().photo).not.toBeNull();
  });

  it('removing the photo clears it and its files stop being served', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const { photo } = (await upload(c, u.id, png)).json();
    const del = await c.api('DELETE', `/api/v1/users/${u.id}/photo`);
    expect(del.statusCode).toBe(204);
    expect((await c.api('GET', '/api/v1/me')).json().photo).toBeNull();
    expect((await c.get(photo.small)).statusCode).toBe(404);
    expect((await c.get(photo.medium)).statusCode).toBe(404);

    const second = (await upload(c, u.id, png)).json().photo;
    await expectJpeg(c, second.small, 64);
    await c.get(`/people/${u.id}/edit`);
    const res = await c.post(`/people/${u.id}/photo/delete`);
    expect(res.statusCode).toBe(303);
    expect((await c.get(`/people/${u.id}/edit`)).body).toContain('Photo removed.');
    expect((await c.api('GET', '/api/v1/me')).json().photo).toBeNull();
    expect((await c.get(second.small)).statusCode).toBe(404);
  });

  it('a new photo replaces the old one', async () => {
    const u = await createUser(t.deps);
    const c = await signedIn(t.app, u);
    const first = (await upload(c, u.id, png)).json().photo;
    await new Promise((r) => setTimeout(r, 5));
    const second = (await upload(c, u.id, png)).json().photo;
    expect(second.small).not.toBe(first.small);
    await expectJpeg(c, second.small, 64);
    const old = await t.deps.storage.get(
      `photos/${u.id}/${decodeURIComponent(first.small.split('?v=')[1])}-small.jpg`,
    );
    expect(old).toBeNull();
  });
});
