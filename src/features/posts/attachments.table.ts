import type { Selectable } from 'kysely';

export type AttachmentKind = 'image' | 'file';

/** A file attached to a post. Images are stored re-encoded (see attachments.ts), files as sent. */
export interface PostAttachmentsTable {
  id: string;
  post_id: string;
  kind: AttachmentKind;
  /** The name the person gave, cleaned: shown, and offered when downloading. */
  name: string;
  /** What the content is (checked by its bytes), e.g. `image/png`, `text/csv; charset=utf-8`. */
  mime: string;
  /** Bytes stored. */
  size: number;
  width: number | null;
  height: number | null;
  /** Ours, never derived from the name: `attachments/<postId>/<id>`. */
  storage_key: string;
  created_at: string;
  /** Order within the post, from 0. */
  position: number;
}

export interface AttachmentsTables {
  post_attachments: PostAttachmentsTable;
}

export type Attachment = Selectable<PostAttachmentsTable>;
