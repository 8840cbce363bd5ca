import sharp, { type Sharp } from 'sharp';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { MessageKey, Params } from '../../views/i18n.ts';
import type { User } from '../accounts/accounts.table.ts';
import { documentsOfPosts, type AttachedDocument } from '../documents/post-documents.ts';
import type { Attachment, AttachmentKind } from './attachments.table.ts';
import { extensionOf, sniff, type ImageFormat } from './file-types.ts';
import { canEditPost } from './posts.policy.ts';
import { hydrate, type PostView } from './posts.queries.ts';
import type { Post } from './posts.table.ts';

/** How many files one post carries. */
export const ATTACHMENTS_MAX = 10;
/** Images are stored at most this wide and high, and as thumbnails for the feed. */
export const DISPLAY_PX = 1600;
export const THUMB_PX = 400;
const NAME_MAX = 150;
const MB = 1024 * 1024;

/** A file as it was sent: its name, its bytes, and whether it was cut off at the size limit. */
export interface Upload {
  name: string;
  data: Buffer;
  truncated: boolean;
}

/** The files of a form: more than a post may carry are not read, only noted. */
export interface Uploads {
  files: Upload[];
  tooMany: boolean;
  maxMb: number;
}

/** A checked file, ready to be stored: images re-encoded, with a thumbnail. */
export interface NewAttachment {
  id: string;
  kind: AttachmentKind;
  name: string;
  mime: string;
  width: number | null;
  height: number | null;
  data: Buffer;
  thumb: Buffer | null;
}

export type PostWithAttachments = PostView & {
  attachments: Attachment[];
  /** Documents it attaches that the viewer may read. */
  documents: AttachedDocument[];
};

function filesError(
  status: number,
  code: string,
  title: MessageKey,
  fieldCode: string,
  message: MessageKey,
  params: Params,
): AppError {
  return new AppError(status, code, title, {}, [
    { field: 'files', code: fieldCode, message, params },
  ]);
}

const tooMany = () =>
  filesError(
    400,
    'validation_failed',
    'error.validation_failed',
    'too_many',
    'attachments.too_many',
    {
      max: ATTACHMENTS_MAX,
    },
  );
const tooLarge = (name: string, max: number) =>
  filesError(413, 'too_large', 'error.too_large', 'too_large', 'attachments.too_large', {
    name,
    max,
  });
const wrongType = (name: string) =>
  filesError(
    415,
    'unsupported_media_type',
    'error.unsupported_media_type',
    'wrong_type',
    'attachments.wrong_type',
    { name },
  );
const empty = (name: string) =>
  filesError(400, 'validation_failed', 'error.validation_failed', 'empty', 'attachments.empty', {
    name,
  });

/**
 * The name to show and offer for download: no folders, no control or direction-changing
 * characters, at most 150 characters with the extension kept. Never used to store the file.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const name = base
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const chars = [...name];
  if (chars.length <= NAME_MAX) return name || 'file';
  const ext = extensionOf(name);
  const keep = ext && ext.length < 20 ? ext.length + 1 : 0;
  return chars.slice(0, NAME_MAX - keep).join('') + (keep ? `.${ext}` : '');
}

/**
 * Checks a form's files (count, size, type by content) and re-encodes images: resized to the
 * display size without their metadata, which also proves they are images. Cheap checks run
 * on every file before any image is decoded.
 */
export async function prepareAttachments(uploads: Uploads): Promise<NewAttachment[]> {
  if (uploads.tooMany || uploads.files.length > ATTACHMENTS_MAX) throw tooMany();
  const checked = uploads.files.map((f) => {
    const name = cleanFileName(f.name);
    if (f.truncated || f.data.length > uploads.maxMb * MB) throw tooLarge(name, uploads.maxMb);
    if (f.data.length === 0) throw empty(name);
    const type = sniff(f.data, name);
    if (!type) throw wrongType(name);
    return { name, data: f.data, type };
  });
  const out: NewAttachment[] = [];
  for (const { name, data, type } of checked) {
    const base = { id: newId(), kind: type.kind, name, mime: type.mime };
    if (type.kind === 'file') {
      out.push({ ...base, width: null, height: null, data, thumb: null });
      continue;
    }
    const image = await reencode(data, type.type as ImageFormat).catch(() => {
      throw wrongType(name);
    });
    out.push({ ...base, ...image });
  }
  return out;
}

const ENCODE: Record<ImageFormat, (s: Sharp) => Sharp> = {
  jpeg: (s) => s.jpeg({ quality: 82, mozjpeg: true }),
  png: (s) => s.png(),
  webp: (s) => s.webp({ quality: 82 }),
  gif: (s) => s.gif(),
};

