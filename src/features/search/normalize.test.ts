import { describe, expect, it } from 'vitest';
import { fold, fts5Match, indexTerms, queryWords, tsQuery } from './normalize.ts';

const tokens = (text: string) => new Set(indexTerms(text).terms.split(' '));
const rtokens = (text: string) => new Set(indexTerms(text).rterms.split(' '));

describe('search normalisation', () => {
  it('folds case and umlauts the German way', () => {
    expect(fold('Ärger')).toBe('aerger');
    expect(fold('ÄRGER')).toBe('aerger');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('Café')).toBe('cafe');
  });

  it('indexes words with their German and English stems', () => {
    const t = tokens('Die Angebote für Kunden');
    expect(t).toContain('angebote');
    expect(t).toContain('angebot');
    expect(t).toContain('kunden');
    expect(tokens('three offers')).toContain('offer');
  });

  it('also indexes the spelling without umlauts: Müller is found as muller', () => {
    expect(tokens('Frau Müller')).toContain('mueller');
    expect(tokens('Frau Müller')).toContain('muller');
  });

  it('indexes reversed forms so a word finds the compounds it ends', () => {
    const reversed = [...'zufriedenheit'].reverse().join('');
    const compound = [...rtokens('Kundenzufriedenheit')];
    expect(compound.some((r) => r.startsWith(reversed))).toBe(true);
  });

  it('drops stop words from a query unless nothing else is left', () => {
    expect(queryWords('Wie schreibe ich ein Angebot?').map((w) => w.word)).toEqual([
      'schreibe',
      'angebot',
    ]);
    expect(queryWords('wie').map((w) => w.word)).toEqual(['wie']);
  });

  it('matches short words whole and longer ones as prefixes and suffixes', () => {
    const [ag] = queryWords('AG');
    expect(ag).toMatchObject({ word: 'ag', prefix: [], suffix: [] });
    const [z] = queryWords('Zufriedenheit');
    expect(z!.prefix).toEqual(['zufriedenheit', 'zufried']);
    expect(z!.suffix).toContain([...'zufriedenheit'].reverse().join(''));
  });

  it('writes the same query for FTS5 and for PostgreSQL, quoting only safe tokens', () => {
    const qw = queryWords('Ärger "OR" Angebote*');
    const m = fts5Match(qw, 'all');
    expect(m).toContain('terms : "aerger"*');
    expect(m).toContain('terms : "angebot"');
    expect(m.match(/"[^"]*"/g)!.every((t) => /^"[a-z0-9]+"$/.test(t))).toBe(true);
    expect(qw.map((w) => w.word)).toEqual(['aerger', 'angebote']);
    // Whole words first: no prefixes or suffixes, so the index reads lazily.
    const exact = fts5Match(qw, 'all', 'exact');
    expect(exact).not.toContain('*');
    expect(exact).toContain('terms : "aerger"');
    expect(tsQuery(qw, 'all', 'exact')).not.toContain(':*');
    const q = tsQuery(qw, 'any');
    expect(q).toContain('aerger:*A');
    expect(q).toContain(' | ');
  });
});
