import { Csrf, ErrorSummary, Select, TextArea, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import type { MySubmission } from './anonymous.service.ts';

/** A text as typed, its line breaks kept, nothing interpreted. */
export function PlainText({ text }: { text: string }) {
  return (
    <blockquote class="your-question">
      {text.split('\n').map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </blockquote>
  );
}

/** Links between the anonymous form, one's waiting texts, the board and (admins) moderation. */
export function AnonymousNav({ ctx, moderator }: { ctx: PageContext; moderator: boolean }) {
  const { t } = ctx.i18n;
  const links: [string, string][] = [
    ['/pain-points', t('painpoints.anon.nav_board')],
    ['/pain-points/anonymous', t('painpoints.anon.nav_form')],
    ['/pain-points/anonymous/mine', t('painpoints.anon.nav_mine')],
    ...(moderator
      ? ([['/pain-points/moderation', t('painpoints.moderation.title')]] as [string, string][])
      : []),
  ];
  return (
    <nav aria-label={t('painpoints.anon.nav_label')}>
      <ul class="subnav">
        {links.map(([href, label]) => (
          <li>
            <a href={href} aria-current={ctx.path === href ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What anonymity means here, in plain words, before anything is typed. */
function WhatAnonymousMeans({ ctx, max, tag }: { ctx: PageContext; max: number; tag: string }) {
  const { t } = ctx.i18n;
  return (
    <section aria-labelledby="anon-how-h">
      <h2 id="anon-how-h">{t('painpoints.anon.how_title')}</h2>
      <ul>
        <li>{t('painpoints.anon.how_name')}</li>
        <li>{t('painpoints.anon.how_kept', { max })}</li>
        <li>{t('painpoints.anon.how_cleared')}</li>
        <li>{t('painpoints.anon.how_withdraw')}</li>
        <li>{t('painpoints.anon.how_published', { tag: `#${tag}` })}</li>
        <li>{t('painpoints.anon.how_traces')}</li>
        <li>{t('painpoints.anon.how_abuse')}</li>
      </ul>
      <details>
        <summary>{t('painpoints.anon.how_more')}</summary>
        <p>{t('painpoints.anon.how_moderators')}</p>
        <p>{t('painpoints.anon.how_stored')}</p>
        <p>{t('painpoints.anon.how_log')}</p>
      </details>
    </section>
  );
}

export function AnonymousFormPage(props: {
  ctx: PageContext;
  values: Record<string, unknown>;
  errors: Errors;
  departments: readonly string[];
  groups: readonly { id: string; name: string }[];
  pending: number;
  max: number;
  tag: string;
  moderator: boolean;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx.i18n;
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const full = props.pending >= props.max;
  return (
    <section>
      <AnonymousNav ctx={ctx} moderator={props.moderator} />
      <h1>{t('painpoints.anon.title')}</h1>
      <p>{t('painpoints.anon.intro')}</p>
      <WhatAnonymousMeans ctx={ctx} max={props.max} tag={props.tag} />
      {full ? (
        <p class="notice" role="alert" id="too-many">
          {t('painpoints.anon.too_many', { max: props.max })}{' '}
          <a href="/pain-points/anonymous/mine">{t('painpoints.anon.nav_mine')}</a>
        </p>
      ) : null}
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action="/pain-points/anonymous" class="stack" novalidate>
        <Csrf token={ctx.csrfToken} />
        <TextArea
          name="body"
          label={t('painpoints.anon.body_label')}
          hint={t('painpoints.anon.body_hint')}
          value={v('body')}
          errors={errors}
          maxLength={10_000}
          rows={8}
        />
        <div class="row">
          <Select
            name="department"
            label={t('painpoints.anon.department_label')}
            hint={t('painpoints.anon.department_hint')}
            value={v('department')}
            errors={errors}
            options={[
              { value: '', label: t('painpoints.anon.no_department') },
              ...props.departments.map((d) => ({ value: d, label: d })),
            ]}
          />
          <Select
            name="groupId"
            label={t('painpoints.anon.group_label')}
            hint={t('painpoints.anon.group_hint')}
            value={v('groupId')}
            errors={errors}
            options={[
              { value: '', label: t('painpoints.anon.org_wide') },
              ...props.groups.map((g) => ({ value: g.id, label: g.name })),
            ]}
          />
        </div>
        <p class="hint">{t('painpoints.anon.no_notification')}</p>
        <button type="submit">{t('painpoints.anon.send')}</button>
      </form>
    </section>
  );
}

export function MySubmissionsPage(props: {
  ctx: PageContext;
  items: readonly MySubmission[];
  moderator: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <AnonymousNav ctx={ctx} moderator={props.moderator} />
      <h1>{t('painpoints.anon.mine_title')}</h1>
      <p>{t('painpoints.anon.mine_intro')}</p>
      {props.items.length === 0 ? (
        <p class="empty">{t('painpoints.anon.mine_none')}</p>
      ) : (
        <ul class="notifications">
          {props.items.map((s) => (
            <li class="notification">
              <PlainText text={s.body} />
              <p class="meta">
                {t('painpoints.anon.sent_on', { date: ctx.i18n.dateTime(s.created_at) })}
                {' · '}
                {s.department || t('painpoints.anon.no_department')}
                {' · '}
                {s.group_id ? (s.group_name ?? s.group_id) : t('painpoints.anon.org_wide')}
              </p>
              <form method="post" action={`/pain-points/anonymous/${s.id}/withdraw`} class="inline">
                <Csrf token={ctx.csrfToken} />
                <button type="submit" class="secondary">
                  {t('painpoints.anon.withdraw')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
