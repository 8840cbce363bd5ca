import { Pager } from '../../views/pager.tsx';
import { Csrf } from '../../views/form.tsx';
import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import type { NotificationKind } from './notifications.table.ts';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  count: number;
  read_at: string | null;
  updated_at: string;
  post_id: string | null;
  comment_id: string | null;
  group_id: string | null;
  actor_id?: string | null;
  actor_name: string | null;
  group_name: string | null;
  post_body: string | null;
}

const TEXT: Record<NotificationKind, MessageKey> = {
  mention: 'notifications.mention',
  comment: 'notifications.comment',
  reply: 'notifications.reply',
  reaction: 'notifications.reaction',
  group_invitation: 'notifications.group_invitation',
  join_request: 'notifications.join_request',
  announcement: 'notifications.announcement',
  answer_accepted: 'notifications.answer_accepted',
  question_overdue: 'notifications.question_overdue',
  pain_point_new: 'painpoints.notify.new',
  pain_point_assigned: 'painpoints.notify.assigned',
  pain_point_status: 'painpoints.notify.status',
  pain_point_stale: 'painpoints.notify.stale',
};

/** The system account that authors approved anonymous pain points (painpoints feature). */
const ANONYMOUS = 'anonymous';

/** Where a notification leads. */
export function targetOf(n: Pick<NotificationRow, 'post_id' | 'comment_id' | 'group_id'>): string {
  if (n.post_id) return `/posts/${n.post_id}${n.comment_id ? `#c-${n.comment_id}` : ''}`;
  if (n.group_id) return `/groups/${n.group_id}`;
  return '/notifications';
}

export function notificationText(ctx: PageContext, n: NotificationRow): string {
  // An org-wide question has no group to name; an anonymous pain point has no one to name.
  const key =
    n.kind === 'question_overdue' && !n.group_id
      ? 'notifications.question_overdue_org'
      : n.kind === 'pain_point_new' && !n.actor_name
        ? 'painpoints.notify.new_anonymous'
        : TEXT[n.kind];
  return ctx.i18n.t(key, {
    actor: n.actor_id === ANONYMOUS ? ctx.i18n.t('painpoints.anon.author') : (n.actor_name ?? '?'),
    others: Math.max(0, n.count - 1),
    group: n.group_name ?? '',
  });
}

export function NotificationsPage(props: {
  ctx: PageContext;
  items: NotificationRow[];
  nextUrl: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>{t('notifications.title')}</h1>
      {props.items.some((n) => !n.read_at) ? (
        <form method="post" action="/notifications/read">
          <Csrf token={ctx.csrfToken} />
          <button type="submit" class="secondary">
            {t('notifications.mark_all')}
          </button>
        </form>
      ) : null}
      {props.items.length === 0 ? (
        <p class="empty">{t('notifications.none')}</p>
      ) : (
        <ul class="notifications">
          {props.items.map((n) => (
            <li class={n.read_at ? 'notification' : 'notification unread'}>
              <a href={`/notifications/${n.id}`}>
                {n.read_at ? null : <strong class="new-mark">{t('notifications.unread')} </strong>}
                {notificationText(ctx, n)}
              </a>
              {n.post_body ? <p class="excerpt">{n.post_body.slice(0, 140)}</p> : null}
              <p class="meta">
                <time datetime={n.updated_at}>{ctx.i18n.dateTime(n.updated_at)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager href={props.nextUrl} label={t('pager.more')} />
    </section>
  );
}
