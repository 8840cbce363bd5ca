import { Csrf, ErrorSummary, Field, Select, TextArea, type Errors } from '../../views/form.tsx';
import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { Pager } from '../../views/pager.tsx';
import { FILE_TYPES } from '../posts/file-types.ts';
import type { DocumentRow, DocumentSort, VersionRow } from './documents.queries.ts';
import {
  DESCRIPTION_MAX,
  DOCUMENT_TYPES,
  HASHTAGS_MAX,
  NOTE_MAX,
  TITLE_MAX,
} from './documents.service.ts';
import type { Document, ExtractionStatus } from './documents.table.ts';

/** What the file picker offers; the server checks the content whatever is chosen. */
const ACCEPT = DOCUMENT_TYPES.flatMap((t) =>
  FILE_TYPES[t].extensions.filter((e) => e).map((e) => `.${e}`),
).join(',');
const typeLabel = (type: string) =>
  (FILE_TYPES as Record<string, { label: string }>)[type]?.label ?? type;
export const TYPE_LIST = DOCUMENT_TYPES.map((t) => FILE_TYPES[t].label).join(', ');

export function fileSize(ctx: PageContext, bytes: number): string {
  return bytes >= 1024 * 1024
    ? ctx.i18n.number(bytes / 1024 / 1024, {
        style: 'unit',
        unit: 'megabyte',
        maximumFractionDigits: 1,
      })
    : ctx.i18n.number(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' });
}

const STATUS: Record<ExtractionStatus, MessageKey> = {
  pending: 'documents.text_pending',
  done: 'documents.text_done',
  failed: 'documents.text_failed',
  unsupported: 'documents.text_unsupported',
};

const SORTS: [DocumentSort, MessageKey][] = [
  ['newest', 'documents.sort_newest'],
  ['reused', 'documents.sort_reused'],
  ['downloaded', 'documents.sort_downloaded'],
];

export interface ShelfFilter {
  groupId: string;
  tag: string;
  type: string;
  sort: DocumentSort;
}

/** The shelf: a filter form (GET, so it works without a script), the documents, a pager. */
export function ShelfPage(props: {
  ctx: PageContext;
  title: string;
  /** The page's path; the filter form submits to it. */
  path: string;
  filter: ShelfFilter;
  /** Groups to filter by; none on a group's own shelf. */
  groups: { id: string; name: string }[] | null;
  items: DocumentRow[];
  hashtags: Map<string, string[]>;
  /** With a hashtag filter: how many readable documents carry it (in every group). */
  tagCount: number | null;
  nextUrl: string | null;
  uploadUrl: string;
  context?: preact.VNode | null;
}) {
  const { ctx, filter } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>{props.title}</h1>
      {props.context ?? null}
      <p>
        <a class="button" href={props.uploadUrl}>
          {t('documents.upload')}
        </a>
      </p>
      <form
        method="get"
        action={props.path}
        class="filters row"
        aria-label={t('documents.filter_label')}
      >
        {props.groups ? (
          <Select
            name="groupId"
            label={t('documents.group')}
            value={filter.groupId}
            errors={{}}
            options={[
              { value: '', label: t('documents.all_groups') },
              ...props.groups.map((g) => ({ value: g.id, label: g.name })),
            ]}
          />
        ) : null}
        <Field
          name="tag"
          label={t('documents.hashtag')}
          value={filter.tag}
          errors={{}}
          maxLength={100}
        />
        <Select
          name="type"
          label={t('documents.type')}
          value={filter.type}
          errors={{}}
          options={[
            { value: '', label: t('documents.all_types') },
            ...DOCUMENT_TYPES.map((d) => ({ value: d, label: FILE_TYPES[d].label })),
          ]}
        />
        <Select
          name="sort"
          label={t('documents.sort')}
          value={filter.sort}
          errors={{}}
          options={SORTS.map(([value, key]) => ({ value, label: t(key) }))}
        />
        <button type="submit" class="secondary">
          {t('documents.apply')}
        </button>
      </form>
      {props.tagCount !== null && filter.tag ? (
        <p class="tag-count">
          {t('documents.with_tag', { count: ctx.i18n.number(props.tagCount), tag: filter.tag })}
        </p>
      ) : null}
      {props.items.length === 0 ? (
        <p class="empty">{t('documents.none')}</p>
      ) : (
        <ul class="documents">
          {props.items.map((d) => (
            <li class="document" id={`d-${d.id}`}>
              <p>
                <span class="doc-type">{typeLabel(d.type)}</span>{' '}
                <a href={`/documents/${d.id}`}>
                  <strong>{d.title}</strong>
                </a>
              </p>
              {d.description ? (
                <p>
                  {d.description.length > 200 ? `${d.description.slice(0, 200)}…` : d.description}
                </p>
              ) : null}
              <p class="meta">
                {d.owner_name}
                {d.group_id && d.group_name ? (
                  <>
                    {' › '}
                    <a href={`/groups/${d.group_id}`}>{d.group_name}</a>
                  </>
                ) : null}
                {' · '}
                <time datetime={d.updated_at}>{ctx.i18n.date(d.updated_at)}</time>
                {' · '}
                {t('documents.versions_count', { count: d.version_count })}
                {' · '}
                {t('documents.downloads_count', { count: d.download_count })}
                {' · '}
                {t('documents.reuse_count', { count: d.reuse_count })}
              </p>
              <Tags tags={props.hashtags.get(d.id) ?? []} />
            </li>
          ))}
        </ul>
      )}
      <Pager href={props.nextUrl} label={t('documents.more')} />
    </section>
  );
}

