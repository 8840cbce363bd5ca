const GERMAN_FOLDS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Lower case without diacritics: "Jürgen Weiß" → "jurgen weiss". */
export function foldPlain(s: string): string {
  return s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case with German transliteration: "Jürgen Weiß" → "juergen weiss". */
export function foldGerman(s: string): string {
  return foldPlain(s.toLowerCase().replace(/[äöüß]/g, (c) => GERMAN_FOLDS[c] ?? c));
}

/**
 * The searchable key of a name: both foldings, so "Müller" is found by "muller" and "mueller".
 * A search folds the query with foldPlain and looks for it as a substring.
 */
export function searchKey(s: string): string {
  const plain = foldPlain(s);
  const german = foldGerman(s);
  return plain === german ? plain : `${plain} | ${german}`;
}

/** Trims and collapses inner white space of a one-line value. */
export function cleanLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Normalises line endings and trims a multi-line value. */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').trim();
}

/** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\'). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
