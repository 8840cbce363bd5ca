import type { PageContext } from '../../views/layout.tsx';
import { Pager } from '../../views/pager.tsx';
import { Select } from '../../views/form.tsx';
import {
  excerptOf,
  NO_OWNER,
  OPEN,
  type BoardFilter,
  type BoardRow,
  type FilterOptions,
} from './board.ts';
import { ageText, PersonLink, StatusBadge, statusLabel, VoteButton } from './painpoints.views.tsx';
import { PAIN_POINT_STATUSES, type PainPointStatus } from './painpoints.table.ts';

/** The board's address for a filter (only what differs from the defaults). */
export function boardUrl(f: BoardFilter, cursor: string | null = null): string {
  const q = new URLSearchParams();
  const open = f.statuses.length === OPEN.length && OPEN.every((s) => f.statuses.includes(s));
  if (!open)
    for (const s of f.statuses.length === PAIN_POINT_STATUSES.length ? ['all'] : f.statuses)
      q.append('status', s);
  if (f.department !== null) q.set('department', f.department);
  if (f.tag !== null) q.set('tag', f.tag);
  if (f.owner !== null) q.set('ownerId', f.owner);
  if (f.sort !== 'votes') q.set('sort', f.sort);
  if (cursor) q.set('cursor', cursor);
  const s = q.toString();
  return s ? `/pain-points?${s}` : '/pain-points';
}

export interface BoardCard extends BoardRow {
  voted: boolean;
  canVote: boolean;
}

/** Counts per status as links: each shows only that status, the other filters kept. */
function StatusCounts(props: {
  ctx: PageContext;
  f: BoardFilter;
  counts: Record<PainPointStatus, number>;
}) {
  const { ctx, f, counts } = props;
  const { t } = ctx.i18n;
  const only = (statuses: readonly PainPointStatus[]) => boardUrl({ ...f, statuses });
  const same = (statuses: readonly PainPointStatus[]) =>
    statuses.length === f.statuses.length && statuses.every((s) => f.statuses.includes(s));
  const sum = (statuses: readonly PainPointStatus[]) => statuses.reduce((n, s) => n + counts[s], 0);
  const link = (statuses: readonly PainPointStatus[], label: string) => (
    <li>
      <a href={only(statuses)} aria-current={same(statuses) ? 'page' : undefined}>
        {label}: <span class="count">{ctx.i18n.number(sum(statuses))}</span>
      </a>
    </li>
  );
  return (
    <nav aria-label={t('painpoints.counts_label')}>
      <ul class="subnav pp-counts">
        {link(OPEN, t('painpoints.filter_open'))}
        {PAIN_POINT_STATUSES.map((s) => link([s], statusLabel(ctx, s)))}
        {link(PAIN_POINT_STATUSES, t('painpoints.filter_all'))}
      </ul>
    </nav>
  );
}

