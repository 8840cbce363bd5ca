import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

describe.each(DIALECTS)('hashtag administration (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  it('an alias joins spellings: old and new posts are filed under the hashtag', async () => {
    const admin = await createAdmin(t.deps);
    const u = await createUser(t.deps);
    const uc = await signedIn(t.app, u);
    const adc = await signedIn(t.app, admin);
    const old = (await uc.api('POST', '/api/v1/posts', { body: 'Drucker kaputt #aerger' })).json();
    await uc.api('POST', '/api/v1/posts', { body: 'VPN langsam #Ärger' });
    const res = await adc.api('POST', '/api/v1/admin/hashtags/%C3%A4rger/aliases', {
      alias: '#AERGER',
    });
    expect(res.json()).toMatchObject({ tag: 'ärger', aliases: ['aerger'] });
    const fresh = (await uc.api('POST', '/api/v1/posts', { body: 'Reisekosten #aerger' })).json();
    expect(fresh.hashtags).toEqual(['ärger']);
    const series = (await uc.api('GET', '/api/v1/hashtags/aerger/posts')).json().items;
    expect(series.map((p: { id: string }) => p.id)).toContain(old.id);
    expect(series).toHaveLength(3);
    const redirect = await uc.get('/hashtags/aerger');
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/hashtags/%C3%A4rger');
    expect(
      (await uc.api('POST', '/api/v1/admin/hashtags/%C3%A4rger/aliases', { alias: 'x' }))
        .statusCode,
    ).toBe(403);
    const same = await adc.api('POST', '/api/v1/admin/hashtags/%C3%A4rger/aliases', {
      alias: 'ÄRGER',
    });
    expect(same.statusCode).toBe(400);
  });

  it('a meaning set by an admin shows on the hashtag and its page; the form works without JavaScript', async () => {
    const admin = await createAdmin(t.deps);
    const adc = await signedIn(t.app, admin);
    await adc.api('POST', '/api/v1/posts', { body: 'Projekt gewonnen! #intranetarbeiten' });
    const set = await adc.api('PUT', '/api/v1/admin/hashtags/intranetarbeiten', {
      meaning: 'success_story',
    });
    expect(set.json().meaning).toBe('success_story');
    expect((await adc.api('GET', '/api/v1/hashtags/intranetarbeiten')).json().meaning).toBe(
      'success_story',
    );
    expect((await adc.get('/hashtags/intranetarbeiten')).body).toContain('Success story');
    await adc.get('/admin/hashtags');
    const form = await adc.post('/admin/hashtags/meaning', {
      tag: 'intranetarbeiten',
      meaning: 'campaign',
    });
    expect(form.statusCode).toBe(303);
    expect((await adc.api('GET', '/api/v1/hashtags/intranetarbeiten')).json().meaning).toBe(
      'campaign',
    );
    const bad = await adc.post('/admin/hashtags/aliases', {
      alias: 'a b',
      tag: 'intranetarbeiten',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="alias-error"');
  });
});
