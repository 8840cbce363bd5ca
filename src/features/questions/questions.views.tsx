import { Csrf } from '../../views/form.tsx';
import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { Pager } from '../../views/pager.tsx';
import type { CommentsExtension } from '../posts/index.ts';
import type { AnswerTimes, Took } from './answer-times.ts';
import { statusOf, type QuestionRow } from './questions.queries.ts';
import type { QuestionStatus } from './questions.table.ts';

const STATUS: Record<QuestionStatus, { key: MessageKey; symbol: string }> = {
  open: { key: 'questions.status_open', symbol: '?' },
  answered: { key: 'questions.status_answered', symbol: '💬' },
  accepted: { key: 'questions.status_accepted', symbol: '✔' },
};

/** A question's state: a word and a symbol, never colour alone. */
export function StatusMark({ ctx, status }: { ctx: PageContext; status: QuestionStatus }) {
  return (
    <span class={`q-status q-${status}`}>
      <span aria-hidden="true">{STATUS[status].symbol} </span>
      {ctx.i18n.t(STATUS[status].key)}
    </span>
  );
}

/** "Overdue": a word and a symbol. */
export function OverdueMark({ ctx }: { ctx: PageContext }) {
  return (
    <strong class="q-overdue">
      <span aria-hidden="true">⏰ </span>
      {ctx.i18n.t('questions.overdue')}
    </strong>
  );
}

const hours = (ctx: PageContext, h: number) => ctx.i18n.number(h, { maximumFractionDigits: 1 });

/** "after 66 h (2 h in working hours)". */
function TookText({ ctx, took, msg }: { ctx: PageContext; took: Took; msg: MessageKey }) {
  return (
    <>
      {ctx.i18n.t(msg, {
        calendar: hours(ctx, took.calendarHours),
        business: hours(ctx, took.businessHours),
      })}
    </>
  );
}

/** Time to the first and to the accepted answer, in calendar and in working hours. */
export function AnswerTimesList({ ctx, times }: { ctx: PageContext; times: AnswerTimes }) {
  if (!times.firstAnswer && !times.acceptedAnswer) return null;
  return (
    <ul class="answer-times">
      {times.firstAnswer ? (
        <li>
          <TookText ctx={ctx} took={times.firstAnswer} msg="questions.took_first" />
        </li>
      ) : null}
      {times.acceptedAnswer ? (
        <li>
          <TookText ctx={ctx} took={times.acceptedAnswer} msg="questions.took_accepted" />
        </li>
      ) : null}
    </ul>
  );
}

export type ListStatus = 'open' | 'answered' | 'all';
const FILTERS: [ListStatus, MessageKey][] = [
  ['open', 'questions.filter_open'],
  ['answered', 'questions.filter_answered'],
  ['all', 'questions.filter_all'],
];

