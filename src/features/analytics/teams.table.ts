/**
 * Teams (level 2) in aggregate form (migration 0014), kept by triggers; deleting content never
 * lowers what happened.
 */

/** A post with its comments. */
export interface ConversationsTable {
  post_id: string;
  /** The post's day, YYYY-MM-DD (UTC). */
  day: string;
  /** The post's group, '' outside groups. */
  group_key: string;
  author_id: string;
  /** The first non-empty department among the people who wrote in it (as it was then). */
  first_department: string | null;
  /** 1 once people of at least two different non-empty departments wrote in it. */
  cross_department: number;
}

/** Someone who posted, commented or reacted in a group on a day. */
export interface GroupActivityDaysTable {
  group_id: string;
  day: string;
  user_id: string;
  posts: number;
  comments: number;
  reactions: number;
}

/** Per day and group ('' outside groups): counts, and the different people behind each. */
export interface TeamDaysTable {
  day: string;
  group_key: string;
  /** Posts, which are conversations; outside groups only these and their cross count. */
  posts: number;
  comments: number;
  reactions: number;
  /** Conversations of posts of that day that involve more than one department. */
  cross_department: number;
  posters: number;
  commenters: number;
  reactors: number;
  /** Different authors of those cross-department conversations. */
  cross_authors: number;
}

/** Per calendar month (YYYY-MM) and group: the same as `team_days`. */
export interface TeamMonthsTable {
  month: string;
  group_key: string;
  posts: number;
  comments: number;
  reactions: number;
  cross_department: number;
  posters: number;
  commenters: number;
  reactors: number;
  cross_authors: number;
}

/** Engaged members of a group in the 28 days up to `day`, and its members, as computed then. */
export interface GroupEngagementTable {
  day: string;
  group_id: string;
  members: number;
  engaged: number;
}

export interface GroupEngagementDaysTable {
  day: string;
  computed_at: string;
}

export interface TeamsTables {
  conversations: ConversationsTable;
  group_activity_days: GroupActivityDaysTable;
  team_days: TeamDaysTable;
  team_months: TeamMonthsTable;
  group_engagement: GroupEngagementTable;
  group_engagement_days: GroupEngagementDaysTable;
}
