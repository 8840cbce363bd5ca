/**
 * Hashtags and mentions in text. Unicode-aware: letters, digits, marks and `_` of any script.
 * A `#` or `@` counts only at the start or after a character that cannot be part of a word,
 * a URL path or an e-mail address, so `C#`, `example.com/#top` and `a@b.de` are not tags.
 */
const BEFORE = String.raw`(^|[^\p{L}\p{N}\p{M}_&/#@.:=?%+-])`;
export const HASHTAG_RE = new RegExp(`${BEFORE}#([\\p{L}\\p{N}\\p{M}_]{1,100})`, 'gu');
export const MENTION_RE = new RegExp(
  `${BEFORE}@([\\p{L}\\p{N}](?:[\\p{L}\\p{N}._-]{0,62}[\\p{L}\\p{N}])?)`,
  'gu',
);
const HAS_LETTER = /\p{L}/u;

/** The one spelling a hashtag is stored under: `#Ärger`, `#ärger` and `#ÄRGER` are `ärger`. */
export function normaliseTag(tag: string): string {
  return tag.replace(/^#/, '').normalize('NFC').toLowerCase();
}

/** Text without code: `inline code` and fenced or indented blocks hold no tags or mentions. */
function withoutCode(text: string): string {
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1|$(?![\s\S]))/gm, ' ')
    .replace(/`[^`\n]*`/g, ' ');
}

/** Distinct hashtags of a text, in order of appearance, each with the spelling first used. */
export function extractHashtagSpellings(text: string): { tag: string; display: string }[] {
  const out = new Map<string, string>();
  for (const m of withoutCode(text).matchAll(HASHTAG_RE)) {
    const display = m[2]!;
    const tag = normaliseTag(display);
    if (HAS_LETTER.test(display) && !out.has(tag)) out.set(tag, display.normalize('NFC'));
  }
  return [...out].map(([tag, display]) => ({ tag, display }));
}

/** Distinct normalised hashtags of a text, in order of appearance. */
export function extractHashtags(text: string): string[] {
  return extractHashtagSpellings(text).map((h) => h.tag);
}

/** Distinct mentioned handles (lower case), in order of appearance. */
export function extractMentions(text: string): string[] {
  const out = new Set<string>();
  for (const m of withoutCode(text).matchAll(MENTION_RE)) out.add(m[2]!.toLowerCase());
  return [...out];
}