/** The filter form: a GET form, so it works without a script and the address can be shared. */
function Filters(props: { ctx: PageContext; f: BoardFilter; options: FilterOptions }) {
  const { ctx, f, options } = props;
  const { t } = ctx.i18n;
  return (
    <form method="get" action="/pain-points" class="filters" aria-label={t('painpoints.filters')}>
      <fieldset>
        <legend>{t('painpoints.col_status')}</legend>
        {PAIN_POINT_STATUSES.map((s) => (
          <div class="field check">
            <input
              id={`status-${s}`}
              name="status"
              type="checkbox"
              value={s}
              checked={f.statuses.includes(s)}
            />
            <label for={`status-${s}`}>{statusLabel(ctx, s)}</label>
          </div>
        ))}
      </fieldset>
      <Select
        name="department"
        label={t('painpoints.col_department')}
        value={f.department ?? ''}
        errors={{}}
        options={[
          { value: '', label: t('painpoints.any') },
          ...options.departments.map((d) => ({ value: d, label: d })),
        ]}
      />
      <Select
        name="tag"
        label={t('painpoints.col_hashtag')}
        value={f.tag ?? ''}
        errors={{}}
        options={[
          { value: '', label: t('painpoints.any') },
          ...options.tags.map((h) => ({ value: h.tag, label: `#${h.display}` })),
        ]}
      />
      <Select
        name="ownerId"
        label={t('painpoints.col_owner')}
        value={f.owner ?? ''}
        errors={{}}
        options={[
          { value: '', label: t('painpoints.any') },
          { value: NO_OWNER, label: t('painpoints.no_owner') },
          ...options.owners.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <Select
        name="sort"
        label={t('painpoints.sort')}
        value={f.sort}
        errors={{}}
        options={[
          { value: 'votes', label: t('painpoints.sort_votes') },
          { value: 'oldest', label: t('painpoints.sort_oldest') },
          { value: 'newest', label: t('painpoints.sort_newest') },
        ]}
      />
      <button type="submit">{t('painpoints.apply')}</button>
    </form>
  );
}

function Card(props: { ctx: PageContext; c: BoardCard; now: Date; back: string }) {
  const { ctx, c } = props;
  const { t } = ctx.i18n;
  return (
    <li class="pp-card" id={`pp-${c.id}`}>
      <article aria-labelledby={`pph-${c.id}`}>
        <h2 id={`pph-${c.id}`} class="pp-title">
          <a href={`/posts/${c.post_id}`}>{excerptOf(c.post_body) || t('painpoints.to_post')}</a>
        </h2>
        <p class="meta">
          <StatusBadge ctx={ctx} status={c.status} />
          {' · '}
          {t('painpoints.col_department')}: {c.department || t('painpoints.no_department')}
          {' · '}
          {t('painpoints.col_owner')}:{' '}
          <PersonLink id={c.owner_id} name={c.owner_name} none={t('painpoints.no_owner')} />
          {' · '}
          {t('painpoints.age', { age: ageText(ctx, c.created_at, props.now) })}
          {c.anonymous ? (
            <>
              {' · '}
              {t('painpoints.filed_anonymously')}
            </>
          ) : null}
        </p>
        <VoteButton
          ctx={ctx}
          id={c.id}
          votes={c.vote_count}
          voted={c.voted}
          canVote={c.canVote}
          back={props.back}
        />
      </article>
    </li>
  );
}

export function BoardPage(props: {
  ctx: PageContext;
  f: BoardFilter;
  counts: Record<PainPointStatus, number>;
  options: FilterOptions;
  cards: readonly BoardCard[];
  nextUrl: string | null;
  now: Date;
  /** This page's address, for the vote buttons to come back to. */
  back: string;
  /** Anonymous submissions waiting for a moderator; null: the viewer does not moderate. */
  waiting: number | null;
}) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <section class="pain-points">
      <h1>{t('painpoints.board_title')}</h1>
      <p>{t('painpoints.board_intro')}</p>
      <p>
        <a href="/pain-points/anonymous">{t('painpoints.anon.title')}</a> ·{' '}
        <a href="/pain-points/leads">{t('painpoints.leads_link')}</a>
        {props.waiting === null ? null : (
          <>
            {' · '}
            <a href="/pain-points/moderation">
              {t('painpoints.moderation_link', { count: props.waiting })}
            </a>
          </>
        )}
      </p>
      <StatusCounts ctx={ctx} f={props.f} counts={props.counts} />
      <Filters ctx={ctx} f={props.f} options={props.options} />
      {props.cards.length === 0 ? (
        <p class="empty">{t('painpoints.none')}</p>
      ) : (
        <ul class="pp-cards">
          {props.cards.map((c) => (
            <Card ctx={ctx} c={c} now={props.now} back={props.back} />
          ))}
        </ul>
      )}
      <Pager href={props.nextUrl} label={t('painpoints.more')} />
    </section>
  );
}
