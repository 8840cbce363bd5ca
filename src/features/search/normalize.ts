import { createRequire } from 'node:module';
import { foldPlain } from '../../lib/text.ts';

/**
 * How text becomes search terms, the same for what is indexed and what is asked, on SQLite and
 * on PostgreSQL: both databases only ever see ASCII tokens made here, so both match the same.
 *
 * A word is folded (lower case, ä → ae, ö → oe, ü → ue, ß → ss, other accents dropped) and
 * indexed as itself plus its German and English Snowball stems (`Angebote` → `angebote`,
 * `angebot`). Its reversed forms go in a second column, so that a word also finds the compounds
 * it ends (`zufriedenheit` finds `Kundenzufriedenheit`: "tiehnedeirfuz…" is a prefix of the
 * reversed compound); a prefix search on the first column finds the compounds it starts
 * (`kunde` finds `Kundenzufriedenheit`) and longer inflections (`angebot` finds `Angeboten`).
 */

const require = createRequire(import.meta.url);
// The stemmer files alone: the packages' index also loads sentiment lexicons we do not use.
type Stemmer = { stemWord(word: string): string };
const StemmerDe = require('@nlpjs/lang-de/src/stemmer-de.js') as new () => Stemmer;
const StemmerEn = require('@nlpjs/lang-en-min/src/stemmer-en.js') as new () => Stemmer;
const stopwords = require('stopword') as { deu: string[]; eng: string[] };

const de = new StemmerDe();
const en = new StemmerEn();

const FOLD: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', œ: 'oe' };

