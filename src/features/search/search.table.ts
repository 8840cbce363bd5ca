import type { ColumnType, Generated } from 'kysely';

/**
 * The search index (migration 0012). One row per searchable item; its terms live in the FTS5
 * table `search_fts` (SQLite, same rowid) or in `tsv` (PostgreSQL), both made from
 * `normalize.ts`. The row carries what permission filtering and the filters need, so that a
 * search reads no other table until it shows its page of results.
 */
export interface SearchItemsTable {
  /** Increasing as items are indexed: candidates are taken newest first by it. */
  id: Generated<number>;
  kind: SearchKind;
  ref_id: string;
  /** The post an item belongs to (itself, or a comment's post): hashtag filter, links. */
  post_id: string | null;
  /** Readable by a viewer when null or when the viewer may read this group (groups: see query). */
  group_id: string | null;
  author_id: string | null;
  created_at: string;
  /** PostgreSQL only: the terms (weight A) and reversed terms (weight B). */
  tsv: ColumnType<never, string | undefined, string>;
}

/**
 * Items whose source changed since they were indexed, written by triggers on every write path
 * (app, demo, seed, cascades) and drained before each search and by a job.
 */
export interface SearchQueueTable {
  source: SearchSource;
  ref_id: string;
}

export interface SearchTables {
  search_items: SearchItemsTable;
  search_queue: SearchQueueTable;
}

export const SEARCH_KINDS = ['post', 'question', 'comment', 'document', 'person', 'group'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
/** The table an item comes from: a `post` source is a post or a question. */
export type SearchSource = 'post' | 'comment' | 'document' | 'person' | 'group';
