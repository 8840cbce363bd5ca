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

describe.each(DIALECTS)('dimensions and standards (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let adminDe: Client;
  let ownerC: Client;
  let member: Client;
  let owner: User;
  let customerId = '';
  let roundId = '';
  let innovationId = '';

  const dims = async (c: Client, q = '') =>
    (await c.api('GET', `/api/v1/satisfaction/dimensions${q}`)).json().items as {
      id: string;
      code: string | null;
      name: string;
      customName: string;
      position: number;
      target: number;
      tolerance: number;
      archived: boolean;
    }[];

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    adminDe = await signedIn(
      t.app,
      await createAdmin(t.deps, { name: 'Dirk Admin', locale: 'de' }),
    );
    owner = await createUser(t.deps, { name: 'Olga Owner' });
    ownerC = await signedIn(t.app, owner);
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Max Member' }));
    customerId = (
      await admin.api('POST', '/api/v1/customers', { name: 'Nordwind AG', ownerId: owner.id })
    ).json().id;
    roundId = (
      await admin.api('POST', '/api/v1/satisfaction/rounds', {
        name: 'H2 2026',
        startsOn: '2026-07-01',
        endsOn: '2026-12-31',
      })
    ).json().id;
  });
  afterAll(async () => t.close());

  it('shows the defaults in the reader’s language with the rule and its numbers', async () => {
    const page = await admin.get('/customers/standards');
    expect(page.statusCode).toBe(200);
    for (const name of [
      'Overall satisfaction',
      'Quality',
      'Communication',
      'Reliability',
      'Value for money',
    ])
      expect(page.body).toContain(`<th scope="row">${name}</th>`);
    expect(page.body).toContain('at or above the target');
    expect(page.body).toContain('below the target by at most the tolerance');
    expect(page.body).toContain('further below');
    expect(page.body).toContain('green ● from 8; amber ▲ from 7 to under 8; red ✖ under 7');
    expect(page.body).toContain('●');
    expect(page.body).toContain('▲');
    expect(page.body).toContain('✖');
    const de = await adminDe.get('/customers/standards');
    expect(de.body).toContain('<th scope="row">Preis-Leistungs-Verhältnis</th>');
    expect(de.body).toContain('grün ● ab 8; gelb ▲ von 7 bis unter 8; rot ✖ unter 7');
    expect((await dims(adminDe)).map((d) => d.name)).toEqual([
      'Gesamtzufriedenheit',
      'Qualität',
      'Kommunikation',
      'Zuverlässigkeit',
      'Preis-Leistungs-Verhältnis',
    ]);
  });

  it('is for admins: owners read dimensions, members without access get 404', async () => {
    expect((await ownerC.get('/customers/standards')).statusCode).toBe(403);
    expect(
      (await ownerC.post('/customers/standards', { name: 'X', target: '8', tolerance: '1' }))
        .statusCode,
    ).toBe(403);
    expect((await dims(ownerC)).length).toBe(5);
    expect(
      (
        await ownerC.api('POST', '/api/v1/satisfaction/dimensions', {
          name: 'X',
          target: 8,
          tolerance: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect((await ownerC.api('GET', '/api/v1/satisfaction/settings')).statusCode).toBe(403);
    expect((await member.api('GET', '/api/v1/satisfaction/dimensions')).statusCode).toBe(404);
  });

  it('adds a dimension by form, naming each bad field and keeping what was typed', async () => {
    const bad = await admin.post('/customers/standards', {
      name: '',
      target: 'elf',
      tolerance: '10',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="name-error"');
    expect(bad.body).toContain('id="target-error"');
    expect(bad.body).toContain('Enter a number, for example 7.5.');
    expect(bad.body).toContain('id="tolerance-error"');
    expect(bad.body).toContain('Enter a number from 0 to 9.');
    expect(bad.body).toContain('value="elf"');
    // The German default name of "quality" is taken, whatever the language of the admin.
    const taken = await admin.post('/customers/standards', {
      name: 'qualität',
      target: '8',
      tolerance: '1',
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Another dimension already has this name');
    expect(taken.body).toContain('value="qualität"');

    const ok = await adminDe.post('/customers/standards', {
      name: 'Innovation',
      target: '7,5',
      tolerance: '0,5',
    });
    expect(ok.statusCode).toBe(303);
    const page = await admin.get('/customers/standards');
    expect(page.body).toContain('<th scope="row">Innovation</th>');
    expect(page.body).toContain('green ● from 7.5; amber ▲ from 7 to under 7.5; red ✖ under 7');
    const all = await dims(admin);
    const innovation = all.at(-1);
    innovationId = innovation?.id ?? '';
    expect(innovation).toMatchObject({
      name: 'Innovation',
      code: null,
      position: 6,
      target: 7.5,
      tolerance: 0.5,
    });
  });

  it('names bad fields in the API and refuses to archive the last active dimension', async () => {
    const res = await admin.api('POST', '/api/v1/satisfaction/dimensions', {
      name: '',
      target: 11,
      tolerance: -1,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual([
      ['name', 'required'],
      ['target', 'out_of_range'],
      ['tolerance', 'out_of_range'],
    ]);
    const pos = await admin.api('PATCH', `/api/v1/satisfaction/dimensions/${innovationId}`, {
      position: 0,
    });
    expect(pos.statusCode).toBe(400);
    expect(fieldsOf(pos.json())).toEqual([['position', 'invalid_position']]);
  });

  it('renames, reorders and gives a default its translated name back', async () => {
    const overall = (await dims(admin))[0];
    const edit = await admin.get(`/customers/standards/${overall?.id}/edit`);
    expect(edit.body).toContain(
      'Leave empty to use the default name “Overall satisfaction” in each language.',
    );
    const renamed = await admin.post(`/customers/standards/${overall?.id}/edit`, {
      name: 'Gesamtnote',
      target: '8,5',
      tolerance: '1',
      position: '1',
    });
    expect(renamed.statusCode).toBe(303);
    expect((await dims(adminDe))[0]).toMatchObject({ name: 'Gesamtnote', target: 8.5 });
    await admin.post(`/customers/standards/${overall?.id}/edit`, {
      name: '',
      target: '8',
      tolerance: '1',
      position: '1',
    });
    expect((await dims(adminDe))[0]?.name).toBe('Gesamtzufriedenheit');

    expect(
      (await admin.post(`/customers/standards/${innovationId}/move`, { direction: 'up' }))
        .statusCode,
    ).toBe(303);
    expect((await dims(admin)).map((d) => d.code ?? d.name)).toEqual([
      'overall',
      'quality',
      'communication',
      'reliability',
      'Innovation',
      'value',
    ]);
    const first = await admin.api('PATCH', `/api/v1/satisfaction/dimensions/${innovationId}`, {
      position: 1,
    });
    expect(first.json()).toMatchObject({ position: 1, name: 'Innovation' });
    expect((await dims(admin)).map((d) => [d.code ?? d.name, d.position])).toEqual([
      ['Innovation', 1],
      ['overall', 2],
      ['quality', 3],
      ['communication', 4],
      ['reliability', 5],
      ['value', 6],
    ]);
  });

  it('archives a dimension out of the forms while its scores stay', async () => {
    const put = await ownerC.api('PUT', `/api/v1/customers/${customerId}/evaluations/${roundId}`, {
      conversationDate: '2026-11-20',
      comment: 'Gute Ideen.',
      scores: { [innovationId]: 6, dim_quality: 9 },
    });
    expect(put.statusCode).toBe(201);
    const archived = await admin.post(`/customers/standards/${innovationId}/archive`);
    expect(archived.statusCode).toBe(303);
    expect((await dims(admin)).map((d) => d.id)).not.toContain(innovationId);
    expect((await dims(admin, '?archived=true')).find((d) => d.id === innovationId)?.archived).toBe(
      true,
    );
    const standards = await admin.get('/customers/standards');
    expect(standards.body).toContain('Archived dimensions');
    expect(standards.body).toContain('Restore Innovation');

    // The form no longer asks for it, but shows the score kept.
    const form = await ownerC.get(`/customers/${customerId}/evaluations/${roundId}`);
    expect(form.body).not.toContain(`name="scores.${innovationId}"`);
    expect(form.body).toContain('Scores on archived dimensions (kept as they are)');
    const saved = await ownerC.post(`/customers/${customerId}/evaluations/${roundId}`, {
      conversationDate: '2026-11-21',
      comment: 'Gute Ideen.',
      'scores.dim_quality': '8',
    });
    expect(saved.statusCode).toBe(303);
    const evaluation = (
      await ownerC.api('GET', `/api/v1/customers/${customerId}/evaluations`)
    ).json().items[0];
    expect(evaluation.scores).toEqual({ [innovationId]: 6, dim_quality: 8 });
    expect(evaluation.ratings).toEqual({ [innovationId]: 'red', dim_quality: 'green' });
    const page = await ownerC.get(`/customers/${customerId}`);
    expect(page.body).toContain('Innovation (archived)');

    // A changed score for it is refused; the same score is accepted.
    const changed = await ownerC.api(
      'PUT',
      `/api/v1/customers/${customerId}/evaluations/${roundId}`,
      { conversationDate: '2026-11-21', scores: { [innovationId]: 7, dim_quality: 8 } },
    );
    expect(changed.statusCode).toBe(400);
    expect(fieldsOf(changed.json())).toEqual([[`scores.${innovationId}`, 'archived_dimension']]);
    const same = await ownerC.api('PUT', `/api/v1/customers/${customerId}/evaluations/${roundId}`, {
      conversationDate: '2026-11-21',
      scores: { [innovationId]: 6, dim_quality: 8 },
    });
    expect(same.statusCode).toBe(200);

    const restored = await admin.post(`/customers/standards/${innovationId}/restore`);
    expect(restored.statusCode).toBe(303);
    expect((await dims(admin)).at(-1)?.name).toBe('Innovation');
  });

  it('keeps at least one active dimension', async () => {
    const all = await dims(admin);
    for (const d of all.slice(1)) {
      await admin.api('PATCH', `/api/v1/satisfaction/dimensions/${d.id}`, { archived: true });
    }
    const last = await admin.api('PATCH', `/api/v1/satisfaction/dimensions/${all[0]?.id}`, {
      archived: true,
    });
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('last_dimension');
    for (const d of all.slice(1)) {
      await admin.api('PATCH', `/api/v1/satisfaction/dimensions/${d.id}`, { archived: false });
    }
    expect((await dims(admin)).length).toBe(6);
  });

  it('sets who sees satisfaction on the standards page, audited', async () => {
    expect((await admin.get('/customers/standards')).body).toContain(
      '<option value="owners" selected>Account owners</option>',
    );
    const bad = await admin.post('/customers/standards/audience', { audience: 'everyone' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="audience-error"');
    const ok = await admin.post('/customers/standards/audience', { audience: 'members' });
    expect(ok.statusCode).toBe(303);
    expect((await admin.get('/customers/standards')).body).toContain(
      'Who sees customer satisfaction is saved.',
    );
    expect((await admin.api('GET', '/api/v1/satisfaction/settings')).json()).toEqual({
      audience: 'members',
    });
    expect((await member.api('GET', '/api/v1/satisfaction/dimensions')).statusCode).toBe(200);
    const log = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('action', '=', 'satisfaction.audience')
      .execute();
    expect(log.map((r) => JSON.parse(r.data))).toEqual([{ audience: 'members' }]);
  });
});
