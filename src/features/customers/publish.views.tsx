import { Checkbox, Csrf, ErrorSummary, Select, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import type { Round } from './customers.table.ts';
import { WIDGET_CSS } from './widget.tsx';

export interface PublishForm {
  groupId: string;
  includeComments: boolean;
}

export function PublishPage(p: {
  ctx: PageContext;
  round: Round;
  groups: { id: string; name: string }[];
  values: PublishForm;
  errors: Errors;
  /** The post's text as it would be published; null when the round cannot be published. */
  preview: string | null;
}) {
  const { ctx, round, values, errors } = p;
  const { t, dateTime } = ctx.i18n;
  const action = `/customers/rounds/${round.id}/publish`;
  const previewHref = (comments: boolean) => {
    const q = new URLSearchParams({
      ...(values.groupId ? { groupId: values.groupId } : {}),
      ...(comments ? { includeComments: '1' } : {}),
    }).toString();
    return `${action}${q ? `?${q}` : ''}#preview-h`;
  };
  return (
    <section>
      <link rel="stylesheet" href={WIDGET_CSS()} />
      <h1>{t('satisfaction.publish.title', { round: round.name })}</h1>
      <p>{t('satisfaction.publish.intro')}</p>
      {round.published_at ? (
        <p class="notice">
          {t('satisfaction.publish.already', { date: dateTime(round.published_at) })}{' '}
          {round.published_post_id ? (
            <a href={`/posts/${round.published_post_id}`}>{t('satisfaction.publish.see_post')}</a>
          ) : null}
        </p>
      ) : null}
      <p class="hint">{t('satisfaction.publish.again')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      {errors._form ? <p class="error">{errors._form}</p> : null}
      <form method="post" action={action} novalidate>
        <Csrf token={ctx.csrfToken} />
        <Select
          name="groupId"
          label={t('satisfaction.publish.group')}
          hint={t('satisfaction.publish.group_hint')}
          value={values.groupId}
          errors={errors}
          options={[
            { value: '', label: t('satisfaction.publish.org_wide') },
            ...p.groups.map((g) => ({ value: g.id, label: g.name })),
          ]}
        />
        <Checkbox
          name="includeComments"
          label={t('satisfaction.publish.include_comments')}
          checked={values.includeComments}
        />
        <p class="hint">{t('satisfaction.publish.comments_hint')}</p>
        <button type="submit" disabled={p.preview === null}>
          {t('satisfaction.publish.submit')}
        </button>
      </form>
      <h2 id="preview-h">{t('satisfaction.publish.preview')}</h2>
      {p.preview === null ? (
        <p class="empty">{t('satisfaction.publish.no_evaluations')}</p>
      ) : (
        <>
          <p>
            {values.includeComments ? (
              <a href={previewHref(false)}>{t('satisfaction.publish.preview_without')}</a>
            ) : (
              <a href={previewHref(true)}>{t('satisfaction.publish.preview_with')}</a>
            )}
          </p>
          <pre class="ksat-preview" tabIndex={0} aria-labelledby="preview-h">
            {p.preview}
          </pre>
        </>
      )}
    </section>
  );
}
