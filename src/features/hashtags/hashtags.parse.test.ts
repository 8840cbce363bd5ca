import { describe, expect, it } from 'vitest';
import { extractHashtags, extractMentions, normaliseTag } from './hashtags.parse.ts';

describe('hashtags in text', () => {
  it('#Ärger, #ärger and #ÄRGER are one hashtag', () => {
    expect(extractHashtags('#Ärger heute, #ärger morgen, #ÄRGER immer')).toEqual(['ärger']);
    expect(normaliseTag('#ÄRGER')).toBe('ärger');
  });

  it('takes letters, digits and _ of any script', () => {
    expect(extractHashtags('#Kundenzufriedenheit_2026 #日本語 #привет #café #x1')).toEqual([
      'kundenzufriedenheit_2026',
      '日本語',
      'привет',
      'café',
      'x1',
    ]);
  });

  it('a # inside a URL or a word, or in code, is not a hashtag; digits alone are not either', () => {
    const text =
      'C# und F#, siehe https://example.com/#anker und example.com/a#b, `#code`, #123, &#38;\n```\n#block\n```\nEnde #echt';
    expect(extractHashtags(text)).toEqual(['echt']);
  });

  it('punctuation ends a hashtag and may come before it', () => {
    expect(extractHashtags('(#intranetarbeiten), "#wasderkundefindet"! #ärger.')).toEqual([
      'intranetarbeiten',
      'wasderkundefindet',
      'ärger',
    ]);
  });
});

describe('mentions in text', () => {
  it('finds handles but not e-mail addresses', () => {
    expect(
      extractMentions('Danke @thomas.krueger und @Anna, schreib an anna@example.com.'),
    ).toEqual(['thomas.krueger', 'anna']);
  });
});
