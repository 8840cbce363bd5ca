import type { Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { ATTACHMENTS_MAX, THUMB_PX, attachmentUrl } from './attachments.ts';
import type { Attachment } from './attachments.table.ts';
import { FILE_TYPES, labelOf } from './file-types.ts';

/** What the file picker offers; the server checks the content whatever is chosen. */
const ACCEPT = [
  ...new Set(
    Object.values(FILE_TYPES).flatMap((t) => t.extensions.filter((e) => e).map((e) => `.${e}`)),
  ),
].join(',');

function size(ctx: PageContext, bytes: number): string {
  return bytes >= 1024 * 1024
    ? ctx.i18n.number(bytes / 1024 / 1024, {
        style: 'unit',
        unit: 'megabyte',
        maximumFractionDigits: 1,
      })
    : ctx.i18n.number(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' });
}

/** The thumbnail's size, as the server made it (fit inside THUMB_PX, never enlarged). */
function thumbSize(a: Attachment): { width: number; height: number } {
  const w = a.width ?? THUMB_PX;
  const h = a.height ?? THUMB_PX;
  const scale = Math.min(1, THUMB_PX / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/** A post's images as thumbnails linking to the display size, then its files to download. */
export function AttachmentList({ ctx, files }: { ctx: PageContext; files: readonly Attachment[] }) {
  if (files.length === 0) return null;
  const { t } = ctx.i18n;
  const images = files.filter((a) => a.kind === 'image');
  const others = files.filter((a) => a.kind === 'file');
  return (
    <div class="attachments">
      {images.length ? (
        <ul class="attachment-images" aria-label={t('attachments.images')}>
          {images.map((a) => (
            <li>
              <a href={attachmentUrl(a)}>
                <img
                  src={attachmentUrl(a, true)}
                  {...thumbSize(a)}
                  alt={a.name}
                  loading="lazy"
                  decoding="async"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {others.length ? (
        <ul class="attachment-files" aria-label={t('attachments.files')}>
          {others.map((a) => (
            <li>
              <a href={attachmentUrl(a)}>{a.name}</a>{' '}
              <span class="meta">
                {labelOf(a.mime)}, {size(ctx, a.size)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The composer's file picker. A form that comes back keeps what was typed, but a browser
 * never keeps chosen files: the person is told to choose them again.
 */
export function FilesField(props: {
  ctx: PageContext;
  errors: Errors;
  maxMb: number;
  chooseAgain: boolean;
}) {
  const { t } = props.ctx.i18n;
  const error = props.errors.files;
  const note = !error && props.chooseAgain ? t('attachments.choose_again') : null;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="files">{t('attachments.label')}</label>
      <p class="hint" id="files-hint">
        {t('attachments.hint', { count: ATTACHMENTS_MAX, max: props.maxMb })}
      </p>
      {error ? (
        <p class="error" id="files-error">
          {error}
        </p>
      ) : note ? (
        <p class="notice" id="files-note">
          {note}
        </p>
      ) : null}
      <input
        id="files"
        name="files"
        type="file"
        multiple
        accept={ACCEPT}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={
          error ? 'files-hint files-error' : note ? 'files-hint files-note' : 'files-hint'
        }
      />
    </div>
  );
}

/** The edit form's list of what is attached, each with a box to take it off. */
export function AttachedFiles({ ctx, files }: { ctx: PageContext; files: readonly Attachment[] }) {
  if (files.length === 0) return null;
  const { t } = ctx.i18n;
  return (
    <fieldset class="attached">
      <legend>{t('attachments.attached')}</legend>
      {files.map((a) => (
        <div class="field check">
          <input id={`remove-${a.id}`} name="remove" type="checkbox" value={a.id} />
          <label for={`remove-${a.id}`}>
            {t('attachments.remove', { name: a.name })}{' '}
            <span class="meta">
              ({labelOf(a.mime)}, {size(ctx, a.size)})
            </span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}
