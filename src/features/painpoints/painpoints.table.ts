import type { Selectable } from 'kysely';

export const PAIN_POINT_STATUSES = [
  'new',
  'acknowledged',
  'in_progress',
  'resolved',
  'wont_fix',
] as const;
export type PainPointStatus = (typeof PAIN_POINT_STATUSES)[number];
/** Closed: resolved or won't fix. */
export const CLOSED: readonly PainPointStatus[] = ['resolved', 'wont_fix'];
/** The system account that authors approved anonymous pain points (migration 0020). */
export const ANONYMOUS_USER_ID = 'anonymous';
/** No change of status in this many days: the owner is told it is stale. */
export const STALE_DAYS = 14;

export interface PainPointsTable {
  id: string;
  post_id: string;
  status: PainPointStatus;
  /** The author's department when it was filed; an anonymous one's as chosen. */
  department: string;
  /** Its post's group (copied: posts never move), null for org-wide (migration 0022). */
  group_id: string | null;
  /** Its post's author (copied, migration 0022); the system account for anonymous ones. */
  author_id: string | null;
  owner_id: string | null;
  /** 1: filed anonymously. */
  anonymous: number;
  resolving_post_id: string | null;
  vote_count: number;
  created_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  status_changed_at: string;
  stale_notified_at: string | null;
}

export interface PainPointVotesTable {
  pain_point_id: string;
  user_id: string;
  created_at: string;
}

export interface PainPointEventsTable {
  id: string;
  pain_point_id: string;
  /** null: the system. */
  actor_id: string | null;
  kind: 'status' | 'owner' | 'resolving_post';
  from_status: PainPointStatus | null;
  to_status: PainPointStatus | null;
  owner_id: string | null;
  resolving_post_id: string | null;
  note: string;
  created_at: string;
}

export interface DepartmentLeadsTable {
  department: string;
  user_id: string;
  created_at: string;
}

export type SubmissionStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface PainPointSubmissionsTable {
  id: string;
  /** Kept only while pending; the decision clears it. */
  author_id: string | null;
  body: string;
  department: string;
  group_id: string | null;
  status: SubmissionStatus;
  reason: string;
  post_id: string | null;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

export type PainPoint = Selectable<PainPointsTable>;
export type PainPointEvent = Selectable<PainPointEventsTable>;
export type Submission = Selectable<PainPointSubmissionsTable>;

export interface PainPointsTables {
  pain_points: PainPointsTable;
  pain_point_votes: PainPointVotesTable;
  pain_point_events: PainPointEventsTable;
  department_leads: DepartmentLeadsTable;
  pain_point_submissions: PainPointSubmissionsTable;
}
