export type NotificationKind =
  | 'mention'
  | 'comment'
  | 'reply'
  | 'reaction'
  | 'group_invitation'
  | 'join_request'
  | 'announcement'
  | 'answer_accepted'
  | 'question_overdue'
  // Pain points (painpoints.notify.ts, painpoints.stale.ts).
  | 'pain_point_new'
  | 'pain_point_assigned'
  | 'pain_point_status'
  | 'pain_point_stale';

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  /** Who did it; for batched reactions, the latest. */
  actor_id: string | null;
  post_id: string | null;
  comment_id: string | null;
  group_id: string | null;
  /** Reactions to one post are batched into one unread notification. */
  count: number;
  read_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationsTables {
  notifications: NotificationsTable;
}
