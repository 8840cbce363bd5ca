import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import { isSqlite, type Db } from '../../db/connect.ts';
import { foldPlain } from '../../lib/text.ts';
import type { Database } from '../../db/database.ts';
import { groupReadableBy } from '../groups/index.ts';
import { resolveAliases, normaliseTag } from '../hashtags/index.ts';
import { drainSearchQueue } from './indexer.ts';
import {
  fold,
  foldMapped,
  fts5Facets,
  fts5Match,
  queryWords,
  tsFacets,
  tsQuery,
  type Forms,
  type QueryWord,
} from './normalize.ts';
import type { SearchItemsTable, SearchKind } from './search.table.ts';

export interface SearchQuery {
  q: string;
  kind?: SearchKind | undefined;
  groupId?: string | undefined;
  authorId?: string | undefined;
  /** A hashtag, with or without '#'; aliases resolve. */
  tag?: string | undefined;
  /** Dates, YYYY-MM-DD, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** Questions with at least one answer (by someone other than the asker). */
  answered?: boolean | undefined;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  url: string;
  /** Plain text around the best match. */
  snippet: string;
  /** [start, end) ranges of `snippet` that matched, for highlighting. */
  highlights: [number, number][];
  createdAt: string;
  author: { id: string; name: string } | null;
  group: { id: string; name: string } | null;
  /** Questions only. */
  questionStatus: 'open' | 'answered' | 'accepted' | null;
}

export interface SearchResult {
  items: SearchHit[];
  /** Offset of the next page, or null. */
  next: number | null;
  /** True when more than WINDOW items matched: only the newest are ranked. */
  truncated: boolean;
}

/**
 * Matches are ranked among the newest this many that the viewer may read: newest first through
 * the index, so a common word costs what a rare one does; beyond it a person narrows the query
 * or filters (the page says so).
 */
export const WINDOW = 300;

interface Candidate {
  id: number;
  kind: SearchKind;
  ref_id: string;
  post_id: string | null;
  group_id: string | null;
  author_id: string | null;
  created_at: string;
}

/**
 * Searches what the viewer may read. Permission filtering is in the query that finds the
 * candidates, so nothing private is ever counted, ranked or shown to a non-member.
 * `mode: 'any'` finds items with any of the words (similar questions), ranked by how many.
 */
export async function search(
  db: Db,
  viewerId: string,
  query: SearchQuery,
  opts: {
    offset?: number;
    limit?: number;
    mode?: 'all' | 'any';
    /** With `any`: how many of the query's words an item must match. */
    minWords?: number;
    now: Date;
  },
): Promise<SearchResult> {
  const offset = Math.max(0, opts.offset ?? 0);
  const limit = opts.limit ?? 20;
  const qw = queryWords(query.q);
  const empty = { items: [], next: null, truncated: false };
  if (qw.length === 0) return empty;
  await drainSearchQueue(db);
  const tag = query.tag ? await canonicalTag(db, query.tag) : undefined;
  const mode = opts.mode ?? 'all';
  // Whole words first; the words they start and the compounds they end only when whole words
  // do not fill the window (the results are then a superset, so nothing found is lost).
  let found = await candidates(db, viewerId, qw, { ...query, tag }, mode, 'exact');
  if (found.length <= WINDOW)
    found = await candidates(db, viewerId, qw, { ...query, tag }, mode, 'all');
  const truncated = found.length > WINDOW;
  const window = found.slice(0, WINDOW);
  const shown = await hydrate(db, window);
  const matchers = qw.map(matcherFor);
  const scored = window
    .map((c) => {
      const s = shown.get(key(c));
      const minWords = mode === 'any' ? (opts.minWords ?? 1) : 0;
      return s && { c, s, score: score(c, s, matchers, opts.now, minWords) };
    })
    .filter((x) => x !== undefined && x.score > 0)
    .sort((a, b) => b!.score - a!.score || b!.c.id - a!.c.id);
  const page = scored.slice(offset, offset + limit).map((x) => hit(x!.c, x!.s, matchers));
  return {
    items: page,
    next: offset + limit < scored.length ? offset + limit : null,
    truncated,
  };
}

