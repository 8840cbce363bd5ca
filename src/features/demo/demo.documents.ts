import type { Deps } from '../../http/app.ts';
import { findUserById } from '../accounts/users.queries.ts';
import {
  addVersion,
  createDocument,
  download,
  EXTRACT_JOB,
  makeDocx,
  makePdf,
  runExtraction,
} from '../documents/index.ts';
import { createPost } from '../posts/posts.service.ts';

type File = { name: string; data: Buffer };
const md = (name: string, ...lines: string[]): File => ({
  name,
  data: Buffer.from(lines.join('\n')),
});
const txt = md;
const pdf = (name: string, ...pages: string[][]): File => ({ name, data: makePdf(pages) });
const docx = (name: string, ...paragraphs: string[]): File => ({
  name,
  data: makeDocx(paragraphs),
});

interface DemoDocument {
  key: string;
  owner: string;
  /** A DEMO_GROUPS key; none: the owner's own shelf. */
  group?: string;
  title: string;
  description: string;
  hashtags: string;
  daysAgo: number;
  versions: (File & { note?: string; by?: string })[];
  /** People who downloaded it (people outside the owner's teams make it a reuse). */
  downloads?: string[];
  /** Posts that attach it: author, group (none: org-wide), text. */
  posts?: { author: string; group?: string; body: string }[];
}

/**
 * Nordlicht's shelves: offers, templates and how-tos, real small files (Markdown, text, PDF
 * and Word made on the spot), several with versions; some reused by other teams.
 */
