import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Dialect } from '../../../test/db.ts';
import { Client, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

// The same organisation, written the same way at the same (test) times on SQLite and on
// PostgreSQL, must give the same results in the same order for every query: the terms, the
// matching and the ranking are the application's, not the database's.

const CORPUS = [
  'Ärger mit dem Drucker im zweiten Stock, schon wieder',
  'Die Kundenzufriedenheit ist im dritten Quartal gestiegen',
  'Zufriedenheit im Team: Ergebnisse der Umfrage',
  'Unser Angebot für die Stadtwerke Lüneburg ist raus',
  'Zwei neue Angebote warten auf Freigabe',
  'Angebotsprozess: von acht auf zwei Tage #intranetarbeiten',
  'We sent three offers to the port authority',
  'Offer template for framework contracts, English version',
  'Wer kennt sich mit Reisekostenabrechnung aus?',
  'Abrechnung der Reisekosten bitte bis Freitag',
  'Der Kunde findet unsere Lieferzeiten zu lang #wasderkundefindet',
  'Kunden loben den neuen Service im Norden',
  'Straßenbau-Ausschreibung Hamburg: Unterlagen im Ordner',
  'Ausschreibungen 2027: wer übernimmt welche?',
  'Das Ärgernis mit dem Parkplatz ist gelöst',
  'Netzwerk im Lager fällt aus, Ärger im Versand',
];

const QUERIES = [
  'Ärger',
  'aerger',
  'ÄRGER',
  'zufriedenheit',
  'Kunde',
  'Kunden',
  'Angebote',
  'angebot',
  'offer',
  'offers',
  'abrechnung',
  'reisekosten',
  'ausschreibung',
  'strassenbau',
  'Angebot Stadtwerke',
  'Ärger Drucker',
  'wasderkundefindet',
  'xyzzy',
];

async function organisation(dialect: Dialect): Promise<{ t: TestApp; reader: Client }> {
  let now = Date.parse('2026-11-20T08:00:00Z');
  const t = await build(dialect, { now: () => new Date(now) });
  const author = await createUser(t.deps, { name: 'Petra Paulsen', department: 'Vertrieb' });
  const reader = await createUser(t.deps, { name: 'Rolf Rau' });
  const writer = await signedIn(t.app, author);
  for (const body of CORPUS) {
    now += 7 * 60_000;
    const res = await writer.api('POST', '/api/v1/posts', { body });
    expect(res.statusCode, res.body).toBe(201);
  }
  return { t, reader: await signedIn(t.app, reader) };
}

describe('search gives the same results on SQLite and PostgreSQL', () => {
  const apps: { t: TestApp; reader: Client }[] = [];

  beforeAll(async () => {
    for (const d of DIALECTS) apps.push(await organisation(d));
  });
  afterAll(async () => {
    for (const a of apps) await a.t.close();
  });

  it('for common, rare, compound, inflected, multi-word and unknown words', async () => {
    const answers = [];
    for (const { reader } of apps) {
      const perQuery: Record<string, string[]> = {};
      for (const q of QUERIES) {
        const res = await reader.api('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, res.body).toBe(200);
        perQuery[q] = (res.json() as { items: { snippet: string }[] }).items.map((i) => i.snippet);
      }
      answers.push(perQuery);
    }
    expect(answers).toHaveLength(2);
    expect(answers[1]).toEqual(answers[0]);
    // And the answers are the expected ones, so that "equal" is not "equally empty".
    const a = answers[0]!;
    expect(a['Ärger']).toEqual(a['aerger']);
    expect(a['Ärger']).toHaveLength(3);
    expect(a['zufriedenheit']).toHaveLength(2);
    expect(a['Angebote']!.length).toBeGreaterThanOrEqual(3);
    expect(a['Angebot Stadtwerke']).toHaveLength(1);
    expect(a['xyzzy']).toEqual([]);
  });
});
