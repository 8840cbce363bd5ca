import type { Generated, Selectable } from 'kysely';

export type ExtractionStatus = 'pending' | 'done' | 'failed' | 'unsupported';

/** A document on a shelf: a group's, or (group_id null) its owner's own, readable org-wide. */
export interface DocumentsTable {
  id: string;
  group_id: string | null;
  /** Who uploaded it first: the author, for the reuse rule. */
  owner_id: string;
  title: string;
  description: string;
  /** The current version's type (file-types.ts name: pdf, docx, md, txt, …), for the filter. */
  type: string;
  current_version_id: string | null;
  version_count: Generated<number>;
  /** Every download of every version. */
  download_count: Generated<number>;
  /** Rows of document_reuses: people from outside the author's teams, posts elsewhere. */
  reuse_count: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  /** 1, 2, 3 … per document. */
  number: number;
  /** The name the person gave, cleaned: shown and offered when downloading. */
  name: string;
  /** Checked by the content's bytes. */
  mime: string;
  type: string;
  size: number;
  /** Ours: `documents/<documentId>/<versionId>`. */
  storage_key: string;
  uploaded_by: string;
  change_note: string;
  created_at: string;
  download_count: Generated<number>;
  extraction_status: ExtractionStatus;
  extraction_error: string | null;
  /** Plain text from the file (capped), for search. */
  extracted_text: string | null;
}

export interface DocumentHashtagsTable {
  document_id: string;
  tag: string;
  /** The document's group, copied (as post_hashtags does). */
  group_id: string | null;
}

export interface DocumentReusesTable {
  document_id: string;
  /** `user:<id>` or `post:<id>`. */
  source: string;
  created_at: string;
}

export interface PostDocumentsTable {
  post_id: string;
  document_id: string;
}

export interface DocumentsTables {
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  document_hashtags: DocumentHashtagsTable;
  document_reuses: DocumentReusesTable;
  post_documents: PostDocumentsTable;
}

export type Document = Selectable<DocumentsTable>;
export type DocumentVersion = Selectable<DocumentVersionsTable>;
