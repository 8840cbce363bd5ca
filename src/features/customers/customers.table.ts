import type { Selectable } from 'kysely';

export const CUSTOMER_STATUSES = ['active', 'prospect', 'former'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** Scores are whole numbers on this scale. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 10;

export interface CustomersTable {
  id: string;
  name: string;
  /** Lower-cased, accent-folded name: unique, and the order of lists. */
  name_key: string;
  industry: string;
  /** The account owner. */
  owner_id: string | null;
  status: CustomerStatus;
  created_at: string;
  updated_at: string;
}

export interface SatisfactionDimensionsTable {
  id: string;
  /** 'overall', 'quality', 'communication', 'reliability', 'value' for the defaults. */
  code: string | null;
  /** '': the default name for `code`, in the reader's language. */
  name: string;
  position: number;
  target: number;
  tolerance: number;
  archived_at: string | null;
  created_at: string;
}

export interface SatisfactionRoundsTable {
  id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  published_at: string | null;
  published_post_id: string | null;
  created_at: string;
}

export interface EvaluationsTable {
  id: string;
  round_id: string;
  customer_id: string;
  conversation_date: string;
  /** Confidential unless chosen when a round is published. */
  comment: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvaluationScoresTable {
  evaluation_id: string;
  dimension_id: string;
  score: number;
}

export interface WidgetTokensTable {
  id: string;
  name: string;
  /** SHA-256 of the token, hex. */
  token_hash: string;
  scope: 'satisfaction';
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type Customer = Selectable<CustomersTable>;
export type Dimension = Selectable<SatisfactionDimensionsTable>;
export type Round = Selectable<SatisfactionRoundsTable>;
export type Evaluation = Selectable<EvaluationsTable>;

export interface CustomersTables {
  customers: CustomersTable;
  satisfaction_dimensions: SatisfactionDimensionsTable;
  satisfaction_rounds: SatisfactionRoundsTable;
  evaluations: EvaluationsTable;
  evaluation_scores: EvaluationScoresTable;
  widget_tokens: WidgetTokensTable;
}
