import type { Db } from '../../db/connect.ts';
import { newId } from '../../lib/ids.ts';
import { MANUAL } from './goals.ts';

const DAY_MS = 86_400_000;
const dayAt = (d: Date) => d.toISOString().slice(0, 10);
/** The first day of the month `months` away from `now`'s month. */
const firstOfMonth = (now: Date, months: number) =>
  dayAt(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)));
/** The 15th of the month `months` away from `now`'s month. */
const midMonth = (now: Date, months: number) =>
  dayAt(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 15)));

/**
 * The offer process, month by month since the start: how the sales team got from eight days
 * between an enquiry and the offer to about three. Each note says what changed.
 */
export const OFFER_STORY: readonly [number, string][] = [
  [8, 'Ausgangswert: Anfragen kommen per E-Mail, Kalkulation in Excel, Freigabe auf Papier.'],
  [7.5, 'Anfragen landen jetzt in der Gruppe „Vertrieb Innendienst“ statt in Einzelpostfächern.'],
  [7.5, 'Urlaubszeit, zwei Kalkulatoren fehlen – kein Fortschritt.'],
  [6.8, 'Vorlage für Standardangebote im Dokumentenregal, von allen wiederverwendet.'],
  [6.2, 'Technische Rückfragen als Frage an die Konstruktion: Antwort meist am selben Tag.'],
  [5.9, 'Freigabe bis 20.000 € darf die Teamleitung jetzt allein erteilen.'],
  [5.1, 'Preisliste 2026 als ein gepflegtes Dokument statt fünf Kopien.'],
  [4.6, 'Wöchentliche Abstimmung Vertrieb/Konstruktion durch Fragen im Kanal ersetzt.'],
  [4.2, 'Zwei Erfolgsgeschichten aus dem Außendienst nachgeahmt: Angebot direkt beim Kunden.'],
  [3.8, 'Kalkulationsvorlage mit Materialpreisen aus dem ERP verknüpft.'],
  [3.4, 'Jahresendgeschäft: trotz doppelter Menge gehalten.'],
  [3.1, 'Neue Kolleginnen arbeiten mit der Checkliste aus dem Wiki – kaum Rückfragen.'],
];

/**
 * Business goals of the demo organisation: the manual goal "offer process from 8 days to 2"
 * with a year of monthly measurements, and two goals computed from the network's own figures.
 * Returns the ids, manual goal first.
 */
export async function createDemoGoals(db: Db, adminId: string, now: Date): Promise<string[]> {
  const at = now.toISOString();
  const manualStart = firstOfMonth(now, -(OFFER_STORY.length - 1));
  const goals = [
    {
      id: newId(),
      name: 'Angebotsprozess von 8 auf 2 Tage',
      description:
        'Von der Kundenanfrage bis zum verschickten Angebot sollen höchstens zwei Arbeitstage ' +
        'vergehen. Gemessen wird der Median aller Angebote eines Monats (Auswertung aus dem CRM).',
      kpi: MANUAL,
      unit: 'Tage von Anfrage bis Angebot',
      baseline: 8,
      target: 2,
      start_date: manualStart,
      deadline: dayAt(new Date(Date.parse(`${firstOfMonth(now, 4)}T00:00:00Z`) - DAY_MS)),
    },
    {
      id: newId(),
      name: 'Antwortquote über 90 %',
      description:
        'Jede Frage im Netzwerk bekommt eine Antwort: neun von zehn Fragen der letzten 28 Tage ' +
        'sollen beantwortet sein.',
      kpi: 'answer_rate',
      unit: '',
      baseline: 70,
      target: 90,
      start_date: firstOfMonth(now, -5),
      deadline: midMonth(now, 6),
    },
    {
      id: newId(),
      name: 'Aktivierungsquote 80 %',
      description:
        'Vier von fünf eingeladenen Kolleginnen und Kollegen haben sich mindestens einmal ' +
        'angemeldet – die Marke, die sich bewährte Netzwerke setzen.',
      kpi: 'activation_rate',
      unit: '',
      baseline: 50,
      target: 80,
      start_date: firstOfMonth(now, -8),
      deadline: midMonth(now, 3),
    },
  ];
  await db
    .insertInto('goals')
    .values(goals.map((g) => ({ ...g, created_by: adminId, created_at: at, updated_at: at })))
    .execute();
  // One measurement per month on its 28th, the last in the current month only if that day has
  // passed; the story's last value is always the latest.
  const manual = goals[0]!;
  const days: string[] = [];
  for (let i = 0; i < OFFER_STORY.length; i++) {
    const first = firstOfMonth(now, -(OFFER_STORY.length - 1) + i);
    const day = `${first.slice(0, 8)}28`;
    days.push(day <= dayAt(now) ? day : dayAt(now));
  }
  await db
    .insertInto('goal_measurements')
    .values(
      OFFER_STORY.map(([value, note], i) => ({
        id: newId(),
        goal_id: manual.id,
        day: days[i]!,
        value,
        note,
        created_by: adminId,
        created_at: at,
      })),
    )
    .execute();
  return goals.map((g) => g.id);
}
