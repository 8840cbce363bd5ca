import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { Pager } from '../../views/pager.tsx';
import type { SearchHit } from './search.queries.ts';
import { SEARCH_KINDS, type SearchKind } from './search.table.ts';

const KIND_LABEL: Record<SearchKind, MessageKey> = {
  post: 'search.kind_post',
  question: 'search.kind_question',
  comment: 'search.kind_comment',
  document: 'search.kind_document',
  person: 'search.kind_person',
  group: 'search.kind_group',
};

const STATUS_LABEL: Record<'open' | 'answered' | 'accepted', MessageKey> = {
  open: 'search.question_open',
  answered: 'search.question_answered',
  accepted: 'search.question_accepted',
};

export interface SearchForm {
  q: string;
  type: string;
  groupId: string;
  author: string;
  tag: string;
  from: string;
  to: string;
}

export interface SearchPageProps {
  ctx: PageContext;
  form: SearchForm;
  groups: { id: string; name: string }[];
  /** Field → message, for filters that could not be used. */
  errors: Record<string, string>;
  /** null: nothing asked yet. */
  hits: SearchHit[] | null;
  truncated: boolean;
  nextUrl: string | null;
}

/** A snippet with its matches marked; text is escaped by the renderer. */
function Snippet({ text, highlights }: { text: string; highlights: [number, number][] }) {
  const parts = [];
  let at = 0;
  for (const [a, b] of highlights) {
    if (a > at) parts.push(text.slice(at, a));
    parts.push(<mark>{text.slice(a, b)}</mark>);
    at = b;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <p class="snippet">{parts}</p>;
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <p class="field">
      <label for={id}>{label}</label>
      {children}
      {error ? (
        <span class="error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </p>
  );
}

export function SearchPage({
  ctx,
  form,
  groups,
  errors,
  hits,
  truncated,
  nextUrl,
}: SearchPageProps) {
  const { t } = ctx.i18n;
  const described = (id: string) => (errors[id] ? `s-${id}-error` : undefined);
  return (
    <>
      <h1>{t('search.title')}</h1>
      <form method="get" action="/search" role="search" class="search-form">
        <Field id="s-q" label={t('search.query')} error={errors.q}>
          <input
            type="search"
            id="s-q"
            name="q"
            value={form.q}
            maxLength={200}
            aria-describedby={described('q')}
          />
        </Field>
        <fieldset class="filters">
          <legend>{t('search.filters')}</legend>
          <Field id="s-type" label={t('search.type')} error={undefined}>
            <select id="s-type" name="type">
              <option value="">{t('search.type_all')}</option>
              {SEARCH_KINDS.map((k) => (
                <option value={k} selected={form.type === k}>
                  {t(KIND_LABEL[k])}
                </option>
              ))}
            </select>
          </Field>
          <Field id="s-group" label={t('search.group')} error={undefined}>
            <select id="s-group" name="groupId">
              <option value="">{t('search.group_any')}</option>
              {groups.map((g) => (
                <option value={g.id} selected={form.groupId === g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="s-author" label={t('search.author')} error={errors.author}>
            <input
              type="text"
              id="s-author"
              name="author"
              value={form.author}
              placeholder={t('search.author_hint')}
              aria-describedby={described('author')}
            />
          </Field>
          <Field id="s-tag" label={t('search.tag')} error={undefined}>
            <input type="text" id="s-tag" name="tag" value={form.tag} placeholder="#" />
          </Field>
          <Field id="s-from" label={t('search.from')} error={errors.from}>
            <input
              type="date"
              id="s-from"
              name="from"
              value={form.from}
              aria-describedby={described('from')}
            />
          </Field>
          <Field id="s-to" label={t('search.to')} error={errors.to}>
            <input
              type="date"
              id="s-to"
              name="to"
              value={form.to}
              aria-describedby={described('to')}
            />
          </Field>
        </fieldset>
        <p>
          <button type="submit">{t('search.submit')}</button>
        </p>
      </form>
      {hits === null ? (
        <p>{t('search.how')}</p>
      ) : hits.length === 0 ? (
        <p role="status">{t('search.none', { q: form.q })}</p>
      ) : (
        <>
          <h2 class="sr-only">{t('search.results')}</h2>
          <ol class="search-results">
            {hits.map((h) => (
              <li class={`hit hit-${h.kind}`}>
                <p class="meta">
                  <span class="kind">{t(KIND_LABEL[h.kind])}</span>
                  {h.questionStatus ? <> · {t(STATUS_LABEL[h.questionStatus])}</> : null}
                  {h.group ? (
                    <>
                      {' · '}
                      <a href={`/groups/${h.group.id}`}>{h.group.name}</a>
                    </>
                  ) : null}
                  {h.author ? <> · {h.author.name}</> : null}
                  {h.kind !== 'person' && h.kind !== 'group' ? (
                    <>
                      {' · '}
                      <time dateTime={h.createdAt}>{ctx.i18n.date(h.createdAt)}</time>
                    </>
                  ) : null}
                </p>
                <h3>
                  <a href={h.url}>{h.title}</a>
                </h3>
                {h.snippet ? <Snippet text={h.snippet} highlights={h.highlights} /> : null}
              </li>
            ))}
          </ol>
          {truncated ? <p class="hint">{t('search.truncated')}</p> : null}
          <Pager href={nextUrl} label={t('search.more')} />
        </>
      )}
    </>
  );
}
