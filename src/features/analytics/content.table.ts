/**
 * Measurement's copy of each question (migration 0015), kept by triggers on `questions`: what
 * the content level selects by period and group, and the answer times cached for it.
 */
export interface ContentQuestionsTable {
  post_id: string;
  asker_id: string;
  /** The post's group; null: org-wide. */
  group_id: string | null;
  asked_at: string;
  first_answer_at: string | null;
  accepted_at: string | null;
  /** The question's hashtags, separated by spaces; null: none. */
  tags: string | null;
  /** Fingerprint of the working-hours setting the cached times were computed with; null: none. */
  times_key: string | null;
  /** The first answer's time the cached times were computed for. */
  times_first_answer_at: string | null;
  /** The accepted answer's time the cached times were computed for. */
  times_accepted_at: string | null;
  /** `answerTimes`: asked → first answer, calendar and business hours (to the hundredth). */
  first_answer_hours: number | null;
  first_answer_business_hours: number | null;
  /** Asked → accepted answer. */
  accepted_hours: number | null;
  accepted_business_hours: number | null;
}

export interface ContentTables {
  content_questions: ContentQuestionsTable;
}
