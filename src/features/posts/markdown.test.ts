import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('post formatting', () => {
  it('renders bold, italic, lists, quotes and code, and shows raw HTML as text', () => {
    const html = renderMarkdown(
      '**fett** _kursiv_\n\n- eins\n- zwei\n\n> Zitat\n\n`x < y` <script>alert(1)</script>',
    );
    expect(html).toContain('<strong>fett</strong>');
    expect(html).toContain('<em>kursiv</em>');
    expect(html).toContain('<li>eins</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<code>x &lt; y</code>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('refuses javascript: links and marks external links nofollow', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](https://example.com) https://kantine.example/x#y',
    );
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain(
      '<a href="https://example.com" rel="nofollow noopener noreferrer">b</a>',
    );
    expect(html).toContain('href="https://kantine.example/x#y"');
    expect(html).not.toContain('/hashtags/y');
  });

  it('links hashtags and known mentions, not those in code or links', () => {
    const mentions = new Map([['anna', { id: 'U1', name: 'Anna Ärger' }]]);
    const html = renderMarkdown(
      '#Ärger bei @anna und @niemand, `#code`, [#x](https://e.de)',
      mentions,
    );
    expect(html).toContain('<a href="/hashtags/%C3%A4rger" class="hashtag">#Ärger</a>');
    expect(html).toContain('<a href="/people/U1" class="mention">@Anna Ärger</a>');
    expect(html).toContain('@niemand');
    expect(html).not.toContain('/hashtags/code');
    expect(html).not.toContain('/hashtags/x');
  });
});
