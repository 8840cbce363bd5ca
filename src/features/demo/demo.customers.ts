import type { Deps } from '../../http/app.ts';
import { i18n } from '../../views/i18n.ts';
import { findUserById } from '../accounts/users.queries.ts';
import { customerKey, publishRound } from '../customers/index.ts';
import { newId } from '../../lib/ids.ts';
import { setSetting } from '../admin/settings.ts';
import { Rng } from './demo.year.ts';

/**
 * The demo's customer voice: a dozen customers of the Systemhaus, scored twice a year for two
 * years on the five default dimensions. Each customer has a level and a direction: most improve
 * slowly, one slips after a failed migration, one recovers after an escalation, so the widget
 * has something to say in every round. Scores are written as the account owners entered them
 * after each conversation; comments are confidential (not published).
 */
interface DemoCustomer {
  name: string;
  industry: string;
  owner: string;
  status: 'active' | 'prospect' | 'former';
  /** The overall level in the first round, and the change per round. */
  base: number;
  trend: number;
  /** Per dimension code, a lasting difference from the overall level. */
  bias?: Partial<Record<string, number>>;
  comments: string[];
}

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    name: 'Hanse Logistik GmbH',
    industry: 'Logistik',
    owner: 'mschneider',
    status: 'active',
    base: 8.1,
    trend: 0.15,
    bias: { communication: 0.5 },
    comments: [
      'Sehr zufrieden mit der Rufbereitschaft im Weihnachtsgeschäft.',
      'Wünscht sich monatliche Berichte statt quartalsweise.',
      'Lob für das neue Ticketportal.',
      'Rahmenvertrag um zwei Jahre verlängert.',
    ],
  },
  {
    name: 'Stadtwerke Elbmarsch',
    industry: 'Energie',
    owner: 'mlehmann',
    status: 'active',
    base: 7.2,
    trend: 0.3,
    bias: { value: -0.8 },
    comments: [
      'Preisdiskussion zur Verlängerung, Leistung unstrittig.',
      'Störung im Leitstand schnell behoben, das wurde gesehen.',
      'Ausschreibung für 2027 angekündigt.',
      'Zufrieden, aber Budget bleibt Thema.',
    ],
  },
  {
    name: 'Klinikum Nordheide',
    industry: 'Gesundheit',
    owner: 'jpetersen',
    status: 'active',
    base: 6.8,
    trend: 0.45,
    bias: { reliability: -0.6 },
    comments: [
      'Zwei Ausfälle der Station-WLANs im Januar, Eskalation beim Vorstand.',
      'Maßnahmenplan angenommen, Vertrauen wächst wieder.',
      'Deutlich stabiler seit dem Austausch der Access Points.',
      'Empfiehlt uns an das Schwesterhaus weiter.',
    ],
  },
  {
    name: 'Möller Maschinenbau AG',
    industry: 'Maschinenbau',
    owner: 'aoezdemir',
    status: 'active',
    base: 8.4,
    trend: -0.55,
    bias: { communication: -0.7 },
    comments: [
      'Sehr gute Zusammenarbeit beim ERP-Rollout.',
      'Migration der Fertigungs-Clients holprig, Ansprechpartner wechselte zweimal.',
      'Unzufrieden mit der Kommunikation bei Verzögerungen.',
      'Kritisches Gespräch, Gegenmaßnahmen vereinbart: fester Projektleiter, wöchentlicher Status.',
    ],
  },
  {
    name: 'Kanzlei Brandes & Partner',
    industry: 'Beratung',
    owner: 'dweiss',
    status: 'active',
    base: 8.8,
    trend: 0.05,
    comments: [
      'Kleiner Kunde, sehr treu.',
      'Freut sich über schnelle Reaktion bei Passwortfragen.',
      'Keine Beanstandungen.',
      'Interesse an Schulungen zu Microsoft 365.',
    ],
  },
  {
    name: 'Nordsee Fisch Handels GmbH',
    industry: 'Handel',
    owner: 'aoezdemir',
    status: 'active',
    base: 7.6,
    trend: 0.1,
    bias: { value: 0.4 },
    comments: [
      'Kassen-Support am Wochenende gelobt.',
      'Wunsch nach festen Wartungsfenstern.',
      'Wartungsfenster umgesetzt, zufrieden.',
      'Plant zwei neue Filialen, wir sind gesetzt.',
    ],
  },
  {
    name: 'Landkreis Harburg – IT-Dienste',
    industry: 'Öffentliche Verwaltung',
    owner: 'mlehmann',
    status: 'active',
    base: 7.0,
    trend: 0.2,
    bias: { reliability: 0.6, value: -0.5 },
    comments: [
      'Vergabestelle lobt die saubere Dokumentation.',
      'Langsame Angebotsprozesse kritisiert.',
      'Angebot in zwei Tagen statt acht Tagen: ausdrücklich gelobt.',
      'Verlängerung über die Rahmenvereinbarung läuft.',
    ],
  },
  {
    name: 'Elbtal Bau GmbH',
    industry: 'Bau',
    owner: 'dweiss',
    status: 'active',
    base: 6.9,
    trend: 0.25,
    comments: [
      'Baustellen-Laptops kommen zu spät.',
      'Lieferzeiten verbessert, Tablets für Poliere im Test.',
      'Zufrieden mit dem Field Service.',
      'Möchte Mobilfunkverträge bündeln.',
    ],
  },
  {
    name: 'Alster Versicherung AG',
    industry: 'Versicherung',
    owner: 'mschneider',
    status: 'active',
    base: 8.0,
    trend: 0.05,
    bias: { quality: 0.5, value: -0.6 },
    comments: [
      'Security-Audit ohne Befund.',
      'Hoher Kostendruck im Einkauf.',
      'Sehr zufrieden mit dem SOC-Bericht.',
      'Verhandlungen zum Preis laufen, Qualität unbestritten.',
    ],
  },
  {
    name: 'Hafen Catering Service',
    industry: 'Gastronomie',
    owner: 'cmorgan',
    status: 'former',
    base: 6.2,
    trend: -0.2,
    comments: [
      'Kleiner Vertrag, viele Sonderwünsche.',
      'Kündigung zum Jahresende angekündigt, Gründe: Preis.',
      'Übergabe an den Nachfolger sauber gelaufen.',
      'Kein Kunde mehr.',
    ],
  },
  {
    name: 'Lüneburger Stadtbibliothek',
    industry: 'Öffentliche Verwaltung',
    owner: 'mlehmann',
    status: 'active',
    base: 8.3,
    trend: 0.1,
    comments: [
      'Selbstverbuchung läuft stabil.',
      'Sehr freundlicher Service Desk.',
      'Erweiterung um zwei Zweigstellen.',
      'Lob für die Schulung der Mitarbeitenden.',
    ],
  },
  {
    name: 'Vierlande Gartenbau eG',
    industry: 'Landwirtschaft',
    owner: 'dweiss',
    status: 'prospect',
    base: 7.4,
    trend: 0.2,
    comments: [
      'Pilot im Gewächshaus-Netz.',
      'Pilot erfolgreich, Angebot für alle Standorte angefragt.',
      'Angebot liegt vor, Entscheidung im Herbst.',
      'Entscheidung verschoben, weiter im Gespräch.',
    ],
  },
];

