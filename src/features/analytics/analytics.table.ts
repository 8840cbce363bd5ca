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

export interface AnalyticsTables {
  activity_days: ActivityDaysTable;
  activity_totals: ActivityTotalsTable;
  activity_periods: ActivityPeriodsTable;
}
