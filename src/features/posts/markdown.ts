import MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { HASHTAG_RE, MENTION_RE, normaliseTag } from '../hashtags/hashtags.parse.ts';

export interface MentionTarget {
  id: string;
  name: string;
}

/**
 * Light formatting (bold, italic, links, lists, quotes, code) with raw HTML off: whatever a
 * person types is shown as text, never as markup. Links get rel="nofollow noopener".
 */
const md = new MarkdownIt('commonmark', { html: false, linkify: true, breaks: true });
md.enable(['linkify', 'strikethrough']);
md.disable(['image', 'heading', 'lheading', 'hr', 'html_block', 'html_inline']);

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet('href') ?? '';
  if (/^https?:\/\//i.test(href)) token.attrSet('rel', 'nofollow noopener noreferrer');
  return self.renderToken(tokens, idx, options);
};

const TOKEN_RE = new RegExp(`${HASHTAG_RE.source}|${MENTION_RE.source}`, 'gu');

/** Turns #tags and @handles in plain text (not in links or code) into links. */
function linkTagsAndMentions(state: StateCore): void {
  const mentions = (state.env as { mentions?: Map<string, MentionTarget> }).mentions ?? new Map();
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let insideLink = 0;
    for (const tok of block.children) {
      if (tok.type === 'link_open') insideLink++;
      if (tok.type === 'link_close') insideLink--;
      if (tok.type !== 'text' || insideLink > 0) {
        out.push(tok);
        continue;
      }
      let last = 0;
      const text = tok.content;
      for (const m of text.matchAll(TOKEN_RE)) {
        const lead = (m[1] ?? m[3] ?? '').length;
        const start = m.index + lead;
        const tag = m[2];
        const handle = m[4];
        const target = handle ? mentions.get(handle.toLowerCase()) : undefined;
        if (!tag && !target) continue;
        if (tag && !/\p{L}/u.test(tag)) continue;
        if (start > last) out.push(textToken(state, text.slice(last, start)));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = tag
          ? [
              ['href', `/hashtags/${encodeURIComponent(normaliseTag(tag))}`],
              ['class', 'hashtag'],
            ]
          : [
              ['href', `/people/${target!.id}`],
              ['class', 'mention'],
            ];
        out.push(
          open,
          textToken(state, tag ? `#${tag}` : `@${target!.name}`),
          new state.Token('link_close', 'a', -1),
        );
        last = start + 1 + (tag ?? handle!).length;
      }
      if (last === 0) out.push(tok);
      else if (last < text.length) out.push(textToken(state, text.slice(last)));
    }
    block.children = out;
  }
}

function textToken(state: StateCore, content: string): Token {
  const t = new state.Token('text', '', 0);
  t.content = content;
  return t;
}

md.core.ruler.push('kantine_tags_mentions', linkTagsAndMentions);

/** Safe HTML of a post or comment; `mentions` maps lower-case handles to the people meant. */
export function renderMarkdown(
  body: string,
  mentions: Map<string, MentionTarget> = new Map(),
): string {
  return md.render(body, { mentions });
}
