import { Csrf, ErrorSummary, TextArea, type Errors } from '../../views/form.tsx';
import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { AnonymousNav, PlainText } from './anonymous.views.tsx';
import { REASON_MAX, type QueueItem } from './painpoints.moderation.ts';

/** A reject form sent back with an error: which item, what was typed. */
export interface RejectAttempt {
  id: string;
  reason: string;
  errors: Errors;
}

const VISIBILITY: Record<string, MessageKey> = {
  public: 'painpoints.moderation.public_group',
  private: 'painpoints.moderation.private_group',
  secret: 'painpoints.moderation.secret_group',
};

/**
 * The queue of anonymous pain points waiting for a decision: text, department, where it would
 * go, the day it was sent. Never who sent it (the query does not read it).
 */
export function ModerationPage(props: {
  ctx: PageContext;
  items: readonly QueueItem[];
  attempt: RejectAttempt | null;
}) {
  const { ctx, attempt } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <AnonymousNav ctx={ctx} moderator />
      <h1>{t('painpoints.moderation.title')}</h1>
      <p>{t('painpoints.moderation.intro')}</p>
      {attempt ? <ErrorSummary i18n={ctx.i18n} errors={attempt.errors} /> : null}
      {props.items.length === 0 ? (
        <p class="empty">{t('painpoints.moderation.none')}</p>
      ) : (
        <ul class="notifications">
          {props.items.map((s) => {
            const mine = attempt?.id === s.id ? attempt : null;
            const field = `reason-${s.id}`;
            return (
              <li class="notification" id={`s-${s.id}`}>
                <PlainText text={s.body} />
                <p class="meta">
                  {t('painpoints.moderation.sent_on', { date: ctx.i18n.date(s.created_at) })}
                  {' · '}
                  {s.department || t('painpoints.anon.no_department')}
                  {' · '}
                  {s.group_id
                    ? t('painpoints.moderation.in_group', {
                        group: s.group_name ?? s.group_id,
                        visibility: t(
                          VISIBILITY[s.group_visibility ?? ''] ??
                            'painpoints.moderation.public_group',
                        ),
                      })
                    : t('painpoints.anon.org_wide')}
                </p>
                <form
                  method="post"
                  action={`/pain-points/moderation/${s.id}/approve`}
                  class="inline"
                >
                  <Csrf token={ctx.csrfToken} />
                  <button type="submit">{t('painpoints.moderation.approve')}</button>
                </form>
                <details open={mine !== null}>
                  <summary>{t('painpoints.moderation.reject')}</summary>
                  <form
                    method="post"
                    action={`/pain-points/moderation/${s.id}/reject`}
                    class="stack"
                    novalidate
                  >
                    <Csrf token={ctx.csrfToken} />
                    <TextArea
                      name={field}
                      label={t('painpoints.moderation.reason_label')}
                      hint={t('painpoints.moderation.reason_hint')}
                      value={mine?.reason ?? ''}
                      errors={mine?.errors.reason ? { [field]: mine.errors.reason } : {}}
                      maxLength={REASON_MAX}
                      rows={2}
                    />
                    <button type="submit" class="secondary">
                      {t('painpoints.moderation.reject_send')}
                    </button>
                  </form>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
