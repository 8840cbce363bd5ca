import type { Generated, Selectable } from 'kysely';

export type PostKind = 'post' | 'question' | 'announcement';
export const REACTION_TYPES = ['like', 'thanks', 'insightful', 'celebrate'] as const;
export type ReactionType = (typeof REACTION_TYPES)[number];

export interface PostsTable {
  id: string;
  author_id: string;
  /** null: org-wide. */
  group_id: string | null;
  kind: Generated<PostKind>;
  /** As written (Markdown). */
  body: string;
  /** Rendered once when written: safe HTML. */
  html: string;
  created_at: string;
  edited_at: string | null;
  comment_count: Generated<number>;
  reaction_count: Generated<number>;
  /** JSON object: count per reaction type, kept with reaction_count in the same transaction. */
  reaction_counts: Generated<string>;
  pinned_until: string | null;
}

export interface CommentsTable {
  id: string;
  post_id: string;
  /** A reply's top-level comment; replies go one level deep. */
  parent_id: string | null;
  author_id: string;
  body: string;
  html: string;
  created_at: string;
  edited_at: string | null;
}

export interface ReactionsTable {
  post_id: string;
  user_id: string;
  type: ReactionType;
  created_at: string;
}

export interface PostMentionsTable {
  post_id: string;
  user_id: string;
}

export interface FollowsTable {
  user_id: string;
  target_type: 'group' | 'user' | 'hashtag';
  target_id: string;
  created_at: string;
}

export interface PostSharesTable {
  post_id: string;
  group_id: string;
  shared_by: string | null;
  created_at: string;
}

export interface PostReportsTable {
  id: string;
  post_id: string;
  reporter_id: string | null;
  reason: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: 'removed' | 'dismissed' | null;
}

export interface AnnouncementViewsTable {
  post_id: string;
  user_id: string;
  seen_at: string;
}

export interface PostsTables {
  post_shares: PostSharesTable;
  post_reports: PostReportsTable;
  announcement_views: AnnouncementViewsTable;
  posts: PostsTable;
  comments: CommentsTable;
  reactions: ReactionsTable;
  post_mentions: PostMentionsTable;
  follows: FollowsTable;
}

export type Post = Selectable<PostsTable>;
export type Comment = Selectable<CommentsTable>;
