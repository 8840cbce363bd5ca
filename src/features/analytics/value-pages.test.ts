import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { newId } from '../../lib/ids.ts';
import { setSetting } from '../admin/settings.ts';
import type { User } from '../accounts/accounts.table.ts';

const NOW = new Date('2026-11-28T10:00:00Z');
const PERIOD = 'from=2026-10-01&to=2026-11-27&grain=month';

const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

describe.each(DIALECTS)('value pages, CSV and API (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let member: Client;

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    const db = t.deps.db;
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Mo Mitglied' }));
    const a = await createUser(t.deps, { name: 'Asker' });
    const b = await createUser(t.deps, { name: 'Helper' });
    const privateGroup = newId();
    await db
      .insertInto('groups')
      .values({
        id: privateGroup,
        name: 'Vorstand',
        name_key: 'vorstand',
        description: '',
        visibility: 'private',
        kind: 'team',
        member_count: 2,
        created_by: null,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    const post = async (
      author: User,
      at: string,
      kind: 'post' | 'question',
      group: string | null,
      tag?: string,
    ) => {
      const id = newId();
      await db
        .insertInto('posts')
        .values({
          id,
          author_id: author.id,
          group_id: group,
          kind,
          body: 'x',
          html: '<p>x</p>',
          created_at: at,
          edited_at: null,
          pinned_until: null,
        })
        .execute();
      if (tag) {
        await db
          .insertInto('hashtags')
          .values({ tag, display: tag, meaning: 'success_story', created_at: at })
          .execute();
        await db
          .insertInto('post_hashtags')
          .values({ tag, post_id: id, group_id: group })
          .execute();
      }
      return id;
    };
    const answer = (postId: string, at: string) =>
      db
        .insertInto('comments')
        .values({
          id: newId(),
          post_id: postId,
          parent_id: null,
          author_id: b.id,
          body: 'y',
          html: '<p>y</p>',
          created_at: at,
          edited_at: null,
        })
        .execute();
    // October: one answered question. November: an answered question in a private group, a
    // reuse, a success story, and an answered question org-wide.
    await answer(
      await post(a, '2026-10-09T10:00:00.000Z', 'question', null),
      '2026-10-10T10:00:00.000Z',
    );
    await answer(
      await post(a, '2026-11-04T10:00:00.000Z', 'question', privateGroup),
      '2026-11-05T10:00:00.000Z',
    );
    await answer(
      await post(a, '2026-11-06T10:00:00.000Z', 'question', null),
      '2026-11-06T11:00:00.000Z',
    );
    const doc = newId();
    await db
      .insertInto('documents')
      .values({
        id: doc,
        group_id: null,
        owner_id: b.id,
        title: 'Vorlage',
        description: '',
        type: 'pdf',
        current_version_id: null,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('document_reuses')
      .values({ document_id: doc, source: `user:${a.id}`, created_at: '2026-11-02T09:00:00.000Z' })
      .execute();
    await post(b, '2026-11-03T09:00:00.000Z', 'post', null, 'erfolg');
  });
  afterAll(async () => t.close());

  it('is for admins unless the audience is every member', async () => {
    expect((await member.get(`/analytics/value?${PERIOD}`)).statusCode).toBe(403);
    expect((await member.get(`/analytics/value.csv?${PERIOD}`)).statusCode).toBe(403);
    expect((await member.api('GET', `/api/v1/analytics/value?${PERIOD}`)).statusCode).toBe(403);
    expect((await member.api('GET', '/api/v1/analytics/value-model')).statusCode).toBe(403);
  });

  it('shows each figure with its formula, the numbers filled in, and the charts with tables', async () => {
    const page = await admin.get(`/analytics/value?${PERIOD}`);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('Value for the organisation');
    // 3 × 0.25 + 1 × 0.5 + 1 × 2 = 3.25 h; × 65 = 211.25; 400 × 58 / 30.4375 = 762.22.
    expect(html).toContain(
      '3 answered questions × 0.25 h + 1 reused documents × 0.5 h + 1 success stories × 2 h = 3.25 h',
    );
    expect(html).toContain('3.25 h × €65.00 per hour = €211.25');
    expect(html).toContain('€400.00 per month × 58 days ÷ 30.44 days per month = €762.22');
    expect(html).toContain('(€211.25 − €762.22) ÷ €762.22 = -72.3%');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<caption>Money saved and platform cost</caption>');
    expect(html).toContain(
      '<caption>Answered questions, reused documents and success stories</caption>',
    );
    expect(html).toContain(`/analytics/value.csv?${PERIOD.replace(/&/g, '&amp;')}`);
    expect(html).toContain('action="/analytics/value/model"');
    // Without a period: the last twelve months per month.
    const plain = await admin.get('/analytics/value');
    expect(plain.body).toContain('value="2025-12-01"');
    expect(plain.body).toContain('<option value="month" selected');
    const bad = await admin.get('/analytics/value?from=1.10.2026');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Enter a date as YYYY-MM-DD.');
  });

  it('exports the figures per month and in total as CSV', async () => {
    const res = await admin.get(`/analytics/value.csv?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(csvLines(res.body)).toEqual([
      'period,days,answered_questions,reused_documents,success_stories,hours_saved,money_saved,platform_cost,roi',
      '2026-10,31,1,0,0,0.25,16.25,407.39,-0.9601',
      '2026-11,27,2,1,1,3,195,354.83,-0.4504',
      'total,58,3,1,1,3.25,211.25,762.22,-0.7228',
    ]);
    expect((await admin.get('/analytics/value.csv?from=2026-11-27&to=2026-10-01')).statusCode).toBe(
      400,
    );
  });

  it('answers the same figures in the API', async () => {
    const res = await admin.api('GET', `/api/v1/analytics/value?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      from: '2026-10-01',
      to: '2026-11-27',
      grain: 'month',
      limited: false,
      model: {
        hoursPerAnswer: 0.25,
        hoursPerReuse: 0.5,
        hoursPerStory: 2,
        hourCost: 65,
        currency: 'EUR',
        monthlyCost: 400,
      },
      total: {
        days: 58,
        answered: 3,
        reused: 1,
        stories: 1,
        hours: 3.25,
        money: 211.25,
        cost: 762.22,
        roi: -0.7228,
      },
      items: [
        {
          period: '2026-10',
          days: 31,
          answered: 1,
          reused: 0,
          stories: 0,
          hours: 0.25,
          money: 16.25,
          cost: 407.39,
          roi: -0.9601,
        },
        {
          period: '2026-11',
          days: 27,
          answered: 2,
          reused: 1,
          stories: 1,
          hours: 3,
          money: 195,
          cost: 354.83,
          roi: -0.4504,
        },
      ],
    });
    const bad = await admin.api('GET', '/api/v1/analytics/value?from=2026-11-27&to=2026-10-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ field: 'to', code: 'invalid_period' }] });
  });

  it('lets an admin change the value model by form, errors beside the fields', async () => {
    const bad = await admin.post('/analytics/value/model', {
      hoursPerAnswer: '0,5',
      hoursPerReuse: 'eine halbe',
      hoursPerStory: '2',
      hourCost: '0',
      currency: 'euro',
      monthlyCost: '400',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="hoursPerReuse-error"');
    expect(bad.body).toContain('Enter a number, such as 0.25 or 0,25.');
    expect(bad.body).toContain('id="hourCost-error"');
    expect(bad.body).toContain('Enter a number greater than 0 and at most 10,000.');
    expect(bad.body).toContain('id="currency-error"');
    expect(bad.body).toContain('value="eine halbe"');
    expect(bad.body).toContain('value="0,5"');
    expect(bad.body).toContain('value="EURO"');
    // Nothing was saved.
    expect((await admin.api('GET', '/api/v1/analytics/value-model')).json()).toMatchObject({
      hoursPerAnswer: 0.25,
    });
    const ok = await admin.post('/analytics/value/model', {
      hoursPerAnswer: '0,5',
      hoursPerReuse: '0.5',
      hoursPerStory: '2',
      hourCost: '80',
      currency: 'chf',
      monthlyCost: '500',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/analytics/value');
    const after = await admin.get(`/analytics/value?${PERIOD}`);
    expect(after.body).toContain('The value model is saved.');
    // 3 × 0.5 + 1 × 0.5 + 1 × 2 = 4 h × 80 = 320 CHF.
    expect(after.body).toContain('= 4 h');
    expect((await admin.api('GET', '/api/v1/analytics/value-model')).json()).toEqual({
      hoursPerAnswer: 0.5,
      hoursPerReuse: 0.5,
      hoursPerStory: 2,
      hourCost: 80,
      currency: 'CHF',
      monthlyCost: 500,
    });
  });

  it('lets an admin change the value model by API, every bad field named', async () => {
    const bad = await admin.api('PUT', '/api/v1/analytics/value-model', {
      hourCost: -1,
      currency: 'eur',
      monthlyCost: 200_000_000,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (bad.json() as { errors: { field: string; code: string }[] }).errors.map((e) => [
        e.field,
        e.code,
      ]),
    ).toEqual([
      ['hourCost', 'out_of_range'],
      ['monthlyCost', 'out_of_range'],
      ['currency', 'invalid_currency'],
    ]);
    const typed = await admin.api('PUT', '/api/v1/analytics/value-model', {
      hoursPerStory: 'zwei',
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json()).toMatchObject({
      errors: [{ field: 'hoursPerStory', code: 'invalid_type' }],
    });
    const ok = await admin.api('PUT', '/api/v1/analytics/value-model', {
      hoursPerAnswer: 0.25,
      hourCost: 65,
      currency: 'EUR',
      monthlyCost: 400,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      hoursPerAnswer: 0.25,
      hoursPerReuse: 0.5,
      hoursPerStory: 2,
      hourCost: 65,
      currency: 'EUR',
      monthlyCost: 400,
    });
  });

  it('shows members what they may see, without the private group, and no model form', async () => {
    await setSetting(t.deps.db, 'analytics.audience', 'members', NOW);
    const page = await member.get(`/analytics/value?${PERIOD}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Counted for you');
    expect(page.body).toContain('2 answered questions × 0.25 h');
    expect(page.body).not.toContain('action="/analytics/value/model"');
    expect(page.body).toContain('Only admins can change the value model.');
    const api = await member.api('GET', `/api/v1/analytics/value?${PERIOD}`);
    expect(api.json()).toMatchObject({
      limited: true,
      total: { answered: 2, reused: 1, stories: 1 },
    });
    expect((await member.post('/analytics/value/model', { hoursPerAnswer: '9' })).statusCode).toBe(
      403,
    );
    expect(
      (await member.api('PUT', '/api/v1/analytics/value-model', { hoursPerAnswer: 9 })).statusCode,
    ).toBe(403);
    expect(csvLines((await member.get(`/analytics/value.csv?${PERIOD}`)).body).at(-1)).toBe(
      'total,58,2,1,1,3,195,762.22,-0.7442',
    );
    await setSetting(t.deps.db, 'analytics.audience', 'admins', NOW);
  });

  it('speaks German', async () => {
    const de = await signedIn(t.app, await createAdmin(t.deps, { name: 'Dora', locale: 'de' }));
    const page = await de.get(`/analytics/value?${PERIOD}`);
    expect(page.statusCode).toBe(200);
    const html = page.body.replace(/\u00a0/g, ' ');
    expect(html).toContain('Nutzen für das Unternehmen');
    expect(html).toContain(
      '3 beantwortete Fragen × 0,25 h + 1 wiederverwendete Dokumente × 0,5 h + 1 Erfolgsgeschichten × 2 h = 3,25 h',
    );
    expect(html).toContain('3,25 h × 65,00 € pro Stunde = 211,25 €');
    // The model form writes decimals the German way.
    expect(html).toContain('name="hoursPerAnswer" type="text" value="0,25"');
  });
});