const UMLAUTS = /[äöüßæœ]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Lower case, umlauts spelled out, other diacritics dropped. The same words as `foldMapped`
 * gives, several times faster (a whole-string replace instead of a loop over characters):
 * indexing and scoring fold every text, snippets only need the map for a page of results.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .replace(UMLAUTS, (c) => FOLD[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * `text` folded, and for each character of it the index of the source character it came from,
 * so that a match found in the folded text can be marked in the original.
 */
export function foldMapped(text: string): { text: string; source: number[] } {
  let out = '';
  const source: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    let f = FOLD[lower];
    if (f === undefined) {
      f = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (f.length !== 1) f = lower.length === 1 ? lower : ch;
    }
    out += f;
    for (let k = 0; k < f.length; k++) source.push(i);
  }
  return { text: out, source };
}

const WORD = /[a-z0-9]+/g;

/** The folded words of a text, in order. */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

// Stemming costs a few microseconds a word; vocabularies repeat, so each process remembers.
const STEM_CACHE_MAX = 50_000;
const stemCache = new Map<string, readonly [string, string]>();

/** The German and English stems of a folded word. */
export function stems(word: string): readonly [string, string] {
  let s = stemCache.get(word);
  if (!s) {
    // Numbers and very short words are their own stem.
    s =
      word.length < 4 || /^[0-9]/.test(word)
        ? [word, word]
        : [de.stemWord(word), en.stemWord(word)];
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const reverse = (w: string) => [...w].reverse().join('');

/** Below this length a reversed form is not indexed or asked: too many words end in "-heit". */
const MIN_SUFFIX = 5;
/** Below this length a query word matches whole words only, not as a prefix. */
export const MIN_PREFIX = 3;
/** Longest token kept: a 200-character "word" is a hash or a URL, not language. */
const MAX_TOKEN = 60;

export interface IndexTerms {
  /** Folded words and their stems, space separated, each once. */
  terms: string;
  /** Reversed folded words and reversed stems, for compounds. */
  rterms: string;
}

/** The terms indexed for one item's text. */
export function indexTerms(text: string): IndexTerms {
  const terms = new Set<string>();
  const rterms = new Set<string>();
  for (const w of words(text)) {
    if (w.length > MAX_TOKEN) continue;
    terms.add(w);
    const [sd, se] = stems(w);
    terms.add(sd);
    terms.add(se);
    if (w.length >= MIN_SUFFIX) {
      rterms.add(reverse(w));
      if (sd.length >= MIN_SUFFIX) rterms.add(reverse(sd));
    }
  }
  // "Müller" is also found as "muller", the spelling of a keyboard without umlauts.
  if (/[äöüÄÖÜ]/.test(text)) {
    for (const w of foldPlain(text).match(WORD) ?? []) if (w.length <= MAX_TOKEN) terms.add(w);
  }
  return { terms: [...terms].join(' '), rterms: [...rterms].join(' ') };
}

const STOP = new Set([...stopwords.deu, ...stopwords.eng].map((w) => fold(w)));

/** One word of a query and the forms it is looked up in. */
export interface QueryWord {
  /** As folded from the query. */
  word: string;
  /** Whole-token forms: the word and its stems. */
  exact: string[];
  /** Token prefixes (the folded word, when long enough). */
  prefix: string[];
  /** Reversed prefixes, for compounds that end with the word. */
  suffix: string[];
}

/**
 * The words of a query, without stop words (unless nothing else is left, or `stopWords` is
 * 'drop'), at most `max` (8).
 * `"Angebote für Kunden"` → angebote, kunden.
 */
export function queryWords(
  q: string,
  opts: { max?: number; stopWords?: 'drop' | 'keep-if-alone' } = {},
): QueryWord[] {
  const all = [...new Set(words(q).filter((w) => w.length <= MAX_TOKEN))];
  const kept = all.filter((w) => !STOP.has(w));
  const chosen = kept.length > 0 || opts.stopWords === 'drop' ? kept : all;
  return chosen.slice(0, opts.max ?? 8).map((word) => {
    const [sd, se] = stems(word);
    const exact = [...new Set([word, sd, se])];
    // A long stem is a prefix too: "Angebote" → angebot* finds "Angebotsprozess".
    const prefix = [
      ...new Set([
        ...(word.length >= MIN_PREFIX ? [word] : []),
        ...[sd, se].filter((x) => x.length >= MIN_SUFFIX),
      ]),
    ];
    const suffix = new Set<string>();
    if (word.length >= MIN_SUFFIX) suffix.add(reverse(word));
    if (sd.length >= MIN_SUFFIX) suffix.add(reverse(sd));
    return { word, exact, prefix, suffix: [...suffix] };
  });
}

/**
 * Which forms a query looks for: `exact`, whole tokens only (the word and its stems), which an
 * index reads lazily newest first in well under a millisecond; `all`, also the words it starts
 * and the compounds it ends, whose many terms the index must merge first (tens of ms for a
 * common word on a million posts). A search asks `exact` first and `all` only when that does
 * not fill its window.
 */
export type Forms = 'exact' | 'all';

function parts(w: QueryWord, forms: Forms) {
  if (forms === 'exact') return { exact: w.exact, prefix: [], suffix: [] };
  return {
    exact: w.exact.filter((t) => !w.prefix.some((p) => t.startsWith(p))),
    prefix: w.prefix,
    suffix: w.suffix,
  };
}

/** The FTS5 MATCH expression for query words: all of them (`all`) or any. */
export function fts5Match(
  qw: readonly QueryWord[],
  mode: 'all' | 'any',
  forms: Forms = 'all',
): string {
  // Tokens are [a-z0-9]+ by construction, so quoting them is enough to keep FTS5 syntax out.
  const one = (w: QueryWord) => {
    const p = parts(w, forms);
    const list = [
      ...p.exact.map((t) => `terms : "${t}"`),
      ...p.prefix.map((t) => `terms : "${t}"*`),
      ...p.suffix.map((t) => `rterms : "${t}"*`),
    ];
    return `(${list.join(' OR ')})`;
  };
  return qw.map(one).join(mode === 'all' ? ' AND ' : ' OR ');
}

/**
 * The PostgreSQL tsquery for the same: folded words and stems are weight A of the document's
 * tsvector, reversed forms weight B (see the migration), `:*` is a prefix.
 */
export function tsQuery(
  qw: readonly QueryWord[],
  mode: 'all' | 'any',
  forms: Forms = 'all',
): string {
  const one = (w: QueryWord) => {
    const p = parts(w, forms);
    const list = [
      ...p.exact.map((t) => `${t}:A`),
      ...p.prefix.map((t) => `${t}:*A`),
      ...p.suffix.map((t) => `${t}:*B`),
    ];
    return `(${list.join(' | ')})`;
  };
  return qw.map(one).join(mode === 'all' ? ' & ' : ' | ');
}

/** An id as a token: ULIDs are [0-9A-Z], so lower case is enough; anything else is dropped. */
const idToken = (id: string) => id.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A filter the index itself can apply: kind, group or author. */
export interface Facet {
  kind?: string | undefined;
  groupId?: string | undefined;
  authorId?: string | undefined;
}

/** The facet tokens of an item (k…, g…, a…), one column apart from the words. */
export function facetTokens(item: {
  kind: string;
  group_id: string | null;
  author_id: string | null;
}): string {
  return [
    `k${item.kind}`,
    item.group_id ? `g${idToken(item.group_id)}` : '',
    item.author_id ? `a${idToken(item.author_id)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function facetQuery(f: Facet): string[] {
  return [
    f.kind ? `k${f.kind}` : '',
    f.groupId ? `g${idToken(f.groupId)}` : '',
    f.authorId ? `a${idToken(f.authorId)}` : '',
  ].filter((t) => t.length > 1);
}

/** The facet part of an FTS5 MATCH, to be joined with AND ('' for none). */
export function fts5Facets(f: Facet): string {
  return facetQuery(f)
    .map((t) => ` AND facets : "${t}"`)
    .join('');
}

/** The facet part of a tsquery, to be joined with & ('' for none). */
export function tsFacets(f: Facet): string {
  return facetQuery(f)
    .map((t) => ` & ${t}:C`)
    .join('');
}
