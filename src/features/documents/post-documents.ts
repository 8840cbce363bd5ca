import type { Db } from '../../db/connect.ts';
import { fieldError } from '../../http/errors.ts';
import { documentReadableBy, recordReuse } from './documents.queries.ts';

/**
 * Documents attached to posts. Posts import this module (not the feature's index), so that
 * the two features do not import each other's pages.
 */

/** A document's id from what a person pasted: the id, or the document's address. */
export function documentIdFrom(ref: string): string {
  const s = ref.trim();
  const m = /\/documents\/([0-9A-Za-z]{10,40})(?:[/?#]|$)/.exec(s);
  return (m ? m[1]! : s).toUpperCase();
}

/** The document the person may attach (one they may read); otherwise a field error. */
export async function attachableDocument(
  db: Db,
  viewerId: string,
  ref: string,
  field = 'document',
): Promise<{ id: string; group_id: string | null }> {
  const id = documentIdFrom(ref);
  const doc = /^[0-9A-Z]{10,40}$/.test(id)
    ? await db
        .selectFrom('documents')
        .select(['id', 'group_id'])
        .where('documents.id', '=', id)
        .where(documentReadableBy(viewerId))
        .executeTakeFirst()
    : undefined;
  if (!doc) throw fieldError(field, 'unknown_document', 'documents.unknown_document');
  return doc;
}

/**
 * Attaches a document to a new post (in the post's transaction). A post in another group
 * than the document's (an org-wide post for a group's document, too) is a reuse.
 */
export async function attachDocument(
  db: Db,
  post: { id: string; group_id: string | null },
  doc: { id: string; group_id: string | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('post_documents')
    .values({ post_id: post.id, document_id: doc.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
  if (post.group_id !== doc.group_id) await recordReuse(db, doc.id, `post:${post.id}`, now);
}

export interface AttachedDocument {
  id: string;
  title: string;
  type: string;
}

/** The documents each post attaches that the viewer may read: one query for a page of posts. */
export async function documentsOfPosts(
  db: Db,
  viewerId: string,
  postIds: readonly string[],
): Promise<Map<string, AttachedDocument[]>> {
  const out = new Map<string, AttachedDocument[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('post_documents')
    .innerJoin('documents', 'documents.id', 'post_documents.document_id')
    .select(['post_documents.post_id', 'documents.id', 'documents.title', 'documents.type'])
    .where('post_documents.post_id', 'in', postIds)
    .where(documentReadableBy(viewerId))
    .orderBy('documents.id')
    .execute();
  for (const r of rows) {
    out.set(r.post_id, [...(out.get(r.post_id) ?? []), { id: r.id, title: r.title, type: r.type }]);
  }
  return out;
}
