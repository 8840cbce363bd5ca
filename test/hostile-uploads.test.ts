import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/features/accounts/accounts.table.ts';
import { DIALECTS } from './db.ts';
import { createAdmin, createUser, signedIn, tokenFor } from './factories.ts';
import { build, type TestApp } from './helpers.ts';
import {
  apiGet,
  multipart,
  pngClaimingSize,
  pngImage,
  problem,
  storedPhotoFiles,
  type Part,
} from './hostile-helpers.ts';

describe.each(DIALECTS)('hostile photo uploads with PHOTO_MAX_MB=1 (%s)', (dialect) => {
  let t: TestApp;
  let u: User;
  let token: string;
  let png: Buffer;
  let bigPng: Buffer;
  beforeAll(async () => {
    t = await build(dialect, { env: { PHOTO_MAX_MB: '1' } });
    await createAdmin(t.deps);
    u = await createUser(t.deps);
    token = await tokenFor(t.deps, u);
    png = await pngImage(40, 40);
    bigPng = await pngImage(700, 600, true);
  });
  afterAll(async () => t.close());

  const put = (parts: Part[], userId = u.id, tok = token): Promise<LightMyRequestResponse> => {
    const m = multipart(parts);
    return t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${userId}/photo`,
      headers: { authorization: `Bearer ${tok}`, 'content-type': m.contentType },
      payload: m.payload,
    });
  };
  const photoPart = (data: Buffer | string, filename = 'me.png', contentType = 'image/png') => ({
    name: 'photo',
    filename,
    contentType,
    data,
  });
  const expectNothingStored = async () => {
    expect((await apiGet(t, `/api/v1/users/${u.id}`, token)).json().photo).toBeNull();
    expect(storedPhotoFiles(t.deps, u.id)).toEqual([]);
  };

  it('accepts a real image (the control for the refusals below)', async () => {
    const other = await createUser(t.deps);
    const res = await put([photoPart(png)], other.id, await tokenFor(t.deps, other));
    expect(res.statusCode).toBe(200);
    expect(res.json().photo).toMatchObject({ small: expect.stringContaining(other.id) });
    expect(storedPhotoFiles(t.deps, other.id)).toHaveLength(2);
  });

  it('answers a 1.2 MB photo over the 1 MB limit with 413 and stores nothing', async () => {
    expect(bigPng.length).toBeGreaterThan(1.2 * 1024 * 1024);
    const res = await put([photoPart(bigPng)]);
    expect(res.statusCode).toBe(413);
    expect(problem(res).code).toBe('too_large');
    await expectNothingStored();
  });

  it.each([
    ['a text file', 'notes.txt', 'text/plain', 'just some words\n'],
    ['a text file named .png', 'me.png', 'image/png', 'definitely not a PNG'],
    ['HTML named .jpg', 'me.jpg', 'image/jpeg', '<html><script>alert(1)</script></html>'],
    [
      'an SVG with a script',
      'me.svg',
      'image/svg+xml',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ],
    ['a PDF', 'me.png', 'image/png', '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'],
  ])('refuses %s with 415 invalid_image and stores nothing', async (_l, name, type, data) => {
    const res = await put([photoPart(data, name, type)]);
    expect(res.statusCode).toBe(415);
    const p = problem(res);
    expect(p.code).toBe('invalid_image');
    expect(p.fields).toEqual({ photo: 'invalid_image' });
    await expectNothingStored();
  });

  it('refuses a PNG cut off halfway as an invalid image, not a server error', async () => {
    const res = await put([photoPart(png.subarray(0, Math.floor(png.length / 2)))]);
    expect(res.statusCode).toBe(415);
    expect(problem(res).fields).toEqual({ photo: 'invalid_image' });
    await expectNothingStored();
  });

  it('refuses a small PNG whose header claims 30000 × 30000 pixels', async () => {
    const res = await put([photoPart(pngClaimingSize(png, 30_000, 30_000))]);
    expect([413, 415]).toContain(res.statusCode);
    expect(['invalid_image', 'too_large']).toContain(problem(res).code);
    await expectNothingStored();
  });

  it('refuses an empty file with 400 naming the photo field', async () => {
    const res = await put([photoPart(Buffer.alloc(0))]);
    expect(res.statusCode).toBe(400);
    expect(problem(res).fields).toEqual({ photo: 'required' });
    await expectNothingStored();
  });

  it('refuses a multipart request without a file with 400 naming the photo field', async () => {
    const res = await put([{ name: 'caption', data: 'no file here' }]);
    expect(res.statusCode).toBe(400);
    expect(problem(res).fields).toEqual({ photo: 'required' });
    await expectNothingStored();
  });

  it('refuses a photo sent as JSON instead of multipart with 415', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${u.id}/photo`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ photo: png.toString('base64') }),
    });
    expect(res.statusCode).toBe(415);
    expect(problem(res).code).toBe('unsupported_media_type');
    await expectNothingStored();
  });

  it('shows refused uploads on the profile form beside the photo field, with the limit', async () => {
    const c = await signedIn(t.app, u);
    const post = (parts: Part[]) => {
      const m = multipart(parts);
      return c.request({
        method: 'POST',
        url: `/people/${u.id}/photo?_csrf=${encodeURIComponent(c.csrf)}`,
        headers: { 'content-type': m.contentType },
        payload: m.payload,
      });
    };
    await c.get(`/people/${u.id}/edit`);
    const big = await post([photoPart(bigPng)]);
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('id="photo-error"');
    expect(big.body).toMatch(/id="photo-error">The photo may be at most 1 MB</);
    expect(big.body).not.toContain('{max}');

    const text = await post([photoPart('not an image', 'x.png')]);
    expect(text.statusCode).toBe(415);
    expect(text.body).toMatch(/id="photo-error">This file is not a JPEG, PNG, WebP or GIF image</);

    const cut = await post([photoPart(png.subarray(0, 60))]);
    expect(cut.statusCode).toBe(415);
    expect(cut.body).toContain('id="photo-error"');

    const none = await post([{ name: 'caption', data: 'x' }]);
    expect(none.statusCode).toBe(400);
    expect(none.body).toMatch(/id="photo-error">Please choose an image file</);
    await expectNothingStored();
  });
});

describe.each(DIALECTS)('photo uploads with the default limit (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  it('accepts a 1.2 MB photo under the default 5 MB limit although forms stop at 1 MB', async () => {
    await createAdmin(t.deps);
    const u = await createUser(t.deps);
    const big = await pngImage(700, 600, true);
    expect(big.length).toBeGreaterThan(1.2 * 1024 * 1024);
    const m = multipart([
      { name: 'photo', filename: 'me.png', contentType: 'image/png', data: big },
    ]);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${u.id}/photo`,
      headers: {
        authorization: `Bearer ${await tokenFor(t.deps, u)}`,
        'content-type': m.contentType,
      },
      payload: m.payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().photo).not.toBeNull();
    expect(storedPhotoFiles(t.deps, u.id)).toHaveLength(2);
  });
});
