import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { User } from '../accounts/accounts.table.ts';

const NOW = new Date('2026-11-28T10:00:00Z');

interface Problem {
  errors?: { field: string; code: string }[];
}
const fieldsOf = (body: unknown) => ((body as Problem).errors ?? []).map((e) => [e.field, e.code]);

describe.each(DIALECTS)('evaluations (%s)', (dialect) => {
  let t: TestApp;
  let olga: User;
  let admin: Client;
  let olgaC: Client;
  let otto: Client;
  let member: Client;
  let mine = '';
  let theirs = '';
  let round = '';
  let formUrl = '';

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    olga = await createUser(t.deps, { name: 'Olga Owner' });
    olgaC = await signedIn(t.app, olga);
    const ottoUser = await createUser(t.deps, { name: 'Otto Owner' });
    otto = await signedIn(t.app, ottoUser);
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Max Member' }));
    mine = (
      await admin.api('POST', '/api/v1/customers', { name: 'Olgas Kunde AG', ownerId: olga.id })
    ).json().id;
    theirs = (
      await admin.api('POST', '/api/v1/customers', { name: 'Ottos Kunde KG', ownerId: ottoUser.id })
    ).json().id;
    round = (
      await admin.api('POST', '/api/v1/satisfaction/rounds', {
        name: 'H2 2026',
        startsOn: '2026-07-01',
        endsOn: '2026-12-31',
      })
    ).json().id;
    formUrl = `/customers/${mine}/evaluations/${round}`;
  });
  afterAll(async () => t.close());

  it('lets an account owner evaluate only their own customers', async () => {
    const form = await olgaC.get(formUrl);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="2026-11-28"');
    for (const d of ['overall', 'quality', 'communication', 'reliability', 'value'])
      expect(form.body).toContain(`name="scores.dim_${d}"`);
    expect(form.body).toContain('green ● from 8; amber ▲ from 7 to under 8; red ✖ under 7');
    expect((await olgaC.get(`/customers/${theirs}/evaluations/${round}`)).statusCode).toBe(403);
    expect((await member.get(formUrl)).statusCode).toBe(403);
    const put = (c: Client, customer: string) =>
      c.api('PUT', `/api/v1/customers/${customer}/evaluations/${round}`, {
        conversationDate: '2026-11-02',
        scores: { dim_overall: 7 },
      });
    expect((await put(olgaC, theirs)).statusCode).toBe(403);
    expect((await put(member, mine)).statusCode).toBe(404);
    expect(await t.deps.db.selectFrom('evaluations').select('id').execute()).toEqual([]);
  });

  it('names each bad field of the form and keeps what was typed', async () => {
    const bad = await olgaC.post(formUrl, {
      conversationDate: '2026-13-01',
      comment: 'Sehr zufrieden, aber …',
      'scores.dim_overall': 'elf',
      'scores.dim_quality': '11',
      'scores.dim_value': '7.5',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="conversationDate-error"');
    expect(bad.body).toContain('id="scores.dim_overall-error"');
    expect(bad.body).toContain('id="scores.dim_quality-error"');
    expect(bad.body).toContain('id="scores.dim_value-error"');
    expect(bad.body).toContain('Enter a whole number from 1 to 10, or leave it empty.');
    expect(bad.body).toContain('value="elf"');
    expect(bad.body).toContain('value="2026-13-01"');
    expect(bad.body).toContain('Sehr zufrieden, aber …</textarea>');

    const none = await olgaC.post(formUrl, { conversationDate: '', comment: 'x'.repeat(5001) });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('id="conversationDate-error"');
    expect(none.body).toContain('id="scores-error"');
    expect(none.body).toContain('Score at least one dimension.');
    expect(none.body).toContain('id="comment-error"');
    expect(none.body).toContain('Please enter at most 5,000 characters');
    expect(await t.deps.db.selectFrom('evaluations').select('id').execute()).toEqual([]);
  });

  it('saves, shows with ratings, and updates an evaluation by form', async () => {
    const ok = await olgaC.post(formUrl, {
      conversationDate: '2026-11-02',
      comment: 'Liefertermine wackeln.',
      'scores.dim_overall': '8',
      'scores.dim_quality': '7',
      'scores.dim_reliability': '6',
      'scores.dim_value': '',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/customers/${mine}`);
    const page = await olgaC.get(`/customers/${mine}`);
    expect(page.body).toContain('The evaluation of Olgas Kunde AG in H2 2026 is saved.');
    expect(page.body).toContain('Conversation on 2 Nov 2026');
    expect(page.body).toContain('rating-green badge-available">8 ');
    expect(page.body).toContain('rating-amber badge-busy">7 ');
    expect(page.body).toContain('rating-red q-overdue">6 ');
    // Mean (8 + 7 + 6) / 3 = 7, against the mean standard 8 − 1: amber.
    expect(page.body.split('<tfoot>')[1]).toContain('rating-amber badge-busy">7 ');
    expect(page.body).toContain('Liefertermine wackeln.');

    const again = await olgaC.get(formUrl);
    expect(again.body).toContain('value="2026-11-02"');
    expect(again.body).toContain('Delete this evaluation');
    const updated = await olgaC.post(formUrl, {
      conversationDate: '2026-11-03',
      comment: 'Liefertermine stabil.',
      'scores.dim_overall': '9',
    });
    expect(updated.statusCode).toBe(303);
    expect((await olgaC.get(`/customers/${mine}`)).body).toContain(
      'The evaluation of Olgas Kunde AG in H2 2026 is updated.',
    );
    const items = (await olgaC.api('GET', `/api/v1/customers/${mine}/evaluations`)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      roundId: round,
      customerId: mine,
      conversationDate: '2026-11-03',
      comment: 'Liefertermine stabil.',
      scores: { dim_overall: 9 },
      ratings: { dim_overall: 'green' },
      score: { mean: 9, target: 8, tolerance: 1, rating: 'green' },
    });
  });

  it('shows the confidential comment only to those who may evaluate the customer', async () => {
    const adminPage = await admin.get(`/customers/${mine}`);
    expect(adminPage.body).toContain('Liefertermine stabil.');
    const ottoPage = await otto.get(`/customers/${mine}`);
    expect(ottoPage.statusCode).toBe(200);
    expect(ottoPage.body).not.toContain('Liefertermine stabil.');
    expect(ottoPage.body).not.toContain('Edit this evaluation');
    expect(ottoPage.body).toContain('rating-green badge-available">9 ');
    const ottoApi = (await otto.api('GET', `/api/v1/customers/${mine}/evaluations`)).json();
    expect(ottoApi.items[0].comment).toBeNull();
    expect(ottoApi.items[0].scores).toEqual({ dim_overall: 9 });
  });

  it('names each bad field in the API', async () => {
    const url = `/api/v1/customers/${theirs}/evaluations/${round}`;
    const empty = await admin.api('PUT', url, { conversationDate: '', scores: {} });
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty.json())).toEqual([
      ['conversationDate', 'required'],
      ['scores', 'no_scores'],
    ]);
    const bad = await admin.api('PUT', url, {
      conversationDate: '2026-02-29',
      scores: { dim_overall: 7.5, dim_quality: 0, bogus: 5 },
    });
    expect(fieldsOf(bad.json())).toEqual([
      ['conversationDate', 'invalid_date'],
      ['scores.dim_overall', 'invalid_score'],
      ['scores.dim_quality', 'invalid_score'],
      ['scores.bogus', 'unknown_dimension'],
    ]);
    const text = await admin.api('PUT', url, {
      conversationDate: '2026-11-01',
      scores: { dim_overall: '7' },
    });
    expect(text.statusCode).toBe(400);
    expect(fieldsOf(text.json())[0]?.[0]).toBe('scores.dim_overall');
    const unknownRound = await admin.api('PUT', `/api/v1/customers/${theirs}/evaluations/nope`, {
      conversationDate: '2026-11-01',
      scores: { dim_overall: 7 },
    });
    expect(unknownRound.statusCode).toBe(404);

    const created = await otto.api('PUT', url, {
      conversationDate: '2026-11-01',
      comment: 'Otto notiert.',
      scores: { dim_overall: 7, dim_value: null },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ scores: { dim_overall: 7 }, comment: 'Otto notiert.' });
    const replaced = await otto.api('PUT', url, {
      conversationDate: '2026-11-01',
      scores: { dim_quality: 10 },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ scores: { dim_quality: 10 }, comment: '' });
    // Olga sees the scores of Otto's customer, not his comment.
    const round_ = (await olgaC.api('GET', `/api/v1/satisfaction/rounds/${round}`)).json();
    expect(
      round_.evaluations.map((e: { customerName: string; comment: string | null }) => [
        e.customerName,
        e.comment,
      ]),
    ).toEqual([
      ['Olgas Kunde AG', 'Liefertermine stabil.'],
      ['Ottos Kunde KG', null],
    ]);
  });

  it('deletes an evaluation after confirmation, and in the API', async () => {
    expect((await otto.post(`${formUrl}/delete`)).statusCode).toBe(403);
    const confirm = await olgaC.get(`${formUrl}/delete`);
    expect(confirm.body).toContain('Delete the evaluation of Olgas Kunde AG in H2 2026?');
    const res = await olgaC.post(`${formUrl}/delete`);
    expect(res.statusCode).toBe(303);
    expect((await olgaC.get(`/customers/${mine}`)).body).toContain('No evaluations yet.');
    const url = `/api/v1/customers/${theirs}/evaluations/${round}`;
    expect((await olgaC.api('DELETE', url)).statusCode).toBe(403);
    expect((await otto.api('DELETE', url)).statusCode).toBe(204);
    expect((await otto.api('DELETE', url)).statusCode).toBe(404);
    expect(await t.deps.db.selectFrom('evaluation_scores').select('score').execute()).toEqual([]);
  });
});
