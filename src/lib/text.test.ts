import { describe, expect, it } from 'vitest';
import { cleanLine, escapeLike, foldGerman, foldPlain, searchKey } from './text.ts';

describe('text folding for search', () => {
  it('folds case and diacritics, ß to ss', () => {
    expect(foldPlain('Jürgen WEIß')).toBe('jurgen weiss');
    expect(foldGerman('Jürgen Weiß')).toBe('juergen weiss');
  });

  it('a name key holds both foldings, so "muller" and "mueller" both find "Müller"', () => {
    const key = searchKey('Jürgen Müller');
    expect(key).toContain(foldPlain('muller'));
    expect(key).toContain(foldPlain('mueller'));
    expect(searchKey('Anna Schmidt')).toBe('anna schmidt');
  });

  it('collapses white space of one-line values and escapes LIKE wildcards', () => {
    expect(cleanLine('  a \t b\n c ')).toBe('a b c');
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
