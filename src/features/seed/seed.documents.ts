import { SYSTEM_USER_IDS } from '../accounts/accounts.table.ts';
import { ulid } from 'ulid';
import type { Db } from '../../db/connect.ts';
import { FILE_TYPES } from '../posts/file-types.ts';

/** Documents per scale; a custom scale gets one per 50 posts. */
export const DOCUMENTS_PER_SCALE: Record<string, number> = {
  small: 200,
  medium: 2_000,
  large: 20_000,
};

const CUSTOMERS = [
  'Stadtwerke Kiel',
  'Hafen Hamburg',
  'Klinikum Lübeck',
  'Müller Logistik',
  'Baumarkt Nord',
  'Energie Ostsee',
  'Kreisverwaltung Stade',
  'Bäckerei Grünwald',
  'Schulverband Elbe',
  'Zahnärzte am Markt',
];
const TOPICS = [
  'Wartungsvertrag',
  'Kundenzufriedenheit',
  'Projektabschluss',
  'Urlaubsantrag',
  'Reisekostenabrechnung',
  'Netzwerkplanung',
  'Datenschutz',
  'Angebotskalkulation',
  'Einarbeitung',
  'Störungsmeldung',
  'Jahresgespräch',
  'Lieferantenbewertung',
];
const KINDS = [
  { title: (c: string, t: string) => `Angebot ${t} für ${c}`, tags: ['angebot', 'kunde'] },
  { title: (_c: string, t: string) => `Vorlage ${t}`, tags: ['vorlage'] },
  { title: (_c: string, t: string) => `How-to: ${t}`, tags: ['howto'] },
  { title: (_c: string, t: string) => `Checkliste ${t}`, tags: ['checkliste', 'howto'] },
  { title: (c: string, t: string) => `Protokoll ${t} – ${c}`, tags: ['protokoll'] },
  { title: (c: string) => `Referenzprojekt ${c}`, tags: ['referenz', 'wasderkundefindet'] },
];
const SENTENCES = [
  'Die Kundenzufriedenheit ist im letzten Quartal deutlich gestiegen.',
  'Bitte verwenden Sie für neue Angebote immer die aktuelle Vorlage.',
  'Der Wartungsvertrag umfasst Inspektion, Wartung und Störungsbeseitigung.',
  'Reaktionszeiten: vier Stunden in der Servicestufe Gold, acht Stunden in Silber.',
  'Die Abrechnung erfolgt monatlich nach Aufwand.',
  'Ansprechpartnerin für Rückfragen ist die Projektleitung.',
  'Änderungen gegenüber der letzten Fassung sind gelb markiert.',
  'Für Ärger mit dem VPN hilft meistens ein Neustart des Clients.',
  'Die Angebote werden nach dem Vier-Augen-Prinzip freigegeben.',
  'Im Anhang finden Sie die Preisliste und die Leistungsbeschreibung.',
  'Die Schulung dauert einen Tag und findet vor Ort statt.',
  'Wir empfehlen eine jährliche Überprüfung der Datenschutzmaßnahmen.',
];
// Shares of the types on the shelf; xlsx has no text.
const TYPES: [string, number, string][] = [
  ['pdf', 0.35, 'pdf'],
  ['docx', 0.3, 'docx'],
  ['md', 0.15, 'md'],
  ['txt', 0.12, 'txt'],
  ['xlsx', 0.08, 'xlsx'],
];

/** A small deterministic generator (mulberry32), so the same scale gives the same shelf. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BATCH = 400;

/**
 * Writes `count` documents with 1–3 versions each, their hashtags, download and reuse counts
 * and the versions' extracted text, straight into the tables (no files: the versions' storage
 * keys point nowhere, so downloading a seeded document answers "not found" with
 * `file_missing`, and nothing is counted). Owners are members of the document's group, or
 * it is on their own shelf. Returns the rows written per table.
 */
