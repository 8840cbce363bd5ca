import type { ComponentChildren } from 'preact';
import { Csrf } from '../../views/form.tsx';
import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import type { Meaning } from '../hashtags/index.ts';

export const MEANING_LABEL: Record<Meaning, MessageKey> = {
  success_story: 'hashtags.success_story',
  customer_voice: 'hashtags.customer_voice',
  pain_point: 'hashtags.pain_point',
  campaign: 'hashtags.campaign',
};

export function FollowButton(props: {
  ctx: PageContext;
  type: 'group' | 'user' | 'hashtag';
  id: string;
  following: boolean;
  back: string;
}) {
  const { t } = props.ctx.i18n;
  return (
    <form method="post" action="/follow" class="inline follow">
      <Csrf token={props.ctx.csrfToken} />
      <input type="hidden" name="type" value={props.type} />
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="on" value={props.following ? '0' : '1'} />
      <input type="hidden" name="back" value={props.back} />
      <button
        type="submit"
        class={props.following ? 'secondary' : undefined}
        aria-pressed={props.following ? 'true' : 'false'}
      >
        {t(props.following ? 'feed.following' : 'feed.follow')}
      </button>
    </form>
  );
}

export function HashtagPage(props: {
  ctx: PageContext;
  tag: { tag: string; display: string; meaning: Meaning | null; aliases: string[] };
  count: number;
  related: { tag: string; count: number }[];
  following: boolean;
  back: string;
  children: ComponentChildren;
}) {
  const { ctx, tag } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>#{tag.display}</h1>
      <p class="meta">
        {t('hashtags.count', { count: props.count })}
        {tag.meaning ? (
          <>
            {' · '}
            <span class="badge">{t(MEANING_LABEL[tag.meaning])}</span>
          </>
        ) : null}
        {tag.aliases.length
          ? ` · ${t('hashtags.aliases')}: ${tag.aliases.map((a) => `#${a}`).join(', ')}`
          : ''}
        {' · '}
        <a href={`/hashtags/${encodeURIComponent(tag.tag)}/questions`}>
          {t('questions.with_tag', { tag: tag.display })}
        </a>
      </p>
      <FollowButton
        ctx={ctx}
        type="hashtag"
        id={tag.tag}
        following={props.following}
        back={props.back}
      />
      {props.related.length ? (
        <nav aria-labelledby="related-h">
          <h2 id="related-h">{t('hashtags.related')}</h2>
          <ul class="tags">
            {props.related.map((r) => (
              <li>
                <a href={`/hashtags/${encodeURIComponent(r.tag)}`}>#{r.tag}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <h2>{t('hashtags.series')}</h2>
      {props.children}
    </section>
  );
}