/** A list of questions with its filter (links, so it works without a script). */
export function QuestionsPage(props: {
  ctx: PageContext;
  title: string;
  /** The page's path, to which the filter adds `?status=`. */
  path: string;
  status: ListStatus;
  /** Only the open questions past their target. */
  overdue: boolean;
  items: (QuestionRow & { overdue: boolean })[];
  nextUrl: string | null;
  /** Links beside the title (back to the group or hashtag). */
  context?: preact.VNode | null;
}) {
  const { ctx, items } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>{props.title}</h1>
      {props.context ?? null}
      <nav aria-label={t('questions.filter_label')}>
        <ul class="subnav">
          {FILTERS.map(([s, key]) => (
            <li>
              <a
                href={`${props.path}?status=${s}`}
                aria-current={s === props.status && !props.overdue ? 'page' : undefined}
              >
                {t(key)}
              </a>
            </li>
          ))}
          <li>
            <a
              href={`${props.path}?status=open&overdue=true`}
              aria-current={props.overdue ? 'page' : undefined}
            >
              {t('questions.filter_overdue')}
            </a>
          </li>
          <li>
            <a href="/posts/new">{t('questions.ask')}</a>
          </li>
        </ul>
      </nav>
      {items.length === 0 ? (
        <p class="empty">
          {t(
            props.overdue
              ? 'questions.none_overdue'
              : props.status === 'open'
                ? 'questions.none_open'
                : 'questions.none',
          )}
        </p>
      ) : (
        <ul class="questions">
          {items.map((q) => (
            <li class="question" id={`q-${q.id}`}>
              <p>
                <a href={`/posts/${q.id}`}>
                  {q.body.length > 160 ? `${q.body.slice(0, 160)}…` : q.body}
                </a>
              </p>
              <p class="meta">
                <StatusMark ctx={ctx} status={statusOf(q)} />
                {q.overdue ? (
                  <>
                    {' · '}
                    <OverdueMark ctx={ctx} />
                  </>
                ) : null}
                {' · '}
                {t('questions.asked_by', { name: q.author_name })}
                {q.group_id && q.group_name ? (
                  <>
                    {' › '}
                    <a href={`/groups/${q.group_id}`}>{q.group_name}</a>
                  </>
                ) : null}
                {' · '}
                <time datetime={q.created_at}>{ctx.i18n.dateTime(q.created_at)}</time>
                {' · '}
                {t('posts.comments', { count: q.comment_count })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager href={props.nextUrl} label={t('questions.more')} />
    </section>
  );
}

export interface AnswerState {
  postId: string;
  askerId: string;
  status: QuestionStatus;
  acceptedId: string | null;
  canAccept: boolean;
  helpful: Map<string, number>;
  mine: Set<string>;
  viewerId: string;
  times: AnswerTimes;
  targetHours: number;
  overdue: boolean;
}

/** The question's part of its post page: status, the accepted answer first, the buttons. */
export function answersExtension(ctx: PageContext, s: AnswerState): CommentsExtension {
  const { t } = ctx.i18n;
  return {
    header: (
      <>
        <p class={`question-state q-${s.status}`}>
          <span aria-hidden="true">{STATUS[s.status].symbol} </span>
          {t('questions.status', { status: t(STATUS[s.status].key) })}
          {s.overdue ? (
            <>
              {' · '}
              <OverdueMark ctx={ctx} />{' '}
              {t('questions.overdue_since', { hours: ctx.i18n.number(s.targetHours) })}
            </>
          ) : null}
        </p>
        <AnswerTimesList ctx={ctx} times={s.times} />
      </>
    ),
    first: s.acceptedId,
    classOf: (c) => (c.id === s.acceptedId ? 'accepted-answer' : null),
    mark: (c) =>
      c.id === s.acceptedId ? (
        <p class="accepted-mark">
          <strong>
            <span aria-hidden="true">✔ </span>
            {t('questions.accepted_mark')}
          </strong>
        </p>
      ) : null,
    actions: (c) => {
      // The asker's own comments are not answers: no votes, no accepting.
      if (c.author_id === s.askerId) return null;
      const count = s.helpful.get(c.id) ?? 0;
      const voted = s.mine.has(c.id);
      const own = c.author_id === s.viewerId;
      return (
        <div class="answer-actions">
          {own ? (
            <p class="meta">{t('questions.helpful_count', { count: ctx.i18n.number(count) })}</p>
          ) : (
            <form method="post" action={`/comments/${c.id}/helpful`} class="inline">
              <Csrf token={ctx.csrfToken} />
              <input type="hidden" name="on" value={voted ? '0' : '1'} />
              <button type="submit" class="reaction" aria-pressed={voted ? 'true' : 'false'}>
                <span aria-hidden="true">👍 </span>
                {t('questions.helpful')}
                <span class="count"> {ctx.i18n.number(count)}</span>
              </button>
            </form>
          )}
          {s.canAccept ? (
            c.id === s.acceptedId ? (
              <form
                method="post"
                action={`/posts/${s.postId}/accepted-answer/delete`}
                class="inline"
              >
                <Csrf token={ctx.csrfToken} />
                <button type="submit" class="secondary">
                  {t('questions.unaccept')}
                </button>
              </form>
            ) : (
              <form method="post" action={`/posts/${s.postId}/accepted-answer`} class="inline">
                <Csrf token={ctx.csrfToken} />
                <input type="hidden" name="commentId" value={c.id} />
                <button type="submit" class="secondary">
                  {t('questions.accept')}
                </button>
              </form>
            )
          ) : null}
        </div>
      );
    },
  };
}