function Tags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <p class="tags">
      {tags.map((tag, i) => (
        <>
          {i ? ' ' : ''}
          <a href={`/documents?tag=${encodeURIComponent(tag)}`}>#{tag}</a>
        </>
      ))}
    </p>
  );
}

function FileField({
  ctx,
  errors,
  maxMb,
  chooseAgain,
}: {
  ctx: PageContext;
  errors: Errors;
  maxMb: number;
  chooseAgain: boolean;
}) {
  const { t } = ctx.i18n;
  const error = errors.file;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="file">{t('documents.file')}</label>
      <p class="hint" id="file-hint">
        {t('documents.file_hint', { max: maxMb, types: TYPE_LIST })}
      </p>
      {error ? (
        <p class="error" id="file-error">
          {error}
        </p>
      ) : null}
      {chooseAgain && !error ? <p class="hint">{t('attachments.choose_again')}</p> : null}
      {error ? <p class="hint">{t('attachments.choose_again')}</p> : null}
      <input
        id="file"
        name="file"
        type="file"
        accept={ACCEPT}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'file-hint file-error' : 'file-hint'}
      />
    </div>
  );
}

/** Title, description and hashtags: the fields the upload and edit forms share. */
function MetadataFields({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Record<string, string>;
  errors: Errors;
}) {
  const { t } = ctx.i18n;
  return (
    <>
      <Field
        name="title"
        label={t('documents.title')}
        value={values.title}
        errors={errors}
        maxLength={TITLE_MAX}
        required
      />
      <TextArea
        name="description"
        label={t('documents.description')}
        value={values.description}
        errors={errors}
        maxLength={DESCRIPTION_MAX}
        rows={4}
      />
      <Field
        name="hashtags"
        label={t('documents.hashtags')}
        hint={t('documents.hashtags_hint')}
        value={values.hashtags}
        errors={errors}
        maxLength={HASHTAGS_MAX}
      />
    </>
  );
}

/** Upload a new document: into a group one belongs to, or onto one's own shelf. */
export function UploadPage(props: {
  ctx: PageContext;
  groups: { id: string; name: string }[];
  values: Record<string, string>;
  errors: Errors;
  maxMb: number;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>{t('documents.upload')}</h1>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form
        method="post"
        action="/documents"
        enctype="multipart/form-data"
        class="stack"
        novalidate
      >
        <Csrf token={ctx.csrfToken} />
        <MetadataFields ctx={ctx} values={values} errors={errors} />
        <Select
          name="groupId"
          label={t('documents.where')}
          value={values.groupId}
          errors={errors}
          options={[
            { value: '', label: t('documents.own_shelf') },
            ...props.groups.map((g) => ({ value: g.id, label: g.name })),
          ]}
        />
        <FileField
          ctx={ctx}
          errors={errors}
          maxMb={props.maxMb}
          chooseAgain={values.fileSent === '1'}
        />
        <button type="submit">{t('documents.upload_submit')}</button>
      </form>
    </section>
  );
}

export function EditDocumentPage(props: {
  ctx: PageContext;
  doc: Document;
  values: Record<string, string>;
  errors: Errors;
}) {
  const { ctx, doc, values, errors } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>{t('documents.edit')}</h1>
      <p>
        <a href={`/documents/${doc.id}`}>{doc.title}</a>
      </p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={`/documents/${doc.id}`} class="stack" novalidate>
        <Csrf token={ctx.csrfToken} />
        <MetadataFields ctx={ctx} values={values} errors={errors} />
        <button type="submit">{t('form.save')}</button>
      </form>
    </section>
  );
}

export interface DiscussedIn {
  id: string;
  body: string;
  author_name: string;
  created_at: string;
  group_id: string | null;
  group_name: string | null;
}