const DIMENSIONS = ['overall', 'quality', 'communication', 'reliability', 'value'] as const;
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The four half-years ending with the current one: "H1 2025" … "H2 2026". */
function halfYears(now: Date): { name: string; start: string; end: string }[] {
  let y = now.getUTCFullYear();
  let h = now.getUTCMonth() < 6 ? 1 : 2;
  const out = [];
  for (let i = 0; i < 4; i++) {
    out.unshift({
      name: `H${h} ${y}`,
      start: `${y}-${h === 1 ? '01-01' : '07-01'}`,
      end: `${y}-${h === 1 ? '06-30' : '12-31'}`,
    });
    if (h === 2) h = 1;
    else {
      h = 2;
      y -= 1;
    }
  }
  return out;
}

export async function createDemoCustomers(
  deps: Pick<Deps, 'db' | 'clock' | 'bus'>,
  ids: Map<string, string>,
  now: Date,
): Promise<{ customers: number; rounds: number; evaluations: number }> {
  const { db } = deps;
  const rng = new Rng(20_260_601);
  const rounds = halfYears(now);
  const customerIds = DEMO_CUSTOMERS.map(() => newId());
  const roundIds = rounds.map(() => newId());
  let evaluations = 0;
  await db.transaction().execute(async (trx) => {
    // Everyone sees the widget in the demo: the company shares how its customers see it.
    await setSetting(trx, 'satisfaction.audience', 'members', now);
    // Reliability is what the Systemhaus sells: its target is higher.
    await trx
      .updateTable('satisfaction_dimensions')
      .set({ target: 8.5 })
      .where('code', '=', 'reliability')
      .execute();
    for (const [i, c] of DEMO_CUSTOMERS.entries()) {
      const created = new Date(now.getTime() - (760 - i * 7) * DAY_MS).toISOString();
      await trx
        .insertInto('customers')
        .values({
          id: customerIds[i]!,
          name: c.name,
          name_key: customerKey(c.name),
          industry: c.industry,
          owner_id: ids.get(c.owner) ?? null,
          status: c.status,
          created_at: created,
          updated_at: created,
        })
        .execute();
    }
    for (const [r, round] of rounds.entries()) {
      await trx
        .insertInto('satisfaction_rounds')
        .values({
          id: roundIds[r]!,
          name: round.name,
          starts_on: round.start,
          ends_on: round.end,
          published_at: null,
          published_post_id: null,
          created_at: `${round.start}T08:00:00.000Z`,
        })
        .execute();
      const endMs = Math.min(Date.parse(`${round.end}T12:00:00Z`), now.getTime() - DAY_MS);
      const startMs = Date.parse(`${round.start}T12:00:00Z`);
      for (const [i, c] of DEMO_CUSTOMERS.entries()) {
        // A former customer was last asked in the round it left.
        if (c.status === 'former' && r === rounds.length - 1) continue;
        // The conversations fall in the round's second half, up to yesterday.
        const day = isoDay(startMs + (endMs - startMs) * (0.5 + 0.45 * rng.next()));
        const evaluationId = newId();
        await trx
          .insertInto('evaluations')
          .values({
            id: evaluationId,
            round_id: roundIds[r]!,
            customer_id: customerIds[i]!,
            conversation_date: day,
            comment: c.comments[r] ?? '',
            created_by: ids.get(c.owner) ?? null,
            created_at: `${day}T16:00:00.000Z`,
            updated_at: `${day}T16:00:00.000Z`,
          })
          .execute();
        const level = c.base + c.trend * r;
        await trx
          .insertInto('evaluation_scores')
          .values(
            DIMENSIONS.map((code) => ({
              evaluation_id: evaluationId,
              dimension_id: `dim_${code}`,
              score: Math.max(
                1,
                Math.min(10, Math.round(level + (c.bias?.[code] ?? 0) + rng.between(-0.6, 0.6))),
              ),
            })),
          )
          .execute();
        evaluations += 1;
      }
    }
  });
  // The managing director published each finished round to everyone, two weeks after it
  // ended, under #wasderkundefindet: the hashtag's series tells the story.
  const ceo = await findUserById(db, ids.get('hbrandt')!);
  const de = i18n('de', 'Europe/Berlin');
  for (const [r, round] of rounds.entries()) {
    const at = Date.parse(`${round.end}T09:00:00Z`) + 14 * DAY_MS;
    if (!ceo || at >= now.getTime()) continue;
    await publishRound({ ...deps, clock: () => new Date(at) }, ceo, de, roundIds[r]!, {
      groupId: null,
      includeComments: false,
    });
  }
  return { customers: DEMO_CUSTOMERS.length, rounds: rounds.length, evaluations };
}