export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    key: 'angebot',
    owner: 'mschneider',
    group: 'vertrieb',
    title: 'Angebotsvorlage Wartungsvertrag',
    description:
      'Die Vorlage für Wartungsangebote an Stadtwerke und Versorger: Leistungsumfang, Reaktionszeiten, Preisblatt. Bitte immer die neueste Version nehmen.',
    hashtags: '#angebot #vorlage',
    daysAgo: 40,
    versions: [
      docx(
        'Angebot_Wartung_Vorlage.docx',
        'Angebot Wartungsvertrag',
        'Sehr geehrte Damen und Herren,',
        'vielen Dank für Ihre Anfrage. Gerne bieten wir Ihnen die Wartung Ihrer Anlagen an.',
        'Leistungsumfang: Inspektion, Wartung, Störungsbeseitigung.',
      ),
      {
        ...docx(
          'Angebot_Wartung_Vorlage_v2.docx',
          'Angebot Wartungsvertrag',
          'Sehr geehrte Damen und Herren,',
          'vielen Dank für Ihre Anfrage. Gerne bieten wir Ihnen die Wartung Ihrer Anlagen an.',
          'Leistungsumfang: Inspektion, Wartung, Störungsbeseitigung, Fernüberwachung.',
          'Reaktionszeiten: 4 Stunden (Gold), 8 Stunden (Silber), nächster Werktag (Basis).',
        ),
        note: 'Reaktionszeiten je Servicestufe ergänzt',
      },
    ],
    downloads: ['jpetersen', 'kvogel', 'sbecker', 'okrause', 'kvogel'],
    posts: [
      {
        author: 'kvogel',
        group: 'projekte',
        body: 'Für das Angebot an die Stadtwerke Kiel haben wir die Vorlage aus dem Vertrieb genommen – spart locker einen Tag. #intranetarbeiten',
      },
    ],
  },
  {
    key: 'preise',
    owner: 'tkrueger',
    group: 'vertrieb',
    title: 'Preisliste Dienstleistungen 2026',
    description: 'Stundensätze und Pauschalen für 2026. Gültig ab 1. Januar.',
    hashtags: 'preise angebot',
    daysAgo: 30,
    versions: [
      pdf(
        'Preisliste_2026.pdf',
        [
          'Preisliste Dienstleistungen 2026',
          'Beratung: 120 EUR je Stunde',
          'Wartung: 95 EUR je Stunde',
        ],
        ['Pauschalen', 'Inbetriebnahme: 1.800 EUR'],
      ),
      {
        ...pdf(
          'Preisliste_2026_korrigiert.pdf',
          [
            'Preisliste Dienstleistungen 2026',
            'Beratung: 125 EUR je Stunde',
            'Wartung: 95 EUR je Stunde',
          ],
          ['Pauschalen', 'Inbetriebnahme: 1.800 EUR', 'Schulung: 900 EUR je Tag'],
        ),
        note: 'Beratungssatz korrigiert, Schulungspauschale neu',
      },
    ],
    downloads: ['jpetersen', 'aoezdemir', 'ghuber'],
  },
  {
    key: 'steckbrief',
    owner: 'kvogel',
    group: 'projekte',
    title: 'Projektsteckbrief – Vorlage',
    description: 'Eine Seite pro Projekt: Ziel, Umfang, Team, Termine, Risiken.',
    hashtags: '#vorlage #projekt',
    daysAgo: 25,
    versions: [
      md(
        'projektsteckbrief.md',
        '# Projektsteckbrief',
        '',
        '## Ziel',
        '',
        '## Umfang',
        '',
        '## Team',
      ),
      {
        ...md(
          'projektsteckbrief.md',
          '# Projektsteckbrief',
          '',
          '## Ziel',
          '',
          '## Umfang',
          '',
          '## Team',
          '',
          '## Termine',
        ),
        note: 'Abschnitt Termine',
      },
      {
        ...md(
          'projektsteckbrief.md',
          '# Projektsteckbrief',
          '',
          '## Ziel',
          '',
          '## Umfang',
          '',
          '## Team',
          '',
          '## Termine',
          '',
          '## Risiken und Gegenmaßnahmen',
        ),
        note: 'Risiken ergänzt (Wunsch aus dem Führungskreis)',
        by: 'skoehler',
      },
    ],
    downloads: ['mschneider', 'mneumann', 'sbecker'],
  },
  {
    key: 'vpn',
    owner: 'okrause',
    group: 'support',
    title: 'How-to: VPN auf dem Laptop einrichten',
    description:
      'Schritt für Schritt, mit den häufigsten Fehlern. Für alle, die unterwegs arbeiten.',
    hashtags: '#howto #vpn',
    daysAgo: 20,
    versions: [
      md(
        'vpn-howto.md',
        '# VPN einrichten',
        '',
        '1. Client aus dem Softwareportal installieren',
        '2. Mit dem Firmenkonto anmelden',
        '3. Profil „Nordlicht“ wählen',
        '',
        'Fehler 809: Hotel-WLAN blockiert – Hotspot vom Handy nutzen.',
      ),
    ],
    downloads: ['mneumann', 'khansen', 'ghuber', 'tkrueger', 'cwinkler'],
    posts: [
      {
        author: 'khansen',
        body: 'Wer auf der Messe ins VPN muss: die Anleitung vom Support hilft wirklich. #howto',
      },
    ],
  },
  {
    key: 'review',
    owner: 'mneumann',
    group: 'entwicklung',
    title: 'Checkliste Code-Review',
    description: 'Was wir bei jedem Review prüfen.',
    hashtags: '#howto #qualität',
    daysAgo: 15,
    versions: [
      txt(
        'checkliste-review.txt',
        'Checkliste Code-Review',
        '- Tests vorhanden und grün',
        '- Keine Zugangsdaten im Code',
        '- Verständliche Namen',
      ),
    ],
    downloads: ['lbauer'],
  },
  {
    key: 'onboarding',
    owner: 'cwinkler',
    group: 'hr',
    title: 'Leitfaden Onboarding',
    description: 'Die ersten zwei Wochen neuer Kolleginnen und Kollegen: wer macht was.',
    hashtags: '#onboarding #howto',
    daysAgo: 12,
    versions: [
      pdf(
        'Leitfaden_Onboarding.pdf',
        ['Leitfaden Onboarding', 'Woche 1: Arbeitsplatz, Zugänge, Pate oder Patin'],
        ['Woche 2: Kundentermin begleiten, erstes eigenes Thema'],
      ),
    ],
    downloads: ['tkrueger', 'kvogel', 'mneumann', 'aschroeder'],
    posts: [
      {
        author: 'cwinkler',
        body: 'Unser Leitfaden fürs Onboarding ist online – Führungskräfte, bitte einmal reinschauen. #onboarding',
      },
    ],
  },
  {
    key: 'praesentation',
    owner: 'khansen',
    title: 'Präsentation Kundentermin – Gliederung',
    description: 'Meine Gliederung für Erstgespräche, gern nachnutzen.',
    hashtags: '#vorlage',
    daysAgo: 8,
    versions: [
      md(
        'gliederung-kundentermin.md',
        '# Kundentermin',
        '',
        '1. Wer wir sind',
        '2. Was wir verstanden haben',
        '3. Wie wir helfen',
      ),
    ],
    downloads: ['mschneider'],
  },
  {
    key: 'budget',
    owner: 'hbrandt',
    group: 'fuehrungskreis',
    title: 'Budgetplanung 2027 (vertraulich)',
    description: 'Nur für den Führungskreis.',
    hashtags: '#budget',
    daysAgo: 5,
    versions: [txt('budget-2027.txt', 'Budgetplanung 2027', 'Entwurf, bitte nicht weitergeben.')],
  },
];

