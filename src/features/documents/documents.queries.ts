import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { groupReadableBy } from '../groups/index.ts';
import { ensureHashtags } from '../hashtags/index.ts';
import type { Document } from './documents.table.ts';

/**
 * The condition every listing of documents carries, as posts do: a person's own shelf is
 * readable org-wide; a group's follows the group (public, or the viewer is a member).
 */
export function documentReadableBy(viewerId: string) {
  return (eb: ExpressionBuilder<Database, 'documents'>) =>
    eb.or([
      eb('documents.group_id', 'is', null),
      eb.exists(
        eb
          .selectFrom('groups')
          .select('groups.id')
          .whereRef('groups.id', '=', 'documents.group_id')
          .where(groupReadableBy(viewerId)),
      ),
    ]);
}

export async function findReadableDocument(
  db: Db,
  viewerId: string,
  id: string,
): Promise<Document | undefined> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('documents.id', '=', id)
    .where(documentReadableBy(viewerId))
    .executeTakeFirst();
}

export type DocumentSort = 'newest' | 'reused' | 'downloaded';
export const DOCUMENT_SORTS: readonly DocumentSort[] = ['newest', 'reused', 'downloaded'];

export interface DocumentFilter {
  groupId?: string | null;
  /** A normalised hashtag. */
  tag?: string | null;
  /** A file-types.ts name (pdf, docx, md, …). */
  type?: string | null;
  sort: DocumentSort;
  cursor?: string | null;
  limit: number;
}

const SORT_COLUMN = { reused: 'reuse_count', downloaded: 'download_count' } as const;

/**
 * Documents the viewer may read, newest (by id), most reused or most downloaded first. The
 * cursor is the last id, or `<count>.<id>` for the counted orders.
 */
export async function listDocuments(db: Db, viewerId: string, f: DocumentFilter) {
  let q = db
    .selectFrom('documents')
    .innerJoin('users', 'users.id', 'documents.owner_id')
    .leftJoin('groups', 'groups.id', 'documents.group_id')
    .leftJoin('document_versions as v', 'v.id', 'documents.current_version_id')
    .selectAll('documents')
    .select([
      'users.name as owner_name',
      'groups.name as group_name',
      'v.name as file_name',
      'v.size as file_size',
      'v.extraction_status',
    ])
    .where(documentReadableBy(viewerId));
  if (f.groupId) q = q.where('documents.group_id', '=', f.groupId);
  if (f.type) q = q.where('documents.type', '=', f.type);
  if (f.tag) {
    const tag = f.tag;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('document_hashtags')
          .select('document_hashtags.document_id')
          .whereRef('document_hashtags.document_id', '=', 'documents.id')
          .where('document_hashtags.tag', '=', tag),
      ),
    );
  }
  if (f.sort === 'newest') {
    if (f.cursor) q = q.where('documents.id', '<', f.cursor);
    q = q.orderBy('documents.id', 'desc');
  } else {
    const col = `documents.${SORT_COLUMN[f.sort]}` as const;
    const m = f.cursor ? /^(\d{1,15})\.([0-9A-Z]{1,40})$/.exec(f.cursor) : null;
    if (m) {
      const n = Number(m[1]);
      const id = m[2]!;
      q = q.where((eb) =>
        eb.or([eb(col, '<', n), eb.and([eb(col, '=', n), eb('documents.id', '<', id)])]),
      );
    }
    q = q.orderBy(col, 'desc').orderBy('documents.id', 'desc');
  }
  const rows = await q.limit(f.limit + 1).execute();
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  const next =
    rows.length > f.limit && last
      ? f.sort === 'newest'
        ? last.id
        : `${f.sort === 'reused' ? last.reuse_count : last.download_count}.${last.id}`
      : null;
  return { items, next };
}

export type DocumentRow = Awaited<ReturnType<typeof listDocuments>>['items'][number];

/** How many documents the viewer may read carry the tag. */
export async function countDocumentsWithTag(db: Db, viewerId: string, tag: string) {
  const r = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(documentReadableBy(viewerId))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('document_hashtags')
          .select('document_hashtags.document_id')
          .whereRef('document_hashtags.document_id', '=', 'documents.id')
          .where('document_hashtags.tag', '=', tag),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function versionsOf(db: Db, documentId: string) {
  return db
    .selectFrom('document_versions')
    .innerJoin('users', 'users.id', 'document_versions.uploaded_by')
    .select([
      'document_versions.id',
      'document_versions.document_id',
      'document_versions.number',
      'document_versions.name',
      'document_versions.mime',
      'document_versions.type',
      'document_versions.size',
      'document_versions.storage_key',
      'document_versions.uploaded_by',
      'document_versions.change_note',
      'document_versions.created_at',
      'document_versions.download_count',
      'document_versions.extraction_status',
      'document_versions.extraction_error',
      'users.name as uploader_name',
    ])
    .where('document_versions.document_id', '=', documentId)
    .orderBy('document_versions.number', 'desc')
    .execute();
}

export type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

export async function findVersion(db: Db, documentId: string, number: number) {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function hashtagsOfDocuments(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('document_hashtags')
    .select(['document_id', 'tag'])
    .where('document_id', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const r of rows) out.set(r.document_id, [...(out.get(r.document_id) ?? []), r.tag]);
  return out;
}

/** The document's hashtags, and the hashtag rows (created with the spelling first used). */
export async function setDocumentHashtags(
  db: Db,
  doc: { id: string; group_id: string | null },
  tags: readonly { tag: string; display: string }[],
  now: Date,
): Promise<void> {
  await db.deleteFrom('document_hashtags').where('document_id', '=', doc.id).execute();
  if (tags.length === 0) return;
  await ensureHashtags(db, tags, now);
  await db
    .insertInto('document_hashtags')
    .values(tags.map((t) => ({ document_id: doc.id, tag: t.tag, group_id: doc.group_id })))
    .execute();
}

/** Records one reuse from a source (`user:…`, `post:…`); counts it once. Whether it was new. */
export async function recordReuse(
  db: Db,
  documentId: string,
  source: string,
  now: Date,
): Promise<boolean> {
  const r = await db
    .insertInto('document_reuses')
    .values({ document_id: documentId, source, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['document_id', 'source']).doNothing())
    .executeTakeFirst();
  const added = Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  if (added) {
    await db
      .updateTable('documents')
      .set((eb) => ({ reuse_count: eb('reuse_count', '+', 1) }))
      .where('id', '=', documentId)
      .execute();
  }
  return added;
}

/** Whether the two people are members of one group of kind `team`. */
export async function shareATeam(db: Db, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('group_members as ma')
    .innerJoin('groups', 'groups.id', 'ma.group_id')
    .innerJoin('group_members as mb', 'mb.group_id', 'ma.group_id')
    .select('ma.group_id')
    .where('groups.kind', '=', 'team')
    .where('ma.user_id', '=', a)
    .where('mb.user_id', '=', b)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