/** A document: what it is, its versions, its figures, where it was discussed, and the forms. */
export function DocumentPage(props: {
  ctx: PageContext;
  doc: Document;
  ownerName: string;
  group: { id: string; name: string } | null;
  hashtags: string[];
  versions: VersionRow[];
  discussed: DiscussedIn[];
  canEdit: boolean;
  errors: Errors;
  values: Record<string, string>;
  maxMb: number;
}) {
  const { ctx, doc, versions } = props;
  const { t } = ctx.i18n;
  const current = versions.find((v) => v.id === doc.current_version_id) ?? versions[0];
  const download = (n: number) => `/documents/${doc.id}/versions/${n}/file`;
  return (
    <article class="document-page" aria-labelledby="doc-title">
      <h1 id="doc-title">{doc.title}</h1>
      <p class="meta">
        {t('documents.by', { name: props.ownerName })}
        {' › '}
        {props.group ? (
          <a href={`/groups/${props.group.id}`}>{props.group.name}</a>
        ) : (
          t('documents.own_shelf_of', { name: props.ownerName })
        )}
      </p>
      {doc.description
        ? doc.description.split(/\n{2,}/).map((p) => <p class="doc-description">{p}</p>)
        : null}
      <Tags tags={props.hashtags} />
      {current ? (
        <p>
          <a class="button" href={download(current.number)} download={current.name}>
            {t('documents.download', { name: current.name })}
          </a>{' '}
          <span class="meta">
            {typeLabel(current.type)} · {fileSize(ctx, current.size)}
          </span>
        </p>
      ) : null}
      <dl class="doc-figures">
        <dt>{t('documents.downloads')}</dt>
        <dd>{ctx.i18n.number(doc.download_count)}</dd>
        <dt>{t('documents.reuse')}</dt>
        <dd>{ctx.i18n.number(doc.reuse_count)}</dd>
        <dt>{t('documents.text')}</dt>
        <dd class={`text-${current?.extraction_status ?? 'pending'}`}>
          {current ? t(STATUS[current.extraction_status]) : ''}
          {current?.extraction_status === 'failed' && current.extraction_error
            ? ` (${current.extraction_error})`
            : ''}
        </dd>
      </dl>
      <p>
        <a href={`/posts/new?document=${doc.id}${doc.group_id ? `&groupId=${doc.group_id}` : ''}`}>
          {t('documents.discuss')}
        </a>
      </p>

      <h2 id="versions">{t('documents.versions')}</h2>
      <div class="table-scroll" role="region" aria-labelledby="versions" tabIndex={0}>
        <table class="versions">
          <thead>
            <tr>
              <th scope="col">{t('documents.version')}</th>
              <th scope="col">{t('documents.date')}</th>
              <th scope="col">{t('documents.uploader')}</th>
              <th scope="col">{t('documents.change_note')}</th>
              <th scope="col">{t('documents.size')}</th>
              <th scope="col">{t('documents.downloads')}</th>
              <th scope="col">{t('documents.file')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <td>{v.number}</td>
                <td>
                  <time datetime={v.created_at}>{ctx.i18n.dateTime(v.created_at)}</time>
                </td>
                <td>{v.uploader_name}</td>
                <td>{v.change_note}</td>
                <td>{fileSize(ctx, v.size)}</td>
                <td>{ctx.i18n.number(v.download_count)}</td>
                <td>
                  <a href={download(v.number)} download={v.name}>
                    {v.name}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="discussed">{t('documents.discussed')}</h2>
      {props.discussed.length === 0 ? (
        <p class="empty">{t('documents.not_discussed')}</p>
      ) : (
        <ul class="discussed">
          {props.discussed.map((p) => (
            <li>
              <a href={`/posts/${p.id}`}>
                {p.body.length > 120 ? `${p.body.slice(0, 120)}…` : p.body}
              </a>
              <span class="meta">
                {' · '}
                {p.author_name}
                {p.group_id && p.group_name ? ` › ${p.group_name}` : ''}
                {' · '}
                <time datetime={p.created_at}>{ctx.i18n.date(p.created_at)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}

      {props.canEdit ? (
        <>
          <h2 id="new-version">{t('documents.new_version')}</h2>
          <ErrorSummary i18n={ctx.i18n} errors={props.errors} />
          <form
            method="post"
            action={`/documents/${doc.id}/versions`}
            enctype="multipart/form-data"
            class="stack"
            novalidate
          >
            <Csrf token={ctx.csrfToken} />
            <TextArea
              name="changeNote"
              label={t('documents.change_note')}
              value={props.values.changeNote}
              errors={props.errors}
              maxLength={NOTE_MAX}
              rows={2}
            />
            <FileField
              ctx={ctx}
              errors={props.errors}
              maxMb={props.maxMb}
              chooseAgain={props.values.fileSent === '1'}
            />
            <button type="submit">{t('documents.add_version')}</button>
          </form>
          <p>
            <a href={`/documents/${doc.id}/edit`}>{t('documents.edit')}</a>
          </p>
          <form method="post" action={`/documents/${doc.id}/delete`} class="inline">
            <Csrf token={ctx.csrfToken} />
            <button type="submit" class="danger">
              {t('documents.delete')}
            </button>
          </form>
        </>
      ) : null}
    </article>
  );
}
