import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { MULTIPART, multipart } from '../../../test/multipart.ts';

const NOW = new Date('2026-11-28T10:00:00Z');

/** The evaluations stored, as "round|customer|date|scores|comment", sorted. */
async function stored(t: TestApp): Promise<string[]> {
  const rows = await t.deps.db
    .selectFrom('evaluations as e')
    .innerJoin('satisfaction_rounds as r', 'r.id', 'e.round_id')
    .innerJoin('customers as c', 'c.id', 'e.customer_id')
    .select(['e.id', 'r.name as round', 'c.name as customer', 'e.conversation_date', 'e.comment'])
    .execute();
  const scores = await t.deps.db
    .selectFrom('evaluation_scores')
    .select(['evaluation_id', 'dimension_id', 'score'])
    .execute();
  return rows
    .map((r) => {
      const s = scores
        .filter((x) => x.evaluation_id === r.id)
        .map((x) => `${x.dimension_id.replace('dim_', '')}=${x.score}`)
        .sort()
        .join(' ');
      return `${r.round}|${r.customer}|${r.conversation_date}|${s}|${r.comment}`;
    })
    .sort();
}

const BEFORE = [
  'H1 2026|Bäckerei Schmidt|2026-04-02|overall=6 reliability=9|=Formel?',
  'H1 2026|Müller Maschinenbau AG|2026-03-10|overall=8 quality=7|Sehr gut; "top"',
  'H2 2026|Müller Maschinenbau AG|2026-10-01|overall=9|',
];

// A German file, separated by semicolons, with one row of each kind of mistake.
const BAD_CSV = [
  'Runde;Kunde;Gesprächsdatum;Qualität;overall;Extra;Kommentar',
  'H3 2030;Müller Maschinenbau AG;2026-03-10;7;8;;',
  'H1 2026;Neukunde GmbH;2026-03-10;7;8;;',
  'H1 2026;Bäckerei Schmidt;31.02.2026;7;8;;',
  'H2 2026;Café Zentral;2026-10-05;11;7,5;;',
  'H2 2026;;2026-10-05;7;;;',
  'H2 2026;CAFE ZENTRAL;2026-10-06;5;;;',
  'H2 2026;Müller Maschinenbau AG;2026-10-01;;;;',
  'H1 2026;Café Zentral;;6;;;',
  'H1 2026;Müller Maschinenbau AG;10.03.2026;7;8;;"Sehr gut; ""top"""',
  'H2 2026;Bäckerei Schmidt;2026-10-07;9;9;;Neu',
].join('\r\n');

const CLEAN_CSV =
  '\uFEFFround,customer,conversation_date,quality,Value for money,comment\n' +
  'H2 2026,Bäckerei Schmidt,2026-10-07,9,8,Neu im Programm\n' +
  'H2 2026,café zentral,07.10.2026,6,,\n' +
  'H2 2026,Müller Maschinenbau AG,2026-10-01,,,\n' +
  'H1 2026,Müller Maschinenbau AG,2026-03-11,6,,\n';

