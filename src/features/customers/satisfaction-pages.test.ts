import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { setSetting } from '../admin/settings.ts';
import { seedFigures, type Figures } from './satisfaction.fixtures.ts';

const NOW = new Date('2026-11-28T10:00:00Z');

describe.each(DIALECTS)('satisfaction pages, home panel and API (%s)', (dialect) => {
  let t: TestApp;
  let f: Figures;
  let admin: Client;
  let owner: Client;
  let member: Client;
  let ownerId = '';

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    const o = await createUser(t.deps, { name: 'Olga Owner' });
    ownerId = o.id;
    owner = await signedIn(t.app, o);
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Mo Mitglied' }));
  });
  afterAll(async () => t.close());

  it('shows no panel on the home page before the first evaluation', async () => {
    const home = await admin.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('class="ksat');
  });

  it('shows the compact widget on the home page to admins and account owners, not to members', async () => {
    const other = await createUser(t.deps, { name: 'Otto Owner' });
    f = await seedFigures(t.deps.db, ownerId, other.id);
    for (const c of [admin, owner]) {
      const home = await c.get('/');
      expect(home.body).toContain('class="ksat ksat-compact"');
      expect(home.body).toMatch(/<strong class="ksat-figure">7\.2<\/strong>/);
      expect(home.body).toContain('<span aria-hidden="true">▲</span> Within tolerance');
      expect(home.body).toContain('href="/satisfaction"');
      expect(home.body).toContain('Customers below standard: 2');
      expect(home.body).toMatch(/<link rel="stylesheet" href="\/assets\/satisfaction\.css\?v=/);
    }
    expect((await member.get('/')).body).not.toContain('class="ksat');
  });

  it('shows the panel to every member when the audience is members', async () => {
    await setSetting(t.deps.db, 'satisfaction.audience', 'members', NOW);
    try {
      expect((await member.get('/')).body).toContain('class="ksat ksat-compact"');
      expect((await member.get('/satisfaction')).statusCode).toBe(200);
      expect((await member.api('GET', '/api/v1/satisfaction')).statusCode).toBe(200);
    } finally {
      await setSetting(t.deps.db, 'satisfaction.audience', 'owners', NOW);
    }
  });

  it('refuses the full page, its CSV and the API to those not allowed', async () => {
    expect((await member.get('/satisfaction')).statusCode).toBe(403);
    expect((await member.get('/satisfaction.csv')).statusCode).toBe(403);
    expect((await member.api('GET', '/api/v1/satisfaction')).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: '/satisfaction' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fsatisfaction');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/satisfaction' })).statusCode).toBe(
      401,
    );
    expect((await owner.get('/satisfaction')).statusCode).toBe(200);
  });

  it('shows the full widget with the trend, its table, the customers and the legend', async () => {
    const page = await admin.get('/satisfaction');
    expect(page.statusCode).toBe(200);
    const b = page.body;
    expect(b).toContain('class="ksat ksat-full"');
    expect(b).toContain('Round H2 2025 · customers evaluated: 3');
    expect(b).toMatch(/<th scope="row">Communication<\/th><td class="ksat-num">7\.0<\/td>/);
    expect(b).toContain('<svg class="chart-svg"');
    expect(b).toContain('<caption>Trend across rounds: the figures</caption>');
    expect(b).toMatch(/<th scope="row">H1 2025<\/th><td class="num">7\.8<\/td>/);
    expect(b).toContain(`<a href="/customers/${f.customers.b}">Brückner &amp; Söhne</a>`);
    expect(b).toContain('(total shortfall 5.0)');
    expect(b).toContain(
      'target 7.72, tolerance 1.14: on target from 7.72, within tolerance from 6.58, below tolerance under 6.58',
    );
    expect(b).toContain('−0.6 compared with H1 2025.');
    expect(b).toContain(`href="/satisfaction.csv?roundId=${f.rounds.r2}"`);
    expect(b).toContain(`href="/customers/rounds/${f.rounds.r2}/publish"`);
    // The account owner sees the figures, not the admin's links.
    const o = await owner.get('/satisfaction');
    expect(o.body).not.toContain('/publish"');
    expect(o.body).not.toContain('/satisfaction/widget-tokens');
  });

  it('filters by round, industry and owner in a GET form, and names an unknown round', async () => {
    const bau = await admin.get(`/satisfaction?industry=Bau&roundId=${f.rounds.r2}`);
    expect(bau.body).toMatch(/<strong class="ksat-figure">6\.8<\/strong>/);
    expect(bau.body).toContain('<option value="Bau" selected>Bau</option>');
    expect(bau.body).toContain(`href="/satisfaction.csv?roundId=${f.rounds.r2}&amp;industry=Bau"`);
    const byOwner = await admin.get(`/satisfaction?ownerId=${ownerId}`);
    expect(byOwner.body).toMatch(/<strong class="ksat-figure">7\.8<\/strong>/);
    expect(byOwner.body).toContain('<span aria-hidden="true">●</span> On target');
    const r1 = await admin.get(`/satisfaction?roundId=${f.rounds.r1}`);
    expect(r1.body).toContain('Round H1 2025 · customers evaluated: 2');
    const bad = await admin.get('/satisfaction?roundId=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="s-round-error"');
    expect(bad.body).toContain('There is no such round.');
  });

  it('downloads exactly the figures shown as CSV', async () => {
    const res = await admin.get(`/satisfaction.csv?roundId=${f.rounds.r2}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'section,round,name,value,n,target,tolerance,rating,details',
      'index,H2 2025,Satisfaction index,7.2,3,7.72,1.14,amber,',
      'dimension,H2 2025,Overall satisfaction,7.7,3,8,1,amber,',
      'dimension,H2 2025,Quality,7,3,7,1.5,green,',
      'dimension,H2 2025,Communication,7,3,8,1,amber,',
      'dimension,H2 2025,Reliability,7.5,2,8,1,amber,',
    ]);
    expect(lines).toContain('trend,H1 2025,Satisfaction index,7.8,,,,,');
    expect(lines).toContain('trend,H1 2026,Satisfaction index,,,,,,');
    expect(lines).toContain(
      'below_standard,H2 2025,Brückner & Söhne,5,,,,,Overall satisfaction: 6 (red); Communication: 5 (red)',
    );
    // Comments are never part of the figures.
    expect(res.body).not.toContain('Vertraulich');
  });

  it('gives the same figures in the API, with a named error for an unknown filter', async () => {
    const res = await owner.api('GET', `/api/v1/satisfaction?industry=Bau`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.round).toEqual({
      id: f.rounds.r2,
      name: 'H2 2025',
      startsOn: '2025-07-01',
      endsOn: '2025-07-01',
    });
    expect(body.filter).toEqual({ roundId: null, industry: 'Bau', ownerId: null });
    expect(body.index).toMatchObject({ mean: 6.8, n: 2, rating: 'amber', symbol: '▲' });
    expect(
      body.dimensions.map((d: { mean: number; rating: string }) => [d.mean, d.rating]),
    ).toEqual([
      [7.5, 'amber'],
      [6.5, 'amber'],
      [6.5, 'red'],
      [7, 'amber'],
    ]);
    expect(body.belowStandard.count).toBe(2);
    expect(body.belowStandard.customers[0]).toMatchObject({
      id: f.customers.b,
      name: 'Brückner & Söhne',
      shortfall: 5,
    });
    expect(JSON.stringify(body)).not.toContain('Vertraulich');
    const bad = await admin.api('GET', '/api/v1/satisfaction?roundId=nope&ownerId=nobody');
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    ).toEqual([
      ['roundId', 'unknown_round'],
      ['ownerId', 'unknown_owner'],
    ]);
  });

  it('documents the API under the satisfaction tag, and not the widget’s addresses', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    const ours = Object.entries(doc.paths)
      .filter(([, ops]) => Object.values(ops).some((o) => o.tags?.includes('satisfaction')))
      .map(([path, ops]) => `${Object.keys(ops).sort().join(',')} ${path}`);
    expect(ours).toEqual(
      expect.arrayContaining([
        'get /api/v1/satisfaction',
        'get,post /api/v1/satisfaction/widget-tokens',
        'delete /api/v1/satisfaction/widget-tokens/{id}',
        'get,put /api/v1/satisfaction/widget-settings',
        'post /api/v1/satisfaction/rounds/{id}/publish',
      ]),
    );
    expect(Object.keys(doc.paths).filter((p) => p.includes('widgets/'))).toEqual([]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Satisfaction', 'WidgetToken']),
    );
  });

  it('speaks German to a German reader', async () => {
    const de = await signedIn(t.app, await createAdmin(t.deps, { name: 'Dora', locale: 'de' }));
    const page = await de.get('/satisfaction');
    expect(page.body).toMatch(/<strong class="ksat-figure">7,2<\/strong>/);
    expect(page.body).toContain('<span aria-hidden="true">▲</span> Innerhalb der Toleranz');
    expect(page.body).toContain('Zuverlässigkeit');
  });
});
