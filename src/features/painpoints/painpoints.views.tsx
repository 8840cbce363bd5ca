import { Csrf, ErrorSummary, Field, Select, TextArea, type Errors } from '../../views/form.tsx';
import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import type { CommentsExtension } from '../posts/index.ts';
import type { EventView } from './painpoints.queries.ts';
import { NEXT, NOTE_MAX } from './painpoints.service.ts';
import type { PainPoint, PainPointStatus } from './painpoints.table.ts';

/** A word, a symbol and a class: never colour alone. The symbols fill like a progress circle. */
const STATUS_LOOK: Record<PainPointStatus, { symbol: string; cls: string }> = {
  new: { symbol: '○', cls: 'badge-busy' },
  acknowledged: { symbol: '◔', cls: 'badge-busy' },
  in_progress: { symbol: '◑', cls: 'badge-busy' },
  resolved: { symbol: '●', cls: 'badge-available' },
  wont_fix: { symbol: '⊘', cls: 'badge-away' },
};

export const statusLabel = (ctx: PageContext, s: PainPointStatus): string =>
  ctx.i18n.t(`painpoints.status_${s}` as MessageKey);

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: PainPointStatus }) {
  const look = STATUS_LOOK[status];
  return (
    <span class={`badge pp-status pp-${status.replace('_', '-')} ${look.cls}`}>
      <span aria-hidden="true">{look.symbol} </span>
      {statusLabel(ctx, status)}
    </span>
  );
}

/** "3 days", "5 hours", "12 minutes": how long since `from`. */
export function ageText(ctx: PageContext, from: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(from)) / 60_000));
  const [n, unit] =
    minutes >= 1440
      ? [Math.floor(minutes / 1440), 'day']
      : minutes >= 60
        ? [Math.floor(minutes / 60), 'hour']
        : [minutes, 'minute'];
  return ctx.i18n.number(n, { style: 'unit', unit, unitDisplay: 'long' });
}

/** A person's name as a link, or the given words when there is nobody. */
export function PersonLink(props: { id: string | null; name: string | null; none: string }) {
  return props.id && props.name ? (
    <a href={`/people/${props.id}`}>{props.name}</a>
  ) : (
    <>{props.none}</>
  );
}

/** "Me too": one button that adds or takes back the viewer's vote, with the count. */
export function VoteButton(props: {
  ctx: PageContext;
  id: string;
  votes: number;
  voted: boolean;
  canVote: boolean;
  back: string;
}) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const count = t('painpoints.votes', { count: props.votes });
  if (!props.canVote) return <span class="pp-votes">{count}</span>;
  return (
    <form method="post" action={`/pain-points/${props.id}/votes`} class="inline">
      <Csrf token={ctx.csrfToken} />
      <input type="hidden" name="on" value={props.voted ? '0' : '1'} />
      <input type="hidden" name="back" value={props.back} />
      <button type="submit" class="reaction" aria-pressed={props.voted ? 'true' : 'false'}>
        <span aria-hidden="true">✋ </span>
        {t('painpoints.me_too')}
        <span class="count"> {ctx.i18n.number(props.votes)}</span>
      </button>
    </form>
  );
}

/** What the panel needs beyond the pain point itself. */
export interface PanelState {
  pp: PainPoint;
  ownerName: string | null;
  voted: boolean;
  canVote: boolean;
  canChangeStatus: boolean;
  canAssign: boolean;
  /** The resolving post, when the viewer may read it (otherwise it is not shown). */
  resolvingPostId: string | null;
  /** Active people, by name: the owner's choices (only for those who assign). */
  people: readonly { id: string; name: string }[];
  /** Where the forms return to. */
  back: string;
}