/**
 * Puts the demo's documents on their shelves through the same use cases as an upload (files
 * in storage, versions, hashtags), records downloads and posts that attach them, and extracts
 * their text at once so that the shelf is complete when the demo starts.
 */
export async function createDemoDocuments(
  deps: Pick<Deps, 'db' | 'clock' | 'bus' | 'storage' | 'config'>,
  ids: Map<string, string>,
  groupIds: Map<string, string>,
): Promise<number> {
  const now = deps.clock().getTime();
  const person = async (key: string) => {
    const user = await findUserById(deps.db, ids.get(key) ?? '');
    if (!user) throw new Error(`demo document by unknown person ${key}`);
    return user;
  };
  const versionIds: string[] = [];
  for (const d of DEMO_DOCUMENTS) {
    // Minutes after the document's day; each step the app takes moves the clock 23 minutes on.
    let minute = 0;
    const at = () => {
      const when = new Date(now - d.daysAgo * 86_400_000 + minute * 60_000);
      minute += 23;
      return when;
    };
    const clocked = { ...deps, clock: at };
    const [first, ...later] = d.versions;
    const doc = await createDocument(clocked, await person(d.owner), {
      title: d.title,
      description: d.description,
      hashtags: d.hashtags,
      groupId: d.group ? groupIds.get(d.group) : null,
      file: { name: first!.name, data: first!.data, truncated: false },
    });
    for (const v of later) {
      minute += 60 * 24;
      await addVersion(clocked, await person(v.by ?? d.owner), doc.id, {
        changeNote: v.note ?? '',
        file: { name: v.name, data: v.data, truncated: false },
      });
    }
    for (const key of d.downloads ?? []) {
      const r = await download(clocked, await person(key), doc.id, d.versions.length);
      r.stream.destroy();
    }
    for (const p of d.posts ?? []) {
      minute += 90;
      await createPost(clocked, await person(p.author), {
        body: p.body,
        groupId: p.group ? groupIds.get(p.group) : null,
        document: doc.id,
      });
    }
    const rows = await deps.db
      .selectFrom('document_versions')
      .select('id')
      .where('document_id', '=', doc.id)
      .execute();
    versionIds.push(...rows.map((r) => r.id));
  }
  for (const id of versionIds) {
    await runExtraction({ versionId: id }, deps as Deps);
    await deps.db.deleteFrom('jobs').where('key', '=', `${EXTRACT_JOB}:${id}`).execute();
  }
  return DEMO_DOCUMENTS.length;
}
