/**
 * One row per question (a post of kind 'question'), kept by triggers (migration 0008): written
 * with the post, its first answer and answer deletions update it on every write path.
 * Times are calendar instants (UTC). Business hours (time to answer counted in working hours)
 * are computed from these (`answerTimes`), not stored.
 */
export interface QuestionsTable {
  post_id: string;
  asker_id: string;
  /** The post's created_at. */
  asked_at: string;
  /** The first top-level comment by someone other than the asker; null while open. */
  first_answer_at: string | null;
  accepted_comment_id: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  /** When the group's owners (org-wide: the admins) were told it passed its target (0011). */
  overdue_notified_at: string | null;
}

/** A group's target for a first answer (0011); no row: the default. */
export interface QuestionTargetsTable {
  group_id: string;
  target_hours: number;
  updated_by: string | null;
  updated_at: string;
}

/** "Helpful" on an answer: one per person, never on one's own answer. */
export interface AnswerVotesTable {
  comment_id: string;
  user_id: string;
  created_at: string;
}

export interface QuestionsTables {
  questions: QuestionsTable;
  answer_votes: AnswerVotesTable;
  question_targets: QuestionTargetsTable;
}

export type QuestionStatus = 'open' | 'answered' | 'accepted';