export async function seedDocuments(
  db: Db,
  count: number,
  now: Date,
  progress: (line: string) => void = () => {},
): Promise<Record<string, number>> {
  const rand = prng(20_26_11_28);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const members = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['group_members.group_id', 'group_members.user_id'])
    .orderBy('group_members.group_id')
    .orderBy('group_members.user_id')
    .execute();
  const people = (
    await db
      .selectFrom('users')
      .select('id')
      .where('id', 'not in', SYSTEM_USER_IDS)
      .orderBy('id')
      .execute()
  ).map((u) => u.id);
  if (people.length === 0 || count <= 0) return {};
  const started = performance.now();
  const counts: Record<string, number> = {};
  const add = (t: string, n: number) => (counts[t] = (counts[t] ?? 0) + n);
  const tagsUsed = new Set<string>();
  const span = 2 * 365 * 86_400_000;
  let nextPercent = 10;
  for (let done = 0; done < count;) {
    const n = Math.min(BATCH, count - done);
    const docs: Record<string, unknown>[] = [];
    const versions: Record<string, unknown>[] = [];
    const tags: { document_id: string; tag: string; group_id: string | null }[] = [];
    const reuses: { document_id: string; source: string; created_at: string }[] = [];
    for (let i = 0; i < n; i++) {
      const k = done + i;
      // Spread over two years, the newest last, so ids sort by time.
      const created = now.getTime() - span + Math.floor(((k + rand()) / count) * span * 0.98);
      const m = members.length && rand() < 0.85 ? pick(members) : null;
      const owner = m ? m.user_id : pick(people);
      const kind = pick(KINDS);
      const customer = pick(CUSTOMERS);
      const topic = pick(TOPICS);
      let r = rand();
      const type = (TYPES.find(([, share]) => (r -= share) < 0) ?? TYPES[0]!)[0];
      const id = ulid(created);
      const versionCount = rand() < 0.6 ? 1 : rand() < 0.7 ? 2 : 3;
      const downloads = Math.floor(Math.pow(rand(), 3) * 60);
      const reuse = Math.min(downloads, Math.floor(downloads * rand() * 0.5));
      let currentId = '';
      for (let v = 1; v <= versionCount; v++) {
        const at = created + (v - 1) * 3 * 86_400_000;
        const vid = ulid(at);
        currentId = vid;
        const text =
          type === 'xlsx'
            ? null
            : [
                kind.title(customer, topic),
                ...Array.from({ length: 4 + Math.floor(rand() * 12) }, () => pick(SENTENCES)),
              ].join('\n');
        const ext = FILE_TYPES[type as keyof typeof FILE_TYPES].extensions[0];
        versions.push({
          id: vid,
          document_id: id,
          number: v,
          name: `${topic}_${customer.replace(/\s+/g, '_')}_v${v}.${ext}`,
          mime:
            FILE_TYPES[type as keyof typeof FILE_TYPES].mime +
            (['md', 'txt'].includes(type) ? '; charset=utf-8' : ''),
          type,
          size: 2_000 + Math.floor(rand() * 400_000),
          storage_key: `documents/${id}/${vid}`,
          uploaded_by: owner,
          change_note:
            v === 1
              ? ''
              : pick([
                  'Zahlen aktualisiert',
                  'Tippfehler korrigiert',
                  'Abschnitt ergänzt',
                  'Neue Preise',
                ]),
          created_at: new Date(at).toISOString(),
          download_count: v === versionCount ? downloads : Math.floor(downloads / 3),
          extraction_status: text === null ? 'unsupported' : 'done',
          extraction_error: null,
          extracted_text: text,
        });
      }
      const reusers = new Set<string>();
      for (let tries = 0; reusers.size < reuse && tries < reuse * 3; tries++)
        reusers.add(pick(people));
      docs.push({
        id,
        group_id: m ? m.group_id : null,
        owner_id: owner,
        title: kind.title(customer, topic),
        description: `${pick(SENTENCES)} #${kind.tags[0]}`,
        type,
        current_version_id: currentId,
        version_count: versionCount,
        download_count: downloads + Math.floor(downloads / 3) * (versionCount - 1),
        reuse_count: reusers.size,
        created_at: new Date(created).toISOString(),
        updated_at: new Date(created + (versionCount - 1) * 3 * 86_400_000).toISOString(),
      });
      for (const tag of kind.tags) {
        tags.push({ document_id: id, tag, group_id: m ? m.group_id : null });
        tagsUsed.add(tag);
      }
      for (const u of reusers)
        reuses.push({
          document_id: id,
          source: `user:${u}`,
          created_at: new Date(created).toISOString(),
        });
    }
    await db.transaction().execute(async (trx) => {
      if (tagsUsed.size)
        await trx
          .insertInto('hashtags')
          .values(
            [...tagsUsed].map((tag) => ({
              tag,
              display: tag,
              meaning: null,
              created_at: now.toISOString(),
            })),
          )
          .onConflict((oc) => oc.column('tag').doNothing())
          .execute();
      await trx
        .insertInto('documents')
        .values(docs as never)
        .execute();
      for (let i = 0; i < versions.length; i += BATCH)
        await trx
          .insertInto('document_versions')
          .values(versions.slice(i, i + BATCH) as never)
          .execute();
      await trx.insertInto('document_hashtags').values(tags).execute();
      for (let i = 0; i < reuses.length; i += BATCH)
        await trx
          .insertInto('document_reuses')
          .values(reuses.slice(i, i + BATCH))
          .execute();
    });
    tagsUsed.clear();
    add('documents', docs.length);
    add('document_versions', versions.length);
    add('document_hashtags', tags.length);
    add('document_reuses', reuses.length);
    done += n;
    const percent = Math.floor((done / count) * 100);
    if (percent >= nextPercent || done === count) {
      progress(
        `seed: documents ${String(percent).padStart(3)} % · ${done.toLocaleString('en-US')} documents · ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      nextPercent = Math.floor(percent / 10) * 10 + 10;
    }
  }
  return counts;
}