/** The pain point's state and, for those allowed, its forms. */
export function PainPointPanel(props: {
  ctx: PageContext;
  s: PanelState;
  errors?: Errors;
  values?: Record<string, string>;
  /** h3 inside the post page's comments, h2 on a page of its own. */
  heading?: 'h2' | 'h3';
}) {
  const { ctx, s } = props;
  const Heading = props.heading ?? 'h3';
  const { t } = ctx.i18n;
  const { pp } = s;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const v = (k: string, fallback: string) => values[k] ?? fallback;
  const next = NEXT[pp.status];
  return (
    <section class="pain-point" id="pain-point" aria-labelledby="pain-point-h">
      <Heading id="pain-point-h">{t('painpoints.panel_title')}</Heading>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <dl class="pp-facts">
        <dt>{t('painpoints.col_status')}</dt>
        <dd>
          <StatusBadge ctx={ctx} status={pp.status} />
        </dd>
        <dt>{t('painpoints.col_owner')}</dt>
        <dd>
          <PersonLink id={pp.owner_id} name={s.ownerName} none={t('painpoints.no_owner')} />
        </dd>
        <dt>{t('painpoints.col_department')}</dt>
        <dd>{pp.department || t('painpoints.no_department')}</dd>
        <dt>{t('painpoints.col_votes')}</dt>
        <dd>
          <VoteButton
            ctx={ctx}
            id={pp.id}
            votes={pp.vote_count}
            voted={s.voted}
            canVote={s.canVote}
            back={s.back}
          />
        </dd>
        <dt>{t('painpoints.col_resolving')}</dt>
        <dd>
          {s.resolvingPostId ? (
            <a href={`/posts/${s.resolvingPostId}`}>{t('painpoints.resolving_link')}</a>
          ) : (
            t('painpoints.no_resolving')
          )}
        </dd>
        {pp.anonymous ? (
          <>
            <dt>{t('painpoints.col_filed')}</dt>
            <dd>{t('painpoints.filed_anonymously')}</dd>
          </>
        ) : null}
      </dl>
      {s.canChangeStatus ? (
        <form method="post" action={`/pain-points/${pp.id}/status`} class="stack" novalidate>
          <Csrf token={ctx.csrfToken} />
          <input type="hidden" name="back" value={s.back} />
          <Select
            name="status"
            label={t('painpoints.change_status')}
            value={v('status', next[0] ?? '')}
            errors={errors}
            options={next.map((n) => ({ value: n, label: statusLabel(ctx, n) }))}
          />
          <TextArea
            name="note"
            label={t('painpoints.note_label')}
            hint={t('painpoints.note_hint', { max: NOTE_MAX })}
            value={v('note', '')}
            errors={errors}
            maxLength={NOTE_MAX}
            rows={2}
          />
          <button type="submit">{t('painpoints.save_status')}</button>
        </form>
      ) : null}
      {s.canAssign ? (
        <form method="post" action={`/pain-points/${pp.id}/owner`} class="stack" novalidate>
          <Csrf token={ctx.csrfToken} />
          <input type="hidden" name="back" value={s.back} />
          <Select
            name="ownerId"
            label={t('painpoints.owner_label')}
            value={v('ownerId', pp.owner_id ?? '')}
            errors={errors}
            options={[
              { value: '', label: t('painpoints.no_owner') },
              ...s.people.map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          <button type="submit">{t('painpoints.save_owner')}</button>
        </form>
      ) : null}
      {s.canChangeStatus ? (
        <form
          method="post"
          action={`/pain-points/${pp.id}/resolving-post`}
          class="stack"
          novalidate
        >
          <Csrf token={ctx.csrfToken} />
          <input type="hidden" name="back" value={s.back} />
          <Field
            name="resolvingPostId"
            label={t('painpoints.resolving_label')}
            hint={t('painpoints.resolving_hint')}
            value={v('resolvingPostId', s.resolvingPostId ? `/posts/${s.resolvingPostId}` : '')}
            errors={errors}
            maxLength={500}
          />
          <button type="submit">{t('painpoints.save_resolving')}</button>
        </form>
      ) : null}
      <p>
        <a href="/pain-points">{t('painpoints.to_board')}</a>
      </p>
    </section>
  );
}

/** One change in the post's conversation: who did what, when, and the note. */
export function EventEntry(props: {
  ctx: PageContext;
  e: EventView;
  /** The resolving post is linked only for those who may read it. */
  readable: (postId: string) => boolean;
}) {
  const { ctx, e } = props;
  const { t } = ctx.i18n;
  const actor = e.actor_name ?? t('painpoints.someone');
  let text: string;
  let link: preact.VNode | null = null;
  if (e.kind === 'status')
    text = t('painpoints.ev_status', {
      actor,
      from: statusLabel(ctx, e.from_status ?? 'new'),
      to: statusLabel(ctx, e.to_status ?? 'new'),
    });
  else if (e.kind === 'owner')
    text = e.owner_id
      ? t('painpoints.ev_owner', { actor, owner: e.owner_name ?? t('painpoints.someone') })
      : t('painpoints.ev_owner_removed', { actor });
  else {
    text = e.resolving_post_id
      ? t('painpoints.ev_resolving', { actor })
      : t('painpoints.ev_resolving_removed', { actor });
    if (e.resolving_post_id && props.readable(e.resolving_post_id))
      link = <a href={`/posts/${e.resolving_post_id}`}>{t('painpoints.resolving_link')}</a>;
  }
  return (
    <div class={`pp-event pp-event-${e.kind.replace('_', '-')}`}>
      <p class="meta">
        <span aria-hidden="true">⚑ </span>
        {text}
        {e.note ? (
          <>
            {': '}
            <span class="pp-note">{e.note}</span>
          </>
        ) : null}
        {link ? <> ({link})</> : null}
        {' · '}
        <time datetime={e.created_at}>{ctx.i18n.dateTime(e.created_at)}</time>
      </p>
    </div>
  );
}

/** The pain point's part of its post's page: the panel above, its history among the comments. */
export function painPointExtension(
  ctx: PageContext,
  s: PanelState,
  events: readonly EventView[],
  readable: (postId: string) => boolean,
): CommentsExtension {
  return {
    header: <PainPointPanel ctx={ctx} s={s} />,
    timeline: events.map((e) => ({
      at: e.created_at,
      node: <EventEntry ctx={ctx} e={e} readable={readable} />,
    })),
  };
}

/** A pain point on a page of its own: its forms with errors, and its history. */
export function PainPointPage(props: {
  ctx: PageContext;
  s: PanelState;
  excerpt: string;
  events: readonly EventView[];
  readable: (postId: string) => boolean;
  errors: Errors;
  values: Record<string, string>;
}) {
  const { ctx, s } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>{t('painpoints.page_title')}</h1>
      <p>
        <a href={`/posts/${s.pp.post_id}`}>{props.excerpt || t('painpoints.to_post')}</a>
      </p>
      <PainPointPanel ctx={ctx} s={s} errors={props.errors} values={props.values} heading="h2" />
      <h2>{t('painpoints.history')}</h2>
      {props.events.length ? (
        <ol class="pp-history">
          {props.events.map((e) => (
            <li>
              <EventEntry ctx={ctx} e={e} readable={props.readable} />
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">{t('painpoints.no_history')}</p>
      )}
    </section>
  );
}
