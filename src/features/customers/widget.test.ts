import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { hashSecret } from '../../lib/ids.ts';
import { seedFigures } from './satisfaction.fixtures.ts';

const START = new Date('2026-11-28T10:00:00Z');

describe.each(DIALECTS)('embeddable satisfaction widget (%s)', (dialect) => {
  let t: TestApp;
  let now = START;
  let admin: Client;
  let member: Client;
  let token = '';
  let tokenId = '';

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const lastUsed = async () =>
    (
      await t.deps.db
        .selectFrom('widget_tokens')
        .select('last_used_at')
        .where('id', '=', tokenId)
        .executeTakeFirstOrThrow()
    ).last_used_at;

  beforeAll(async () => {
    t = await build(dialect, { now: () => now });
    const a = await createAdmin(t.deps, { name: 'Ada Admin' });
    admin = await signedIn(t.app, a);
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Mo Mitglied' }));
    await seedFigures(t.deps.db, a.id, a.id);
  });
  afterAll(async () => t.close());

  it('lets only admins manage tokens', async () => {
    expect((await member.get('/satisfaction/widget-tokens')).statusCode).toBe(403);
    expect((await member.post('/satisfaction/widget-tokens', { name: 'x' })).statusCode).toBe(403);
    expect((await member.api('GET', '/api/v1/satisfaction/widget-tokens')).statusCode).toBe(403);
    expect(
      (await member.api('POST', '/api/v1/satisfaction/widget-tokens', { name: 'x' })).statusCode,
    ).toBe(403);
    expect((await member.api('GET', '/api/v1/satisfaction/widget-settings')).statusCode).toBe(403);
  });

  it('creates a token by form, shows it once with the embed codes, stores only its hash', async () => {
    const page = await admin.get('/satisfaction/widget-tokens');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No tokens yet.');
    expect(page.body).toContain('/widgets/satisfaction/page?token=TOKEN&amp;amp;lang=en');

    const bad = await admin.post('/satisfaction/widget-tokens', { name: '  ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="name-error"');

    const res = await admin.post('/satisfaction/widget-tokens', { name: 'Intranet-Startseite' });
    expect(res.statusCode).toBe(201);
    token = /id="new-token" class="token" type="text" readonly value="(ksw_[^"]+)"/.exec(
      res.body,
    )![1]!;
    expect(res.body).toContain(`/widgets/satisfaction?token=${token}&amp;lang=en`);
    const row = await t.deps.db.selectFrom('widget_tokens').selectAll().executeTakeFirstOrThrow();
    tokenId = row.id;
    expect(row).toMatchObject({
      name: 'Intranet-Startseite',
      token_hash: hashSecret(token),
      scope: 'satisfaction',
      last_used_at: null,
      revoked_at: null,
    });
    expect(JSON.stringify(row)).not.toContain(token);
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'satisfaction.widget_token_created')
      .execute();
    expect(audited).toEqual([{ action: 'satisfaction.widget_token_created', target_id: tokenId }]);
    // The list never shows the token again.
    expect((await admin.get('/satisfaction/widget-tokens')).body).not.toContain(token);
  });

  it('returns an HTML fragment to anyone with the token, open to other origins, without cookies', async () => {
    const res = await get(`/widgets/satisfaction?token=${token}&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['set-cookie']).toBeUndefined();
    // One root element, no document around it.
    expect(res.body).toMatch(/^<section class="ksat ksat-full" [^>]*>/);
    expect(res.body).toMatch(/<\/section>$/);
    expect(res.body.match(/<section class="ksat /g)).toHaveLength(1);
    expect(res.body).not.toContain('<html');
    expect(res.body).toContain(
      `<link rel="stylesheet" href="${t.deps.config.baseUrl}/widgets/satisfaction.css?v=`,
    );
    expect(res.body).toMatch(/<strong class="ksat-figure">7\.2<\/strong>/);
    expect(res.body).toContain('<span aria-hidden="true">▲</span> Within tolerance');
    expect(res.body).toContain('<svg class="chart-svg"');
    // By default the customers below standard are counted, never named or linked.
    expect(res.body).toContain('Customers below standard: 2');
    expect(res.body).not.toContain('Brückner');
    expect(res.body).not.toContain('href="/customers/');
    expect(res.body).not.toContain('Vertraulich');
  });

  it('speaks the organisation’s language unless lang says otherwise', async () => {
    const de = await get(`/widgets/satisfaction?token=${token}`);
    expect(de.body).toContain('Kundenzufriedenheit');
    expect(de.body).toMatch(/<strong class="ksat-figure">7,2<\/strong>/);
    const en = await get(`/widgets/satisfaction?token=${token}&lang=en`);
    expect(en.body).toContain('Customer satisfaction');
    expect((await get(`/widgets/satisfaction?token=${token}&lang=fr`)).body).toContain(
      'Kundenzufriedenheit',
    );
  });

  it('serves a page made to be framed, overriding frame-ancestors for that route only', async () => {
    for (const url of [
      `/widgets/satisfaction?token=${token}&format=page&lang=en`,
      `/widgets/satisfaction/page?token=${token}&lang=en`,
    ]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/^<!doctype html><html lang="en">/);
      expect(res.body).toContain('<link rel="stylesheet" href="/widgets/satisfaction.css?v=');
      // A page of its own has a main heading (the organisation) and asks for no icon.
      expect(res.body).toMatch(
        /<main><h1 class="ksat-org">[^<]+<\/h1><div><section class="ksat ksat-full"/,
      );
      expect(res.body).toContain('<link rel="icon" href="data:,"/>');
      expect(res.headers['content-security-policy']).toContain('frame-ancestors *');
      expect(res.headers['x-frame-options']).toBeUndefined();
    }
    const home = await admin.get('/satisfaction');
    expect(home.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const css = await get('/widgets/satisfaction.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(css.body).toContain('.ksat-green');
  });

  it('gives the same figures as JSON, without comments or customer names', async () => {
    const res = await get(`/widgets/satisfaction.json?token=${token}&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const body = res.json();
    expect(body.round.name).toBe('H2 2025');
    expect(body.index).toMatchObject({
      mean: 7.2,
      n: 3,
      rating: 'amber',
      label: 'Within tolerance',
    });
    expect(body.belowStandard).toEqual({ count: 2, customers: null });
    expect(res.body).not.toContain('Vertraulich');
    expect(res.body).not.toContain('Brückner');
  });

  it('names the customers below standard, still without links, when the setting says so', async () => {
    const saved = await admin.post('/satisfaction/widget-tokens/settings', {
      showNames: '1',
      frameAncestors: 'https://intranet.example.com\nhttps://*.portal.example.com:8443',
    });
    expect(saved.statusCode).toBe(303);
    const html = await get(`/widgets/satisfaction?token=${token}&lang=en`);
    expect(html.body).toContain('<span>Brückner &amp; Söhne</span>');
    expect(html.body).not.toContain('href="/customers/');
    expect(html.body).not.toContain('Vertraulich');
    const json = (await get(`/widgets/satisfaction.json?token=${token}`)).json();
    expect(json.belowStandard.customers[0]).toEqual({
      name: 'Brückner & Söhne',
      shortfall: 5,
      dimensions: [
        {
          id: 'dim_overall',
          name: 'Gesamtzufriedenheit',
          score: 6,
          rating: 'red',
          symbol: '✖',
          label: 'Unter der Toleranz',
        },
        {
          id: 'dim_communication',
          name: 'Kommunikation',
          score: 5,
          rating: 'red',
          symbol: '✖',
          label: 'Unter der Toleranz',
        },
      ],
    });
    const page = await get(`/widgets/satisfaction/page?token=${token}`);
    expect(page.headers['content-security-policy']).toContain(
      'frame-ancestors https://intranet.example.com https://*.portal.example.com:8443',
    );
    expect((await admin.api('GET', '/api/v1/satisfaction/widget-settings')).json()).toEqual({
      showNames: true,
      frameAncestors: ['https://intranet.example.com', 'https://*.portal.example.com:8443'],
    });

    const bad = await admin.post('/satisfaction/widget-tokens/settings', {
      frameAncestors:
        "https://ok.example.com\nhttps://evil.example.com; script-src 'unsafe-inline'",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="frameAncestors-error"');
    expect(bad.body).toContain('https://ok.example.com');
    const api = await admin.api('PUT', '/api/v1/satisfaction/widget-settings', {
      showNames: false,
      frameAncestors: [],
    });
    expect(api.statusCode).toBe(200);
    expect((await get(`/widgets/satisfaction?token=${token}`)).body).not.toContain('Brückner');
  });

  it('records the last use at most once a minute', async () => {
    const first = await lastUsed();
    expect(first).toBe(START.toISOString());
    now = new Date(START.getTime() + 30_000);
    await get(`/widgets/satisfaction.json?token=${token}`);
    expect(await lastUsed()).toBe(first);
    now = new Date(START.getTime() + 61_000);
    await get(`/widgets/satisfaction.json?token=${token}`);
    expect(await lastUsed()).toBe(now.toISOString());
  });

  it('answers 401 with a clear message for a missing, bad or revoked token', async () => {
    for (const url of ['/widgets/satisfaction', `/widgets/satisfaction?token=${token}x&lang=en`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(401);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.body).toMatch(/^<div class="ksat ksat-error" role="alert">/);
      expect(res.body).not.toContain('ksat-figure');
    }
    expect((await get(`/widgets/satisfaction?token=bad&lang=en`)).body).toContain(
      'This widget’s access token is missing, unknown or revoked.',
    );
    const json = await get('/widgets/satisfaction.json?token=bad');
    expect(json.statusCode).toBe(401);
    expect(json.json()).toMatchObject({ status: 401, code: 'invalid_widget_token' });
    expect((await get('/widgets/satisfaction/page')).statusCode).toBe(401);

    const revoked = await admin.post(`/satisfaction/widget-tokens/${tokenId}/revoke`);
    expect(revoked.statusCode).toBe(303);
    expect((await get(`/widgets/satisfaction?token=${token}`)).statusCode).toBe(401);
    expect((await get(`/widgets/satisfaction.json?token=${token}`)).statusCode).toBe(401);
    expect((await admin.get('/satisfaction/widget-tokens')).body).toContain('revoked on');
  });

  it('makes, lists and revokes tokens through the API, audited', async () => {
    const made = await admin.api('POST', '/api/v1/satisfaction/widget-tokens', { name: 'Portal' });
    expect(made.statusCode).toBe(201);
    const { id, token: secret } = made.json();
    expect(secret).toMatch(/^ksw_/);
    expect((await get(`/widgets/satisfaction.json?token=${secret}`)).statusCode).toBe(200);
    const list = (await admin.api('GET', '/api/v1/satisfaction/widget-tokens')).json();
    expect(
      list.items.map((x: { name: string; revokedAt: string | null }) => [x.name, !!x.revokedAt]),
    ).toEqual([
      ['Portal', false],
      ['Intranet-Startseite', true],
    ]);
    expect(JSON.stringify(list)).not.toContain(secret);
    expect((await admin.api('DELETE', `/api/v1/satisfaction/widget-tokens/${id}`)).statusCode).toBe(
      204,
    );
    expect((await get(`/widgets/satisfaction.json?token=${secret}`)).statusCode).toBe(401);
    expect((await admin.api('DELETE', '/api/v1/satisfaction/widget-tokens/nope')).statusCode).toBe(
      404,
    );
    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'satisfaction.widget_token_created',
      'satisfaction.widget_token_revoked',
    ]);
  });
});
