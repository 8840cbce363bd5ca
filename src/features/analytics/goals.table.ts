/**
 * Business goals and what the value level reads (migration 0016).
 */
export interface GoalsTable {
  id: string;
  name: string;
  description: string;
  /** A key of the KPI registry (kpis.ts), or 'manual'. */
  kpi: string;
  /** The unit of a manual goal ('' for computed goals: the registry has theirs). */
  unit: string;
  baseline: number;
  target: number;
  /** YYYY-MM-DD. */
  start_date: string;
  /** YYYY-MM-DD. */
  deadline: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A manual goal's measured values. */
export interface GoalMeasurementsTable {
  id: string;
  goal_id: string;
  /** YYYY-MM-DD. */
  day: string;
  value: number;
  note: string;
  created_by: string | null;
  created_at: string;
}

/** A computed KPI's value on a day that has ended: final, so kept. */
export interface GoalKpiValuesTable {
  kpi: string;
  day: string;
  value: number | null;
  computed_at: string;
}

/** Posts carrying a success-story hashtag, with their day and group, kept by triggers. */
export interface ValueStoriesTable {
  post_id: string;
  tag: string;
  /** The post's group; '' for org-wide posts. */
  group_key: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
}

export interface GoalsTables {
  goals: GoalsTable;
  goal_measurements: GoalMeasurementsTable;
  goal_kpi_values: GoalKpiValuesTable;
  value_stories: ValueStoriesTable;
}
