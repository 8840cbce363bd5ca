/**
 * Activity in aggregate form (migration 0013): one row per person per day (UTC) they did
 * anything, kept by triggers; never a click stream.
 */
export interface ActivityDaysTable {
  user_id: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  /** 1 when the person's session was seen that day. */
  visited: number;
  posts: number;
  comments: number;
  reactions: number;
  /** Document versions uploaded. */
  documents: number;
  downloads: number;
}

/** The daily rollup dashboards read (see rollup.ts for each column's definition). */
export interface ActivityTotalsTable {
  day: string;
  active: number;
  visitors: number;
  engaged: number;
  contributing: number;
  posts: number;
  comments: number;
  reactions: number;
  documents: number;
  downloads: number;
  computed_at: string;
}

/** Distinct people behind each figure of a finished day, week or month (migration 0018). */
export interface ActivityPeriodsTable {
  grain: string;
  period: string;
  active: number;
  visitors: number;
  posts: number;
  comments: number;
  reactions: number;
  documents: number;
  downloads: number;
  computed_at: string;
}

/**
 * The people active in a week or a month, kept by triggers on `activity_days` (migration 0024):
 * `flags` has a bit per kind of activity, in the order of ACTIVITY_BITS.
 */
export interface ActivityPeriodPeopleTable {
  grain: 'week' | 'month';
  period: string;
  user_id: string;
  flags: number;
}

/**
 * Posts carrying a hashtag with a meaning, narrow, for the hashtag KPIs (migration 0021).
 * The meaning itself is read from `hashtags`.
 */
export interface MeaningPostsTable {
  tag: string;
  post_id: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  author_id: string;
  /** The author's department when the post was written. */
  department: string;
  /** '' for org-wide posts. */
  group_key: string;
}

/** Level 1's distinct people over the 28 days ending with a finished day (migration 0021). */
export interface UsersLevelDaysTable {
  day: string;
  /** '' for everyone; a group's id for its members. */
  group_key: string;
  dau: number;
  wau: number;
  mau: number;
  engaged: number;
  contributing: number;
  computed_at: string;
}

export interface AnalyticsTables {
  meaning_posts: MeaningPostsTable;
  users_level_days: UsersLevelDaysTable;
  activity_days: ActivityDaysTable;
  activity_totals: ActivityTotalsTable;
  activity_periods: ActivityPeriodsTable;
  activity_period_people: ActivityPeriodPeopleTable;
}
