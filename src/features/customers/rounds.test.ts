import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from '../accounts/accounts.table.ts';

const NOW = new Date('2026-11-28T10:00:00Z');

interface Problem {
  code: string;
  errors?: { field: string; code: string }[];
}
const fieldsOf = (body: unknown) => ((body as Problem).errors ?? []).map((e) => [e.field, e.code]);

/** The table row (in the body of a table) that names the text. */
const rowWith = (html: string, text: string): string =>
  html
    .split('<tr>')
    .find((r) => r.includes(text))
    ?.split('</tr>')[0] ?? '';

const badge = (value: string, rating: 'green' | 'amber' | 'red') => {
  const look = {
    green: ['badge-available', '●', 'On target'],
    amber: ['badge-busy', '▲', 'Within tolerance'],
    red: ['q-overdue', '✖', 'Below tolerance'],
  };
  const [cls, symbol, word] = look[rating];
  return `<span class="badge rating rating-${rating} ${cls}">${value} <span aria-hidden="true">${symbol}</span> ${word}</span>`;
};

describe.each(DIALECTS)('evaluation rounds (%s)', (dialect) => {
  let t: TestApp;
  let owner: User;
  let admin: Client;
  let ownerC: Client;
  let member: Client;
  const ids: Record<string, string> = {};
  let h1 = '';
  let h2Url = '';

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    owner = await createUser(t.deps, { name: 'Olga Owner' });
    ownerC = await signedIn(t.app, owner);
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Max Member' }));
    for (const [key, name, ownerId] of [
      ['a', 'Alpha GmbH', owner.id],
      ['b', 'Beta KG', null],
      ['c', 'Gamma AG', null],
    ] as const) {
      ids[key] = (await admin.api('POST', '/api/v1/customers', { name, ownerId })).json().id;
    }
    // Quality: green from 8, amber from 6 to under 8, red under 6.
    await admin.api('PATCH', '/api/v1/satisfaction/dimensions/dim_quality', {
      target: 8,
      tolerance: 2,
    });
  });
  afterAll(async () => t.close());

  it('creates rounds by form and API, naming each bad field and keeping what was typed', async () => {
    const bad = await admin.post('/customers/rounds', {
      name: '',
      startsOn: 'morgen',
      endsOn: '2026-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="name-error"');
    expect(bad.body).toContain('id="startsOn-error"');
    expect(bad.body).toContain('Please enter a date as YYYY-MM-DD');
    expect(bad.body).toContain('value="morgen"');
    const backwards = await admin.post('/customers/rounds', {
      name: 'H2 2026',
      startsOn: '2026-07-01',
      endsOn: '2026-06-30',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('The end cannot come before the start.');
    expect(backwards.body).toContain('value="H2 2026"');

    const ok = await admin.post('/customers/rounds', {
      name: 'H2 2026',
      startsOn: '2026-07-01',
      endsOn: '2026-12-31',
    });
    expect(ok.statusCode).toBe(303);
    h2Url = ok.headers.location as string;
    expect((await admin.get(h2Url)).body).toContain('The round “H2 2026” is created.');

    const taken = await admin.api('POST', '/api/v1/satisfaction/rounds', {
      name: 'h2 2026',
      startsOn: '2026-07-01',
      endsOn: '2026-07-01',
    });
    expect(taken.statusCode).toBe(409);
    expect(fieldsOf(taken.json())).toEqual([['name', 'name_taken']]);
    const dates = await admin.api('POST', '/api/v1/satisfaction/rounds', {
      name: 'H1 2026',
      startsOn: '2026-02-30',
      endsOn: '2026-01-01',
    });
    expect(fieldsOf(dates.json())).toEqual([['startsOn', 'invalid_date']]);
    const res = await admin.api('POST', '/api/v1/satisfaction/rounds', {
      name: 'H1 2026',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    });
    expect(res.statusCode).toBe(201);
    h1 = res.json().id;
    expect(res.json()).toMatchObject({
      name: 'H1 2026',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      published: false,
      publishedAt: null,
      evaluationCount: 0,
    });
    expect(
      (
        await ownerC.api('POST', '/api/v1/satisfaction/rounds', {
          name: 'X',
          startsOn: '2026-01-01',
          endsOn: '2026-01-02',
        })
      ).statusCode,
    ).toBe(403);
    expect((await ownerC.get('/customers/rounds/new')).statusCode).toBe(403);
    expect((await member.get('/customers/rounds')).statusCode).toBe(403);
    expect((await member.api('GET', '/api/v1/satisfaction/rounds')).statusCode).toBe(404);
  });

  it('rates each score at the boundaries in the grid and in the API', async () => {
    const h2 = h2Url.split('/').at(-1) as string;
    const put = (customer: string, round: string, score: number) =>
      admin.api('PUT', `/api/v1/customers/${customer}/evaluations/${round}`, {
        conversationDate: '2026-11-02',
        comment: `Kommentar ${score}`,
        scores: { dim_quality: score },
      });
    expect((await put(ids.a as string, h2, 8)).statusCode).toBe(201);
    expect((await put(ids.b as string, h2, 6)).statusCode).toBe(201);
    expect((await put(ids.c as string, h2, 5)).statusCode).toBe(201);
    expect((await put(ids.a as string, h1, 4)).statusCode).toBe(201);

    const grid = await admin.get(h2Url);
    expect(grid.statusCode).toBe(200);
    // Exactly at the target: green; exactly target − tolerance: amber; just below: red.
    expect(rowWith(grid.body, 'Alpha GmbH')).toContain(badge('8', 'green'));
    expect(rowWith(grid.body, 'Beta KG')).toContain(badge('6', 'amber'));
    expect(rowWith(grid.body, 'Gamma AG')).toContain(badge('5', 'red'));
    // The mean row: (8 + 6 + 5) / 3 = 6.33, amber.
    const means = grid.body.split('<tfoot>')[1] ?? '';
    expect(means).toContain(badge('6.33', 'amber'));
    expect(grid.body).toContain('below the target by at most the tolerance');

    const api = (await admin.api('GET', `/api/v1/satisfaction/rounds/${h2}`)).json();
    expect(api.evaluationCount).toBe(3);
    expect(
      (
        api.evaluations as {
          customerName: string;
          ratings: Record<string, string>;
          score: { rating: string };
        }[]
      ).map((e) => [e.customerName, e.ratings.dim_quality, e.score.rating]),
    ).toEqual([
      ['Alpha GmbH', 'green', 'green'],
      ['Beta KG', 'amber', 'amber'],
      ['Gamma AG', 'red', 'red'],
    ]);
  });

  it('shows each customer’s latest round mean in the list', async () => {
    const list = await admin.get('/customers');
    expect(rowWith(list.body, 'Alpha GmbH')).toContain(badge('8', 'green'));
    expect(rowWith(list.body, 'Alpha GmbH')).toContain('(H2 2026)');
    const api = (await admin.api('GET', '/api/v1/customers')).json().items[0];
    expect(api.latest).toEqual({
      roundId: h2Url.split('/').at(-1),
      roundName: 'H2 2026',
      score: { mean: 8, target: 8, tolerance: 2, rating: 'green' },
    });
  });

  it('lists rounds with dates, evaluations and whether published', async () => {
    const list = await admin.get('/customers/rounds');
    const h2Row = rowWith(list.body, 'H2 2026');
    expect(h2Row).toContain('1 Jul 2026');
    expect(h2Row).toContain('31 Dec 2026');
    expect(h2Row).toContain('<td class="num">3</td>');
    expect(h2Row).toContain('Not published.');
    expect(rowWith(list.body, 'H1 2026')).toContain('<td class="num">1</td>');
    // Newest first.
    expect(list.body.indexOf('H2 2026')).toBeLessThan(list.body.indexOf('H1 2026'));
    const items = (await ownerC.api('GET', '/api/v1/satisfaction/rounds')).json().items;
    expect(
      items.map((r: { name: string; evaluationCount: number }) => [r.name, r.evaluationCount]),
    ).toEqual([
      ['H2 2026', 3],
      ['H1 2026', 1],
    ]);
  });

  it('shows an owner the grid, with links to evaluate only their own customers and only their comments', async () => {
    const grid = await ownerC.get(h2Url);
    expect(grid.statusCode).toBe(200);
    expect(rowWith(grid.body, 'Alpha GmbH')).toContain('Edit for Alpha GmbH');
    expect(rowWith(grid.body, 'Beta KG')).not.toContain('Edit for');
    expect(grid.body).not.toContain('Edit H2 2026');
    const api = (
      await ownerC.api('GET', `/api/v1/satisfaction/rounds/${h2Url.split('/').at(-1)}`)
    ).json();
    expect(api.evaluations.map((e: { comment: string | null }) => e.comment)).toEqual([
      'Kommentar 8',
      null,
      null,
    ]);
  });

  it('edits a round and names a bad change', async () => {
    const form = await admin.get(`${h2Url}/edit`);
    expect(form.body).toContain('value="2026-07-01"');
    const bad = await admin.post(`${h2Url}/edit`, {
      name: 'H1 2026',
      startsOn: '2026-07-01',
      endsOn: '2026-12-31',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('A round with this name already exists.');
    const ok = await admin.post(`${h2Url}/edit`, {
      name: 'H2/2026',
      startsOn: '2026-07-01',
      endsOn: '2027-01-15',
    });
    expect(ok.statusCode).toBe(303);
    const patched = await admin.api(
      'PATCH',
      `/api/v1/satisfaction/rounds/${h2Url.split('/').at(-1)}`,
      {
        name: 'H2 2026',
      },
    );
    expect(patched.json()).toMatchObject({ name: 'H2 2026', endsOn: '2027-01-15' });
  });

  it('deletes a round after confirmation, and its evaluations with it', async () => {
    const h2 = h2Url.split('/').at(-1) as string;
    const confirm = await admin.get(`${h2Url}/delete`);
    expect(confirm.body).toContain('Delete the round “H2 2026”?');
    expect(confirm.body).toContain('all of its evaluations (now 3)');
    expect((await ownerC.post(`${h2Url}/delete`)).statusCode).toBe(403);
    const res = await admin.post(`${h2Url}/delete`);
    expect(res.statusCode).toBe(303);
    expect((await admin.get('/customers/rounds')).body).toContain(
      'The round “H2 2026” and its evaluations (3) are deleted.',
    );
    const left = await t.deps.db
      .selectFrom('evaluations')
      .select(['round_id', 'customer_id'])
      .execute();
    expect(left).toEqual([{ round_id: h1, customer_id: ids.a }]);
    const scores = await t.deps.db.selectFrom('evaluation_scores').select('score').execute();
    expect(scores.map((s) => s.score)).toEqual([4]);
    expect((await admin.api('GET', `/api/v1/satisfaction/rounds/${h2}`)).statusCode).toBe(404);
    // The list now shows the older round.
    expect(rowWith((await admin.get('/customers')).body, 'Alpha GmbH')).toContain(
      badge('4', 'red'),
    );
    expect((await admin.api('DELETE', `/api/v1/satisfaction/rounds/${h1}`)).statusCode).toBe(204);
    expect(await t.deps.db.selectFrom('evaluations').select('id').execute()).toEqual([]);
  });
});
