export type Meaning = 'success_story' | 'customer_voice' | 'pain_point' | 'campaign';

export interface HashtagsTable {
  /** Normalised (see normaliseTag). */
  tag: string;
  /** The spelling first used. */
  display: string;
  meaning: Meaning | null;
  created_at: string;
}

export interface HashtagAliasesTable {
  alias: string;
  tag: string;
}

export interface PostHashtagsTable {
  tag: string;
  post_id: string;
  /** The post's group, copied so a series filters by visibility without a join. */
  group_id: string | null;
}

/** Posts per hashtag and group, kept by triggers on post_hashtags (migration 0007). */
export interface HashtagCountsTable {
  tag: string;
  /** The group's id; '' for org-wide posts. */
  group_key: string;
  n: number;
}

export interface HashtagsTables {
  hashtag_counts: HashtagCountsTable;
  hashtags: HashtagsTable;
  hashtag_aliases: HashtagAliasesTable;
  post_hashtags: PostHashtagsTable;
}