describe.each(DIALECTS)('CSV export and import of evaluations (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let adminDe: Client;
  let owner: Client;
  const round: Record<string, string> = {};
  const customer: Record<string, string> = {};

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    adminDe = await signedIn(
      t.app,
      await createAdmin(t.deps, { name: 'Dirk Admin', locale: 'de' }),
    );
    const olga = await createUser(t.deps, { name: 'Olga Owner', email: 'olga@example.com' });
    owner = await signedIn(t.app, olga);
    for (const [key, name, industry, ownerId] of [
      ['mueller', 'Müller Maschinenbau AG', 'Maschinenbau', olga.id],
      ['baeckerei', 'Bäckerei Schmidt', 'Lebensmittel', null],
      ['cafe', 'Café Zentral', 'Gastronomie', null],
    ] as const) {
      const res = await admin.api('POST', '/api/v1/customers', { name, industry, ownerId });
      customer[key] = res.json().id;
    }
    for (const [name, startsOn, endsOn] of [
      ['H1 2026', '2026-01-01', '2026-06-30'],
      ['H2 2026', '2026-07-01', '2026-12-31'],
    ] as const) {
      const res = await admin.api('POST', '/api/v1/satisfaction/rounds', {
        name,
        startsOn,
        endsOn,
      });
      round[name] = res.json().id;
    }
    const put = (c: string, r: string, body: object) =>
      admin.api('PUT', `/api/v1/customers/${customer[c]}/evaluations/${round[r]}`, body);
    await put('mueller', 'H1 2026', {
      conversationDate: '2026-03-10',
      comment: 'Sehr gut; "top"',
      scores: { dim_overall: 8, dim_quality: 7 },
    });
    await put('baeckerei', 'H1 2026', {
      conversationDate: '2026-04-02',
      comment: '=Formel?',
      scores: { dim_overall: 6, dim_reliability: 9 },
    });
    await put('mueller', 'H2 2026', { conversationDate: '2026-10-01', scores: { dim_overall: 9 } });
    expect(await stored(t)).toEqual(BEFORE);
  });
  afterAll(async () => t.close());

  it('exports every evaluation, or one round’s, exactly', async () => {
    const all = await admin.get('/customers/evaluations.csv');
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(all.headers['content-disposition']).toBe(
      'attachment; filename="kantine-evaluations.csv"',
    );
    expect(all.body).toBe(
      '\uFEFFRound,Customer,Industry,Owner e-mail,Conversation date,Overall satisfaction,Quality,' +
        'Communication,Reliability,Value for money,Comment\r\n' +
        'H1 2026,Bäckerei Schmidt,Lebensmittel,,2026-04-02,6,,,9,,"\'=Formel?"\r\n' +
        'H1 2026,Müller Maschinenbau AG,Maschinenbau,olga@example.com,2026-03-10,8,7,,,,' +
        '"Sehr gut; ""top"""\r\n' +
        'H2 2026,Müller Maschinenbau AG,Maschinenbau,olga@example.com,2026-10-01,9,,,,,\r\n',
    );
    const de = await adminDe.get(`/customers/evaluations.csv?round=${round['H2 2026']}`);
    expect(de.body).toBe(
      '\uFEFFRunde,Kunde,Branche,E-Mail Kundenverantwortung,Gesprächsdatum,Gesamtzufriedenheit,' +
        'Qualität,Kommunikation,Zuverlässigkeit,Preis-Leistungs-Verhältnis,Kommentar\r\n' +
        'H2 2026,Müller Maschinenbau AG,Maschinenbau,olga@example.com,2026-10-01,9,,,,,\r\n',
    );
    const api = await admin.api('GET', '/api/v1/satisfaction/evaluations.csv');
    expect(api.statusCode).toBe(200);
    expect(api.body).toBe(all.body);
    expect((await admin.get('/customers/evaluations.csv?round=nope')).statusCode).toBe(404);
    expect((await owner.get('/customers/evaluations.csv')).statusCode).toBe(403);
    expect((await owner.api('GET', '/api/v1/satisfaction/evaluations.csv')).statusCode).toBe(403);
  });

  it('imports its own export as unchanged', async () => {
    const csv = (await admin.get('/customers/evaluations.csv')).body;
    const res = await admin.api('POST', '/api/v1/satisfaction/evaluations/import', { csv });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      rows: [
        {
          line: 2,
          action: 'unchanged',
          round: 'H1 2026',
          customer: 'Bäckerei Schmidt',
          errors: [],
        },
        {
          line: 3,
          action: 'unchanged',
          round: 'H1 2026',
          customer: 'Müller Maschinenbau AG',
          errors: [],
        },
        {
          line: 4,
          action: 'unchanged',
          round: 'H2 2026',
          customer: 'Müller Maschinenbau AG',
          errors: [],
        },
      ],
      written: 0,
    });
  });

  it('previews a bad file naming every bad row in the person’s language, writing nothing', async () => {
    expect((await adminDe.get('/customers/import')).statusCode).toBe(200);
    const res = await adminDe.post('/customers/import', { csv: BAD_CSV });
    expect(res.statusCode).toBe(422);
    const body = res.body.replace(/&quot;/g, '"');
    expect(body).toContain(
      'Neue Bewertungen: 1 · Aktualisierungen: 0 · unverändert: 1 · fehlerhafte Zeilen: 9',
    );
    expect(body).toContain('Es wurde nichts importiert. Fehlerhafte Zeilen: 9.');
    for (const line of [
      'Zeile 1: Extra: Unbekannte Spalte (Spalte 6).',
      'Zeile 2: Runde: Unbekannte Runde „H3 2030“.',
      'Zeile 3: Kunde: Unbekannter Kunde „Neukunde GmbH“; bitte den Kunden zuerst anlegen.',
      'Zeile 4: Gesprächsdatum: „31.02.2026“ ist kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ).',
      'Zeile 5: Qualität: „11“ ist keine ganze Zahl von 1 bis 10. · overall: „7,5“ ist keine ganze Zahl von 1 bis 10.',
      'Zeile 6: Kunde: Der Kunde fehlt.',
      'Zeile 7: Derselbe Kunde und dieselbe Runde stehen schon in Zeile 5.',
      'Zeile 8: Die Zeile hat keine Note.',
      'Zeile 9: Gesprächsdatum: Das Datum des Gesprächs fehlt.',
    ])
      expect(body).toContain(`<li>${line}</li>`);
    expect(body).not.toContain('Zeile 10:');
    expect(body).not.toContain('Zeile 11:');
    expect(body).not.toContain('Import bestätigen');
    expect(body).toContain('<td>unverändert</td>');
    expect(body).toContain('<td>neue Bewertung</td>');
    // The text comes back to be corrected.
    expect(res.body).toContain('H3 2030;Müller Maschinenbau AG;2026-03-10;7;8;;');
    expect(await stored(t)).toEqual(BEFORE);
  });

  it('names the same bad rows in the API and writes nothing unless every row is good', async () => {
    const dry = await admin.api('POST', '/api/v1/satisfaction/evaluations/import?dryRun=true', {
      csv: BAD_CSV,
    });
    expect(dry.statusCode).toBe(200);
    const codes = (
      dry.json().rows as {
        line: number;
        action: string;
        errors: { field: string; code: string }[];
      }[]
    ).map((r) => [r.line, r.action, r.errors.map((e) => `${e.field}:${e.code}`).join(' ')]);
    expect(codes).toEqual([
      [1, 'invalid', 'Extra:unknown_column'],
      [2, 'invalid', 'Runde:unknown_round'],
      [3, 'invalid', 'Kunde:unknown_customer'],
      [4, 'invalid', 'Gesprächsdatum:bad_date'],
      [5, 'invalid', 'Qualität:bad_score overall:bad_score'],
      [6, 'invalid', 'Kunde:required_customer'],
      [7, 'invalid', ':duplicate_row'],
      [8, 'invalid', ':no_scores'],
      [9, 'invalid', 'Gesprächsdatum:required_date'],
      [10, 'unchanged', ''],
      [11, 'create', ''],
    ]);
    expect(dry.json().rows[2].errors[0].message).toBe(
      'Unknown customer “Neukunde GmbH”; add the customer first.',
    );
    const write = await admin.api('POST', '/api/v1/satisfaction/evaluations/import?dryRun=false', {
      csv: BAD_CSV,
    });
    expect(write.statusCode).toBe(422);
    expect(write.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(write.json().code).toBe('import_invalid');
    expect(write.json().errors).toHaveLength(10);
    expect(write.json().errors[0]).toEqual({
      field: 'line 1: Extra',
      code: 'unknown_column',
      message: 'Unknown column (column 6).',
    });
    expect(await stored(t)).toEqual(BEFORE);
  });

  it('names a file without rows and a quote never closed', async () => {
    const codes = async (csv: string) =>
      (
        (await admin.api('POST', '/api/v1/satisfaction/evaluations/import', { csv })).json()
          .rows as { line: number; errors: { code: string }[] }[]
      ).map((r) => [r.line, r.errors.map((e) => e.code)]);
    expect(await codes('round,customer,conversation_date,overall\r\n')).toEqual([[1, ['no_rows']]]);
    expect(
      await codes(
        'round,customer,conversation_date,comment\nH1 2026,Café Zentral,2026-05-05,"offen\n',
      ),
    ).toEqual([[2, ['unclosed_quote']]]);
    const missing = await admin.api('POST', '/api/v1/satisfaction/evaluations/import', {
      csv: 'customer,overall\nCafé Zentral,7\n',
    });
    expect(missing.json().rows[0].errors.map((e: { message: string }) => e.message)).toEqual([
      'The column “round” is missing.',
      'The column “conversation_date” is missing.',
    ]);
    expect(await stored(t)).toEqual(BEFORE);
  });

  it('previews a clean upload, then writes exactly its rows on confirmation', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/customers/import',
      headers: MULTIPART,
      payload: multipart(
        { _csrf: admin.csrf, csv: '' },
        { filename: 'bewertungen.csv', data: Buffer.from(CLEAN_CSV, 'utf8') },
      ),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('New evaluations: 2 · updates: 1 · unchanged: 1 · bad rows: 0');
    expect(res.body).toContain('Confirm import');
    expect(res.body).toContain('action="/customers/import/confirm"');
    expect(await stored(t)).toEqual(BEFORE);

    const done = await admin.post('/customers/import/confirm', { csv: CLEAN_CSV });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/customers/rounds');
    expect((await admin.get('/customers/rounds')).body).toContain('Evaluations imported: 3.');
    expect(await stored(t)).toEqual([
      'H1 2026|Bäckerei Schmidt|2026-04-02|overall=6 reliability=9|=Formel?',
      // Overall was not in the file and stays; the comment column was, and is empty.
      'H1 2026|Müller Maschinenbau AG|2026-03-11|overall=8 quality=6|',
      'H2 2026|Bäckerei Schmidt|2026-10-07|quality=9 value=8|Neu im Programm',
      'H2 2026|Café Zentral|2026-10-07|quality=6|',
      'H2 2026|Müller Maschinenbau AG|2026-10-01|overall=9|',
    ]);
  });

  it('writes a clean file through the API in one go', async () => {
    const csv = 'round;customer;conversation date;overall\nH1 2026;Café Zentral;2026-05-05;10\n';
    const res = await admin.api('POST', '/api/v1/satisfaction/evaluations/import?dryRun=false', {
      csv,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      rows: [{ line: 2, action: 'create', round: 'H1 2026', customer: 'Café Zentral', errors: [] }],
      written: 1,
    });
    expect(await stored(t)).toContain('H1 2026|Café Zentral|2026-05-05|overall=10|');
  });

  it('refuses a file over the limits with a clear error, and non-admins', async () => {
    const big = `round,customer,conversation_date,overall\n${'x'.repeat(1024 * 1024)}`;
    const tooBig = await admin.api('POST', '/api/v1/satisfaction/evaluations/import', { csv: big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('csv_too_large');
    const rows = `round,customer,conversation_date,overall\n${'H1 2026,Café Zentral,2026-05-05,10\n'.repeat(5001)}`;
    const tooMany = await admin.api('POST', '/api/v1/satisfaction/evaluations/import', {
      csv: rows,
    });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().code).toBe('too_many_rows');
    const page = await admin.post('/customers/import', { csv: rows });
    expect(page.statusCode).toBe(413);
    expect(page.body).toContain('The CSV has more than 5,000 rows.');
    const latin1 = await admin.request({
      method: 'POST',
      url: '/customers/import',
      headers: MULTIPART,
      payload: multipart(
        { _csrf: admin.csrf },
        { filename: 'alt.csv', data: Buffer.from('round,customer\nH1 2026,Caf\xe9', 'latin1') },
      ),
    });
    expect(latin1.statusCode).toBe(400);
    expect(latin1.body).toContain('The file is not UTF-8 text.');
    expect((await owner.get('/customers/import')).statusCode).toBe(403);
    expect((await owner.post('/customers/import', { csv: CLEAN_CSV })).statusCode).toBe(403);
    expect(
      (await owner.api('POST', '/api/v1/satisfaction/evaluations/import', { csv: CLEAN_CSV }))
        .statusCode,
    ).toBe(403);
  });
});