async function canonicalTag(db: Db, tag: string): Promise<string> {
  const t = normaliseTag(tag.replace(/^#/, ''));
  return (await resolveAliases(db, [t]))[0] ?? t;
}

type Eb = ExpressionBuilder<Database & { si: SearchItemsTable }, 'si'>;

async function candidates(
  db: Db,
  viewerId: string,
  qw: readonly QueryWord[],
  query: SearchQuery,
  mode: 'all' | 'any',
  forms: Forms,
): Promise<Candidate[]> {
  // Kind, group and author are also joined in the index (see facetTokens); the conditions on
  // search_items below say the same and keep the query right on its own.
  const facet = { kind: query.kind, groupId: query.groupId, authorId: query.authorId };
  const filters = (eb: Eb) => {
    const and: ReturnType<Eb['and']>[] = [
      eb.or([
        eb('si.group_id', 'is', null),
        eb.exists(
          eb
            .selectFrom('groups')
            .select('groups.id')
            .whereRef('groups.id', '=', 'si.group_id')
            .where(groupReadableBy(viewerId)),
        ),
      ]),
    ];
    if (query.kind) and.push(eb.and([eb('si.kind', '=', query.kind)]));
    if (query.groupId) and.push(eb.and([eb('si.group_id', '=', query.groupId)]));
    if (query.authorId) and.push(eb.and([eb('si.author_id', '=', query.authorId)]));
    if (query.answered) {
      and.push(
        eb.exists(
          eb
            .selectFrom('questions')
            .select('questions.post_id')
            .whereRef('questions.post_id', '=', 'si.ref_id')
            .where('questions.first_answer_at', 'is not', null),
        ),
      );
    }
    if (query.from) and.push(eb.and([eb('si.created_at', '>=', query.from)]));
    // Inclusive: everything before the next day.
    if (query.to) and.push(eb.and([eb('si.created_at', '<', dayAfter(query.to))]));
    if (query.tag) {
      const tag = query.tag;
      and.push(
        eb.or([
          eb.exists(
            eb
              .selectFrom('post_hashtags')
              .select('post_hashtags.post_id')
              .whereRef('post_hashtags.post_id', '=', 'si.post_id')
              .where('post_hashtags.tag', '=', tag),
          ),
          eb.and([
            eb('si.kind', '=', 'document'),
            eb.exists(
              eb
                .selectFrom('document_hashtags')
                .select('document_hashtags.document_id')
                .whereRef('document_hashtags.document_id', '=', 'si.ref_id')
                .where('document_hashtags.tag', '=', tag),
            ),
          ]),
        ]),
      );
    }
    return eb.and(and);
  };
  const columns = [
    'si.id',
    'si.kind',
    'si.ref_id',
    'si.post_id',
    'si.group_id',
    'si.author_id',
    'si.created_at',
  ] as const;
  // One more than the window, to know whether it was cut.
  if (isSqlite(db)) {
    // The full-text table drives (CROSS JOIN keeps SQLite from reordering): its rowids are
    // walked newest first and each is checked against the filters by primary key, stopping
    // once the window is full.
    return db
      .selectFrom(sql<{ rowid: number }>`search_fts`.as('f'))
      .crossJoin('search_items as si')
      .select(columns)
      .where(sql<SqlBool>`si.id = f.rowid`)
      .where(
        sql<SqlBool>`search_fts match ${`(${fts5Match(qw, mode, forms)})${fts5Facets(facet)}`}`,
      )
      .where((eb) => filters(eb as unknown as Eb))
      .orderBy(sql`f.rowid`, 'desc')
      .limit(WINDOW + 1)
      .execute();
  }
  return db
    .selectFrom('search_items as si')
    .select(columns)
    .where(sql<SqlBool>`si.tsv @@ ${`(${tsQuery(qw, mode, forms)})${tsFacets(facet)}`}::tsquery`)
    .where(filters)
    .orderBy('si.id', 'desc')
    .limit(WINDOW + 1)
    .execute();
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** What a result shows: its title and the text its snippet is cut from. */
interface Shown {
  title: string;
  /** Searched for the snippet and scored (body, description, extracted text…). */
  text: string;
  url: string;
  author: { id: string; name: string } | null;
  group: { id: string; name: string } | null;
  questionStatus: SearchHit['questionStatus'];
}

const key = (c: { kind: SearchKind; ref_id: string }) => `${c.kind}:${c.ref_id}`;

const groupRef = (r: { group_id: string | null; group_name: string | null }) =>
  r.group_id ? { id: r.group_id, name: r.group_name ?? '' } : null;

/** Shown text of a document is cut here: enough for a snippet and scoring. */
const DOCUMENT_SHOWN_MAX = 20_000;

async function hydrate(db: Db, window: readonly Candidate[]): Promise<Map<string, Shown>> {
  const out = new Map<string, Shown>();
  const ids = (kinds: SearchKind[]) =>
    window.filter((c) => kinds.includes(c.kind)).map((c) => c.ref_id);
  const posts = ids(['post', 'question']);
  const comments = ids(['comment']);
  const documents = ids(['document']);
  const people = ids(['person']);
  const groups = ids(['group']);

  if (posts.length > 0) {
    const rows = await db
      .selectFrom('posts as p')
      .innerJoin('users as a', 'a.id', 'p.author_id')
      .leftJoin('groups as g', 'g.id', 'p.group_id')
      .leftJoin('questions as q', 'q.post_id', 'p.id')
      .select([
        'p.id',
        'p.kind',
        'p.body',
        'a.id as author_id',
        'a.name as author_name',
        'g.id as group_id',
        'g.name as group_name',
        'q.first_answer_at',
        'q.accepted_comment_id',
      ])
      .where('p.id', 'in', posts)
      .execute();
    for (const r of rows) {
      const kind = r.kind === 'question' ? 'question' : 'post';
      out.set(`${kind}:${r.id}`, {
        title: firstLine(r.body),
        text: plain(r.body),
        url: `/posts/${r.id}`,
        author: { id: r.author_id, name: r.author_name },
        group: groupRef(r),
        questionStatus:
          kind !== 'question'
            ? null
            : r.accepted_comment_id
              ? 'accepted'
              : r.first_answer_at
                ? 'answered'
                : 'open',
      });
    }
  }
  if (comments.length > 0) {
    const rows = await db
      .selectFrom('comments as c')
      .innerJoin('posts as p', 'p.id', 'c.post_id')
      .innerJoin('users as a', 'a.id', 'c.author_id')
      .leftJoin('groups as g', 'g.id', 'p.group_id')
      .select([
        'c.id',
        'c.post_id',
        'c.body',
        'p.body as post_body',
        'a.id as author_id',
        'a.name as author_name',
        'g.id as group_id',
        'g.name as group_name',
      ])
      .where('c.id', 'in', comments)
      .execute();
    for (const r of rows) {
      out.set(`comment:${r.id}`, {
        title: firstLine(r.post_body),
        text: plain(r.body),
        url: `/posts/${r.post_id}#c-${r.id}`,
        author: { id: r.author_id, name: r.author_name },
        group: groupRef(r),
        questionStatus: null,
      });
    }
  }
  if (documents.length > 0) {
    const rows = await db
      .selectFrom('documents as d')
      .innerJoin('users as a', 'a.id', 'd.owner_id')
      .leftJoin('groups as g', 'g.id', 'd.group_id')
      .leftJoin('document_versions as v', 'v.id', 'd.current_version_id')
      .select([
        'd.id',
        'd.title',
        'd.description',
        'a.id as author_id',
        'a.name as author_name',
        'g.id as group_id',
        'g.name as group_name',
        sql<string | null>`substr(v.extracted_text, 1, ${DOCUMENT_SHOWN_MAX})`.as('text'),
      ])
      .where('d.id', 'in', documents)
      .execute();
    for (const r of rows) {
      out.set(`document:${r.id}`, {
        title: r.title,
        text: [r.description, r.text ?? ''].join('\n'),
        url: `/documents/${r.id}`,
        author: { id: r.author_id, name: r.author_name },
        group: groupRef(r),
        questionStatus: null,
      });
    }
  }
  if (people.length > 0) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'name', 'title', 'department', 'location'])
      .where('id', 'in', people)
      .where('status', '=', 'active')
      .execute();
    const skills = await db
      .selectFrom('user_skills')
      .select(['user_id', 'skill'])
      .where('user_id', 'in', people)
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const mine = skills.filter((s) => s.user_id === r.id).map((s) => s.skill);
      out.set(`person:${r.id}`, {
        title: r.name,
        text: [[r.title, r.department, r.location].filter(Boolean).join(' · '), mine.join(', ')]
          .filter(Boolean)
          .join('\n'),
        url: `/people/${r.id}`,
        author: null,
        group: null,
        questionStatus: null,
      });
    }
  }
  if (groups.length > 0) {
    const rows = await db
      .selectFrom('groups')
      .select(['id', 'name', 'description'])
      .where('id', 'in', groups)
      .execute();
    for (const r of rows) {
      out.set(`group:${r.id}`, {
        title: r.name,
        text: r.description,
        url: `/groups/${r.id}`,
        author: null,
        group: null,
        questionStatus: null,
      });
    }
  }
  return out;
}

