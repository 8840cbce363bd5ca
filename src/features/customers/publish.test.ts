import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { plainMarkdown } from './publish.ts';
import { seedFigures, type Figures } from './satisfaction.fixtures.ts';

const NOW = new Date('2026-11-28T10:00:00Z');

describe('plain text in a published post', () => {
  it('escapes Markdown and keeps hashtags and mentions from working', () => {
    expect(plainMarkdown('A & B *fett* [x](y)')).toBe('A \\& B \\*fett\\* \\[x\\](y)');
    expect(plainMarkdown('#ärger @chef')).toBe('#\u2060ärger @\u2060chef');
    expect(plainMarkdown('- eins\n1. zwei')).toBe('\\- eins\n1\\. zwei');
  });
});

describe.each(DIALECTS)('publishing a round (%s)', (dialect) => {
  let t: TestApp;
  let f: Figures;
  let admin: Client;
  let member: Client;
  let groupId = '';

  const post = (id: string) =>
    t.deps.db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const tagsOf = async (id: string) =>
    (
      await t.deps.db
        .selectFrom('post_hashtags')
        .select('tag')
        .where('post_id', '=', id)
        .orderBy('tag')
        .execute()
    ).map((r) => r.tag);
  const round = (id: string) =>
    t.deps.db
      .selectFrom('satisfaction_rounds')
      .select(['published_at', 'published_post_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    const a = await createAdmin(t.deps, { name: 'Ada Admin' });
    admin = await signedIn(t.app, a);
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Mo Mitglied' }));
    // Someone a comment's "@chef" would mention, if it were not kept as text.
    await createUser(t.deps, { name: 'Chef', email: 'chef@example.com' });
    f = await seedFigures(t.deps.db, a.id, a.id);
    const g = await admin.api('POST', '/api/v1/groups', {
      name: 'Vertrieb',
      visibility: 'private',
    });
    groupId = g.json().id;
  });
  afterAll(async () => t.close());

  it('is for admins only; an unknown round is not found', async () => {
    const url = `/customers/rounds/${f.rounds.r2}/publish`;
    expect((await member.get(url)).statusCode).toBe(403);
    expect((await member.post(url, { groupId: '' })).statusCode).toBe(403);
    expect(
      (await member.api('POST', `/api/v1/satisfaction/rounds/${f.rounds.r2}/publish`, {}))
        .statusCode,
    ).toBe(403);
    expect((await admin.get('/customers/rounds/nope/publish')).statusCode).toBe(404);
    expect(
      (await admin.api('POST', '/api/v1/satisfaction/rounds/nope/publish', {})).statusCode,
    ).toBe(404);
    expect(await round(f.rounds.r2)).toEqual({ published_at: null, published_post_id: null });
  });

  it('shows the form with the admin’s groups, comments off, and a preview of the text', async () => {
    const page = await admin.get(`/customers/rounds/${f.rounds.r2}/publish`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<option value="${groupId}">Vertrieb</option>`);
    expect(page.body).toContain('<option value selected>Whole organisation</option>');
    expect(page.body).toContain('name="includeComments" type="checkbox" value="1"/>');
    expect(page.body).toContain('Publishing again makes a new post');
    expect(page.body).toContain('Satisfaction index: **7.2** ▲ Within tolerance');
    expect(page.body).not.toContain('Vertraulich');
    const withComments = await admin.get(
      `/customers/rounds/${f.rounds.r2}/publish?includeComments=1`,
    );
    expect(withComments.body).toContain('Vertraulich');
  });

  it('refuses to publish a round without evaluations', async () => {
    const page = await admin.get(`/customers/rounds/${f.rounds.r3}/publish`);
    expect(page.body).toContain('This round has no evaluations yet: nothing to publish.');
    const res = await admin.post(`/customers/rounds/${f.rounds.r3}/publish`, { groupId: '' });
    expect(res.statusCode).toBe(422);
    const api = await admin.api('POST', `/api/v1/satisfaction/rounds/${f.rounds.r3}/publish`, {});
    expect(api.statusCode).toBe(422);
    expect(api.json().code).toBe('no_evaluations');
    expect(await round(f.rounds.r3)).toEqual({ published_at: null, published_post_id: null });
  });

  it('posts the summary to the chosen group under the hashtag, without comments', async () => {
    const res = await admin.post(`/customers/rounds/${f.rounds.r2}/publish`, { groupId });
    expect(res.statusCode).toBe(303);
    const id = /^\/posts\/(\w+)$/.exec(res.headers.location as string)![1]!;
    const p = await post(id);
    expect(p.group_id).toBe(groupId);
    expect(p.body).toBe(
      [
        '**Customer satisfaction: H2 2025**',
        '',
        'Satisfaction index: **7.2** ▲ Within tolerance (target 7.72, tolerance 1.14)',
        'Trend: −0.6 compared with H1 2025 (7.8)',
        'Customers evaluated: 3',
        '',
        '- Overall satisfaction: 7.7 ▲ Within tolerance (target 8.0)',
        '- Quality: 7.0 ● On target (target 7.0)',
        '- Communication: 7.0 ▲ Within tolerance (target 8.0)',
        '- Reliability: 7.5 ▲ Within tolerance (target 8.0)',
        '',
        '#wasderkundefindet',
      ].join('\n'),
    );
    expect(await tagsOf(id)).toEqual(['wasderkundefindet']);
    expect(await round(f.rounds.r2)).toEqual({
      published_at: NOW.toISOString(),
      published_post_id: id,
    });
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'satisfaction.round_published')
      .execute();
    expect(audited).toEqual([{ target_id: f.rounds.r2 }]);

    const series = await admin.get('/hashtags/wasderkundefindet');
    expect(series.statusCode).toBe(200);
    expect(series.body).toContain('Customer satisfaction: H2 2025');
    // The group is private: its post never reaches a non-member, not even on the hashtag page.
    expect((await member.get('/hashtags/wasderkundefindet')).statusCode).toBe(404);
    const form = await admin.get(`/customers/rounds/${f.rounds.r2}/publish`);
    expect(form.body).toContain(`<a href="/posts/${id}">See the post</a>`);
  });

  it('publishes again as a new post, with comments as text only when chosen', async () => {
    const before = (await round(f.rounds.r2)).published_post_id;
    const res = await admin.api('POST', `/api/v1/satisfaction/rounds/${f.rounds.r2}/publish`, {
      groupId: null,
      includeComments: true,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ roundId: f.rounds.r2, groupId: null });
    expect(body.postId).not.toBe(before);
    expect((await round(f.rounds.r2)).published_post_id).toBe(body.postId);
    const p = await post(body.postId);
    expect(p.group_id).toBeNull();
    expect(p.body).toContain(
      [
        '**What our customers said**',
        '',
        '**Alpenbau AG**',
        '> Vertraulich: Lieferung kam zu spät, @\u2060chef fragen #\u2060ärger',
        '',
        '**Brückner \\& Söhne**',
        '> Kommunikation \\*sehr\\* schwach',
        '',
        '#wasderkundefindet',
      ].join('\n'),
    );
    expect(p.html).toContain('<strong>Brückner &amp; Söhne</strong>');
    expect(p.html).toContain('Kommunikation *sehr* schwach');
    // The comment's "#ärger" and "@chef" stay words: no pain point, no mention.
    expect(await tagsOf(body.postId)).toEqual(['wasderkundefindet']);
    const mentions = await t.deps.db
      .selectFrom('post_mentions')
      .select('user_id')
      .where('post_id', '=', body.postId)
      .execute();
    expect(mentions).toEqual([]);
    // Org-wide: now on the hashtag page for every member too.
    const series = await member.get('/hashtags/wasderkundefindet');
    expect(series.statusCode).toBe(200);
    expect(series.body).toContain('Customer satisfaction: H2 2025');
    expect(series.body).toContain('Vertraulich');
  });

  it('posts only to a group the admin is a member of', async () => {
    const other = await createUser(t.deps, { name: 'Gerd Gruppe' });
    const oc = await signedIn(t.app, other);
    const g = await oc.api('POST', '/api/v1/groups', { name: 'Einkauf', visibility: 'public' });
    const res = await admin.api('POST', `/api/v1/satisfaction/rounds/${f.rounds.r1}/publish`, {
      groupId: g.json().id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'groupId', code: 'not_member' });
    const form = await admin.post(`/customers/rounds/${f.rounds.r1}/publish`, {
      groupId: g.json().id,
      includeComments: '1',
    });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('id="groupId-error"');
    expect(form.body).toContain('name="includeComments" type="checkbox" value="1" checked/>');
    expect(await round(f.rounds.r1)).toEqual({ published_at: null, published_post_id: null });
  });

  it('uses the most used hashtag meaning customer voice, when an admin set one', async () => {
    for (const body of ['#Kundenstimme eins', '#Kundenstimme zwei', '#KdStimme drei']) {
      expect((await admin.api('POST', '/api/v1/posts', { body })).statusCode).toBe(201);
    }
    await t.deps.db
      .updateTable('hashtags')
      .set({ meaning: 'customer_voice' })
      .where('tag', 'in', ['kundenstimme', 'kdstimme'])
      .execute();
    const res = await admin.api('POST', `/api/v1/satisfaction/rounds/${f.rounds.r1}/publish`, {});
    expect(res.statusCode).toBe(201);
    const p = await post(res.json().postId);
    expect(p.body).toMatch(/\n#Kundenstimme$/);
    expect(p.body).toContain('Trend: the first round with evaluations');
    expect(await tagsOf(p.id)).toEqual(['kundenstimme']);
  });
});
