import { Csrf, Field, Select, TextArea } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { REASON_MAX } from './moderation.ts';

/** Below a post: where it was shared, "seen by N", and the share, pin and report forms. */
export function PostExtras(props: {
  ctx: PageContext;
  postId: string;
  isAnnouncement: boolean;
  seenBy: number;
  pinnedUntil: string | null;
  sharedInto: { id: string; name: string }[];
  canShare: boolean;
  shareTargets: { id: string; name: string }[];
}) {
  const { ctx, postId } = props;
  const { t } = ctx.i18n;
  const isAdmin = ctx.viewer?.role === 'admin';
  return (
    <section class="post-extras" aria-label={t('posts.more_actions')}>
      {props.isAnnouncement ? (
        <p class="meta">
          {t('posts.seen_by', { count: props.seenBy })}
          {props.pinnedUntil
            ? ` · ${t('posts.pinned_until', { date: ctx.i18n.day(props.pinnedUntil) })}`
            : ''}
        </p>
      ) : null}
      {props.sharedInto.length ? (
        <p class="meta">
          {t('posts.shared_into')}{' '}
          {props.sharedInto.map((g, i) => (
            <>
              {i ? ', ' : ''}
              <a href={`/groups/${g.id}`}>{g.name}</a>
            </>
          ))}
        </p>
      ) : null}
      {props.canShare && props.shareTargets.length ? (
        <details>
          <summary>{t('posts.share')}</summary>
          <form method="post" action={`/posts/${postId}/share`} class="row">
            <Csrf token={ctx.csrfToken} />
            <Select
              name="groupId"
              label={t('posts.share_into')}
              value=""
              errors={{}}
              options={props.shareTargets.map((g) => ({ value: g.id, label: g.name }))}
            />
            <button type="submit">{t('posts.share')}</button>
          </form>
        </details>
      ) : null}
      {isAdmin && props.isAnnouncement ? (
        <details>
          <summary>{t('posts.pin')}</summary>
          <form method="post" action={`/posts/${postId}/pin`} class="row">
            <Csrf token={ctx.csrfToken} />
            <Field
              name="pinnedUntil"
              label={t('posts.pinned_until_label')}
              type="date"
              value={props.pinnedUntil?.slice(0, 10) ?? ''}
              errors={{}}
              hint={t('posts.pin_hint')}
            />
            <button type="submit">{t('form.save')}</button>
          </form>
        </details>
      ) : null}
      <details>
        <summary>{t('posts.report')}</summary>
        <form method="post" action={`/posts/${postId}/report`} class="stack" novalidate>
          <Csrf token={ctx.csrfToken} />
          <TextArea
            name="reason"
            label={t('posts.report_reason')}
            errors={{}}
            maxLength={REASON_MAX}
            rows={2}
          />
          <button type="submit" class="secondary">
            {t('posts.report_send')}
          </button>
        </form>
      </details>
    </section>
  );
}

export interface ReportRow {
  id: string;
  post_id: string;
  reason: string;
  created_at: string;
  reporter_name: string | null;
  author_name: string | null;
  body: string | null;
}

export function ReportsPage({ ctx, reports }: { ctx: PageContext; reports: ReportRow[] }) {
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>{t('reports.title')}</h1>
      {reports.length === 0 ? (
        <p class="empty">{t('reports.none')}</p>
      ) : (
        <ul class="notifications">
          {reports.map((r) => (
            <li class="notification">
              <p>
                <strong>{t('reports.reason')}</strong> {r.reason}
              </p>
              <p class="meta">
                {t('reports.by', {
                  reporter: r.reporter_name ?? '?',
                  author: r.author_name ?? '?',
                })}{' '}
                · <time datetime={r.created_at}>{ctx.i18n.dateTime(r.created_at)}</time>
              </p>
              {r.body !== null ? (
                <blockquote class="excerpt">
                  <a href={`/posts/${r.post_id}`}>{r.body.slice(0, 300)}</a>
                </blockquote>
              ) : (
                <p class="meta">{t('reports.private_post')}</p>
              )}
              <form method="post" action={`/admin/reports/${r.id}/resolve`} class="inline">
                <Csrf token={ctx.csrfToken} />
                <input type="hidden" name="action" value="remove" />
                <button type="submit">{t('reports.remove')}</button>
              </form>{' '}
              <form method="post" action={`/admin/reports/${r.id}/resolve`} class="inline">
                <Csrf token={ctx.csrfToken} />
                <input type="hidden" name="action" value="dismiss" />
                <button type="submit" class="secondary">
                  {t('reports.dismiss')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