/** Markdown source as plain text, enough for snippets: link targets and markers dropped. */
function plain(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~>]+/g, '')
    .replace(/[ \t]+/g, ' ');
}

function firstLine(md: string): string {
  const line = plain(md).trim().split('\n')[0] ?? '';
  return line.length > 100 ? `${line.slice(0, 99).trimEnd()}…` : line;
}

/** How well a text answers one query word: the patterns, strongest first. */
interface Matcher {
  exact: RegExp;
  start: RegExp;
  anywhere: RegExp;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matcherFor(w: QueryWord): Matcher {
  const forms = [...new Set([...w.exact, ...w.prefix])].map(esc).join('|');
  // Compounds are found by their end (the word or its stem ends them).
  const ends = [...new Set([w.word, ...w.exact.filter((f) => f.length >= 5)])].map(esc).join('|');
  return {
    exact: new RegExp(`(?<![a-z0-9])(?:${forms})(?![a-z0-9])`, 'g'),
    start: new RegExp(`(?<![a-z0-9])(?:${forms})[a-z0-9]*`, 'g'),
    anywhere: new RegExp(`[a-z0-9]*(?:${ends})[a-z0-9]*`, 'g'),
  };
}

/** 3 for the word itself or a stem, 2 for a word it starts, 1 for a compound it ends, 0. */
function strength(m: Matcher, folded: string): number {
  const test = (r: RegExp) => {
    r.lastIndex = 0;
    return r.test(folded);
  };
  return test(m.exact) ? 3 : test(m.start) ? 2 : test(m.anywhere) ? 1 : 0;
}

const DAY = 86_400_000;

/** Folded both ways, as indexed: "Özdemir" is matched as "oezdemir" and as "ozdemir". */
function scored(text: string): string {
  const folded = fold(text);
  return /[äöüÄÖÜ]/.test(text) ? `${folded}\n${foldPlain(text)}` : folded;
}

/**
 * Relevance, the same on both databases because it is computed here: each word counts by how
 * well it matches (title twice the text), names of people and groups that match every word
 * come first, and newer items win ties and near-ties (at most one point, halving in 90 days).
 */
function score(
  c: Candidate,
  s: Shown,
  matchers: readonly Matcher[],
  now: Date,
  minWords: number,
): number {
  const title = scored(s.title);
  const text = scored(s.text);
  let total = 0;
  let inTitle = 0;
  let words = 0;
  for (const m of matchers) {
    const t = strength(m, title);
    const b = strength(m, text);
    if (t > 0) inTitle++;
    if (t > 0 || b > 0) words++;
    total += Math.max(2 * t, b);
  }
  // The index found every word (mode all) or some (any); a text shown here may be cut shorter
  // than what was indexed (documents), so an item the text does not show still counts, last.
  if (words < minWords) return 0;
  if ((c.kind === 'person' || c.kind === 'group') && inTitle === matchers.length) total += 4;
  const age = Math.max(0, now.getTime() - Date.parse(c.created_at)) / DAY;
  return total + Math.pow(0.5, age / 90);
}

const SNIPPET = 200;

function hit(c: Candidate, s: Shown, matchers: readonly Matcher[]): SearchHit {
  const { snippet, highlights } = snippetOf(s.text.trim() === '' ? s.title : s.text, matchers);
  return {
    kind: c.kind,
    id: c.ref_id,
    title: s.title || s.text.slice(0, 80),
    url: s.url,
    snippet,
    highlights,
    createdAt: c.created_at,
    author: s.author,
    group: s.group,
    questionStatus: s.questionStatus,
  };
}

/** About SNIPPET characters of `text` around its first match, with every match marked. */
export function snippetOf(
  text: string,
  matchers: readonly Matcher[],
): { snippet: string; highlights: [number, number][] } {
  const clean = text.replace(/\s+/g, ' ').trim();
  const { text: folded, source } = foldMapped(clean);
  const ranges: [number, number][] = [];
  for (const m of matchers) {
    for (const r of [m.exact, m.start, m.anywhere]) {
      r.lastIndex = 0;
      let found = false;
      for (const x of folded.matchAll(r)) {
        const a = source[x.index]!;
        const b = (source[x.index + x[0].length - 1] ?? a) + 1;
        ranges.push([a, b]);
        found = true;
      }
      if (found) break;
    }
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - 60);
  if (start > 0) {
    const space = clean.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  let end = Math.min(clean.length, start + SNIPPET);
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    if (space > Math.max(start, ranges[0]?.[1] ?? start)) end = space;
  }
  const lead = start > 0 ? '… ' : '';
  const snippet = `${lead}${clean.slice(start, end)}${end < clean.length ? ' …' : ''}`;
  const highlights: [number, number][] = [];
  for (const [a, b] of ranges) {
    if (a < start || b > end) continue;
    const from = a - start + lead.length;
    const to = b - start + lead.length;
    const last = highlights[highlights.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else highlights.push([from, to]);
  }
  return { snippet, highlights };
}
