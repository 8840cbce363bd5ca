import type { Selectable } from 'kysely';

/** A background job (src/jobs): waiting, running (leased), or failed for good. */
export interface JobsTable {
  id: string;
  kind: string;
  /** JSON text. */
  payload: string;
  /** When it is due (ISO 8601 UTC); pushed back after a failed attempt. */
  run_at: string;
  /** Attempts started so far (counted when a node claims the job). */
  attempts: number;
  last_error: string | null;
  /** While a node runs it: the end of its lease. */
  locked_until: string | null;
  /** Set when its last attempt failed; the row is kept with its error. */
  failed_at: string | null;
  created_at: string;
  /** Unique among jobs not failed: a second job with the key is not added. */
  key: string | null;
}

export interface JobsTables {
  jobs: JobsTable;
}

export type Job = Selectable<JobsTable>;
