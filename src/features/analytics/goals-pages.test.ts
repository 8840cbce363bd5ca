import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { setSetting } from '../admin/settings.ts';

const NOW = new Date('2026-11-28T10:00:00Z');

const GOAL_FORM = {
  name: 'Angebote in 2 Tagen',
  description: 'Von der Anfrage bis zum Angebot.',
  kpi: 'manual',
  unit: 'Tage von Anfrage bis Angebot',
  baseline: '8',
  target: '2',
  startDate: '2026-06-01',
  deadline: '2027-01-31',
};

interface Problem {
  errors: { field: string; code: string }[];
}
const fieldsOf = (body: unknown) => (body as Problem).errors.map((e) => [e.field, e.code]);

describe.each(DIALECTS)('goal pages and API (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let member: Client;
  let goalUrl = '';

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Mo Mitglied' }));
  });
  afterAll(async () => t.close());

  it('is for those who see the dashboards; only admins change goals', async () => {
    expect((await member.get('/analytics/goals')).statusCode).toBe(403);
    expect((await member.api('GET', '/api/v1/analytics/goals')).statusCode).toBe(403);
    await setSetting(t.deps.db, 'analytics.audience', 'members', NOW);
    const list = await member.get('/analytics/goals');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('No goals yet.');
    expect(list.body).not.toContain('href="/analytics/goals/new"');
    expect((await member.get('/analytics/goals/new')).statusCode).toBe(403);
    expect((await member.post('/analytics/goals', GOAL_FORM)).statusCode).toBe(403);
    expect(
      (
        await member.api('POST', '/api/v1/analytics/goals', {
          ...GOAL_FORM,
          baseline: 8,
          target: 2,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('creates a goal by form, with errors beside the fields and what was typed kept', async () => {
    const form = await admin.get('/analytics/goals/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('action="/analytics/goals"');
    expect(form.body).toContain('value="2026-11-28"');

    const bad = await admin.post('/analytics/goals', {
      ...GOAL_FORM,
      name: '',
      target: '8',
      deadline: '2026-05-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="name-error"');
    expect(bad.body).toContain('id="target-error"');
    expect(bad.body).toContain('The target must differ from the baseline.');
    expect(bad.body).toContain('id="deadline-error"');
    expect(bad.body).toContain('The deadline must come after the start.');
    expect(bad.body).toContain('value="Tage von Anfrage bis Angebot"');
    expect(bad.body).toContain('value="2026-05-01"');
    expect(bad.body).toContain('Von der Anfrage bis zum Angebot.</textarea>');

    const typo = await admin.post('/analytics/goals', {
      ...GOAL_FORM,
      kpi: 'umsatz',
      baseline: 'acht',
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.body).toContain('Choose one of the offered KPIs.');
    expect(typo.body).toContain('id="baseline-error"');
    expect(typo.body).toContain('value="acht"');

    const ok = await admin.post('/analytics/goals', GOAL_FORM);
    expect(ok.statusCode).toBe(303);
    goalUrl = ok.headers.location as string;
    expect(goalUrl).toMatch(/^\/analytics\/goals\/[0-9A-Z]{26}$/);
    const page = await admin.get(goalUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The goal “Angebote in 2 Tagen” is created.');
    expect(page.body).toContain('no measurement yet');
    expect(page.body).toContain('How the status is decided');
    expect(page.body).toContain('lower is better');
  });

  it('takes measurements and shows them with chart, table, status rule and CSV', async () => {
    const future = await admin.post(`${goalUrl}/measurements`, {
      day: '2026-12-01',
      value: '7,5',
      note: 'Zu früh',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('id="day-error"');
    expect(future.body).toContain('A measurement cannot lie in the future.');
    expect(future.body).toContain('value="7,5"');
    expect(future.body).toContain('value="Zu früh"');
    const nan = await admin.post(`${goalUrl}/measurements`, { day: '2026-07-31', value: 'sechs' });
    expect(nan.statusCode).toBe(400);
    expect(nan.body).toContain('id="value-error"');

    for (const [day, value, note] of [
      ['2026-07-31', '6,5', 'Vorlage eingeführt'],
      ['2026-10-31', '4', 'Freigabe vereinfacht'],
    ]) {
      const r = await admin.post(`${goalUrl}/measurements`, {
        day: day!,
        value: value!,
        note: note!,
      });
      expect(r.statusCode).toBe(303);
    }
    // Progress (4 − 8) ÷ (2 − 8) = 67 %; expected: 180 of 244 days = 74 %; 67 ≥ 74 − 10.
    const page = await admin.get(goalUrl);
    expect(page.body).toContain('The measurement is added.');
    expect(page.body).toMatch(/<svg[^>]*role="img"/);
    expect(page.body).toContain(
      '<caption>Angebote in 2 Tagen: measurements, baseline and target</caption>',
    );
    expect(page.body).toContain(
      'Here: progress (4 − 8) ÷ (2 − 8) = 67%; expected by 28 Nov 2026: 74%.',
    );
    expect(page.body).toContain('on track');
    expect(page.body).toContain('Freigabe vereinfacht');
    expect(page.body).toContain(`${goalUrl}/measurements.csv`);
    const list = await admin.get('/analytics/goals');
    expect(list.body).toContain('Angebote in 2 Tagen');
    expect(list.body).toContain('4 Tage von Anfrage bis Angebot on 31 Oct 2026');
    expect(list.body).toContain('67%');
    expect(list.body).toContain('on track');

    const csv = await admin.get(`${goalUrl}/measurements.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toEqual([
      'day,value,baseline,target,computed,note',
      '2026-07-31,6.5,8,2,no,Vorlage eingeführt',
      '2026-10-31,4,8,2,no,Freigabe vereinfacht',
    ]);

    // Without the October value: (6.5 − 8) ÷ (2 − 8) = 25 %, more than 25 points behind.
    const id = goalUrl.split('/').at(-1)!;
    const october = await t.deps.db
      .selectFrom('goal_measurements')
      .select('id')
      .where('goal_id', '=', id)
      .where('day', '=', '2026-10-31')
      .executeTakeFirstOrThrow();
    const del = await admin.post(`${goalUrl}/measurements/${october.id}/delete`);
    expect(del.statusCode).toBe(303);
    const after = await admin.get(goalUrl);
    expect(after.body).toContain('The measurement is deleted.');
    expect(after.body).toContain('= 25%');
    expect(after.body).toContain('off track');
    expect((await admin.post(`${goalUrl}/measurements/${october.id}/delete`)).statusCode).toBe(404);
  });

  it('edits and deletes a goal by form', async () => {
    const edit = await admin.get(`${goalUrl}/edit`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="Angebote in 2 Tagen"');
    const bad = await admin.post(`${goalUrl}/edit`, { ...GOAL_FORM, deadline: '2026-06-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The deadline must come after the start.');
    const ok = await admin.post(`${goalUrl}/edit`, {
      ...GOAL_FORM,
      name: 'Angebote in 3 Tagen',
      target: '3',
    });
    expect(ok.statusCode).toBe(303);
    expect((await admin.get(goalUrl)).body).toContain('<h1>Angebote in 3 Tagen</h1>');
    const gone = await admin.post(`${goalUrl}/delete`);
    expect(gone.statusCode).toBe(303);
    expect(gone.headers.location).toBe('/analytics/goals');
    expect((await admin.get('/analytics/goals')).body).toContain(
      'The goal “Angebote in 3 Tagen” is deleted.',
    );
    expect((await admin.get(goalUrl)).statusCode).toBe(404);
    expect((await admin.get(`${goalUrl}/measurements.csv`)).statusCode).toBe(404);
  });

  it('does the same through the API, with problems naming fields and 404 for unknown ids', async () => {
    const body = { ...GOAL_FORM, baseline: 8, target: 2 };
    const typed = await admin.api('POST', '/api/v1/analytics/goals', { ...body, baseline: 'acht' });
    expect(typed.statusCode).toBe(400);
    expect(fieldsOf(typed.json())).toEqual([['baseline', 'invalid_type']]);
    const bad = await admin.api('POST', '/api/v1/analytics/goals', {
      ...body,
      kpi: 'umsatz',
      target: 8,
      deadline: '2026-05-31',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual([
      ['kpi', 'unknown_kpi'],
      ['target', 'same_as_baseline'],
      ['deadline', 'deadline_before_start'],
    ]);

    const created = await admin.api('POST', '/api/v1/analytics/goals', body);
    expect(created.statusCode, created.body).toBe(201);
    const goal = created.json() as { id: string };
    expect(created.json()).toMatchObject({
      name: 'Angebote in 2 Tagen',
      kpi: 'manual',
      unit: 'Tage von Anfrage bis Angebot',
      direction: 'decrease',
      status: 'none',
      progress: null,
      expected: 180 / 244,
      latest: null,
      measurements: [],
    });
    const url = `/api/v1/analytics/goals/${goal.id}`;
    const m = await admin.api('POST', `${url}/measurements`, {
      day: '2026-11-01',
      value: 5,
      note: 'Halbzeit',
    });
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json()).toMatchObject({
      day: '2026-11-01',
      value: 5,
      note: 'Halbzeit',
      computed: false,
    });
    const badM = await admin.api('POST', `${url}/measurements`, { day: '2026-13-01', value: 5 });
    expect(fieldsOf(badM.json())).toEqual([['day', 'invalid_date']]);
    // Progress 0.5 against an expected 0.738: between 10 and 25 points behind.
    expect((await admin.api('GET', url)).json()).toMatchObject({
      status: 'at_risk',
      progress: 0.5,
      latest: { day: '2026-11-01', value: 5 },
      measurements: [{ day: '2026-11-01', value: 5, note: 'Halbzeit' }],
    });
    const list = await admin.api('GET', '/api/v1/analytics/goals');
    expect(list.json()).toMatchObject({
      items: [{ id: goal.id, status: 'at_risk' }],
      nextCursor: null,
    });

    const same = await admin.api('PATCH', url, { target: 8 });
    expect(fieldsOf(same.json())).toEqual([['target', 'same_as_baseline']]);
    const renamed = await admin.api('PATCH', url, { name: 'Angebote schneller', target: 5 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Angebote schneller', status: 'on_track' });

    const mid = (m.json() as { id: string }).id;
    expect((await admin.api('DELETE', `${url}/measurements/${mid}`)).statusCode).toBe(204);
    expect((await admin.api('DELETE', `${url}/measurements/${mid}`)).statusCode).toBe(404);
    expect((await member.api('DELETE', url)).statusCode).toBe(403);
    expect((await member.api('GET', url)).statusCode).toBe(200);

    const computed = await admin.api('POST', '/api/v1/analytics/goals', {
      name: 'Antwortquote über 90 %',
      kpi: 'answer_rate',
      baseline: 70,
      target: 90,
      startDate: '2026-06-01',
      deadline: '2027-05-31',
    });
    expect(computed.statusCode).toBe(201);
    expect(computed.json()).toMatchObject({
      unit: 'percent',
      direction: 'increase',
      status: 'none',
    });
    const cid = (computed.json() as { id: string }).id;
    const refused = await admin.api('POST', `/api/v1/analytics/goals/${cid}/measurements`, {
      day: '2026-11-01',
      value: 80,
    });
    expect(refused.statusCode).toBe(409);

    const unknown = '/api/v1/analytics/goals/01ZZZZZZZZZZZZZZZZZZZZZZZZ';
    expect((await admin.api('GET', unknown)).statusCode).toBe(404);
    expect((await admin.api('PATCH', unknown, { name: 'x' })).statusCode).toBe(404);
    expect((await admin.api('DELETE', unknown)).statusCode).toBe(404);
    expect(
      (await admin.api('POST', `${unknown}/measurements`, { day: '2026-11-01', value: 1 }))
        .statusCode,
    ).toBe(404);
    expect((await admin.api('DELETE', url)).statusCode).toBe(204);
    expect((await admin.api('GET', url)).statusCode).toBe(404);
  });

  it('documents goals and value in the OpenAPI document', async () => {
    const res = await t.app.inject({ url: '/api/v1/openapi.json' });
    const doc = res.json() as {
      paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
      components: { schemas: Record<string, unknown> };
    };
    const ours = {
      '/api/v1/analytics/goals': ['get', 'post'],
      '/api/v1/analytics/goals/{id}': ['delete', 'get', 'patch'],
      '/api/v1/analytics/goals/{id}/measurements': ['post'],
      '/api/v1/analytics/goals/{id}/measurements/{mid}': ['delete'],
      '/api/v1/analytics/value': ['get'],
      '/api/v1/analytics/value-model': ['get', 'put'],
    };
    for (const [path, methods] of Object.entries(ours)) {
      expect(Object.keys(doc.paths[path] ?? {}).sort(), path).toEqual(methods);
      for (const op of Object.values(doc.paths[path]!)) {
        expect(op.tags).toEqual(['analytics']);
        expect(op.summary).toBeTruthy();
      }
      const refs = JSON.stringify(doc.paths[path]).match(/"\$ref":"[^"]+"/g) ?? [];
      for (const ref of refs) {
        const name = /#\/components\/schemas\/([^"]+)/.exec(ref)?.[1];
        expect(name, ref).toBeTruthy();
        expect(doc.components.schemas).toHaveProperty([name!]);
      }
    }
  });

  it('speaks German', async () => {
    const de = await signedIn(t.app, await createAdmin(t.deps, { name: 'Dora', locale: 'de' }));
    const created = await de.post('/analytics/goals', { ...GOAL_FORM, name: 'Auf Deutsch' });
    expect(created.statusCode).toBe(303);
    const page = await de.get(created.headers.location as string);
    expect(page.body).toContain('Das Ziel „Auf Deutsch“ ist angelegt.');
    expect(page.body).toContain('noch keine Messung');
    expect(page.body).toContain('weniger ist besser');
    expect((await de.get('/analytics/goals')).body).toContain('So wird der Status bestimmt');
  });
});