/** The image in its own format at display and thumbnail size; animations stay animated. */
async function reencode(data: Buffer, format: ImageFormat) {
  const animated = format === 'gif' || format === 'webp';
  const open = () => sharp(data, { limitInputPixels: 40_000_000, animated });
  const meta = await open().metadata();
  if (meta.format !== format) throw new Error(`not ${format}`);
  const single = (meta.pages ?? 1) === 1;
  const at = (px: number) => {
    // The camera's orientation is applied, then dropped with the rest of the metadata.
    const s = single ? open().rotate() : open();
    return ENCODE[format](s.resize(px, px, { fit: 'inside', withoutEnlargement: true })).toBuffer();
  };
  const [display, thumb] = await Promise.all([at(DISPLAY_PX), at(THUMB_PX)]);
  const out = await sharp(display, { animated }).metadata();
  return {
    data: display,
    thumb,
    width: out.width ?? null,
    height: out.pageHeight ?? out.height ?? null,
  };
}

export const storageKey = (postId: string, id: string) => `attachments/${postId}/${id}`;
export const thumbKey = (key: string) => `${key}.thumb`;
const postPrefix = (postId: string) => `attachments/${postId}`;

/**
 * Writes the files before the rows that point at them (`forgetPostFiles` undoes it). Storage
 * is optional in the type only because a post without files (the demo's) needs none.
 */
export async function storeAttachments(
  deps: Partial<Pick<Deps, 'storage'>>,
  postId: string,
  files: readonly NewAttachment[],
): Promise<void> {
  const { storage } = deps;
  if (!storage) throw new Error('attachments need storage');
  for (const f of files) {
    const key = storageKey(postId, f.id);
    await storage.put(key, f.data);
    if (f.thumb) await storage.put(thumbKey(key), f.thumb);
  }
}

export async function insertAttachments(
  db: Db,
  postId: string,
  files: readonly NewAttachment[],
  now: Date,
): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto('post_attachments')
    .values(
      files.map((f, position) => ({
        id: f.id,
        post_id: postId,
        kind: f.kind,
        name: f.name,
        mime: f.mime,
        size: f.data.length,
        width: f.width,
        height: f.height,
        storage_key: storageKey(postId, f.id),
        created_at: now.toISOString(),
        position,
      })),
    )
    .execute();
}

/** Removes every file of a post from storage (its rows go with the post). */
export async function forgetPostFiles(
  deps: Partial<Pick<Deps, 'storage'>>,
  postId: string,
): Promise<void> {
  await deps.storage?.removePrefix(postPrefix(postId));
}

/** The attachments of each post, in order: one query for a whole page of posts. */
export async function attachmentsOf(
  db: Db,
  postIds: readonly string[],
): Promise<Map<string, Attachment[]>> {
  const out = new Map<string, Attachment[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('post_attachments')
    .selectAll()
    .where('post_id', 'in', postIds)
    .orderBy('post_id')
    .orderBy('position')
    .execute();
  for (const r of rows) out.set(r.post_id, [...(out.get(r.post_id) ?? []), r]);
  return out;
}

/** `hydrate`, with each post's attachments (loaded beside it, in one more query). */
export async function hydrateWithAttachments(
  db: Db,
  viewerId: string,
  posts: readonly Post[],
): Promise<PostWithAttachments[]> {
  const ids = posts.map((p) => p.id);
  const [views, files, docs] = await Promise.all([
    hydrate(db, viewerId, posts),
    attachmentsOf(db, ids),
    documentsOfPosts(db, viewerId, ids),
  ]);
  return views.map((p) => ({
    ...p,
    attachments: files.get(p.id) ?? [],
    documents: docs.get(p.id) ?? [],
  }));
}

/** One attachment of a post the caller has already loaded (and so may read). */
export async function findAttachment(
  db: Db,
  postId: string,
  id: string,
): Promise<Attachment | undefined> {
  return db
    .selectFrom('post_attachments')
    .selectAll()
    .where('post_id', '=', postId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The author takes attachments off their post; the files go once the rows are gone. */
export async function removeAttachments(
  deps: Pick<Deps, 'db' | 'storage'>,
  actor: User,
  post: Post,
  ids: readonly string[],
): Promise<number> {
  if (!canEditPost(actor, post)) throw forbidden();
  if (ids.length === 0) return 0;
  const gone = await deps.db
    .deleteFrom('post_attachments')
    .where('post_id', '=', post.id)
    .where('id', 'in', ids)
    .returning('storage_key')
    .execute();
  for (const g of gone) {
    await deps.storage.removePrefix(g.storage_key);
    await deps.storage.removePrefix(thumbKey(g.storage_key));
  }
  return gone.length;
}

/**
 * `Content-Disposition` with the person's file name: an ASCII fallback for old clients, and
 * the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7E]|["\\%;]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** Where a page shows the attachment (cookie session); the API's address is in attachmentJson. */
export const attachmentUrl = (a: Pick<Attachment, 'post_id' | 'id'>, thumb = false) =>
  `/posts/${a.post_id}/attachments/${a.id}${thumb ? '/thumb' : ''}`;

export function attachmentJson(a: Attachment) {
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    mime: a.mime,
    size: a.size,
    width: a.width,
    height: a.height,
    url: `/api/v1/posts/${a.post_id}/attachments/${a.id}`,
  };
}
